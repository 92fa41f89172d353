import {
  closeSync,
  constants as fsConstants,
  fchmodSync,
  fstatSync,
  ftruncateSync,
  futimesSync,
  openSync,
  promises as fs,
  readSync,
  writeSync,
  type Stats
} from 'node:fs';
import * as path from 'node:path';
import { errnoCode } from './fs-errors.js';
import { isDirectlyIn } from './paths.js';
import { copyWithChild, kernelCopyCommand, kernelCopyTool } from './kernel-copy.js';

/**
 * Files up to this size are small: copied and compared with synchronous calls by the backup
 * and restore engines (copyOpenFileSync); larger ones by copyToTemp.
 */
export const SMALL_FILE_MAX = 8 * 1024 * 1024;
const CHUNK = 1024 * 1024;

/**
 * Files of at least this size (and not sparse) are handed to the kernel's copy in a child
 * process; below it, the chunks took as long.
 */
export const CHILD_COPY_MIN = 256 * 1024 * 1024;

/**
 * Copies the large file `source` (over SMALL_FILE_MAX) to the new file `temp` with the
 * source's permission bits and times, stopping at `signal`: a copyFile cannot be
 * interrupted, and at exit libuv joins its threads, so one in-flight copy of a big file
 * would hold the process long after a cancel.
 *
 * A file of CHILD_COPY_MIN bytes or more is copied by the kernel in a child process where
 * there is one to use (see kernel-copy.ts); others, and any the child does not copy whole,
 * in chunks. A sparse file always goes in chunks, which keep its holes; the kernel's copy,
 * on most file systems, writes them out as zeros.
 */
export async function copyToTemp(
  source: string,
  temp: string,
  stat: Stats,
  signal: AbortSignal,
  /** The kernel copy's command instead of kernelCopyTool()'s (for tests). */
  tool?: string | readonly string[]
): Promise<void> {
  const mode = stat.mode & 0o7777;
  const child = stat.size >= CHILD_COPY_MIN && !isSparse(stat) ? (tool ?? kernelCopyTool()) : undefined;
  const src = await fs.open(source, 'r');
  try {
    // Owner only until the copy is whole (the chmod below gives the source's mode): so the
    // child may open it again to reserve its blocks, even when the source is read-only.
    const dst = await fs.open(temp, 'wx', 0o600);
    try {
      const command = child !== undefined ? await kernelCopyCommand(child, stat.size, path.dirname(temp)) : undefined;
      // A child's copy counts when it exited with 0 and is as long as the source: a copy cut
      // short without an error (a file system whose copy_file_range stops early) is redone.
      const copied = command !== undefined && (await copyWithChild(command, src.fd, dst.fd, signal)) && (await copiedWhole(src, dst, stat.size));
      if (!copied) {
        if (child !== undefined) await dst.truncate(0); // what the child wrote
        await copyInChunks(src, dst, stat, signal);
      }
      await dst.chmod(mode).catch(unlessModeRefused);
    } finally {
      await dst.close();
    }
  } finally {
    await src.close();
  }
  await fs.utimes(temp, stat.atimeMs / 1000, stat.mtimeMs / 1000);
}

/**
 * Whether the copy `dst` is as long as its source `src` now is. A copy shorter than the
 * `reserved` bytes (a source that shrank meanwhile) is truncated at its end, which gives
 * ext4 back the blocks reserved past it.
 */
async function copiedWhole(src: fs.FileHandle, dst: fs.FileHandle, reserved: number): Promise<boolean> {
  const [s, d] = await Promise.all([src.stat(), dst.stat()]);
  if (s.size !== d.size) return false;
  if (d.size < reserved) await dst.truncate(d.size);
  return true;
}

/**
 * Chunks copied at once by copyInChunks. Each is a read and then a write through libuv's
 * thread pool (four threads); with one chunk at a time a thread waits for the JavaScript
 * between them, and the copy of 1 GiB took twice as long as `cp` (copy_file_range).
 */
const LANES = 8;

/**
 * Copies the open file `src` into the open, empty file `dst`, LANES chunks at a time, by
 * position (the files' offsets are neither used nor moved). Exported for its tests.
 */
export async function copyInChunks(src: fs.FileHandle, dst: fs.FileHandle, stat: Stats, signal: AbortSignal): Promise<void> {
  const holes = isSparse(stat);
  // Each lane takes the next chunk's offset, reads it and writes it, until a read finds
  // the end. A file that changes meanwhile is caught by the caller's check afterwards.
  let next = 0;
  let end = Infinity; // the first offset a read found nothing at
  let length = 0; // the copy's length: the end of the furthest chunk written
  let failed = false;
  const lane = async (): Promise<void> => {
    const buffer = Buffer.allocUnsafe(CHUNK);
    while (!failed && next < end) {
      signal.throwIfAborted();
      const position = next;
      next += CHUNK;
      const bytesRead = await readChunk(src, buffer, position);
      if (bytesRead === 0) {
        end = Math.min(end, position);
        return;
      }
      await (holes ? writeDataRuns(dst, buffer, bytesRead, position) : writeAll(dst, buffer, bytesRead, position));
      length = Math.max(length, position + bytesRead);
    }
  };
  const lanes = await Promise.allSettled(
    Array.from({ length: LANES }, () =>
      lane().catch((err: unknown) => {
        failed = true; // the other lanes stop at their next chunk
        throw err;
      })
    )
  );
  // Every lane has settled, so no read or write is pending when the files close.
  const failure = lanes.find(l => l.status === 'rejected');
  if (failure) throw failure.reason;
  if (holes) await dst.truncate(length); // a hole at the end has no write to make it
}

/**
 * Reads the chunk at `position` whole, or up to the file's end; the bytes read. A read may
 * come back short before the end (FUSE, network file systems), and the lane after this one
 * has already taken the next chunk: a short chunk would leave a gap in the copy.
 */
async function readChunk(file: fs.FileHandle, buffer: Buffer, position: number): Promise<number> {
  let filled = 0;
  while (filled < CHUNK) {
    const { bytesRead } = await file.read(buffer, filled, CHUNK - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled;
}

async function writeAll(file: fs.FileHandle, buffer: Buffer, length: number, position: number): Promise<void> {
  for (let offset = 0; offset < length;) {
    const { bytesWritten } = await file.write(buffer, offset, length - offset, position + offset);
    offset += bytesWritten;
  }
}

/**
 * A file with fewer blocks than its size has holes (a sparse disk image, a core dump): its
 * copy keeps them, as `cp` does, by not writing blocks that are all zeros. Only such files
 * pay for the check.
 */
function isSparse(stat: Stats): boolean {
  return Number.isFinite(stat.blocks) && stat.blocks * 512 < stat.size;
}

const BLOCK = 4096;
const ZEROS = Buffer.alloc(BLOCK);

/** The runs of `buffer[0, length)` that are not all zeros, block by block, as [offset, length]. */
export function dataRuns(buffer: Buffer, length: number): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  for (let offset = 0; offset < length; offset += BLOCK) {
    const end = Math.min(offset + BLOCK, length);
    const zero = ZEROS.compare(buffer, offset, end, 0, end - offset) === 0;
    if (!zero && start < 0) start = offset;
    else if (zero && start >= 0) {
      runs.push([start, offset - start]);
      start = -1;
    }
  }
  if (start >= 0) runs.push([start, length - start]);
  return runs;
}

async function writeDataRuns(file: fs.FileHandle, buffer: Buffer, length: number, position: number): Promise<void> {
  for (const [offset, runLength] of dataRuns(buffer, length)) {
    await writeAll(file, buffer.subarray(offset), runLength, position + offset);
  }
}

const syncBuffer = Buffer.allocUnsafe(CHUNK);

/**
 * Copies the open file `fd` into the new file `temp` with synchronous calls on this thread,
 * for small files (at most SMALL_FILE_MAX): no round trip through libuv's thread pool per
 * call. Returns the bytes written.
 */
export function copyOpenFileSync(fd: number, temp: string, stat: Stats): number {
  const mode = stat.mode & 0o7777;
  const out = openSync(temp, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL, mode);
  try {
    const holes = isSparse(stat);
    // A file whose size and blocks say it holds data is read up to its size; one whose size
    // says 0, or that has no blocks (procfs, sysfs), is read until a read gives nothing. A
    // file that grows meanwhile is caught by the caller's check of its size afterwards.
    const knownSize = stat.size > 0 && stat.blocks > 0 ? stat.size : -1;
    let position = 0;
    while (position !== knownSize) {
      const n = readSync(fd, syncBuffer, 0, CHUNK, position);
      if (n === 0) break;
      if (holes) {
        for (const [start, length] of dataRuns(syncBuffer, n)) writeAllSync(out, syncBuffer, start, length, position);
      } else {
        writeAllSync(out, syncBuffer, 0, n, position);
      }
      position += n;
    }
    if (holes) ftruncateSync(out, position); // a hole at the end has no write to make it
    if (!createdWithMode(out, temp, mode)) {
      try {
        fchmodSync(out, mode);
      } catch (err) {
        unlessModeRefused(err);
      }
    }
    futimesSync(out, stat.atimeMs / 1000, stat.mtimeMs / 1000);
    return position;
  } finally {
    closeSync(out);
  }
}

/**
 * For a chmod of a file this run has just created: EPERM on one's own new file means the
 * file system cannot hold that mode (FAT and exFAT, whose modes come from the mount), and
 * the copy, whole, keeps the mode the file system gives rather than failing. Anything
 * else is rethrown.
 */
function unlessModeRefused(err: unknown): void {
  if (errnoCode(err) !== 'EPERM') throw err;
}

function writeAllSync(out: number, buffer: Buffer, start: number, length: number, position: number): void {
  for (let offset = start; offset < start + length;) offset += writeSync(out, buffer, offset, start + length - offset, position + offset);
}

/**
 * By directory, the modes that open(O_CREAT, mode) is known to give exactly (true) or not
 * (false). The umask, a default ACL, or a set-group-ID bit the kernel drops can change what
 * open() gives, so each mode is checked once per directory with fstat, and then a file of
 * that mode needs no fchmod.
 */
const modesCreatedExactly = new Map<string, Map<number, boolean>>();
/**
 * The directory looked up last, and its modes: a thread's temporaries all lie in one, so
 * most files need no path.dirname of their own, nor its hash.
 */
let lastLookedUp: { dir: string; modes: Map<number, boolean> } | undefined;

function createdWithMode(out: number, temp: string, mode: number): boolean {
  // Writing clears set-user-ID and set-group-ID bits: a mode with them is always set again.
  if (mode & 0o7000) return false;
  let modes: Map<number, boolean>;
  if (lastLookedUp !== undefined && isDirectlyIn(lastLookedUp.dir, temp)) {
    modes = lastLookedUp.modes;
  } else {
    const dir = path.dirname(temp);
    let known = modesCreatedExactly.get(dir);
    if (!known) modesCreatedExactly.set(dir, (known = new Map()));
    lastLookedUp = { dir, modes: known };
    modes = known;
  }
  let exact = modes.get(mode);
  if (exact === undefined) {
    exact = (fstatSync(out).mode & 0o7777) === mode;
    modes.set(mode, exact);
  }
  return exact;
}
