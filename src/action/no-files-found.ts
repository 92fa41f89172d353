import * as core from './actions-core.js';
import type { IfNoFilesFound } from './constants.js';
import { safeText } from './safe-text.js';

/** `if-no-files-found`, as actions/upload-artifact has it: warn, fail the step, or say it plainly. */
export function reportNoFilesFound(mode: IfNoFilesFound, message: string): void {
  if (mode === 'error') core.setFailed(safeText(message));
  else if (mode === 'warn') core.warning(safeText(message));
  else core.info(safeText(message));
}
