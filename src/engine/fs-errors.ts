import { AbortReason, abortStatus } from './abort.js';
import { BackupStatus } from './status.js';

export function errnoCode(err: unknown): string | undefined {
  if (typeof err === 'object' && err !== null && 'code' in err) {
    const code = (err as { code: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

const DISK_FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);
const PERMISSION = new Set(['EACCES', 'EPERM', 'EROFS']);

/** The statuses a failure maps to; backup and restore both have them. */
export type FaultStatus =
  typeof BackupStatus.Timeout | typeof BackupStatus.Cancelled | typeof BackupStatus.DiskFull | typeof BackupStatus.PermissionDenied | typeof BackupStatus.Error;

/** Maps a failure while backing up (or restoring) one file to the status the SPEC names for it. */
export function statusForError(err: unknown, signal?: AbortSignal): FaultStatus {
  if (signal?.aborted) return abortStatus(signal);
  if (err instanceof AbortReason) return err.status;
  const code = errnoCode(err);
  if (code && DISK_FULL.has(code)) return BackupStatus.DiskFull;
  if (code && PERMISSION.has(code)) return BackupStatus.PermissionDenied;
  return BackupStatus.Error;
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
