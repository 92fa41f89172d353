import * as core from '../action/actions-core.js';
import * as path from 'node:path';
import { listBackups, type ListedBackup } from '../engine/backup-listing.js';
import { displayPath } from '../engine/paths.js';
import { ListOutputs } from '../action/constants.js';
import { readListSettings } from '../action/list-inputs.js';
import { noFilesFound, succeeded, type StepOutcome } from '../action/step-outcome.js';
import { jsonArrayWithin, MAX_BACKUPS_OUTPUT_BYTES } from '../action/outputs.js';
import { PathMatcher } from '../action/path-matcher.js';
import { patternLines } from '../action/patterns.js';
import { formatBytes, formatDuration } from '../action/run-report.js';
import { htmlText, safeText } from '../action/safe-text.js';
import { FileLog } from '../action/step-log.js';
import { renderTableReport, writeSummary } from '../action/summary.js';

const pad = (n: number): string => String(n).padStart(2, '0');

/** `YYYY-MM-DD hh:mm:ss` in the runner's local time, as bkpfile --list prints times. */
export function formatListTime(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** One line as `bkpfile --list` prints it: the path relative to the working directory, and the backup's time. */
export function listLine(workspace: string, backup: ListedBackup): string {
  return `${path.relative(workspace, backup.backup)} (created: ${formatListTime(backup.modified)})`;
}

/** The list step: the backups of the matched files, newest first, in the log, outputs and summary. */
export async function run(): Promise<StepOutcome> {
  const startedAt = Date.now();
  const workspace = path.resolve(process.env['GITHUB_WORKSPACE'] || process.cwd());
  // A mistake in the inputs throws an InputError, reported by the entry point.
  const settings = await readListSettings(name => core.getInput(name), workspace);
  const lines = patternLines(settings.patterns);
  const backups = await listBackups({
    backupDir: settings.backupDir,
    workspace,
    signal: new AbortController().signal,
    ...(lines.length ? { matcher: new PathMatcher(settings.patterns) } : {}),
    onError: (dir, message) => core.warning(safeText(`Could not read ${dir} in the backup directory: ${message}`))
  });
  const files = new Set(backups.map(b => b.source)).size;

  const text = backups.map(b => listLine(workspace, b));
  const log = new FileLog<string>(backups.length, { line: line => line, failure: () => undefined, bytes: () => 0 });
  if (backups.length > 0) {
    log.open(`${backups.length} backup${backups.length === 1 ? '' : 's'} of ${files} file${files === 1 ? '' : 's'} in ${settings.backupDir}`);
    for (const line of text) log.fileDone(line);
    log.close();
  }

  const rows = backups.map(b => ({
    path: displayPath(workspace, b.backup),
    source: displayPath(workspace, b.source),
    time: b.time.toISOString(),
    note: b.note ?? null,
    size: b.size,
    modified: b.modified.toISOString()
  }));
  const { json, listed } = jsonArrayWithin(rows);
  const textOut = textWithin(text, MAX_BACKUPS_OUTPUT_BYTES);
  const truncated = listed < rows.length || textOut.listed < text.length;
  core.setOutputs([
    [ListOutputs.BackupDir, settings.backupDir],
    [ListOutputs.Count, backups.length],
    [ListOutputs.Text, textOut.text],
    [ListOutputs.Backups, json],
    [ListOutputs.BackupsTruncated, truncated]
  ]);
  if (truncated) {
    core.warning(
      `The 'backups' and 'text' outputs list the first ${Math.min(listed, textOut.listed)} of ${rows.length} backups, to stay under the runner's 1 MB output limit; the log lists them all.`
    );
  }

  const headline =
    backups.length === 0
      ? `No backups found in ${settings.backupDir}${lines.length ? ` for the provided path: ${lines.join(', ')}` : ''}.`
      : `${backups.length} backup${backups.length === 1 ? '' : 's'} of ${files} file${files === 1 ? '' : 's'}, newest first.`;
  writeSummary(
    renderTableReport({
      title: 'bkpfile list',
      headline,
      counts: [
        `${backups.length} backups`,
        `${files} files`,
        `${formatBytes(backups.reduce((n, b) => n + b.size, 0))}`,
        `in ${formatDuration(Date.now() - startedAt)}`
      ],
      backupDir: settings.backupDir,
      header: ['Backup', 'File', 'Time', 'Note', 'Size'],
      rows: backups,
      cells: b => [
        `<code>${htmlText(displayPath(workspace, b.backup))}</code>`,
        `<code>${htmlText(displayPath(workspace, b.source))}</code>`,
        htmlText(formatListTime(b.time).slice(0, 16) + (b.seq > 1 ? ` (#${b.seq})` : '')),
        b.note === undefined ? '' : htmlText(b.note),
        formatBytes(b.size)
      ],
      rowNoun: 'backup',
      manifest: undefined
    })
  );
  return backups.length === 0 ? noFilesFound(settings.ifNoFilesFound, headline) : succeeded(headline);
}

/** Whole lines, as many as fit in `maxBytes`. */
function textWithin(lines: readonly string[], maxBytes: number): { text: string; listed: number } {
  let size = 0;
  let listed = 0;
  for (const line of lines) {
    const add = Buffer.byteLength(line) + (listed ? 1 : 0);
    if (size + add > maxBytes) break;
    size += add;
    listed += 1;
  }
  return { text: lines.slice(0, listed).join('\n'), listed };
}
