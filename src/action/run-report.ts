import { displayPath } from '../engine/paths.js';
import { BackupStatus, isFailure, type FileResult } from '../engine/status.js';

/** One file as the outputs, the manifest and the summary show it (paths relative to the workspace). */
export interface ReportEntry {
  source: string;
  backup: string | null;
  status: BackupStatus;
  bytes: number;
}

export interface ManifestEntry extends ReportEntry {
  message?: string;
  /** Old backups of this file that `keep` deleted. */
  removed?: string[];
}

export interface Totals {
  files: number;
  created: number;
  identical: number;
  wouldCreate: number;
  failed: number;
  bytes: number;
  /** Old backups `keep` deleted. */
  removed: number;
  /** Failed files by status, for the step's error message. */
  failures: Map<BackupStatus, number>;
}

export function reportEntry(workspace: string, result: FileResult): ManifestEntry {
  const entry: ManifestEntry = {
    source: displayPath(workspace, result.source),
    backup: result.backup === null ? null : displayPath(workspace, result.backup),
    status: result.status,
    bytes: result.bytes
  };
  if (result.message) entry.message = result.message;
  if (result.removed) entry.removed = result.removed.map(file => displayPath(workspace, file));
  return entry;
}

/** What JSON.stringify would write other than the characters themselves: `"`, `\\`, controls, and surrogates (a lone one is escaped). */
const JSON_ESCAPES = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * What JSON.stringify or safeText would write otherwise, or what could make a workflow
 * command (`#`, `:`): a path with none of these is written as it is in the log, the
 * manifest and the outputs.
 */
const NOT_PLAIN = /["\\\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff#:]/;

/**
 * Whether the entry is written as it is, in JSON (entryJson) and in the log (no safeText):
 * no message, no removed backups, a finite size, and paths with nothing to escape. One scan
 * of each path for both, where each used to scan on its own: the log its whole line.
 */
export function isPlainEntry(entry: ManifestEntry): boolean {
  return (
    entry.message === undefined &&
    entry.removed === undefined &&
    Number.isFinite(entry.bytes) &&
    !NOT_PLAIN.test(entry.source) &&
    (entry.backup === null || !NOT_PLAIN.test(entry.backup))
  );
}

/**
 * JSON.stringify(entry), the same text, made faster for the common entry (no message, no
 * removed backups, names with nothing to escape, a finite size): one for each of up to
 * millions of files. The entry is reportEntry's, whose keys come in this order. `plain`:
 * isPlainEntry(entry) is known to be true.
 */
export function entryJson(entry: ManifestEntry, plain = false): string {
  const { source, backup } = entry;
  if (
    !plain &&
    (entry.message !== undefined ||
      entry.removed !== undefined ||
      !Number.isFinite(entry.bytes) ||
      JSON_ESCAPES.test(source) ||
      (backup !== null && JSON_ESCAPES.test(backup)))
  ) {
    return JSON.stringify(entry);
  }
  return `{"source":"${source}","backup":${backup === null ? 'null' : `"${backup}"`},"status":"${entry.status}","bytes":${entry.bytes}}`;
}

export function emptyTotals(): Totals {
  return { files: 0, created: 0, identical: 0, wouldCreate: 0, failed: 0, bytes: 0, removed: 0, failures: new Map() };
}

/** Counts one more file's result (or its entry) into `t`. */
export function addToTotals(t: Totals, r: Pick<FileResult, 'status' | 'bytes' | 'removed'>): void {
  t.files += 1;
  t.bytes += r.bytes;
  t.removed += r.removed?.length ?? 0;
  if (r.status === BackupStatus.Created) t.created += 1;
  else if (r.status === BackupStatus.Identical) t.identical += 1;
  else if (r.status === BackupStatus.WouldCreate) t.wouldCreate += 1;
  if (isFailure(r.status)) {
    t.failed += 1;
    t.failures.set(r.status, (t.failures.get(r.status) ?? 0) + 1);
  }
}

/** `1 file`, `2 files`: a number with its noun in the right number. */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `3 files failed: 2 disk-full, 1 permission-denied` */
export function failureSentence(t: Totals): string {
  const parts = [...t.failures].sort((a, b) => b[1] - a[1]).map(([status, n]) => `${n} ${status}`);
  return `${t.failed} of ${t.files} file${t.files === 1 ? '' : 's'} failed: ${parts.join(', ')}`;
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${units[unit]}`;
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
