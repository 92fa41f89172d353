import { describe, expect, it } from '@jest/globals';
import { InOrder, WAIT, chunkQueue, currentChunk, planChunks, sequentialQueue, type WorkQueue } from '../../src/engine/work-queue.js';

function drain(queue: WorkQueue): number[] {
  const out: number[] = [];
  for (let i = queue.next(); i >= 0; i = queue.next()) out.push(i);
  return out;
}

/** Takes indices from `queue` until it says WAIT or ends. */
function takeUntilWait(queue: WorkQueue): { taken: number[]; last: number } {
  const taken: number[] = [];
  for (;;) {
    const i = queue.next();
    if (i < 0) return { taken, last: i };
    taken.push(i);
  }
}

/** The chunks as lists of source indices. */
function chunksOf(plan: ReturnType<typeof planChunks>): number[][] {
  const out: number[][] = [];
  for (let c = 0; c + 1 < plan.bounds.length; c++) out.push([...plan.order.subarray(plan.bounds[c], plan.bounds[c + 1])]);
  return out;
}

describe('work queue', () => {
  it('the sequential queue gives every index once, in order', () => {
    expect(drain(sequentialQueue(5))).toEqual([0, 1, 2, 3, 4]);
    expect(drain(sequentialQueue(0))).toEqual([]);
  });

  it('chunks end where a directory ends once they are big enough, and inside one big directory at 256 files', () => {
    const sources = [
      ...Array.from({ length: 50 }, (_, i) => `/w/a/f${i}`),
      ...Array.from({ length: 50 }, (_, i) => `/w/b/f${i}`),
      ...Array.from({ length: 600 }, (_, i) => `/w/c/f${i}`),
      '/w/d/last'
    ];
    const chunks = chunksOf(planChunks(sources, false));
    // a and b together (a alone is under 64 files), then c cut at 256 and 512, then d.
    expect(chunks.map(c => c.length)).toEqual([100, 256, 256, 88, 1]);
    expect(chunks.flat()).toEqual(sources.map((_, i) => i));
  });

  it('a chunk ends only where the directory changes: names alike, lengths alike, and files at the root', () => {
    const sources = [
      ...Array.from({ length: 70 }, (_, i) => `/w/ab/f${i}`),
      // Same length and last '/' as /w/ab/..., another directory.
      ...Array.from({ length: 70 }, (_, i) => `/w/cd/f${i}`),
      // A directory whose name starts as the file names above do, and one under /w/cd.
      ...Array.from({ length: 70 }, (_, i) => `/w/cd/f1/g${i}`),
      ...Array.from({ length: 70 }, (_, i) => `/r${i}`)
    ];
    const chunks = chunksOf(planChunks(sources, false));
    expect(chunks.map(c => c.length)).toEqual([70, 70, 70, 70]);
    expect(chunks.flat()).toEqual(sources.map((_, i) => i));
  });

  it('where case is ignored, each directory is one chunk, however its files are spread', () => {
    const sources = ['/w/a/1', '/w/b/1', '/w/a/2', '/w/c/1', '/w/b/2'];
    expect(chunksOf(planChunks(sources, true))).toEqual([[0, 2], [1, 4], [3]]);
  });

  it('threads taking chunks from one counter get every index exactly once between them', () => {
    const sources = Array.from({ length: 5000 }, (_, i) => `/w/d${i % 37}/f${i}`);
    const plan = planChunks(sources, false);
    // No results are put in order here: no limit on how far ahead they go.
    const queues = [chunkQueue(plan, { aheadLimit: Infinity }), chunkQueue(plan, { aheadLimit: Infinity }), chunkQueue(plan, { aheadLimit: Infinity })];
    const taken: number[][] = [[], [], []];
    // Interleaved as threads would be: each takes a few, in turn.
    for (let open = 3; open > 0;) {
      open = 0;
      queues.forEach((queue, t) => {
        for (let k = 0; k < 7; k++) {
          const i = queue.next();
          if (i < 0) return;
          taken[t]!.push(i);
        }
        open += 1;
      });
    }
    expect(taken.every(list => list.length > 0)).toBe(true);
    expect(taken.flat().sort((a, b) => a - b)).toEqual(sources.map((_, i) => i));
  });

  it('a thread sends what it holds of a chunk before it takes the next: stopped in between, it is still on the chunk it finished', () => {
    const sources = Array.from({ length: 300 }, (_, i) => `/w/d${Math.floor(i / 100)}/f${i}`);
    const plan = planChunks(sources, false);
    const onAtClaim: number[][] = [];
    const queue = chunkQueue(plan, { slot: 1, aheadLimit: Infinity, beforeClaim: () => void onAtClaim.push([...currentChunk(plan, 1)]) });
    const taken = drain(queue);
    expect(taken).toEqual(sources.map((_, i) => i));
    const chunks = chunksOf(plan);
    expect(chunks.length).toBe(3);
    // Before the first chunk it was on none; before each next one, on the one it finished;
    // and once all are taken, still on the last (whose results it has sent by then).
    expect(onAtClaim).toEqual([[], chunks[0], chunks[1], chunks[2]]);
  });

  it('InOrder gives results in index order, holds early ones, and fills what is missing when closed', () => {
    const out: string[] = [];
    const inOrder = new InOrder<string>(6, r => out.push(r));
    inOrder.add(1, 'b');
    expect(out).toEqual([]);
    inOrder.add(0, 'a');
    expect(out).toEqual(['a', 'b']);
    inOrder.add(4, 'e');
    inOrder.add(2, 'c');
    expect(out).toEqual(['a', 'b', 'c']);
    inOrder.close(i => `missing ${i}`);
    expect(out).toEqual(['a', 'b', 'c', 'missing 3', 'e', 'missing 5']);
    inOrder.add(3, 'late');
    inOrder.close(i => `again ${i}`);
    expect(out).toHaveLength(6);
  });

  it('a thread starts no chunk too far past the results put in order, and goes on once they catch up', () => {
    const sources = Array.from({ length: 1000 }, (_, i) => `/w/d${Math.floor(i / 64)}/f${i}`);
    const plan = planChunks(sources, false);
    const out: number[] = [];
    const inOrder = new InOrder<number>(1000, r => out.push(r));
    inOrder.publishTo(plan.inOrder);
    // One thread is held up on its first chunk (a large file); another runs ahead.
    const slow = chunkQueue(plan, { aheadLimit: 200 });
    const fast = chunkQueue(plan, { aheadLimit: 200 });
    expect(slow.next()).toBe(0);
    const ahead = takeUntilWait(fast);
    expect(ahead.last).toBe(WAIT);
    // It took chunks starting up to 200 past the last result in order (none yet), no more.
    expect(Math.max(...ahead.taken)).toBeLessThan(200 + 64 * 2);
    for (const i of ahead.taken) inOrder.add(i, i);
    expect(out).toEqual([]); // all held: the first file is not done
    expect(fast.next()).toBe(WAIT);
    // The slow thread's chunk is done: everything held goes out, and the other goes on.
    for (let i = 0; i < 64; i++) inOrder.add(i, i === 0 ? 0 : slow.next());
    expect(out.length).toBeGreaterThan(64);
    expect(fast.next()).toBeGreaterThan(Math.max(...ahead.taken));
  });
});
