import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { BackupContext, BackupEngine, BackupOptions } from './backup-engine.js';
import { abortStatus, untilDoneOrGraceAfterAbort } from './abort.js';
import { errorMessage, errnoCode } from './fs-errors.js';
import { StagingDir, oncePerDirectory } from './staging.js';
import type { FileResult } from './status.js';
import { forEachResult, type FromWorker, type ToWorker, type WorkerStart } from './thread-messages.js';
import { MAX_THREADS, chunkQueue, currentChunk, planChunks, type InOrder } from './work-queue.js';

/** At most this many workers: more than three gained nothing measured, and each costs memory. */
const MAX_WORKERS = Math.min(3, MAX_THREADS - 1);

/**
 * Worker threads to start besides the main one: one fewer than the CPUs Node may use (the
 * main thread copies too, and writes the log), none on one CPU.
 */
export function defaultWorkerCount(): number {
  return Math.max(0, Math.min(availableParallelism() - 1, MAX_WORKERS));
}

/** A worker's young generation, in MiB: as the main thread's is capped. */
const WORKER_YOUNG_GENERATION_MIB = 8;

/** How long after an abort a worker gets to report before it is terminated: its own grace, and time to post. */
const WORKER_GRACE_MS = 400;

/** One worker thread of a pool, and how it ended. */
interface PooledWorker {
  worker: Worker;
  /** Settles when the thread has exited, for whatever reason. */
  exited: Promise<void>;
  /** Why it failed, if it did (an uncaught error, or it could not load). */
  failure?: string;
}

/**
 * The backup's worker threads. Starting one takes tens of milliseconds (a new V8 isolate
 * loading the bundled worker), so the step starts them as soon as the walk has found
 * enough files, and they load while the walk goes on; each then waits for its work (a
 * `start` message). Disposing terminates every one: nothing of theirs outlives the step.
 */
export class WorkerPool implements AsyncDisposable {
  private readonly workers: PooledWorker[] = [];
  private started = false;

  constructor(
    /** The bundled worker script (dist/backup-worker/index.js). */
    readonly script: string,
    /** How many to start. */
    readonly size: number
  ) {}

  /** Starts the workers (once); one that cannot be created leaves its share to the others. */
  start(): void {
    if (this.started) return;
    this.started = true;
    // Loaded only now: a step that backs up few files never pays for loading it.
    const { Worker } = process.getBuiltinModule('node:worker_threads');
    for (let i = 0; i < this.size; i++) {
      let worker: Worker;
      try {
        // A young generation no larger than the main thread's (see capYoungGeneration).
        // `stdin: true`, though nothing is ever written to it: without it, Node ends the
        // worker's stdin as the worker loads, which makes all three of its stdio streams and
        // loads the stream modules there (compiled without their cached code once the step
        // has changed a V8 flag). A bare worker came online in 58 ms instead of 71 so.
        worker = new Worker(this.script, {
          stdin: true,
          stdout: false,
          stderr: false,
          resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MIB }
        });
      } catch {
        break;
      }
      const pooled: PooledWorker = { worker, exited: new Promise<void>(resolve => worker.once('exit', () => resolve())) };
      worker.on('error', err => {
        pooled.failure ??= errorMessage(err);
      });
      this.workers.push(pooled);
    }
  }

  /** The workers started, each with how it ended. */
  get threads(): readonly PooledWorker[] {
    return this.workers;
  }

  async terminate(): Promise<void> {
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.terminate();
  }
}

export interface ThreadedRun {
  pool: WorkerPool;
  /** Where every thread's results go, to be put in order; it tells the threads how far it has got. */
  inOrder: InOrder<FileResult>;
  /** The result of a file a thread took and never finished, saying why. */
  lostResult: (index: number, message: string) => FileResult;
  /** Collects the mirror directories every thread created (removed if left empty at the end). */
  createdDirs: Map<string, string>;
  /** Makes this thread's engine. */
  engine: (staging: StagingDir, createStaging: (dir: string) => Promise<StagingDir>) => BackupEngine;
}

/**
 * Backs up with this thread and the pool's workers taking chunks of the sources from one
 * shared counter. Results come back by index (the caller puts them in order). Returns,
 * when a worker failed, why: its unfinished files are the caller's to report. A worker
 * that cannot start leaves its share to the others. Every worker has exited on return.
 */
export async function backupInThreads(
  sources: readonly string[],
  options: BackupOptions,
  ctx: BackupContext & { ignoresCase: boolean },
  staging: StagingDir,
  run: ThreadedRun
): Promise<{ lost?: string }> {
  const { signal } = ctx;
  const chunks = planChunks(sources, ctx.ignoresCase);
  run.inOrder.publishTo(chunks.inOrder);
  // Stopped already (during the walk or while the staging directory was made): no worker
  // is given work, for no abort would ever reach it; this thread reports the files.
  if (!signal.aborted) run.pool.start();
  const workers = signal.aborted ? [] : run.pool.threads;

  // Staging directories in mounts inside the backup directory, made once for every thread
  // (one that could not be made is tried again for the next file, as on one thread); `made`
  // keeps them for the clean-up after the threads.
  const made: Promise<StagingDir>[] = [];
  const createStaging = oncePerDirectory(dir => {
    if (!ctx.createStaging) return Promise.reject(new Error(`${dir} is on another file system than the staging directory`));
    const staging = ctx.createStaging(dir);
    made.push(staging);
    return staging;
  });

  const onAbort = (): void => {
    const reason: unknown = signal.reason;
    const message = reason instanceof Error ? reason.message : 'the run was stopped';
    for (const { worker } of workers) post(worker, { type: 'abort', status: abortStatus(signal), message });
  };
  signal.addEventListener('abort', onAbort, { once: true });

  let lost: string | undefined;
  let byWorkers = 0;
  /** The slots of workers that exited before their work was done. */
  const unfinished: number[] = [];
  /** Per worker, settled once its exit has been handled. */
  const exitsHandled: Promise<void>[] = [];
  const finished = workers.map((pooled, i) => {
    const { worker } = pooled;
    const slot = i + 1;
    const start: WorkerStart = { sources, walked: ctx.walked, options, chunks, ignoresCase: ctx.ignoresCase, stagingDir: staging.dir, slot };
    let finishedWork = false;
    const done = new Promise<void>(resolve => {
      worker.on('message', (message: FromWorker) => {
        switch (message.type) {
          case 'results':
            forEachResult(message.results, sources, (index, result) => run.inOrder.add(index, result));
            for (const warning of message.warnings) ctx.reporter.warning(warning);
            for (const [dir, top] of message.createdDirs) keepTopmost(run.createdDirs, dir, top);
            break;
          case 'staging':
            createStaging(message.dir).then(
              made => post(worker, { type: 'staging', id: message.id, dir: made.dir }),
              (err: unknown) => post(worker, { type: 'staging', id: message.id, error: { message: errorMessage(err), code: errnoCode(err) } })
            );
            break;
          case 'done':
            // The worker then waits to be terminated: its port keeps it alive for messages.
            finishedWork = true;
            byWorkers += message.files;
            resolve();
            break;
        }
      });
    });
    post(worker, { type: 'start', start });
    const exited = pooled.exited.then(() => {
      if (finishedWork) return;
      unfinished.push(slot);
      if (signal.aborted) return; // the stop reports what is missing
      const why = `a backup thread ${pooled.failure ? `failed: ${pooled.failure}` : 'stopped before it finished'}`;
      lost ??= why;
      // The files of the chunk it was on fail now (their results will never come), so the
      // results in order move on and no other thread waits for them. It may have backed up
      // some of them before it stopped (those backups stay): the message says so.
      for (const index of currentChunk(chunks, slot)) run.inOrder.addIfMissing(index, run.lostResult(index, `not backed up, or its result was lost: ${why}`));
    });
    exitsHandled.push(exited);
    return Promise.race([done, exited]);
  });

  try {
    const own = run.engine(staging, createStaging);
    const mine = own
      // A staged folder's backups go into place before the next chunk: the results in order need them.
      .run(sources, chunkQueue(chunks, { slot: 0, beforeClaim: () => own.publishStaged() }), (index, result) => run.inOrder.add(index, result))
      .finally(() => {
        for (const [dir, top] of own.takeCreatedDirectories()) keepTopmost(run.createdDirs, dir, top);
      });
    await untilDoneOrGraceAfterAbort(
      Promise.all([mine, ...finished]).then(() => undefined),
      signal,
      WORKER_GRACE_MS
    );
  } finally {
    signal.removeEventListener('abort', onAbort);
    // Done, or late after an abort: nothing of theirs may still be writing when the caller
    // cleans up the staging directories.
    await run.pool.terminate();
    await Promise.all(exitsHandled);
    // A worker stopped part way may have left temporaries in its folder, and (on a file
    // system without hard links) an empty file under a backup name it had taken: its journal
    // says which. They go now, before the staging directory and the journal with it, and a
    // worker of a later segment in that folder starts afresh. Only for workers that did not
    // finish: one that did has removed its temporaries and filled or given back every name.
    if (unfinished.length > 0) {
      for (const dir of [staging, ...(await settledStagings(made))]) {
        const { problems } = await dir.removeThreadLeftovers(unfinished);
        for (const problem of problems) {
          ctx.reporter.warning(`A backup thread stopped before it finished, and what it left could not all be cleaned up: ${problem}`);
        }
      }
    }
  }
  ctx.reporter.debug?.(`${workers.length} worker thread${workers.length === 1 ? '' : 's'} started; they backed up ${byWorkers} of ${sources.length} files`);
  return lost === undefined ? {} : { lost };
}

/** The staging directories made on mounts, whichever could be made. */
async function settledStagings(made: readonly Promise<StagingDir>[]): Promise<StagingDir[]> {
  const settled = await Promise.allSettled(made);
  return settled.flatMap(result => (result.status === 'fulfilled' ? [result.value] : []));
}

/**
 * Records that a thread created `dir`, up to `top`. Two threads may both make sure of one
 * directory: the one that created more of it (the higher top) is kept, so that all of it
 * goes again if it is left empty.
 */
function keepTopmost(createdDirs: Map<string, string>, dir: string, top: string): void {
  const known = createdDirs.get(dir);
  if (known === undefined || top.length < known.length) createdDirs.set(dir, top);
}

function post(worker: Worker, message: ToWorker): void {
  try {
    worker.postMessage(message);
  } catch {
    // it has exited; nothing to tell it
  }
}
