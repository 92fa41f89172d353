import { AbortReason } from '../engine/abort.js';
import { BackupStatus } from '../engine/status.js';

/** After an abort, the step must be gone well inside the runner's 7.5 s before SIGTERM. */
const FORCED_EXIT_MS = 5000;

/**
 * One AbortController for the step: the `timeout` input and the runner's cancellation
 * (SIGINT, then SIGTERM) abort it with a reason the engine turns into file statuses.
 */
export class RunControl implements Disposable {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout | undefined;
  private readonly onSignal = (signal: NodeJS.Signals): void => {
    this.abort(new AbortReason(BackupStatus.Cancelled, `the step was cancelled (${signal})`));
  };

  constructor(
    timeoutSeconds: number,
    /** Last resort when an abort is not followed by an exit in time. */
    private readonly forceExit: () => void
  ) {
    if (timeoutSeconds > 0) {
      this.timer = setTimeout(() => {
        this.abort(new AbortReason(BackupStatus.Timeout, `the step timed out after ${timeoutSeconds} s (timeout input)`));
      }, timeoutSeconds * 1000);
      this.timer.unref();
    }
    process.on('SIGINT', this.onSignal);
    process.on('SIGTERM', this.onSignal);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** 'cancelled' or 'timeout' once aborted. */
  get stoppedBy(): typeof BackupStatus.Cancelled | typeof BackupStatus.Timeout | undefined {
    const reason: unknown = this.controller.signal.reason;
    return reason instanceof AbortReason ? reason.status : undefined;
  }

  get reason(): string | undefined {
    const reason: unknown = this.controller.signal.reason;
    return reason instanceof AbortReason ? reason.message : undefined;
  }

  private abort(reason: AbortReason): void {
    if (this.controller.signal.aborted) return;
    this.controller.abort(reason);
    this.exitTimer = setTimeout(this.forceExit, FORCED_EXIT_MS);
    this.exitTimer.unref();
  }

  /** The last resort after an abort; cleared when the run ends, so it never outlives it. */
  private exitTimer: NodeJS.Timeout | undefined;

  [Symbol.dispose](): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.exitTimer) clearTimeout(this.exitTimer);
    process.off('SIGINT', this.onSignal);
    process.off('SIGTERM', this.onSignal);
  }
}
