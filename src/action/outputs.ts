import * as core from './actions-core.js';
import { Outputs } from './constants.js';
import type { ManifestEntry, Totals } from './run-report.js';

/** The `backups` output stays under 1 MB (the runner's limit for an output is 1 MB). */
export const MAX_BACKUPS_OUTPUT_BYTES = 1_000_000 - 1024;

/** A JSON array of `items`, as many as fit in `maxBytes` (the runner's limit for an output is 1 MB). */
export function jsonArrayWithin(items: Iterable<unknown>, maxBytes = MAX_BACKUPS_OUTPUT_BYTES): { json: string; listed: number } {
  const parts: string[] = [];
  let size = 2; // []
  for (const item of items) {
    const part = JSON.stringify(item);
    const add = Buffer.byteLength(part) + (parts.length ? 1 : 0);
    if (size + add > maxBytes) break;
    parts.push(part);
    size += add;
  }
  return { json: `[${parts.join(',')}]`, listed: parts.length };
}

/** JSON array of `{source, backup, status, bytes}`, cut to fit `maxBytes`. */
export function backupsJson(entries: readonly ManifestEntry[], maxBytes = MAX_BACKUPS_OUTPUT_BYTES): { json: string; listed: number } {
  return jsonArrayWithin(
    entries.map(({ source, backup, status, bytes }) => ({ source, backup, status, bytes })),
    maxBytes
  );
}

export function setRunOutputs(args: {
  backupDir: string;
  totals: Totals;
  /** The files' entries, or the first ones of them (at least as many as fit). */
  entries: readonly ManifestEntry[];
  /** How many files there are; `entries.length` when not given. */
  total?: number;
  manifest: string | undefined;
}): void {
  const { json, listed } = backupsJson(args.entries);
  const total = args.total ?? args.entries.length;
  core.setOutput(Outputs.BackupDir, args.backupDir);
  core.setOutput(Outputs.Created, args.totals.created);
  core.setOutput(Outputs.Identical, args.totals.identical);
  core.setOutput(Outputs.Failed, args.totals.failed);
  core.setOutput(Outputs.Backups, json);
  const truncated = listed < total;
  core.setOutput(Outputs.BackupsTruncated, truncated);
  core.setOutput(Outputs.Manifest, args.manifest ?? '');
  if (truncated) {
    core.warning(
      `The 'backups' output lists ${listed} of ${total} files, to stay under the runner's 1 MB output limit; the manifest${args.manifest ? ` (${args.manifest})` : ''} lists them all.`
    );
  }
}
