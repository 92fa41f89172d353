import * as core from '../action/actions-core.js';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { errnoCode, errorMessage } from '../engine/fs-errors.js';
import { removeJournaledTemps } from '../engine/restore-journal.js';
import { removeStagingDir, stagingPath } from '../engine/staging.js';
import { resolveBackupDir } from '../action/backup-dir-input.js';
import { manifestDir, manifestTempTag, restoreJournalPath } from '../action/manifest.js';
import { safeText } from '../action/safe-text.js';
import { readCleanupState, readRestoreCleanupState, type RestoreCleanupState } from '../action/state-helper.js';

/** The post step never holds up the job: it gives up (with a warning) after this long. */
const POST_DEADLINE_MS = 10_000;

/**
 * The post step: removes what a main step that was killed (SIGKILL) could not, after
 * proving it is that run's own. Its problems are warnings, never a failure.
 */
export async function run(deadlineMs = POST_DEADLINE_MS): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const deadline = new Promise<'deadline'>(resolve => {
      timer = setTimeout(resolve, deadlineMs, 'deadline');
      timer.unref();
    });
    const restoreState = readRestoreCleanupState();
    if (restoreState) return await cleanUpAfterRestore(restoreState, deadline, deadlineMs);
    const state = readCleanupState();
    if (!state) {
      core.debug('No state from the main step: it created nothing to clean up.');
      return;
    }
    const expected = await expectedStagingDir(state.runId);
    // '' when the main step could not create one: there is nothing to look for.
    const dirs = [...(state.stagingDir ? [state.stagingDir] : []), ...state.extraStagingDirs];
    let removed = 0;
    let refused = false;
    for (const dir of dirs) {
      const report = await Promise.race([removeStagingDir(dir, state, dir === expected), deadline]);
      if (report === 'deadline') {
        core.warning(`Post-step cleanup gave up after ${deadlineMs / 1000} s; ${safeText(dir)} may hold temporaries.`);
        return;
      }
      if (report.refused) core.warning(safeText(`Post-step cleanup left ${dir} alone: ${report.refused}.`));
      for (const problem of report.problems) core.warning(safeText(`Post-step cleanup: ${problem}`));
      removed += report.removed;
      refused ||= report.refused !== undefined;
    }
    if (removed) core.info(`Removed ${removed} temporary file(s) left by the main step.`);
    else if (!refused) core.info('Nothing to clean up: the main step left no temporaries.');
    await removeManifestTemp(state.manifestTemp, state.runId, state.token);
  } catch (err) {
    core.warning(safeText(`Post-step cleanup failed: ${errorMessage(err)}`));
  } finally {
    clearTimeout(timer);
  }
}

/** The restore step's temporaries, beside the files it was restoring, found through its journal. */
async function cleanUpAfterRestore(state: RestoreCleanupState, deadline: Promise<'deadline'>, deadlineMs: number): Promise<void> {
  const report = await Promise.race([removeJournaledTemps(state.journal, state, restoreJournalPath(state.runId)), deadline]);
  if (report === 'deadline') {
    core.warning(`Post-step cleanup gave up after ${deadlineMs / 1000} s; the restore's temporaries listed in ${safeText(state.journal)} may remain.`);
    return;
  }
  if (report.refused) core.warning(safeText(`Post-step cleanup left ${state.journal} alone: ${report.refused}.`));
  for (const problem of report.problems) core.warning(safeText(`Post-step cleanup: ${problem}`));
  if (report.removed) core.info(`Removed ${report.removed} temporary file(s) left by the restore step; the files they were restoring were left as they were.`);
  else if (!report.refused) core.info('Nothing to clean up: the restore step left no temporaries.');
}

/** Where this run's staging directory must be, from the step's own inputs (not from state). */
async function expectedStagingDir(runId: string): Promise<string | undefined> {
  try {
    const workspace = path.resolve(process.env['GITHUB_WORKSPACE'] || process.cwd());
    const { backupDir } = await resolveBackupDir(name => core.getInput(name), workspace);
    return stagingPath(backupDir, runId);
  } catch {
    return undefined;
  }
}

/** The manifest's temporary, only in the manifest directory and by its exact shape. */
async function removeManifestTemp(file: string, runId: string, token: string): Promise<void> {
  if (!/^[0-9a-f]{16}$/.test(runId) || !/^[0-9a-f]{32}$/.test(token) || !path.isAbsolute(file) || path.resolve(file) !== file) return;
  if (path.dirname(file) !== manifestDir()) return;
  // Named for this run and tagged with its token: a tampered token never matches.
  const name = new RegExp(`^manifest-\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-${runId}\\.json\\.${manifestTempTag(token)}\\.tmp$`);
  if (!name.test(path.basename(file))) return;
  try {
    if ((await fs.lstat(file)).isFile()) await fs.unlink(file);
  } catch (err) {
    if (errnoCode(err) !== 'ENOENT') core.warning(safeText(`Post-step cleanup: ${file}: ${errorMessage(err)}`));
  }
}
