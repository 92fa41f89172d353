import type { MessagePort } from 'node:worker_threads';
import { AbortReason } from './abort.js';
import { BackupEngine } from './backup-engine.js';
import { ResourceManager } from './resource-manager.js';
import { StagingDir } from './staging.js';
import { ResultBatcher, type FromWorker, type ToWorker, type WorkerStart } from './thread-messages.js';
import { chunkQueue } from './work-queue.js';

/** Results a worker holds before it posts them, at most (and for at most BATCH_MS). */
const BATCH_RESULTS = 256;
const BATCH_MS = 20;

/**
 * A backup worker thread: backs up the chunks of sources it takes from the shared counter
 * and posts the results to the main thread, which puts them in order, writes the log, and
 * owns every resource that outlives the thread (staging directories, the step's state).
 * Stops when the main thread says the run was cancelled or timed out.
 */
export async function serveBackupThread(port: MessagePort, start: WorkerStart): Promise<void> {
  const controller = new AbortController();
  const stagingRequests = new Map<number, { resolve: (dir: StagingDir) => void; reject: (err: Error) => void }>();
  let nextRequest = 0;
  port.on('message', (message: ToWorker) => {
    if (message.type === 'start') return;
    if (message.type === 'abort') {
      controller.abort(new AbortReason(message.status, message.message));
    } else {
      const request = stagingRequests.get(message.id);
      stagingRequests.delete(message.id);
      if (!request) return;
      if (message.dir === undefined) {
        request.reject(Object.assign(new Error(message.error?.message ?? 'no staging directory'), { code: message.error?.code }));
        return;
      }
      try {
        request.resolve(StagingDir.attach(message.dir).forThread(start.slot));
      } catch (err) {
        request.reject(err as Error); // making this thread's folder there failed (ENOSPC): that file's failure
      }
    }
  });

  const post = (message: FromWorker): void => port.postMessage(message);
  const results = new ResultBatcher();
  let warnings: string[] = [];
  let posted = Date.now();
  const flush = (): void => {
    const createdDirs = engine.takeCreatedDirectories();
    if (results.size > 0 || warnings.length > 0 || createdDirs.length > 0) post({ type: 'results', results: results.take(), warnings, createdDirs });
    warnings = [];
    posted = Date.now();
  };

  const resources = new ResourceManager(message => warnings.push(message));
  const engine = new BackupEngine(start.options, {
    signal: controller.signal,
    walked: start.walked,
    resources,
    staging: StagingDir.attach(start.stagingDir).forThread(start.slot),
    reporter: {
      fileDone: () => undefined, // results go by index, through `report` below
      warning: message => warnings.push(message)
    },
    ignoresCase: start.ignoresCase,
    createStaging: dir =>
      new Promise<StagingDir>((resolve, reject) => {
        const id = nextRequest++;
        stagingRequests.set(id, { resolve, reject });
        post({ type: 'staging', id, dir });
      })
  });
  let files = 0;
  try {
    await engine.run(
      start.sources,
      // What it holds goes out before each new chunk (a staged folder's backups put into place
      // first): the results in order need it, and a thread that stops is answered for by its
      // chunk alone.
      chunkQueue(start.chunks, {
        slot: start.slot,
        beforeClaim: () => {
          const clear = engine.publishStaged();
          flush();
          return clear;
        }
      }),
      (index, result) => {
        files += 1;
        results.add(index, result);
        if (results.size >= BATCH_RESULTS || Date.now() - posted > BATCH_MS) flush();
      },
      flush
    );
  } finally {
    await resources.cleanup();
    flush();
  }
  // Only when the run ended as it should: a worker whose run threw exits without it, and
  // the main thread then fails the files it had taken.
  post({ type: 'done', files });
}
