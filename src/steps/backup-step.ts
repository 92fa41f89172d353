import * as core from '../action/actions-core.js';
import * as path from 'node:path';
import { backupFiles, type StagingUnavailable } from '../engine/backup-engine.js';
import { formatStamp } from '../engine/backup-name.js';
import { errorMessage, statusForError } from '../engine/fs-errors.js';
import type { ResourceManager } from '../engine/resource-manager.js';
import { StagingDir, newRunIdentity, stagingPath, type RunIdentity } from '../engine/staging.js';
import type { FileResult } from '../engine/status.js';
import { reportNoFilesFound } from '../action/no-files-found.js';
import { findFiles } from '../action/find-files.js';
import { readSettings, type BackupSettings } from '../action/input-helper.js';
import { patternLines } from '../action/patterns.js';
import { manifestPath, manifestTempPath, writeManifest, type Manifest } from '../action/manifest.js';
import { setRunOutputs } from '../action/outputs.js';
import type { RunControl } from '../action/run-control.js';
import { count, failureSentence, formatBytes, formatDuration, reportEntry, totals } from '../action/run-report.js';
import { safeText } from '../action/safe-text.js';
import { saveCleanupState, saveExtraStagingDir, saveNoStagingDir } from '../action/state-helper.js';
import { StepLog } from '../action/step-log.js';
import { StepRuntime, readInputs } from '../action/step-runtime.js';
import { renderSummary, writeSummary } from '../action/summary.js';

/** The backup step: inputs -> find files -> back them up atomically -> report -> clean up. */
export async function run(): Promise<void> {
  const startedAt = Date.now();
  const time = new Date();
  const workspace = path.resolve(process.env['GITHUB_WORKSPACE'] || process.cwd());

  const settings = await readInputs(() => readSettings(name => core.getInput(name), workspace));
  if (!settings) return;
  await using step = new StepRuntime(settings.timeoutSeconds);
  const { resources, control } = step;

  core.debug(safeText(`workspace ${workspace}; backup-dir ${settings.backupDir} (from ${settings.backupDirFrom}${settings.configFile ? `, config ${settings.configFile}` : ''})`));
  core.debug(safeText(`note ${settings.note ?? '(none)'}; dry-run ${settings.dryRun}; timeout ${settings.timeoutSeconds} s; keep ${settings.keep}`));

  // Before anything is created: what the post step needs to clean up after a SIGKILL.
  const identity = newRunIdentity();
  const stamp = formatStamp(time);
  const manifest = manifestPath(identity.runId, stamp);
  saveCleanupState({ ...identity, stagingDir: stagingPath(settings.backupDir, identity.runId), manifestTemp: manifestTempPath(manifest) });

  const made: { staging?: StagingDir } = {};
  const results = await backUp(settings, time, control, resources, identity, made);
  await resources.cleanup();
  made.staging?.removeBackupDirIfEmpty();

  const entries = results.map(r => reportEntry(workspace, r));
  const t = totals(results);
  const stoppedBy = control.stoppedBy;
  // if-no-files-found: error fails the step with no file failed: the manifest says so too.
  const noneFoundFails = t.files === 0 && settings.ifNoFilesFound === 'error';
  const outcome = stoppedBy ?? (t.failed || noneFoundFails ? 'failure' : 'success');
  let manifestFile: string | undefined = manifest;
  try {
    const doc: Manifest = {
      version: 1,
      tool: 'bkpfile-action',
      runId: identity.runId,
      time: time.toISOString(),
      stamp,
      workspace,
      backupDir: settings.backupDir,
      note: settings.note ?? null,
      dryRun: settings.dryRun,
      outcome,
      files: entries
    };
    writeManifest(manifest, doc, resources);
  } catch (err) {
    manifestFile = undefined;
    core.warning(safeText(`Could not write the manifest ${manifest}: ${errorMessage(err)}`));
  }
  setRunOutputs({ backupDir: settings.backupDir, totals: t, entries, manifest: manifestFile });

  const duration = formatDuration(Date.now() - startedAt);
  const done = settings.dryRun
    ? `Dry run: ${count(t.wouldCreate, 'backup', 'backups')} would be created, ${count(t.identical, 'file is', 'files are')} identical to ${t.identical === 1 ? 'its' : 'their'} latest backup`
    : `${count(t.created, 'backup', 'backups')} created, ${count(t.identical, 'file', 'files')} identical to ${t.identical === 1 ? 'its' : 'their'} latest backup${t.removed ? `, ${count(t.removed, 'old backup', 'old backups')} removed (keep: ${settings.keep})` : ''} (${formatBytes(t.bytes)} in ${duration})`;
  const headline = stoppedBy
    ? `Stopped: ${control.reason}. ${count(t.created, 'backup was', 'backups were')} completed before that; nothing partial was left.`
    : t.files === 0
      ? 'No files matched: nothing was backed up.'
      : t.failed
      ? `${failureSentence(t)}. ${done}.`
      : `${done}.`;
  writeSummary(
    renderSummary({
      title: settings.dryRun ? 'bkpfile backup (dry run)' : 'bkpfile backup',
      headline,
      backupDir: settings.backupDir,
      totals: t,
      entries,
      durationMs: Date.now() - startedAt,
      manifest: manifestFile,
      keep: settings.keep
    })
  );
  if (stoppedBy || t.failed) core.setFailed(safeText(headline));
  else core.info(safeText(headline));
}

/** Finds the files and backs them up; every file gets a result, whatever happens. */
async function backUp(
  settings: BackupSettings,
  time: Date,
  control: RunControl,
  resources: ResourceManager,
  identity: RunIdentity,
  /** Gets the staging directory once it exists, for what the step does after cleanup. */
  made: { staging?: StagingDir }
): Promise<FileResult[]> {
  const { signal } = control;
  let files: string[];
  let walked: Uint8Array;
  let problems: FileResult[];
  try {
    const found = await findFiles({ ...settings, signal });
    files = found.files;
    walked = found.walked;
    // Paths the walk could not enter get a status of their own; the others carry on.
    problems = found.problems;
    for (const { pattern, reason } of found.skippedExplicit) {
      core.warning(safeText(`${pattern} was named in 'path' but is not backed up: ${reason}.`));
    }
  } catch (err) {
    if (signal.aborted) return [];
    throw err;
  }

  if (signal.aborted) return []; // stopped during the walk: the headline says so
  if (files.length === 0 && problems.length === 0) {
    const message = `No files were found with the provided path: ${patternLines(settings.patterns).join(', ')}. No backups were made.`;
    reportNoFilesFound(settings.ifNoFilesFound, message);
    return [];
  }

  core.debug(`${files.length} files matched`);
  let staging: StagingDir | StagingUnavailable | undefined;
  if (!settings.dryRun && files.length > 0) {
    try {
      staging = await StagingDir.create(settings.backupDir, identity, resources);
      made.staging = staging;
    } catch (err) {
      // Nothing of it is left (what was made is removed with the resources): the post step
      // has no staging directory to look for. Files identical to their latest backup need
      // no writing and are still reported; the others fail with this reason in the log.
      saveNoStagingDir();
      staging = {
        status: statusForError(err, signal),
        message: `cannot write to the backup directory ${settings.backupDir}: ${errorMessage(err)}`
      };
    }
  }

  const log = new StepLog(settings.workspace, files.length + problems.length, settings.keep);
  log.open(`${settings.dryRun ? 'Dry run: ' : ''}Backing up ${files.length} file${files.length === 1 ? '' : 's'} to ${settings.backupDir}`);
  try {
    for (const p of problems) log.fileDone(p);
    if (files.length === 0) return problems;
    const results = await backupFiles(
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
        reporter: log,
        walked,
        createStaging: dir => {
          saveExtraStagingDir(stagingPath(dir, identity.runId));
          return StagingDir.create(dir, identity, resources);
        }
      }
    );
    return [...problems, ...results];
  } finally {
    log.close();
  }
}
