import * as core from '../action/actions-core.js';
import { existsSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { displayPath } from '../engine/paths.js';
import { restoreFiles } from '../engine/restore-engine.js';
import { RestoreJournal } from '../engine/restore-journal.js';
import { RestoreStatus, isRestoreFailure, type RestorePlan, type RestoreResult } from '../engine/restore-status.js';
import { newRunIdentity } from '../engine/staging.js';
import { failed, noFilesFound, succeeded, type StepOutcome } from '../action/step-outcome.js';
import { patternLines } from '../action/patterns.js';
import { RestoreOutputs } from '../action/constants.js';
import { restoreJournalPath } from '../action/manifest.js';
import { jsonArrayWithin } from '../action/outputs.js';
import { readRestoreSettings, type RestoreSettings } from '../action/restore-inputs.js';
import { planRestore } from '../action/restore-targets.js';
import { count, formatBytes, formatDuration } from '../action/run-report.js';
import { htmlText, safeText } from '../action/safe-text.js';
import { saveRestoreCleanupState } from '../action/state-helper.js';
import { FileLog, isNotStarted } from '../action/step-log.js';
import { StepRuntime } from '../action/step-runtime.js';
import { renderTableReport, writeSummary } from '../action/summary.js';

/**
 * The restore step: inputs -> which backup for which file -> atomic replacement -> report.
 * Gives the step's outcome; the entry point reports it.
 */
export async function run(): Promise<StepOutcome> {
  const startedAt = Date.now();
  const workspace = path.resolve(process.env['GITHUB_WORKSPACE'] || process.cwd());

  // A mistake in the inputs throws an InputError before anything is written.
  const settings = await readRestoreSettings(name => core.getInput(name), workspace);
  await using step = new StepRuntime(settings.timeoutSeconds);
  const { resources, control, signal } = step;
  core.debug(
    safeText(
      `workspace ${workspace}; backup-dir ${settings.backupDir} (from ${settings.backupDirFrom}); selector ${settings.selector.kind}; dry-run ${settings.dryRun}`
    )
  );

  // Before any temporary exists: what the post step needs after a SIGKILL.
  const identity = newRunIdentity();
  let journal: RestoreJournal | undefined;
  if (!settings.dryRun) {
    const file = restoreJournalPath(identity.runId);
    saveRestoreCleanupState({ ...identity, journal: file });
    mkdirSync(path.dirname(file), { recursive: true });
    resources.addTempFile(file);
    journal = RestoreJournal.create(file, identity);
  }

  let plans: RestorePlan[] = [];
  try {
    const planning = await planRestore(settings, signal);
    plans = planning.plans;
    for (const { dir, message } of planning.unreadable) core.warning(safeText(`Could not read ${dir} in the backup directory: ${message}`));
  } catch (err) {
    if (!signal.aborted) throw err;
  }

  let results: RestoreResult[] = [];
  if (plans.length > 0 && !signal.aborted) {
    const log = new FileLog<RestoreResult>(plans.length, {
      line: r =>
        `${r.status.padEnd(17)} ${displayPath(workspace, r.target)}${r.backup ? ` <- ${displayPath(workspace, r.backup)}` : ''}${r.message ? ` (${r.message})` : ''}`,
      failure: r => (isRestoreFailure(r.status) ? `${r.status}: ${displayPath(workspace, r.target)}: ${r.message ?? ''}` : undefined),
      bytes: r => r.bytes,
      notStarted: r => (isNotStarted(r.message) ? r.status : undefined)
    });
    log.open(`${settings.dryRun ? 'Dry run: ' : ''}Restoring ${plans.length} file${plans.length === 1 ? '' : 's'} from ${settings.backupDir}`);
    try {
      results = await restoreFiles(
        plans,
        {
          workspace,
          backupDir: settings.backupDir,
          allowOutsideWorkspace: settings.allowOutsideWorkspace,
          dryRun: settings.dryRun,
          runId: identity.runId
        },
        { signal, resources, journal, reporter: log }
      );
    } finally {
      log.close();
    }
  }
  journal?.close();
  await resources.cleanup();

  const t = restoreTotals(results);
  const stoppedBy = control.stoppedBy;
  // Nothing matched, or nothing matched has a backup that fits: a rollback that restores
  // nothing must not pass unnoticed (a mistyped backup-dir or note, a fresh runner).
  const nothing = !stoppedBy && t.files === t.noBackup;
  const backupDirMissing = !existsSync(settings.backupDir);
  // Made one at a time, only as many as the output takes: not a second list of every file.
  const rows = function* (): Generator<{ path: string; backup: string | null; status: RestoreStatus }> {
    for (const r of results)
      yield { path: displayPath(workspace, r.target), backup: r.backup === null ? null : displayPath(workspace, r.backup), status: r.status };
  };
  const { json, listed } = jsonArrayWithin(rows());
  core.setOutputs([
    [RestoreOutputs.Restored, t.restored],
    [RestoreOutputs.Identical, t.identical],
    [RestoreOutputs.Failed, t.failed],
    [RestoreOutputs.Files, json],
    [RestoreOutputs.FilesTruncated, listed < results.length]
  ]);
  if (listed < results.length) {
    core.warning(`The 'files' output lists ${listed} of ${results.length} files, to stay under the runner's 1 MB output limit; the log lists them all.`);
  }

  const headline = stoppedBy
    ? `Stopped: ${control.reason}. ${count(t.restored, 'file was', 'files were')} restored before that; every other file was left as it was.`
    : nothing
      ? nothingToRestore(settings, t.files, backupDirMissing)
      : restoreHeadline(settings.dryRun, t, Date.now() - startedAt);
  writeSummary(
    renderTableReport({
      title: settings.dryRun ? 'bkpfile restore (dry run)' : 'bkpfile restore',
      headline,
      counts: [
        `${t.files} matched`,
        t.restored ? `${t.restored} restored` : '',
        t.identical ? `${t.identical} identical` : '',
        t.wouldRestore ? `${t.wouldRestore} would be restored` : '',
        t.noBackup ? `${t.noBackup} without a backup, left alone` : '',
        t.failed ? `${t.failed} failed` : '',
        `${formatBytes(t.bytes)} ${settings.dryRun ? 'to write' : 'written'}`,
        `in ${formatDuration(Date.now() - startedAt)}`
      ],
      backupDir: settings.backupDir,
      header: ['File', 'From backup', 'Status', 'Size'],
      rows: results,
      cells: r => [
        `<code>${htmlText(displayPath(workspace, r.target))}</code>`,
        r.backup ? `<code>${htmlText(displayPath(workspace, r.backup))}</code>` : '',
        `${r.status}${r.message ? `: ${htmlText(r.message)}` : ''}`,
        r.bytes ? formatBytes(r.bytes) : ''
      ],
      rowNoun: 'file',
      manifest: undefined
    })
  );
  if (stoppedBy || t.failed > 0) return failed(headline);
  return nothing ? noFilesFound(settings.ifNoFilesFound, headline) : succeeded(headline);
}

function nothingToRestore(settings: RestoreSettings, matched: number, backupDirMissing: boolean): string {
  const missing = backupDirMissing ? ` The backup directory ${settings.backupDir} does not exist.` : '';
  if (settings.selector.kind === 'manifest') {
    const lists = matched
      ? `lists ${count(matched, 'file', 'files')} but no backup of ${matched === 1 ? 'it' : 'them'}`
      : `lists no file${patternLines(settings.patterns).length ? ' that the provided path matches' : ''}`;
    return `The manifest ${settings.selector.file} ${lists}. Nothing was restored.${missing}`;
  }
  const found = matched
    ? `None of the ${count(matched, 'file', 'files')} the provided path matches has a backup${settings.selector.kind === 'newest' ? '' : ' that fits the selector'}`
    : 'No files with backups, and no existing files, were found with the provided path';
  return `${found}: ${patternLines(settings.patterns).join(', ')}. Nothing was restored.${missing}`;
}

interface RestoreTotals {
  files: number;
  restored: number;
  identical: number;
  wouldRestore: number;
  noBackup: number;
  failed: number;
  bytes: number;
  failures: Map<RestoreStatus, number>;
}

function restoreTotals(results: readonly RestoreResult[]): RestoreTotals {
  const t: RestoreTotals = { files: results.length, restored: 0, identical: 0, wouldRestore: 0, noBackup: 0, failed: 0, bytes: 0, failures: new Map() };
  for (const r of results) {
    t.bytes += r.bytes;
    if (r.status === RestoreStatus.Restored) t.restored += 1;
    else if (r.status === RestoreStatus.Identical) t.identical += 1;
    else if (r.status === RestoreStatus.WouldRestore) t.wouldRestore += 1;
    else if (r.status === RestoreStatus.NoBackup) t.noBackup += 1;
    if (isRestoreFailure(r.status)) {
      t.failed += 1;
      t.failures.set(r.status, (t.failures.get(r.status) ?? 0) + 1);
    }
  }
  return t;
}

function restoreHeadline(dryRun: boolean, t: RestoreTotals, ms: number): string {
  const left = t.noBackup ? `, ${count(t.noBackup, 'file has', 'files have')} no backup and ${t.noBackup === 1 ? 'was' : 'were'} left alone` : '';
  const done = dryRun
    ? `Dry run: ${count(t.wouldRestore, 'file', 'files')} would be restored, ${count(t.identical, 'is', 'are')} identical to ${t.identical === 1 ? 'its' : 'their'} backup${left}`
    : `${count(t.restored, 'file', 'files')} restored, ${count(t.identical, 'file', 'files')} already identical to ${t.identical === 1 ? 'its' : 'their'} backup${left} (${formatBytes(t.bytes)} in ${formatDuration(ms)})`;
  if (!t.failed) return `${done}.`;
  const parts = [...t.failures].sort((a, b) => b[1] - a[1]).map(([status, n]) => `${n} ${status}`);
  return `${t.failed} of ${count(t.files, 'file', 'files')} could not be restored: ${parts.join(', ')}. ${done}.`;
}
