import { parentPort } from 'node:worker_threads';
import { serveBackupThread } from '../engine/backup-worker.js';
import type { ToWorker } from '../engine/thread-messages.js';

// A worker thread of the backup step (see src/engine/backup-threads.ts); never a step
// itself. It loads while the walk goes on, then waits for its work.
const port = parentPort;
if (port) {
  port.once('message', (message: ToWorker) => {
    if (message.type === 'start') void serveBackupThread(port, message.start);
  });
}
