import { appendFileSync } from 'node:fs';
import { BackupStatus } from '../engine/status.js';
import { Inputs } from './constants.js';
import { htmlText } from './safe-text.js';
import { formatBytes, formatDuration, type ManifestEntry, type Totals } from './run-report.js';

/** The runner refuses a step summary over 1 MiB; the table stops well before that. */
export const MAX_SUMMARY_BYTES = 1024 * 1024;
export const TABLE_BUDGET = 700 * 1024;

const ICON: Record<BackupStatus, string> = {
  [BackupStatus.Created]: '✅',
  [BackupStatus.Identical]: '⏸️',
  [BackupStatus.WouldCreate]: '📝',
  [BackupStatus.InvalidFileType]: '⚠️',
  [BackupStatus.PermissionDenied]: '❌',
  [BackupStatus.DiskFull]: '❌',
  [BackupStatus.OutsideWorkspace]: '⚠️',
  [BackupStatus.NotFound]: '⚠️',
  [BackupStatus.KeptChanging]: '⚠️',
  [BackupStatus.Cancelled]: '⏹️',
  [BackupStatus.Timeout]: '⏱️',
  [BackupStatus.Error]: '❌'
};

export interface SummaryInput {
  title: string;
  headline: string;
  backupDir: string;
  totals: Totals;
  /** The files' entries (or the first of them), or their table rows made as the files were done (SummaryRows). */
  entries: readonly ManifestEntry[] | SummaryRows;
  durationMs: number;
  manifest: string | undefined;
  /** The `keep` input, for the old backups it removed. */
  keep?: number;
  /** How many files there are, when `entries` holds only the first of them. */
  total?: number;
  /** The first old backups `keep` removed (totals.removed counts them all), when `entries` may not hold them all. */
  removed?: readonly string[];
}

/** Old backups removed by `keep` listed in the summary at most; the manifest has them all. */
export const MAX_REMOVED_LISTED = 200;
/** …and at most this many bytes of them (names can be long, and escaping makes them longer). */
const REMOVED_BUDGET = 64 * 1024;

/** The job summary: totals, then one table row per file until the size budget is spent. */
export function renderSummary(input: SummaryInput, budget = TABLE_BUDGET): string {
  const { totals: t } = input;
  const counts = [
    `${t.files} matched`,
    t.created ? `${t.created} created` : '',
    t.identical ? `${t.identical} identical` : '',
    t.wouldCreate ? `${t.wouldCreate} would be created` : '',
    t.failed ? `${t.failed} failed` : '',
    t.removed ? `${t.removed} old backup${t.removed === 1 ? '' : 's'} removed (${Inputs.Keep}: ${input.keep ?? 0})` : '',
    `${formatBytes(t.bytes)} ${t.wouldCreate ? 'to copy' : 'copied'}`,
    `in ${formatDuration(input.durationMs)}`
  ];
  // The list of removed backups comes out of the same budget as the table.
  const footer = removedList(input);
  const { entries } = input;
  const head = {
    title: input.title,
    headline: input.headline,
    counts,
    backupDir: input.backupDir,
    header: ['File', 'Backup', 'Status', 'Size'],
    rowNoun: 'file',
    manifest: input.manifest,
    ...(footer ? { footer } : {}),
    total: input.total ?? (entries instanceof SummaryRows ? entries.rows.length : entries.length)
  };
  const tableBudget = budget - (footer ? Buffer.byteLength(footer) : 0);
  if (entries instanceof SummaryRows) return assembleTableReport(head, entries.rows, tableBudget);
  return renderTableReport({ ...head, rows: entries, cells: summaryCells }, tableBudget);
}

/** A file's cells in the summary's table, as HTML. */
function summaryCells(e: ManifestEntry): string[] {
  return [
    `<code>${htmlText(e.source)}</code>`,
    e.backup ? `<code>${htmlText(e.backup)}</code>` : '',
    `${ICON[e.status]} ${e.status}${e.message ? `: ${htmlText(e.message)}` : ''}`,
    e.bytes ? formatBytes(e.bytes) : ''
  ];
}

/**
 * The summary's table rows, made as a run's files are done (while the run's threads still
 * copy, rather than all at its end), as many as fit in TABLE_BUDGET: renderSummary then
 * shows the first that fit its budget, as it would have made them from the entries.
 */
export class SummaryRows {
  readonly rows: string[] = [];
  private size = 0;
  private full = false;

  add(entry: ManifestEntry): void {
    if (this.full) return;
    const row = tableRow(summaryCells(entry));
    const size = this.size + Buffer.byteLength(row) + 1;
    if (size > TABLE_BUDGET) {
      this.full = true;
      return;
    }
    this.rows.push(row);
    this.size = size;
  }
}

/** Which old backups `keep` removed, as a list under the table. */
function removedList(input: SummaryInput): string | undefined {
  const { entries } = input;
  const removed = input.removed ?? (entries instanceof SummaryRows ? [] : entries.flatMap(e => e.removed ?? []));
  if (removed.length === 0) return undefined;
  const items: string[] = [];
  let size = 0;
  for (const file of removed.slice(0, MAX_REMOVED_LISTED)) {
    const item = `<li><code>${htmlText(file)}</code></li>`;
    size += Buffer.byteLength(item);
    if (size > REMOVED_BUDGET) break;
    items.push(item);
  }
  const more = Math.max(input.totals.removed, removed.length) - items.length;
  const rest = more ? `<p>… and ${more} more; ${input.manifest ? `<code>${htmlText(input.manifest)}</code>` : 'the manifest'} lists them all.</p>` : '';
  return `<p><b>Old backups removed (${Inputs.Keep}: ${input.keep ?? 0}):</b></p><ul>${items.join('')}</ul>${rest}`;
}

export interface TableReport<T> {
  title: string;
  headline: string;
  /** Totals, shown joined by " · " (empty ones are left out). */
  counts: string[];
  backupDir: string;
  header: string[];
  rows: readonly T[];
  /** A row's cells as HTML, already escaped; the last is right-aligned. Only rows that fit are rendered. */
  cells: (row: T) => string[];
  rowNoun: string;
  /** Where every row is listed when the table is cut. */
  manifest: string | undefined;
  /** HTML after the table. */
  footer?: string;
  /** How many rows there are, when `rows` holds only the first of them. */
  total?: number;
}

/** A step's job summary: headline, totals, then table rows until the size budget is spent. */
export function renderTableReport<T>(input: TableReport<T>, budget = TABLE_BUDGET): string {
  const { rows, cells, ...head } = input;
  function* made(): Generator<string> {
    for (const row of rows) yield tableRow(cells(row));
  }
  return assembleTableReport({ ...head, total: input.total ?? rows.length }, made(), budget);
}

/** A table row of `cells` (HTML, already escaped); the last is right-aligned. */
function tableRow(cells: readonly string[]): string {
  return `<tr>${cells.map((cell, i) => (i === cells.length - 1 ? `<td align="right">${cell}</td>` : `<td>${cell}</td>`)).join('')}</tr>`;
}

/** renderTableReport with its rows made already: as many of them as fit in `budget`. */
function assembleTableReport(input: Omit<TableReport<never>, 'rows' | 'cells'> & { total: number }, made: Iterable<string>, budget: number): string {
  const lines: string[] = [];
  lines.push(`<h2>${htmlText(input.title)}</h2>`);
  lines.push(`<p>${htmlText(input.headline)}</p>`);
  const counts = input.counts.filter(Boolean).join(' · ');
  lines.push(`<p><b>Totals:</b> ${htmlText(counts)}<br><b>Backup directory:</b> <code>${htmlText(input.backupDir)}</code></p>`);
  const rows: string[] = [];
  const { total } = input;
  let size = 0;
  for (const row of made) {
    size += Buffer.byteLength(row) + 1;
    if (size > budget) break;
    rows.push(row);
  }
  if (total > 0) {
    lines.push(`<table><thead><tr>${input.header.map(h => `<th>${htmlText(h)}</th>`).join('')}</tr></thead><tbody>`);
    lines.push(...rows);
    lines.push('</tbody></table>');
    if (rows.length < total) {
      const more = total - rows.length;
      lines.push(
        `<p>… and ${more} more ${input.rowNoun}${more === 1 ? '' : 's'} not shown, to keep this summary under the runner's 1 MiB limit.${input.manifest ? ` <code>${htmlText(input.manifest)}</code> lists them all.` : ''}</p>`
      );
    }
  }
  if (input.footer) lines.push(input.footer);
  return `${lines.join('\n')}\n`;
}

/** Appends to $GITHUB_STEP_SUMMARY synchronously (see ManifestWriter for why). */
export function writeSummary(markdown: string): void {
  const file = process.env['GITHUB_STEP_SUMMARY'];
  if (!file) return;
  appendFileSync(file, markdown, { encoding: 'utf8' });
}
