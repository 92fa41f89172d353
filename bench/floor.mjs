// The floor under the small-files cases: what the system calls the action makes per file
// cost from Node, with nothing else around them. No pattern matching, checks, backup index,
// log, manifest, outputs or summary; one atomic counter shares the directories between this
// thread and the workers, as the action shares its chunks. The bench runs it as its `floor`
// case against `cp -a` of the same tree, to show how much of a ratio is the runtime's, and
// with --identical as its `floor-identical` case, against `cp -a` as the identical re-run's
// row is.
//
// Usage: node bench/floor.mjs SRC DEST THREADS
//        node bench/floor.mjs --identical SRC BACKUPS THREADS
//   SRC holds directories of files (as the bench's makeTree makes them). Without
//   --identical, DEST must not exist, and it prints the number of files copied; with it,
//   BACKUPS holds one backup of each file as the action names a first one
//   (NAME-YYYY-MM-DD-hh-mm) in the same directories, and it prints the number of files
//   found identical to their backup.
//
// Per file, as the action's engine for a first backup (into mirror folders that do not exist
// yet): open(/proc/self/fd/D/NAME, O_NOFOLLOW|O_NONBLOCK) (by its name in its folder, held
// open as D), fstat, open(its backup's final name in a new folder in the staging directory,
// O_CREAT|O_EXCL), read, write, futimens, close, fstat(src) (did it change while copied?),
// close: 9 calls. Per directory: readdir with types, the folder held (open,
// readlink(/proc/self/fd/D) for its real path, close), mkdir of the staged folder, and once
// its files are done, lstat of the destination (still not there?) and rename of the staged
// folder to it.
//
// Per file, as the engine for an identical re-run: open(/proc/self/fd/D/NAME,
// O_NOFOLLOW|O_NONBLOCK), fstat, open(backup, O_NONBLOCK), fstat(backup) (its size first),
// read of each, close, close: 8 calls. Per directory: readdir of the files with types,
// readdir of their backups, and the folder held as above.
import {
  closeSync,
  constants as C,
  fstatSync,
  futimesSync,
  lstatSync,
  mkdirSync,
  openSync,
  readSync,
  readdirSync,
  readlinkSync,
  renameSync,
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
    const staged = `${staging}/${d}.dir`;
    mkdirSync(staged);
    const folder = holdFolder(from);
    for (const entry of readdirSync(from, { withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const fd = openSync(folder.prefix + entry.name, SRC_FLAGS);
      const stat = fstatSync(fd);
      const out = openSync(`${staged}/${entry.name}-2026-01-01-00-00`, TEMP_FLAGS, stat.mode & 0o7777);
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
      closeSync(fd);
      files += 1;
    }
    closeSync(folder.fd);
    if (lstatSync(to, { throwIfNoEntry: false }) !== undefined) throw new Error(`${to} exists`);
    renameSync(staged, to);
  }
  return files;
}

/** A folder held open, as the action's engine holds a source's folder: its files are opened by name through it. */
function holdFolder(dir) {
  const fd = openSync(dir, C.O_RDONLY | C.O_DIRECTORY);
  readlinkSync(`/proc/self/fd/${fd}`); // its real path, which the engine checks
  return { fd, prefix: `/proc/self/fd/${fd}/` };
}

const BACKUP_FLAGS = C.O_RDONLY | C.O_NONBLOCK;
const other = Buffer.allocUnsafe(1024 * 1024);
/** `NAME-YYYY-MM-DD-hh-mm`: the length of what follows a backed-up file's name. */
const STAMP_SUFFIX = '-2026-01-01-00-00'.length;

function compareDirectories({ src, dest: backups, dirs, next }) {
  let same = 0;
  for (let d = Atomics.add(next, 0, 1); d < dirs.length; d = Atomics.add(next, 0, 1)) {
    const from = `${src}/${dirs[d]}`;
    const to = `${backups}/${dirs[d]}`;
    const backupOf = new Map();
    for (const name of readdirSync(to)) backupOf.set(name.slice(0, -STAMP_SUFFIX), name);
    const folder = holdFolder(from);
    for (const entry of readdirSync(from, { withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const fd = openSync(folder.prefix + entry.name, SRC_FLAGS);
      const stat = fstatSync(fd);
      const name = backupOf.get(entry.name);
      if (name !== undefined) {
        const fb = openSync(`${to}/${name}`, BACKUP_FLAGS);
        if (fstatSync(fb).size === stat.size && stat.size <= buffer.length) {
          const a = readSync(fd, buffer, 0, stat.size, 0);
          const b = readSync(fb, other, 0, stat.size, 0);
          if (a === b && buffer.compare(other, 0, b, 0, a) === 0) same += 1;
        }
        closeSync(fb);
      }
      closeSync(fd);
    }
    closeSync(folder.fd);
  }
  return same;
}

if (isMainThread) {
  const identical = process.argv[2] === '--identical';
  const [src, dest, threadsArg] = process.argv.slice(identical ? 3 : 2);
  const threads = Number(threadsArg);
  if (!src || !dest || !Number.isInteger(threads) || threads < 1) {
    console.error('Usage: node bench/floor.mjs [--identical] SRC DEST|BACKUPS THREADS');
    process.exit(2);
  }
  if (!identical) mkdirSync(dest);
  const dirs = readdirSync(src, { withFileTypes: true })
    .filter(e => e.isDirectory())
    .map(e => e.name);
  const next = new Int32Array(new SharedArrayBuffer(4));
  const workers = Array.from(
    { length: threads - 1 },
    (_, i) =>
      new Promise((resolve, reject) => {
        const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { identical, src, dest, dirs, next, slot: i + 1 } });
        worker.once('message', resolve);
        worker.once('error', reject);
      })
  );
  const own = (identical ? compareDirectories : copyDirectories)({ src, dest, dirs, next, slot: 0 });
  const theirs = await Promise.all(workers);
  console.log(own + theirs.reduce((a, b) => a + b, 0));
} else {
  const { parentPort } = await import('node:worker_threads');
  parentPort.postMessage((workerData.identical ? compareDirectories : copyDirectories)(workerData));
}
