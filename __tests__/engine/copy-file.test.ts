import { describe, expect, it } from '@jest/globals';
import { dataRuns } from '../../src/engine/copy-file.js';

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
