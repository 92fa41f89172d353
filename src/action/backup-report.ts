import * as core from './actions-core.js';
import { errorMessage } from '../engine/fs-errors.js';
import type { ResourceManager } from '../engine/resource-manager.js';
import type { FileResult } from '../engine/status.js';
import { Inputs } from './constants.js';
import type { BackupSettings } from './input-helper.js';
import { writeManifest, type Manifest } from './manifest.js';
import { setRunOutputs } from './outputs.js';
import { count, failureSentence, formatBytes, formatDuration, reportEntry, totals } from './run-report.js';
import { safeText } from './safe-text.js';
import { failed, noFilesFound, succeeded, type StepOutcome } from './step-outcome.js';
import { renderSummary, writeSummary } from './summary.js';

/** Everything a backup run ended with: the one thing the report is made from. */
export interface BackupRun {
  settings: BackupSettings;
  startedAt: number;
  time: Date;
  runId: string;
  stamp: string;
  /** Where the manifest goes. */
  manifest: string;
  results: readonly FileResult[];
  /** Set when nothing matched: the message for `if-no-files-found`. */
  noFilesFound?: string;
  /** How a stop ended the run, and why, when it did. */
  stopped?: { by: 'cancelled' | 'timeout'; reason: string };
}

/**
 * Turns a finished backup run into its manifest, outputs and job summary, and gives the
 * step's outcome: its headline, failed when a file failed, the run was stopped, or
 * nothing matched with `if-no-files-found: error`.
 */
export function reportBackupRun(run: BackupRun, resources: ResourceManager): StepOutcome {
  const { settings, stopped } = run;
  const entries = run.results.map(r => reportEntry(settings.workspace, r));
  const t = totals(run.results);
  const outcome: StepOutcome = stopped
    ? failed(`Stopped: ${stopped.reason}. ${count(t.created, 'backup was', 'backups were')} completed before that; nothing partial was left.`)
    : run.noFilesFound !== undefined
      ? noFilesFound(settings.ifNoFilesFound, run.noFilesFound)
      : t.failed
        ? failed(`${failureSentence(t)}. ${doneSentence(run, t)}.`)
        : succeeded(`${doneSentence(run, t)}.`);

  let manifestFile: string | undefined = run.manifest;
  try {
    const doc: Manifest = {
      version: 1,
      tool: 'bkpfile-action',
      runId: run.runId,
      time: run.time.toISOString(),
      stamp: run.stamp,
      workspace: settings.workspace,
      backupDir: settings.backupDir,
      note: settings.note ?? null,
      dryRun: settings.dryRun,
      // if-no-files-found: error fails the step with no file failed: the manifest says so too.
      outcome: stopped?.by ?? (outcome.level === 'failure' ? 'failure' : 'success'),
      files: entries
    };
    writeManifest(run.manifest, doc, resources);
  } catch (err) {
    manifestFile = undefined;
    core.warning(safeText(`Could not write the manifest ${run.manifest}: ${errorMessage(err)}`));
  }
  setRunOutputs({ backupDir: settings.backupDir, totals: t, entries, manifest: manifestFile });
  writeSummary(
    renderSummary({
      title: settings.dryRun ? 'bkpfile backup (dry run)' : 'bkpfile backup',
      headline: outcome.message,
      backupDir: settings.backupDir,
      totals: t,
      entries,
      durationMs: Date.now() - run.startedAt,
      manifest: manifestFile,
      keep: settings.keep
    })
  );
  return outcome;
}

function doneSentence(run: BackupRun, t: ReturnType<typeof totals>): string {
  const identical = `${t.identical === 1 ? 'its' : 'their'} latest backup`;
  if (run.settings.dryRun) {
    return `Dry run: ${count(t.wouldCreate, 'backup', 'backups')} would be created, ${count(t.identical, 'file is', 'files are')} identical to ${identical}`;
  }
  const removed = t.removed ? `, ${count(t.removed, 'old backup', 'old backups')} removed (${Inputs.Keep}: ${run.settings.keep})` : '';
  return `${count(t.created, 'backup', 'backups')} created, ${count(t.identical, 'file', 'files')} identical to ${identical}${removed} (${formatBytes(t.bytes)} in ${formatDuration(Date.now() - run.startedAt)})`;
}
