import { closeSync, constants as fsConstants, fstatSync, openSync, promises as fs, readSync, statSync } from 'node:fs';

const CHUNK = 1024 * 1024;
/**
 * Large files (sameContent) are compared 4 MiB at a time. In the action, an identical re-run
 * of a 1 GiB file on tmpfs took 474-528 ms with 1 MiB reads, 401-443 ms with 4 MiB and
 * 381-417 ms with 8 MiB (`cmp`: 442-479 ms); 4 MiB keeps most of that for half the memory
 * of 8 (two buffers per file being compared, per thread), and a read in flight when the
 * step is cancelled is over sooner.
 */
export const COMPARE_CHUNK = 4 * 1024 * 1024;

/**
 * True when the two files hold the same bytes. The caller has already compared sizes;
 * this streams both in chunks (never a whole file in memory) and observes `signal`
 * between chunks.
 */
export async function sameContent(a: string, b: string, size: number, signal: AbortSignal): Promise<boolean> {
  signal.throwIfAborted();
  const fa = await fs.open(a, 'r');
  try {
    const fb = await fs.open(b, 'r');
    try {
      const length = Math.max(1, Math.min(COMPARE_CHUNK, size));
      const bufA = Buffer.allocUnsafe(length);
      const bufB = Buffer.allocUnsafe(length);
      for (let position = 0; ;) {
        signal.throwIfAborted();
        const [ra, rb] = await Promise.all([fa.read(bufA, 0, length, position), fb.read(bufB, 0, length, position)]);
        if (ra.bytesRead !== rb.bytesRead) return false;
        if (ra.bytesRead === 0) return true;
        if (bufA.compare(bufB, 0, rb.bytesRead, 0, ra.bytesRead) !== 0) return false;
        position += ra.bytesRead;
      }
    } finally {
      await fb.close();
    }
  } finally {
    await fa.close();
  }
}

/** Shared by the synchronous compares: one file at a time on this thread. */
const syncBuffers = { a: Buffer.allocUnsafe(CHUNK), b: Buffer.allocUnsafe(CHUNK) };

/** O_NONBLOCK: should a FIFO be swapped in for a backup, opening it cannot hang. */
const OTHER_FLAGS = fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0);

/**
 * `sameContent` for small files, with synchronous reads on this thread: whether the file
 * `other` holds the `size` bytes of the open `fd` (read at explicit positions, so its
 * offset is not moved). `other` is opened without waiting (a FIFO of size 0 that holds an
 * empty file's backup name would otherwise block the open for ever) and its size is taken
 * from the open file before any byte is read: not a regular file, or another size, means
 * different. A file that cannot be opened but can be stat'ed (no read permission) still
 * differs by its size alone, as when its size was looked at before opening it.
 */
export function sameSizeAndContentSync(fd: number, size: number, other: string): boolean {
  let fb: number;
  try {
    fb = openSync(other, OTHER_FLAGS);
  } catch (err) {
    if (statSync(other).size !== size) return false;
    throw err;
  }
  try {
    const stat = fstatSync(fb);
    if (!stat.isFile() || stat.size !== size) return false;
    return sameOpenContentSync(fd, fb, size);
  } finally {
    closeSync(fb);
  }
}

/** Whether two files already open, both `size` bytes by stat, hold the same bytes. */
export function sameOpenContentSync(fd: number, fb: number, size: number): boolean {
  const { a, b } = syncBuffers;
  // Both are `size` bytes by stat: read that much (no extra read to find the end).
  for (let position = 0; position < size;) {
    const want = Math.min(CHUNK, size - position);
    const ra = readSync(fd, a, 0, want, position);
    const rb = readSync(fb, b, 0, want, position);
    if (ra !== rb) return false;
    if (ra === 0) return false; // shorter than its stat said: not the same as far as we can tell
    if (a.compare(b, 0, rb, 0, ra) !== 0) return false;
    position += ra;
  }
  return true;
}
