import { appendFileSync } from 'node:fs';
import { BackupStatus } from '../engine/status.js';
import { htmlText } from './safe-text.js';
import { formatBytes, formatDuration, type ManifestEntry, type Totals } from './run-report.js';

/** The runner refuses a step summary over 1 MiB; the table stops well before that. */
export const MAX_SUMMARY_BYTES = 1024 * 1024;
const TABLE_BUDGET = 700 * 1024;

const ICON: Record<BackupStatus, string> = {
  [BackupStatus.Created]: '✅',
  [BackupStatus.Identical]: '⏸️',
  [BackupStatus.WouldCreate]: '📝',
  [BackupStatus.InvalidFileType]: '⚠️',
  [BackupStatus.PermissionDenied]: '❌',
  [BackupStatus.DiskFull]: '❌',
  [BackupStatus.OutsideWorkspace]: '⚠️',
  [BackupStatus.Cancelled]: '⏹️',
  [BackupStatus.Timeout]: '⏱️',
  [BackupStatus.Error]: '❌'
};

export interface SummaryInput {
  title: string;
  headline: string;
  backupDir: string;
  totals: Totals;
  entries: readonly ManifestEntry[];
  durationMs: number;
  manifest: string | undefined;
}

/** The job summary: totals, then one table row per file until the size budget is spent. */
export function renderSummary(input: SummaryInput, budget = TABLE_BUDGET): string {
  const { totals: t } = input;
  const lines: string[] = [];
  lines.push(`<h2>${htmlText(input.title)}</h2>`);
  lines.push(`<p>${htmlText(input.headline)}</p>`);
  const counts = [
    `${t.files} matched`,
    t.created ? `${t.created} created` : '',
    t.identical ? `${t.identical} identical` : '',
    t.wouldCreate ? `${t.wouldCreate} would be created` : '',
    t.failed ? `${t.failed} failed` : '',
    `${formatBytes(t.bytes)} ${t.wouldCreate ? 'to copy' : 'copied'}`,
    `in ${formatDuration(input.durationMs)}`
  ].filter(Boolean);
  lines.push(`<p><b>Totals:</b> ${htmlText(counts.join(' · '))}<br><b>Backup directory:</b> <code>${htmlText(input.backupDir)}</code></p>`);

  if (input.entries.length) {
    const rows: string[] = [];
    let size = 0;
    for (const e of input.entries) {
      const row = `<tr><td><code>${htmlText(e.source)}</code></td><td>${e.backup ? `<code>${htmlText(e.backup)}</code>` : ''}</td><td>${ICON[e.status]} ${e.status}${e.message ? `: ${htmlText(e.message)}` : ''}</td><td align="right">${e.bytes ? formatBytes(e.bytes) : ''}</td></tr>`;
      size += Buffer.byteLength(row) + 1;
      if (size > budget) break;
      rows.push(row);
    }
    lines.push('<table><thead><tr><th>File</th><th>Backup</th><th>Status</th><th>Size</th></tr></thead><tbody>');
    lines.push(...rows);
    lines.push('</tbody></table>');
    if (rows.length < input.entries.length) {
      const more = input.entries.length - rows.length;
      lines.push(
        `<p>… and ${more} more file${more === 1 ? '' : 's'} not shown, to keep this summary under the runner's 1 MiB limit.${input.manifest ? ` The manifest <code>${htmlText(input.manifest)}</code> lists every file.` : ''}</p>`
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Appends to $GITHUB_STEP_SUMMARY synchronously (see writeManifest for why). */
export function writeSummary(markdown: string): void {
  const file = process.env['GITHUB_STEP_SUMMARY'];
  if (!file) return;
  appendFileSync(file, markdown, { encoding: 'utf8' });
}
