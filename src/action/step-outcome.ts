import * as core from './actions-core.js';
import type { IfNoFilesFound } from './constants.js';
import { safeText } from './safe-text.js';

/**
 * How a step ended, as its `run()` gives it back. The entry point reports it
 * (`reportOutcome`), so this module holds the one `setFailed` of every step.
 */
export interface StepOutcome {
  /** failure fails the step; warning is an annotation on a step that succeeds. */
  level: 'info' | 'warning' | 'failure';
  /** The step's last line: its headline. */
  message: string;
}

export const succeeded = (message: string): StepOutcome => ({ level: 'info', message });
export const failed = (message: string): StepOutcome => ({ level: 'failure', message });

/** `if-no-files-found`, as actions/upload-artifact has it: warn, fail the step, or say it plainly. */
export function noFilesFound(mode: IfNoFilesFound, message: string): StepOutcome {
  return { level: mode === 'error' ? 'failure' : mode === 'warn' ? 'warning' : 'info', message };
}

/** Prints the outcome, failing the step when it is a failure. Names in it are escaped. */
export function reportOutcome(outcome: StepOutcome): void {
  const text = safeText(outcome.message);
  if (outcome.level === 'failure') core.setFailed(text);
  else if (outcome.level === 'warning') core.warning(text);
  else core.info(text);
}
