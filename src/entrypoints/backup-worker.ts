import { parentPort, workerData } from 'node:worker_threads';
import { serveBackupThread } from '../engine/backup-worker.js';
import type { WorkerStart } from '../engine/thread-messages.js';

// A worker thread of the backup step (see src/engine/backup-threads.ts); never a step itself.
if (parentPort) await serveBackupThread(parentPort, workerData as WorkerStart);
