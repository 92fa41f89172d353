import * as core from './actions-core.js';
import { Outputs } from './constants.js';
import type { Totals } from './run-report.js';

/** The `backups` output stays under 1 MB (the runner's limit for an output is 1 MB). */
export const MAX_BACKUPS_OUTPUT_BYTES = 1_000_000 - 1024;

/**
 * A JSON array built an item at a time while it stays within `maxBytes` (the runner's limit
 * for an output is 1 MB): the first item that would not fit closes it, so it lists a prefix.
 */
export class JsonArrayWithin {
  private readonly parts: string[] = [];
  private size = 2; // []
  private full = false;

  constructor(private readonly maxBytes = MAX_BACKUPS_OUTPUT_BYTES) {}

  /** Adds one item's JSON text; false once the array is full (this item and every later one left out). */
  add(json: string): boolean {
    if (this.full) return false;
    const add = Buffer.byteLength(json) + (this.parts.length ? 1 : 0);
    if (this.size + add > this.maxBytes) {
      this.full = true;
      return false;
    }
    this.parts.push(json);
    this.size += add;
    return true;
  }

  get listed(): number {
    return this.parts.length;
  }

  get json(): string {
    return `[${this.parts.join(',')}]`;
  }
}

/** A JSON array of `items`, as many as fit in `maxBytes`. */
export function jsonArrayWithin(items: Iterable<unknown>, maxBytes = MAX_BACKUPS_OUTPUT_BYTES): { json: string; listed: number } {
  const array = new JsonArrayWithin(maxBytes);
  for (const item of items) if (!array.add(JSON.stringify(item))) break;
  return { json: array.json, listed: array.listed };
}

export function setRunOutputs(args: {
  backupDir: string;
  totals: Totals;
  /** The `backups` output: each file's {source, backup, status, bytes}, as many as fit, made as the files were done. */
  backups: JsonArrayWithin;
  /** How many files there are. */
  total: number;
  manifest: string | undefined;
}): void {
  const { json, listed } = args.backups;
  const { total } = args;
  const truncated = listed < total;
  core.setOutputs([
    [Outputs.BackupDir, args.backupDir],
    [Outputs.Created, args.totals.created],
    [Outputs.Identical, args.totals.identical],
    [Outputs.Failed, args.totals.failed],
    [Outputs.Backups, json],
    [Outputs.BackupsTruncated, truncated],
    [Outputs.Manifest, args.manifest ?? '']
  ]);
  if (truncated) {
    core.warning(
      `The 'backups' output lists ${listed} of ${total} files, to stay under the runner's 1 MB output limit; the manifest${args.manifest ? ` (${args.manifest})` : ''} lists them all.`
    );
  }
}
