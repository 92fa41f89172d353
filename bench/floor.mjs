// The floor under the small-files case: what the system calls the action makes per file
// cost from Node, with nothing else around them. No pattern matching, checks, backup index,
// log, manifest, outputs or summary; one atomic counter shares the directories between this
// thread and the workers, as the action shares its chunks. The bench runs it as its `floor`
// case against `cp -a` of the same tree, to show how much of a ratio is the runtime's.
//
// Usage: node bench/floor.mjs SRC DEST THREADS
//   SRC holds directories of files (as the bench's makeTree makes them); DEST must not
//   exist. Prints the number of files copied.
//
// Per file, as the action's engine for a first backup: open(src, O_NOFOLLOW|O_NONBLOCK),
// fstat, readlink(/proc/self/fd/N) (the opened file's real path), open(temp, O_CREAT|O_EXCL),
// read, write, futimens, close, fstat(src) (did it change while copied?), link(temp, dest),
// unlink(temp), close: 12 calls. Per directory: readdir with types, mkdir.
import {
  closeSync,
  constants as C,
  fstatSync,
  futimesSync,
  linkSync,
  mkdirSync,
  openSync,
  readSync,
  readdirSync,
  readlinkSync,
  unlinkSync,
  writeSync
} from 'node:fs';
import { Worker, isMainThread, workerData } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';

const SRC_FLAGS = C.O_RDONLY | C.O_NONBLOCK | C.O_NOFOLLOW;
const TEMP_FLAGS = C.O_WRONLY | C.O_CREAT | C.O_EXCL;
const buffer = Buffer.allocUnsafe(1024 * 1024);

function copyDirectories({ src, dest, dirs, next, slot }) {
  const staging = `${dest}/.staging/t${slot}`;
  mkdirSync(staging, { recursive: true });
  let files = 0;
  for (let d = Atomics.add(next, 0, 1); d < dirs.length; d = Atomics.add(next, 0, 1)) {
    const from = `${src}/${dirs[d]}`;
    const to = `${dest}/${dirs[d]}`;
    mkdirSync(to);
    for (const entry of readdirSync(from, { withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const fd = openSync(`${from}/${entry.name}`, SRC_FLAGS);
      const stat = fstatSync(fd);
      readlinkSync(`/proc/self/fd/${fd}`);
      const temp = `${staging}/${files}.tmp`;
      const out = openSync(temp, TEMP_FLAGS, stat.mode & 0o7777);
      // Up to the size fstat gave, as the action reads a file whose size is known.
      for (let position = 0; position < stat.size;) {
        const n = readSync(fd, buffer, 0, buffer.length, position);
        if (n === 0) break;
        for (let done = 0; done < n;) done += writeSync(out, buffer, done, n - done, position + done);
        position += n;
      }
      futimesSync(out, stat.atimeMs / 1000, stat.mtimeMs / 1000);
      closeSync(out);
      fstatSync(fd);
      linkSync(temp, `${to}/${entry.name}-2026-01-01-00-00`);
      unlinkSync(temp);
      closeSync(fd);
      files += 1;
    }
  }
  return files;
}

if (isMainThread) {
  const [src, dest, threadsArg] = process.argv.slice(2);
  const threads = Number(threadsArg);
  if (!src || !dest || !Number.isInteger(threads) || threads < 1) {
    console.error('Usage: node bench/floor.mjs SRC DEST THREADS');
    process.exit(2);
  }
  mkdirSync(dest);
  const dirs = readdirSync(src, { withFileTypes: true })
    .filter(e => e.isDirectory())
    .map(e => e.name);
  const next = new Int32Array(new SharedArrayBuffer(4));
  const workers = Array.from(
    { length: threads - 1 },
    (_, i) =>
      new Promise((resolve, reject) => {
        const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { src, dest, dirs, next, slot: i + 1 } });
        worker.once('message', resolve);
        worker.once('error', reject);
      })
  );
  const own = copyDirectories({ src, dest, dirs, next, slot: 0 });
  const theirs = await Promise.all(workers);
  console.log(own + theirs.reduce((a, b) => a + b, 0));
} else {
  const { parentPort } = await import('node:worker_threads');
  parentPort.postMessage(copyDirectories(workerData));
}
