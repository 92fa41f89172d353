import * as core from '../action/actions-core.js';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { THREADS_MIN_FILES, backupFiles, type StagingUnavailable } from '../engine/backup-engine.js';
import { WorkerPool, defaultWorkerCount } from '../engine/backup-threads.js';
import { formatStamp } from '../engine/backup-name.js';
import { errorMessage, statusForError } from '../engine/fs-errors.js';
import type { ResourceManager } from '../engine/resource-manager.js';
import { StagingDir, newRunIdentity, stagingPath, type RunIdentity } from '../engine/staging.js';
import type { FileResult } from '../engine/status.js';
import { findFiles } from '../action/find-files.js';
import { readSettings, type BackupSettings } from '../action/input-helper.js';
import { patternLines } from '../action/patterns.js';
import { MANIFEST_VERSION, manifestPath, manifestTempPath } from '../action/manifest.js';
import { BackupReport } from '../action/backup-report.js';
import { reportEntry } from '../action/run-report.js';
import type { StepOutcome } from '../action/step-outcome.js';
import type { RunControl } from '../action/run-control.js';
import { safeText } from '../action/safe-text.js';
import { saveCleanupState, saveExtraStagingDir, saveNoStagingDir } from '../action/state-helper.js';
import { Inputs } from '../action/constants.js';
import { StepLog } from '../action/step-log.js';
import { StepRuntime } from '../action/step-runtime.js';

/**
 * The backup step: inputs -> find files -> back them up atomically -> clean up -> report.
 * Gives the step's outcome; the entry point reports it (the step's one setFailed).
 */
export async function run(): Promise<StepOutcome> {
  const startedAt = Date.now();
  const time = new Date();
  const workspace = path.resolve(process.env['GITHUB_WORKSPACE'] || process.cwd());

  // A mistake in the inputs throws an InputError before anything is written.
  const settings = await readSettings(name => core.getInput(name), workspace);
  await using step = new StepRuntime(settings.timeoutSeconds);
  const { resources, control } = step;

  core.debug(
    safeText(
      `workspace ${workspace}; backup-dir ${settings.backupDir} (from ${settings.backupDirFrom}${settings.configFile ? `, config ${settings.configFile}` : ''})`
    )
  );
  core.debug(safeText(`note ${settings.note ?? '(none)'}; dry-run ${settings.dryRun}; timeout ${settings.timeoutSeconds} s; keep ${settings.keep}`));

  // Before anything is created: what the post step needs to clean up after a SIGKILL.
  const identity = newRunIdentity();
  const stamp = formatStamp(time);
  const manifest = manifestPath(identity.runId, stamp);
  const manifestTemp = manifestTempPath(manifest, identity.token);
  saveCleanupState({ ...identity, stagingDir: stagingPath(settings.backupDir, identity.runId), manifestTemp });

  const report = new BackupReport(
    settings,
    {
      version: MANIFEST_VERSION,
      tool: 'bkpfile-action',
      runId: identity.runId,
      time: time.toISOString(),
      stamp,
      workspace,
      backupDir: settings.backupDir,
      note: settings.note ?? null,
      dryRun: settings.dryRun
    },
    manifest,
    manifestTemp,
    resources
  );
  const { noFilesFound, staging } = await backUp(settings, time, control, resources, identity, report);
  // The report first: the manifest's temporary is one of the resources cleanup removes.
  const stopped = control.stoppedBy ? { by: control.stoppedBy, reason: control.reason ?? control.stoppedBy } : undefined;
  const outcome = report.finish({ startedAt, noFilesFound, stopped });
  await resources.cleanup();
  if (staging instanceof StagingDir) staging.removeBackupDirIfEmpty();
  return outcome;
}

/**
 * Finds the files and backs them up; every file gets a result, whatever happens. Gives the
 * staging directory it made (for what the step does after cleanup).
 */
async function backUp(
  settings: BackupSettings,
  time: Date,
  control: RunControl,
  resources: ResourceManager,
  identity: RunIdentity,
  /** Takes every file's result as it is done. */
  report: BackupReport
): Promise<{ noFilesFound?: string; staging?: StagingDir | StagingUnavailable }> {
  const { signal } = control;
  let files: string[];
  let walked: Uint8Array;
  let problems: FileResult[];
  // Worker threads take tens of milliseconds to load: they start as soon as the walk has
  // found enough files for them, and load while it goes on.
  await using threads = settings.dryRun ? undefined : backupThreads();
  const onFound = threads && ((count: number): void => void (count >= THREADS_MIN_FILES && threads.start()));
  try {
    const found = await findFiles({ ...settings, signal, onFound });
    files = found.files;
    walked = found.walked;
    // Paths the walk could not enter get a status of their own; the others carry on.
    problems = found.problems;
    for (const { pattern, reason } of found.skippedExplicit) {
      core.warning(safeText(`${pattern} was named in '${Inputs.Path}' but is not backed up: ${reason}.`));
    }
  } catch (err) {
    if (signal.aborted) return {};
    throw err;
  }

  if (signal.aborted) return {}; // stopped during the walk: the headline says so
  if (files.length === 0 && problems.length === 0) {
    return { noFilesFound: `No files were found with the provided path: ${patternLines(settings.patterns).join(', ')}. No backups were made.` };
  }

  core.debug(`${files.length} files matched`);
  let staging: StagingDir | StagingUnavailable | undefined;
  if (!settings.dryRun && files.length > 0) {
    try {
      staging = await StagingDir.create(settings.backupDir, identity, resources);
    } catch (err) {
      // Nothing of it is left (create removes what it made): the post step has no staging
      // directory to look for. Files identical to their latest backup need no writing and
      // are still reported; the others fail with this reason in the log.
      saveNoStagingDir();
      staging = {
        status: statusForError(err, signal),
        message: `cannot write to the backup directory ${settings.backupDir}: ${errorMessage(err)}`
      };
    }
  }

  const log = new StepLog(files.length + problems.length, settings.keep);
  log.open(`${settings.dryRun ? 'Dry run: ' : ''}Backing up ${files.length} file${files.length === 1 ? '' : 's'} to ${settings.backupDir}`);
  const reporter = {
    fileDone(result: FileResult): void {
      const entry = reportEntry(settings.workspace, result);
      log.fileDone(entry);
      report.add(entry);
    },
    warning: (message: string) => log.warning(message),
    debug: (message: string) => log.debug(message)
  };
  try {
    for (const p of problems) reporter.fileDone(p);
    if (files.length === 0) return { staging };
    await backupFiles(
      files,
      {
        workspace: settings.workspace,
        backupDir: settings.backupDir,
        note: settings.note,
        dryRun: settings.dryRun,
        keep: settings.keep,
        allowOutsideWorkspace: settings.allowOutsideWorkspace,
        followSymbolicLinks: settings.followSymbolicLinks,
        time
      },
      {
        signal,
        resources,
        staging,
        reporter,
        walked,
        threads,
        createStaging: dir => {
          saveExtraStagingDir(stagingPath(dir, identity.runId));
          return StagingDir.create(dir, identity, resources);
        }
      }
    );
    return { staging };
  } finally {
    log.close();
  }
}

/**
 * The worker threads the backup may use: the bundled worker beside this step's bundle
 * (dist/backup-worker/index.js), on a machine with more than one CPU.
 */
function backupThreads(): WorkerPool | undefined {
  const workers = defaultWorkerCount();
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'backup-worker', 'index.js');
  if (workers === 0 || !existsSync(script)) return undefined;
  core.debug(`up to ${workers} worker thread${workers === 1 ? '' : 's'} besides the main one, for ${THREADS_MIN_FILES} files or more (${script})`);
  return new WorkerPool(script, workers);
}
