// A step's first lines, written to standard output by write(2) itself. Node makes
// process.stdout when it is first read: on a pipe, as the runner's is, that loads its
// network and stream modules (28 of them) and opens a libuv pipe, which took 1.7 ms of
// every step's start, and a step that found nothing writes three lines. Each entry point
// calls useLightStdout() first: process.stdout is then a light stand-in, which writes
// through to file descriptor 1 synchronously until DIRECT_BYTES bytes have gone that way,
// and hands everything after, and anything else asked of it, to Node's own stream.
//
// Why so few: a write(2) to a pipe whose buffer is full blocks the thread until the reader
// reads, and a blocked main thread would hold off a cancel. Node's stream never blocks (it
// queues). A pipe's buffer on Linux holds at least one page (4096 bytes, even when its user
// has used up the pipe pages the kernel lets it have: pipe(7)), and the runner gives each
// step a pipe of its own, so the first 4096 bytes fit whatever the reader does. Other
// systems are left to Node's stream: macOS may give a pipe 512 bytes.
import { writeSync } from 'node:fs';

/** How many bytes go to file descriptor 1 directly before Node's stream takes over. */
export const DIRECT_BYTES = 4096;

type WriteCallback = (err?: Error | null) => void;

/** The part of a writable stream a light writer hands over to. */
export interface Writable {
  write(chunk: string | Uint8Array, encoding?: BufferEncoding | WriteCallback, callback?: WriteCallback): boolean;
}

/**
 * A `write` that writes to `fd` with write(2) until `budget` bytes have gone that way, and
 * from the first chunk that does not fit (or the first write that fails, EAGAIN from a
 * descriptor someone made non-blocking among them) hands that chunk's rest and every later
 * one to `stream()`, so the order is kept. Chunks other than strings and byte arrays go to
 * the stream as they are.
 */
export function lightWriter(fd: number, budget: number, stream: () => Writable): Writable['write'] {
  let left = budget;
  let handedOver = false;
  return function write(chunk, encoding, callback) {
    if (typeof encoding === 'function') [callback, encoding] = [encoding, undefined];
    const bytes = handedOver ? undefined : toBytes(chunk, encoding);
    if (!bytes || bytes.length > left) {
      handedOver = true;
      return stream().write(chunk, encoding, callback);
    }
    left -= bytes.length;
    let written = 0;
    try {
      while (written < bytes.length) written += writeSync(fd, bytes, written);
    } catch {
      handedOver = true;
      return stream().write(bytes.subarray(written), callback);
    }
    if (callback) process.nextTick(callback, null);
    return true;
  };
}

function toBytes(chunk: unknown, encoding: BufferEncoding | undefined): Uint8Array | undefined {
  if (typeof chunk === 'string') return Buffer.from(chunk, encoding ?? 'utf8');
  return chunk instanceof Uint8Array ? chunk : undefined;
}

/**
 * Makes process.stdout, for the rest of the process, a stand-in whose `write` is a
 * lightWriter on file descriptor 1, on Linux (see above). Reading any other property of it
 * (or its prototype: `instanceof`) makes Node's own stream, which it is from then on: its
 * properties are that stream's, and its methods are called on that stream. It stays what
 * process.stdout gives, so that Node's own checks of a stream against process.stdout still
 * find it (a stream piped into it, as a worker thread's stdout is, must not end it). What a
 * step writes in its first DIRECT_BYTES bytes has been written when `write` returns; the
 * rest is queued as Node's stream queues it.
 */
export function useLightStdout(): void {
  const own = Object.getOwnPropertyDescriptor(process, 'stdout');
  if (process.platform !== 'linux' || !own?.get || !own.configurable) return;
  const makeNodeStream = own.get;
  let node: NodeJS.WriteStream | undefined;
  const nodeStream = (): NodeJS.WriteStream => (node ??= makeNodeStream.call(process) as NodeJS.WriteStream);
  const light = lightWriter(1, DIRECT_BYTES, nodeStream);
  // Once Node's stream is made, every write goes through it, so that none overtakes its queue.
  const write: Writable['write'] = (chunk, encoding, callback) =>
    node ? node.write(chunk, encoding as BufferEncoding, callback) : light(chunk, encoding, callback);
  // A `write` put on process.stdout (a wrapper, a test's spy) is the stand-in's own, so that
  // putting the first one back restores it rather than making it call itself.
  let assignedWrite: unknown;
  const standIn = new Proxy({} as NodeJS.WriteStream, {
    get(_, key) {
      if (key === 'write') return assignedWrite ?? write;
      const value: unknown = Reflect.get(nodeStream(), key);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(nodeStream()) : value;
    },
    set(_, key, value) {
      if (key !== 'write') return Reflect.set(nodeStream(), key, value);
      assignedWrite = value === write ? undefined : value;
      return true;
    },
    has: (_, key) => Reflect.has(nodeStream(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(nodeStream())
  });
  Object.defineProperty(process, 'stdout', { configurable: true, enumerable: own.enumerable, get: () => standIn });
}
