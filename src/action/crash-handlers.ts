import { failed, reportOutcome, type StepOutcome } from './step-outcome.js';
import { errorMessage } from '../engine/fs-errors.js';
import type { ResourceManager } from '../engine/resource-manager.js';
import { closeOpenLog } from './step-log.js';

export interface CrashHandlers extends Disposable {
  /** Cleans up what is registered, fails the step with `message`, and exits now. */
  exit(message: string): never;
}

/**
 * While installed, an uncaught exception or unhandled rejection anywhere in the step
 * still removes every registered temporary and fails the step with the error's message
 * (Node's counterpart of bkpfile's panic recovery).
 */
export function installCrashHandlers(
  resources: ResourceManager,
  step: { report(outcome: StepOutcome): void; exit(code: number): never } = {
    report: reportOutcome,
    exit: code => process.exit(code)
  }
): CrashHandlers {
  const exit = (message: string): never => {
    // cleanup() does its removals synchronously before its first await.
    void resources.cleanup();
    closeOpenLog();
    step.report(failed(message));
    return step.exit(1);
  };
  const onCrash = (err: unknown): void => {
    exit(`bkpfile-action failed unexpectedly: ${errorMessage(err)}`);
  };
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  return {
    exit,
    [Symbol.dispose]() {
      process.off('uncaughtException', onCrash);
      process.off('unhandledRejection', onCrash);
    }
  };
}
