/** What happened to one file that restore matched. */
export const RestoreStatus = {
  Restored: 'restored',
  Identical: 'identical',
  WouldRestore: 'would-restore',
  /** Matched only by a wildcard (or listed without a backup in a manifest): left alone. */
  NoBackup: 'no-backup',
  /** Named explicitly in `path`, but no backup fits the selector. */
  MissingBackup: 'missing-backup',
  /** The backup named (by a manifest) is not a backup of this file in the backup directory. */
  InvalidBackup: 'invalid-backup',
  OutsideWorkspace: 'outside-workspace',
  InvalidFileType: 'invalid-file-type',
  PermissionDenied: 'permission-denied',
  DiskFull: 'disk-full',
  Cancelled: 'cancelled',
  Timeout: 'timeout',
  Error: 'error'
} as const;
export type RestoreStatus = (typeof RestoreStatus)[keyof typeof RestoreStatus];

const NOT_FAILURES: ReadonlySet<RestoreStatus> = new Set([RestoreStatus.Restored, RestoreStatus.Identical, RestoreStatus.WouldRestore, RestoreStatus.NoBackup]);

export function isRestoreFailure(status: RestoreStatus): boolean {
  return !NOT_FAILURES.has(status);
}

/** One file to restore, decided before any is written. */
export interface RestorePlan {
  /** Absolute path of the file to put back (as matched, not resolved through symlinks). */
  target: string;
  /** Absolute path of the chosen backup; null when there is none. */
  backup: string | null;
  /** Set when the outcome is already known (no backup fits, a bad manifest entry, …). */
  status?: RestoreStatus;
  message?: string;
}

export interface RestoreResult {
  target: string;
  backup: string | null;
  status: RestoreStatus;
  /** Bytes written to the target (or that would be). */
  bytes: number;
  message?: string;
}
