import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BackupContext, BackupEngine, BackupOptions } from './backup-engine.js';
import { abortStatus, untilDoneOrGraceAfterAbort } from './abort.js';
import { errorMessage, errnoCode } from './fs-errors.js';
import { StagingDir } from './staging.js';
import type { FileResult } from './status.js';
import type { FromWorker, ToWorker, WorkerStart } from './thread-messages.js';
import { chunkQueue, planChunks } from './work-queue.js';

/** At most this many workers: more than three gained nothing measured, and each costs memory. */
const MAX_WORKERS = 3;

/**
 * Worker threads to start besides the main one: one fewer than the CPUs Node may use (the
 * main thread copies too, and writes the log), none on one CPU.
 */
export function defaultWorkerCount(): number {
  return Math.max(0, Math.min(availableParallelism() - 1, MAX_WORKERS));
}

/** How long after an abort a worker gets to report before it is terminated: its own grace, and time to post. */
const WORKER_GRACE_MS = 400;

export interface ThreadedRun {
  script: string;
  workers: number;
  report: (index: number, result: FileResult) => void;
  /** Collects the mirror directories every thread created (removed if left empty at the end). */
  createdDirs: Map<string, string>;
  /** Makes this thread's engine. */
  engine: (staging: StagingDir, createStaging: (dir: string) => Promise<StagingDir>) => BackupEngine;
}

/**
 * Backs up with this thread and `run.workers` worker threads taking chunks of the sources
 * from one shared counter. Results come back by index (the caller puts them in order).
 * Returns, when a worker failed, why: its unfinished files are the caller's to report. A
 * worker that cannot start leaves its share to the others.
 */
export async function backupInThreads(
  sources: readonly string[],
  options: BackupOptions,
  ctx: BackupContext & { ignoresCase: boolean },
  staging: StagingDir,
  run: ThreadedRun
): Promise<{ lost?: string }> {
  const { signal } = ctx;
  const slots = run.workers + 1;
  const chunks = planChunks(sources, ctx.ignoresCase);

  // Staging directories in mounts inside the backup directory, made once for every thread.
  const made = new Map<string, Promise<StagingDir>>();
  const createStaging = (dir: string): Promise<StagingDir> => {
    let staging = made.get(dir);
    if (!staging) {
      if (!ctx.createStaging) return Promise.reject(new Error(`${dir} is on another file system than the staging directory`));
      made.set(dir, (staging = ctx.createStaging(dir)));
    }
    return staging;
  };

  let lost: string | undefined;
  let byWorkers = 0;
  const workers: Worker[] = [];
  const finished: Promise<void>[] = [];
  for (let slot = 1; slot < slots; slot++) {
    const start: WorkerStart = {
      sources,
      walked: ctx.walked,
      options,
      chunks,
      ignoresCase: ctx.ignoresCase,
      stagingDir: staging.dir,
      slot
    };
    let worker: Worker;
    try {
      worker = new Worker(run.script, { workerData: start, stdout: false, stderr: false });
    } catch {
      break; // the others take its share
    }
    workers.push(worker);
    finished.push(
      new Promise<void>(resolve => {
        let done = false;
        worker.on('message', (message: FromWorker) => {
          switch (message.type) {
            case 'results':
              for (const [index, result] of message.results) run.report(index, result);
              for (const warning of message.warnings) ctx.reporter.warning(warning);
              break;
            case 'staging':
              createStaging(message.dir).then(
                made => post(worker, { type: 'staging', id: message.id, dir: made.dir }),
                (err: unknown) => post(worker, { type: 'staging', id: message.id, error: { message: errorMessage(err), code: errnoCode(err) } })
              );
              break;
            case 'done':
              // The worker waits to be terminated: its port keeps it alive for messages.
              done = true;
              byWorkers += message.files;
              for (const [dir, top] of message.createdDirs) run.createdDirs.set(dir, top);
              resolve();
              break;
          }
        });
        worker.on('error', err => {
          lost ??= `a backup thread failed: ${errorMessage(err)}`;
        });
        worker.on('exit', () => {
          if (!done && !signal.aborted) lost ??= 'a backup thread stopped before it finished';
          resolve();
        });
      })
    );
  }

  const onAbort = (): void => {
    const reason: unknown = signal.reason;
    const message = reason instanceof Error ? reason.message : 'the run was stopped';
    for (const worker of workers) post(worker, { type: 'abort', status: abortStatus(signal), message });
  };
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    const own = run.engine(staging, createStaging);
    const mine = own.run(sources, chunkQueue(chunks), run.report).finally(() => {
      for (const [dir, top] of own.createdDirectories()) run.createdDirs.set(dir, top);
    });
    await untilDoneOrGraceAfterAbort(
      Promise.all([mine, ...finished]).then(() => undefined),
      signal,
      WORKER_GRACE_MS
    );
  } finally {
    signal.removeEventListener('abort', onAbort);
    // Stopped, or late after an abort: nothing of theirs may still be writing when the
    // caller cleans up the staging directories.
    await Promise.all(workers.map(worker => worker.terminate()));
  }
  ctx.reporter.debug?.(`${workers.length} worker thread${workers.length === 1 ? '' : 's'} started; they backed up ${byWorkers} of ${sources.length} files`);
  return lost === undefined ? {} : { lost };
}

function post(worker: Worker, message: ToWorker): void {
  try {
    worker.postMessage(message);
  } catch {
    // it has exited; nothing to tell it
  }
}
