import * as path from 'node:path';

/**
 * How the backup engine's threads share the sources: each takes the next chunk of source
 * indices from a counter in shared memory (so a thread that starts late, or that also
 * writes the log, simply takes fewer), and the results go out in the sources' order.
 */

/**
 * Gives the index of the next source to back up, -1 when none is left, or WAIT when the
 * thread should first let the others' results catch up (ask again a little later).
 */
export interface WorkQueue {
  next(): number;
}

/** WorkQueue.next: not yet; the results in order are too far behind. */
export const WAIT = -2;

/**
 * How far ahead of the last result put in order a thread may start a chunk. A file that
 * takes long (a large one) holds back the results of every later file: the others stop
 * after this many, so the results waiting to be put in order never grow with the number
 * of files, and the log never falls far behind.
 */
export const AHEAD_LIMIT = 4096;

/** 0, 1, …, count - 1: one thread doing all the work. */
export function sequentialQueue(count: number): WorkQueue {
  let i = 0;
  return { next: () => (i < count ? i++ : -1) };
}

/** Sources per chunk: enough that claiming one costs nothing, few enough that threads end together. */
const CHUNK_FILES = 64;
/** A chunk inside one big directory ends here. */
const MAX_CHUNK_FILES = 4 * CHUNK_FILES;

/**
 * The chunks of a run shared by threads, in memory every thread sees: `order` lists source
 * indices chunk by chunk, chunk c is `order[bounds[c] .. bounds[c + 1])`, `claimed[0]` is
 * the next chunk to take, `inOrder[0]` how many results have been put in order, and
 * `current[t]` the chunk thread t is on, plus one (0: none yet).
 */
export interface SharedChunks {
  claimed: Int32Array;
  order: Int32Array;
  bounds: Int32Array;
  inOrder: Int32Array;
  current: Int32Array;
}

/** Threads that can share one run's chunks, the main one included. */
export const MAX_THREADS = 16;

/**
 * Cuts the sources into chunks of about CHUNK_FILES. Where names that differ only in case are one name
 * (`byDirectory`), every file of a directory goes into one chunk, so that the one thread
 * that backs them up sees every name its backups could clash with. Otherwise chunks are
 * runs of consecutive sources: threads may share a backup directory, because each file's
 * backup names are its own and every name is taken without replacing one.
 */
export function planChunks(sources: readonly string[], byDirectory: boolean): SharedChunks {
  const order = new Int32Array(new SharedArrayBuffer(sources.length * 4));
  const bounds: number[] = [0];
  if (byDirectory) {
    const byDir = new Map<string, number[]>();
    sources.forEach((source, i) => {
      const dir = path.dirname(source);
      let list = byDir.get(dir);
      if (!list) byDir.set(dir, (list = []));
      list.push(i);
    });
    let at = 0;
    for (const list of byDir.values()) {
      order.set(list, at);
      at += list.length;
      bounds.push(at);
    }
  } else {
    // Cut where a directory ends once a chunk is big enough: threads then seldom put
    // backups into one directory at once (each new name locks the directory).
    let start = 0;
    sources.forEach((source, i) => {
      order[i] = i;
      if (i - start >= MAX_CHUNK_FILES || (i - start >= CHUNK_FILES && !inOneDirectory(sources[i - 1]!, source))) bounds.push((start = i));
    });
    if (sources.length > 0) bounds.push(sources.length);
  }
  const shared = new Int32Array(new SharedArrayBuffer(bounds.length * 4));
  shared.set(bounds);
  return {
    claimed: new Int32Array(new SharedArrayBuffer(4)),
    order,
    bounds: shared,
    inOrder: new Int32Array(new SharedArrayBuffer(4)),
    current: new Int32Array(new SharedArrayBuffer(4 * MAX_THREADS))
  };
}

/**
 * Whether `a` and `b` have one path.dirname, found without making either: the directories
 * are compared only where a chunk may end, by where each path's last `/` is. planChunks runs
 * on the main thread before it copies anything: for the bench's 20,000 paths of 77
 * characters, in a fresh process with the optimizing compiler off (as a long backup has
 * it), six runs each, it took 2.7-3.7 ms so, and 10-16 ms with a path.dirname of each source.
 */
function inOneDirectory(a: string, b: string): boolean {
  if (path.sep !== '/') return path.dirname(a) === path.dirname(b);
  const cut = b.lastIndexOf('/');
  return cut === a.lastIndexOf('/') && a.startsWith(b.slice(0, cut));
}

/** The source indices of the chunk thread `slot` is on (or was on when it stopped). */
export function currentChunk({ order, bounds, current }: SharedChunks, slot: number): Int32Array {
  const chunk = Atomics.load(current, slot) - 1;
  return chunk < 0 ? new Int32Array(0) : order.subarray(bounds[chunk], bounds[chunk + 1]);
}

/**
 * Thread `slot`'s view of the shared chunks: it takes a chunk at a time (and says which),
 * but none that starts more than `aheadLimit` files past the results put in order so far.
 * `beforeClaim` is called before each new chunk is taken, to send what the thread holds of
 * the last one: a thread that stops is answered for by the chunk it says it is on
 * (currentChunk), so nothing of an earlier chunk may be held by then. When it says false
 * (something is held that must wait), no chunk is taken: WAIT.
 */
export function chunkQueue(
  { claimed, order, bounds, inOrder, current }: SharedChunks,
  { slot = 0, aheadLimit = AHEAD_LIMIT, beforeClaim }: { slot?: number; aheadLimit?: number; beforeClaim?: () => boolean | void } = {}
): WorkQueue {
  let at = 0;
  let end = 0;
  return {
    next(): number {
      while (at === end) {
        // False: the thread still holds something of the last chunk it cannot send yet.
        if (beforeClaim?.() === false) return WAIT;
        const chunk = Atomics.load(claimed, 0);
        if (chunk >= bounds.length - 1) return -1;
        if (order[bounds[chunk]!]! - Atomics.load(inOrder, 0) > aheadLimit) return WAIT;
        // Said before it is taken, so that no moment has it taken and not said; put back
        // when another thread took it first.
        const was = Atomics.exchange(current, slot, chunk + 1);
        if (Atomics.compareExchange(claimed, 0, chunk, chunk + 1) !== chunk) {
          Atomics.store(current, slot, was);
          continue;
        }
        at = bounds[chunk]!;
        end = bounds[chunk + 1]!;
      }
      return order[at++]!;
    }
  };
}

/**
 * Takes results by source index in any order and gives them on in index order, holding
 * those that come early. `close` gives every index still missing the result `missing`
 * makes, and ignores whatever comes later (a thread that did not stop in time).
 */
export class InOrder<T> {
  private next = 0;
  private readonly held = new Map<number, T>();
  private closed = false;

  constructor(
    private readonly count: number,
    private readonly emit: (result: T) => void,
    /** Where to publish how many results are in order (see SharedChunks.inOrder). */
    private progress?: Int32Array
  ) {}

  /** Publishes, from now on, how many results are in order to `progress`. */
  publishTo(progress: Int32Array): void {
    this.progress = progress;
    Atomics.store(progress, 0, this.next);
  }

  /** Takes `result` for `index` unless one has come for it already. */
  addIfMissing(index: number, result: T): void {
    if (index >= this.next && !this.held.has(index)) this.add(index, result);
  }

  add(index: number, result: T): void {
    if (this.closed || index < this.next) return;
    if (index !== this.next) {
      this.held.set(index, result);
      return;
    }
    this.emit(result);
    this.next += 1;
    // Most results come in order (always on one thread): no lookup for them.
    for (let early = this.held.size ? this.held.get(this.next) : undefined; early !== undefined; early = this.held.get(this.next)) {
      this.held.delete(this.next);
      this.emit(early);
      this.next += 1;
    }
    if (this.progress) Atomics.store(this.progress, 0, this.next);
  }

  close(missing: (index: number) => T): void {
    if (this.closed) return;
    this.closed = true;
    for (; this.next < this.count; this.next++) {
      const result = this.held.get(this.next);
      this.emit(result ?? missing(this.next));
    }
    this.held.clear();
  }
}
