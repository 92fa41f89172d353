import { BackupStatus } from './status.js';

/** The reason an AbortController was aborted with: a timeout or a cancellation. */
export class AbortReason extends Error {
  constructor(readonly status: typeof BackupStatus.Timeout | typeof BackupStatus.Cancelled, message: string) {
    super(message);
    this.name = 'AbortReason';
  }
}

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
  | typeof BackupStatus.Timeout
  | typeof BackupStatus.Cancelled
  | typeof BackupStatus.DiskFull
  | typeof BackupStatus.PermissionDenied
  | typeof BackupStatus.Error;

/** Maps a failure while backing up (or restoring) one file to the status the SPEC names for it. */
export function statusForError(err: unknown, signal?: AbortSignal): FaultStatus {
  if (signal?.aborted) return abortStatus(signal);
  if (err instanceof AbortReason) return err.status;
  const code = errnoCode(err);
  if (code && DISK_FULL.has(code)) return BackupStatus.DiskFull;
  if (code && PERMISSION.has(code)) return BackupStatus.PermissionDenied;
  return BackupStatus.Error;
}

export function abortStatus(signal: AbortSignal): typeof BackupStatus.Timeout | typeof BackupStatus.Cancelled {
  const reason: unknown = signal.reason;
  return reason instanceof AbortReason ? reason.status : BackupStatus.Cancelled;
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

/** Rejects as soon as the signal aborts, so a caller stops waiting on work it cannot interrupt. */
export function raceAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    work.catch(() => undefined);
    return Promise.reject(signal.reason as Error);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      value => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err as Error);
      }
    );
  });
}

/** Resolves `graceMs` after the signal aborts: how long workers get to notice before a run reports them stopped. */
export function afterAbort(signal: AbortSignal, graceMs: number): Promise<void> {
  return new Promise(resolve => {
    const onAbort = (): void => void setTimeout(resolve, graceMs);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
}
