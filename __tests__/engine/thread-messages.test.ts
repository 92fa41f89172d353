import { describe, it, expect } from '@jest/globals';
import { ResultBatcher, forEachResult } from '../../src/engine/thread-messages.js';
import type { FileResult } from '../../src/engine/status.js';

describe('ResultBatcher and forEachResult', () => {
  const sources = ['/ws/a.txt', '/ws/b.txt', '/ws/c.txt', '/ws/d.txt', '/ws/e.txt'];
  const results: [number, FileResult][] = [
    [0, { source: sources[0]!, backup: '/bk/a.txt-2026-11-27-16-35', status: 'created', bytes: 4096 }],
    [2, { source: sources[2]!, backup: '/bk/c.txt-2026-11-27-16-35', status: 'identical', bytes: 0 }],
    [1, { source: sources[1]!, backup: null, status: 'permission-denied', bytes: 0, message: 'cannot be read' }],
    [3, { source: sources[3]!, backup: '/bk/d.txt-2026-11-27-16-35_2', status: 'created', bytes: 7, removed: ['/bk/d.txt-2026-11-26-10-00'] }],
    [4, { source: sources[4]!, backup: null, status: 'created', bytes: 0 }]
  ];

  it('give every result back with its index, through a structured clone as a worker posts it', () => {
    const batcher = new ResultBatcher();
    for (const [index, result] of results) batcher.add(index, result);
    expect(batcher.size).toBe(5);
    const batch = structuredClone(batcher.take());
    expect(batcher.size).toBe(0);
    const back: [number, FileResult][] = [];
    forEachResult(batch, sources, (index, result) => void back.push([index, result]));
    // In the order they were added: the main thread puts them in order with no lookup when they come so.
    expect(back).toEqual(results);
  });

  it('send a plain result as its index, status, bytes and backup alone, without its source or any key, and any other whole, in its place', () => {
    const batcher = new ResultBatcher();
    for (const [index, result] of results) batcher.add(index, result);
    const { plain, full } = batcher.take();
    expect(plain).toEqual([
      ...[0, 'created', 4096, '/bk/a.txt-2026-11-27-16-35'],
      ...[2, 'identical', 0, '/bk/c.txt-2026-11-27-16-35'],
      ...[1, 0, 0, null],
      ...[3, 1, 0, null],
      ...[4, 'created', 0, null]
    ]);
    expect(full).toEqual([results[2]![1], results[3]![1]]);
    expect(new ResultBatcher().take()).toEqual({ plain: [], full: [] });
  });
});
