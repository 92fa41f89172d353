import type { BackupOptions } from './backup-engine.js';
import type { FileResult } from './status.js';
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
  | { type: 'results'; results: [number, FileResult][]; warnings: string[]; createdDirs: [string, string][] }
  /** Asks for a staging directory in `dir` (a mount inside the backup directory). */
  | { type: 'staging'; id: number; dir: string }
  /** The worker's queue is empty (or it stopped): how many files it backed up. */
  | { type: 'done'; files: number };
