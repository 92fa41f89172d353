import * as core from '@actions/core';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { errnoCode, errorMessage } from './engine/fs-errors.js';
import { removeStagingDir } from './engine/staging.js';
import { safeText } from './action/safe-text.js';
import { readCleanupState } from './action/state-helper.js';

/** The post step never holds up the job: it gives up (with a warning) after this long. */
const POST_DEADLINE_MS = 10_000;

/**
 * The post step: removes what a main step that was killed (SIGKILL) could not, after
 * proving it is that run's own. Its problems are warnings, never a failure.
 */
export async function run(): Promise<void> {
  try {
    const state = readCleanupState();
    if (!state) {
      core.debug('No state from the main step: it created nothing to clean up.');
      return;
    }
    const deadline = new Promise<'deadline'>(resolve => setTimeout(resolve, POST_DEADLINE_MS, 'deadline').unref());
    const report = await Promise.race([removeStagingDir(state.stagingDir, state), deadline]);
    if (report === 'deadline') {
      core.warning(`Post-step cleanup gave up after ${POST_DEADLINE_MS / 1000} s; ${safeText(state.stagingDir)} may hold temporaries.`);
      return;
    }
    if (report.refused) core.warning(safeText(`Post-step cleanup left ${state.stagingDir} alone: ${report.refused}.`));
    for (const problem of report.problems) core.warning(safeText(`Post-step cleanup: ${problem}`));
    if (report.removed) core.info(`Removed ${report.removed} temporary file(s) left by the main step.`);
    else if (!report.refused) core.info('Nothing to clean up: the main step left no temporaries.');
    await removeManifestTemp(state.manifestTemp, state.runId);
  } catch (err) {
    core.warning(safeText(`Post-step cleanup failed: ${errorMessage(err)}`));
  }
}

/** The manifest's temporary, only by its exact shape: `manifest-<stamp>-<runId>.json.tmp`. */
async function removeManifestTemp(file: string, runId: string): Promise<void> {
  if (!/^[0-9a-f]{16}$/.test(runId) || !path.isAbsolute(file) || path.basename(path.dirname(file)) !== 'bkpfile') return;
  if (!new RegExp(`^manifest-\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-${runId}\\.json\\.tmp$`).test(path.basename(file))) return;
  try {
    if ((await fs.lstat(file)).isFile()) await fs.unlink(file);
  } catch (err) {
    if (errnoCode(err) !== 'ENOENT') core.warning(safeText(`Post-step cleanup: ${file}: ${errorMessage(err)}`));
  }
}
