/** What happened to one matched file. */
export const BackupStatus = {
  Created: 'created',
  Identical: 'identical',
  WouldCreate: 'would-create',
  InvalidFileType: 'invalid-file-type',
  PermissionDenied: 'permission-denied',
  DiskFull: 'disk-full',
  OutsideWorkspace: 'outside-workspace',
  /** A path the walk found that vanished before it could be read. */
  NotFound: 'not-found',
  /** The file changed while it was copied, every time it was tried: no backup was kept. */
  KeptChanging: 'kept-changing',
  Cancelled: 'cancelled',
  Timeout: 'timeout',
  Error: 'error'
} as const;
export type BackupStatus = (typeof BackupStatus)[keyof typeof BackupStatus];

/** The messages the engines give the files a stop left: the log counts these instead of listing them. */
export const StopMessage = {
  /** Under way, or next in line, when the run was stopped. */
  Unfinished: 'stopped before it finished',
  NotStarted: 'not started: the run was stopped'
} as const;

/** Statuses that count as success: the file is safely backed up, or would be. */
const SUCCESS: ReadonlySet<BackupStatus> = new Set([BackupStatus.Created, BackupStatus.Identical, BackupStatus.WouldCreate]);

export function isFailure(status: BackupStatus): boolean {
  return !SUCCESS.has(status);
}

export interface FileResult {
  /** Absolute path of the source as matched (not resolved through symlinks). */
  source: string;
  /** Absolute path of the backup made, matched as identical, or that would be made. */
  backup: string | null;
  status: BackupStatus;
  /** Bytes written to the backup (or that would be); 0 when nothing is written. */
  bytes: number;
  /** Why, for every status that is not a plain success. */
  message?: string;
  /** Absolute paths of this file's old backups that `keep` deleted. */
  removed?: string[];
}
