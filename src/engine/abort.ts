import { BackupStatus } from './status.js';

/**
 * How the engines stop: one AbortSignal, aborted with a reason that says why (a timeout
 * or a cancellation), and the helpers that wait on work with it.
 */

/** The reason an AbortController was aborted with: a timeout or a cancellation. */
export class AbortReason extends Error {
  constructor(
    readonly status: typeof BackupStatus.Timeout | typeof BackupStatus.Cancelled,
    message: string
  ) {
    super(message);
    this.name = 'AbortReason';
  }
}

export function abortStatus(signal: AbortSignal): typeof BackupStatus.Timeout | typeof BackupStatus.Cancelled {
  const reason: unknown = signal.reason;
  return reason instanceof AbortReason ? reason.status : BackupStatus.Cancelled;
}

/**
 * Waits for `work`, or until `graceMs` after the signal aborts (how long workers get to
 * notice before a run reports them stopped), whichever comes first. Leaves no timer and
 * no listener behind either way.
 */
export async function untilDoneOrGraceAfterAbort(work: Promise<void>, signal: AbortSignal, graceMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const grace = new Promise<void>(resolve => {
    onAbort = () => {
      timer = setTimeout(resolve, graceMs);
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    await Promise.race([work, grace]);
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort!);
  }
}
