import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { KERNEL_COPY_MAX, copyToTemp, dataRuns } from '../../src/engine/copy-file.js';

/** A buffer of `blocks` 4 KiB blocks; those listed in `data` hold non-zero bytes. */
function blocks(count: number, data: number[], tail = 0): Buffer {
  const buffer = Buffer.alloc(count * 4096 + tail);
  for (const b of data) buffer[b * 4096 + 100] = 1;
  return buffer;
}

describe('dataRuns (what a sparse copy writes)', () => {
  it('skips all-zero blocks and joins neighbouring data blocks into one write', () => {
    const buffer = blocks(8, [0, 1, 4, 7]);
    expect(dataRuns(buffer, buffer.length)).toEqual([
      [0, 2 * 4096],
      [4 * 4096, 4096],
      [7 * 4096, 4096]
    ]);
  });

  it('gives nothing for a chunk of zeros, and the whole chunk when nothing is zero', () => {
    expect(dataRuns(Buffer.alloc(64 * 1024), 64 * 1024)).toEqual([]);
    const full = Buffer.alloc(3 * 4096, 7);
    expect(dataRuns(full, full.length)).toEqual([[0, 3 * 4096]]);
  });

  it('handles a short last block and only looks at the first `length` bytes', () => {
    const buffer = blocks(2, [], 10);
    buffer[2 * 4096 + 5] = 9; // in the 10-byte tail
    expect(dataRuns(buffer, buffer.length)).toEqual([[2 * 4096, 10]]);
    expect(dataRuns(buffer, 2 * 4096)).toEqual([]);
    // A non-zero byte in the last byte of a block counts.
    const edge = Buffer.alloc(2 * 4096);
    edge[4095] = 1;
    expect(dataRuns(edge, edge.length)).toEqual([[0, 4096]]);
  });
});

describe('copyToTemp of a large file (in chunks, several at once)', () => {
  let tmp: string;

  beforeEach(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'bkpfile-copy-'));
  });

  afterEach(async () => {
    await fs.rm(tmp, { recursive: true, force: true });
  });

  const MiB = 1024 * 1024;

  it('copies every byte, the mode and the times, for a size that is not a whole number of chunks', async () => {
    // Over KERNEL_COPY_MAX, more chunks than run at once, and a short last chunk.
    const data = randomBytes(KERNEL_COPY_MAX + 13 * MiB + 12_345);
    const source = path.join(tmp, 'big.bin');
    await fs.writeFile(source, data, { mode: 0o640 });
    await fs.utimes(source, 1_000_000, 1_234_567);
    const temp = path.join(tmp, 'big.tmp');
    await copyToTemp(source, temp, await fs.stat(source), new AbortController().signal);
    const copy = await fs.readFile(temp);
    expect(copy.length).toBe(data.length);
    expect(copy.equals(data)).toBe(true);
    const stat = await fs.stat(temp);
    expect(stat.mode & 0o7777).toBe(0o640);
    expect(stat.mtimeMs).toBe(1_234_567_000);
  });

  it('keeps a sparse file sparse, its data where it was and its length with a hole at the end', async () => {
    const source = path.join(tmp, 'sparse.bin');
    const size = 64 * MiB + 100;
    const marks: [number, string][] = [
      [0, 'head'],
      [5 * MiB + 7, 'middle'],
      [30 * MiB - 2, 'across a chunk edge'],
      [40 * MiB, 'late']
    ];
    const handle = await fs.open(source, 'w');
    await handle.truncate(size);
    for (const [at, text] of marks) await handle.write(text, at);
    await handle.close();
    const temp = path.join(tmp, 'sparse.tmp');
    await copyToTemp(source, temp, await fs.stat(source), new AbortController().signal);
    const stat = await fs.stat(temp);
    expect(stat.size).toBe(size);
    expect(stat.blocks * 512).toBeLessThan(MiB); // a few 4 KiB blocks, not 64 MiB
    expect((await fs.readFile(temp)).equals(await fs.readFile(source))).toBe(true);
  });

  it('stops at a cancel between chunks, with the reason, and leaves the partial temporary to its caller', async () => {
    const source = path.join(tmp, 'big.bin');
    await fs.writeFile(source, randomBytes(64 * MiB));
    const controller = new AbortController();
    const temp = path.join(tmp, 'big.tmp');
    const copying = copyToTemp(source, temp, await fs.stat(source), controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(copying).rejects.toThrow('cancelled');
    // The temporary is the caller's to remove; it holds at most what was copied.
    expect((await fs.stat(temp)).size).toBeLessThan(64 * MiB);
    await fs.unlink(temp);
  });
});
