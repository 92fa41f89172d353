import * as core from './actions-core.js';
import { ResourceManager } from '../engine/resource-manager.js';
import { installCrashHandlers, type CrashHandlers } from './crash-handlers.js';
import { RunControl } from './run-control.js';
import { safeText } from './safe-text.js';

/**
 * What every step that writes holds for its whole run: the ResourceManager (bkpfile's
 * `defer rm.Cleanup()`), the crash handlers that still clean up on an uncaught error, and
 * the one AbortController that a timeout, SIGINT or SIGTERM aborts.
 * `await using step = new StepRuntime(timeout)` releases them in that reverse order on
 * every exit path.
 */
export class StepRuntime implements AsyncDisposable {
  readonly resources = new ResourceManager(message => core.warning(safeText(message)));
  readonly control: RunControl;
  private readonly crash: CrashHandlers;

  constructor(timeoutSeconds: number) {
    this.crash = installCrashHandlers(this.resources);
    this.control = new RunControl(timeoutSeconds, () =>
      this.crash.exit(`Stopped: ${this.control.reason ?? 'stopped'}, and the step did not finish stopping in time; temporaries were removed.`)
    );
  }

  get signal(): AbortSignal {
    return this.control.signal;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    this.control[Symbol.dispose]();
    this.crash[Symbol.dispose]();
    await this.resources.cleanup();
  }
}
