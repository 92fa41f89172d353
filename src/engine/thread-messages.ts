import type { BackupOptions } from './backup-engine.js';
import type { BackupStatus, FileResult } from './status.js';
import type { SharedChunks } from './work-queue.js';

/** What the main thread gives a backup worker to do (its `start` message). */
export interface WorkerStart {
  sources: readonly string[];
  walked: Uint8Array | undefined;
  options: BackupOptions;
  chunks: SharedChunks;
  ignoresCase: boolean;
  /** The run's staging directory, and this thread's number (1, 2, …): its temporaries go into its own directory there. */
  stagingDir: string;
  slot: number;
}

/** From the main thread to a worker. */
export type ToWorker =
  /** The work, once the walk is done (the worker loads while it goes on). */
  | { type: 'start'; start: WorkerStart }
  | { type: 'abort'; status: 'cancelled' | 'timeout'; message: string }
  /** The answer to a `staging` request: the directory made, or why it could not be. */
  | { type: 'staging'; id: number; dir?: string; error?: { message: string; code?: string } };

/** From a worker to the main thread. */
export type FromWorker =
  /** Results by source index, warnings, and the mirror directories created since the last batch. */
  | { type: 'results'; results: ResultBatch; warnings: string[]; createdDirs: [string, string][] }
  /** Asks for a staging directory in `dir` (a mount inside the backup directory). */
  | { type: 'staging'; id: number; dir: string }
  /** The worker's queue is empty (or it stopped): how many files it backed up. */
  | { type: 'done'; files: number };

/**
 * Results by source index, as a worker sends them, in the order they were done: four
 * entries of `plain` each, its index, status, bytes and backup, without its source (the
 * main thread has the sources). A result with a message or removed backups (a few) has
 * instead, in place of its status, its place in `full`, which holds it whole. A flat array
 * of strings and numbers is cloned several times faster than an object per file, whose
 * keys and source path went with it: 256 results took 0.03 ms to serialize and 0.05 ms to
 * read back so, against 0.1 ms and 0.17-0.38 ms.
 */
export interface ResultBatch {
  plain: (number | string | null)[];
  full: FileResult[];
}

/** A worker's results as they come, to post as one ResultBatch. */
export class ResultBatcher {
  private plain: (number | string | null)[] = [];
  private full: FileResult[] = [];
  private held = 0;

  /** How many results it holds. */
  get size(): number {
    return this.held;
  }

  add(index: number, result: FileResult): void {
    if (result.message === undefined && result.removed === undefined) {
      this.plain.push(index, result.status, result.bytes, result.backup);
    } else {
      this.plain.push(index, this.full.length, 0, null);
      this.full.push(result);
    }
    this.held += 1;
  }

  /** The results held, which it then lets go of. */
  take(): ResultBatch {
    const batch = { plain: this.plain, full: this.full };
    this.plain = [];
    this.full = [];
    this.held = 0;
    return batch;
  }
}

/** Each result of `batch` with its index, in the order they were done; a plain one's source from `sources`. */
export function forEachResult(batch: ResultBatch, sources: readonly string[], each: (index: number, result: FileResult) => void): void {
  const { plain, full } = batch;
  for (let k = 0; k < plain.length; k += 4) {
    const index = plain[k] as number;
    const status = plain[k + 1]!;
    if (typeof status === 'number') each(index, full[status]!);
    else each(index, { source: sources[index]!, backup: plain[k + 3] as string | null, status: status as BackupStatus, bytes: plain[k + 2] as number });
  }
}
