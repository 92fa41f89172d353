import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import typescript from 'typescript';
import { DIRECT_BYTES, lightWriter, type Writable } from '../../src/action/light-stdout.js';

// A FIFO opened for reading and writing at once is a pipe with a kernel buffer, as the
// runner's stdout is, that no other process reads: what was written stays until read here.
const linux = process.platform === 'linux';
let tmp: string;
let fifos = 0;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'bkpfile-stdout-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function pipe(): number {
  const fifo = path.join(tmp, `fifo-${++fifos}`);
  execFileSync('mkfifo', [fifo]);
  return openSync(fifo, constants.O_RDWR | constants.O_NONBLOCK);
}

/** A FIFO's two ends: one to read here without blocking, and one that blocks a writer when the buffer is full. */
function blockingPipe(): { read: number; write: number } {
  const fifo = path.join(tmp, `fifo-${++fifos}`);
  execFileSync('mkfifo', [fifo]);
  const read = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
  return { read, write: openSync(fifo, constants.O_WRONLY) };
}

/** Everything the pipe holds now (it is read without blocking). */
function drain(fd: number): Buffer {
  const chunks: Buffer[] = [];
  const buf = Buffer.alloc(65536);
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, buf);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EAGAIN') break;
      throw err;
    }
    if (n === 0) break; // no writer left
    chunks.push(Buffer.from(buf.subarray(0, n)));
  }
  return Buffer.concat(chunks);
}

/** A stream that keeps what it is given, as bytes, and calls back at once. */
function keeper(): Writable & { got: Buffer[] } {
  const got: Buffer[] = [];
  return {
    got,
    write(chunk, encoding, callback) {
      const cb = typeof encoding === 'function' ? encoding : callback;
      got.push(typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8') : Buffer.from(chunk));
      cb?.(null);
      return true;
    }
  };
}

const describeLinux = linux ? describe : describe.skip;
if (!linux) console.log(`skipped: the light stdout is used on Linux only (this is ${process.platform})`);

describeLinux("lightWriter: a step's first bytes by write(2), the rest by the stream", () => {
  it('writes to the descriptor until the budget is spent, then hands that chunk and every later one to the stream', async () => {
    const fd = pipe();
    const stream = keeper();
    const write = lightWriter(fd, 10, () => stream);
    const called: string[] = [];
    expect(write('abc', () => called.push('abc'))).toBe(true);
    expect(write(Buffer.from('défg'), () => called.push('def'))).toBe(true); // 5 bytes
    expect(drain(fd).toString()).toBe('abcdéfg');
    expect(called).toEqual([]); // called back later, as a stream does
    await new Promise(resolve => process.nextTick(resolve));
    expect(called).toEqual(['abc', 'def']);
    write('hij'); // 8 + 3 > 10
    write('k'); // fits, but the stream has taken over
    write('lm', 'latin1');
    expect(drain(fd).length).toBe(0);
    expect(Buffer.concat(stream.got).toString()).toBe('hijklm');
    closeSync(fd);
  });

  it('hands the unwritten rest of a chunk to the stream when the descriptor cannot take it (EAGAIN)', () => {
    const fd = pipe();
    const page = Buffer.alloc(4096, 'x');
    let full = 0;
    for (;;) {
      try {
        full += writeSync(fd, page);
      } catch (err) {
        expect((err as NodeJS.ErrnoException).code).toBe('EAGAIN');
        break;
      }
    }
    readSync(fd, Buffer.alloc(4096)); // one page of room
    const stream = keeper();
    const write = lightWriter(fd, 1 << 20, () => stream);
    const chunk = Buffer.from(Array.from({ length: 10_000 }, (_, i) => 97 + (i % 26)));
    write(chunk);
    write('after');
    const inPipe = drain(fd);
    expect(inPipe.length).toBe(full); // the full pipe's rest, and one page of the chunk
    expect(inPipe.subarray(full - 4096).equals(chunk.subarray(0, 4096))).toBe(true);
    expect(Buffer.concat(stream.got).equals(Buffer.concat([chunk.subarray(4096), Buffer.from('after')]))).toBe(true);
    closeSync(fd);
  });

  it('gives the stream what is neither a string nor bytes', () => {
    const fd = pipe();
    const seen: unknown[] = [];
    const write = lightWriter(fd, 100, () => ({ write: (chunk: unknown) => seen.push(chunk) > 0 }));
    write({ object: true } as unknown as string);
    expect(seen).toEqual([{ object: true }]);
    expect(drain(fd).length).toBe(0);
    closeSync(fd);
  });

  it('writes at most DIRECT_BYTES, one page, which any Linux pipe holds', () => {
    expect(DIRECT_BYTES).toBe(4096);
  });
});

/**
 * useLightStdout changes the process's stdout, so it runs in Node children here, on the
 * module compiled to JavaScript, with a FIFO that nobody reads as their stdout.
 */
describeLinux('useLightStdout in a process whose stdout is a pipe', () => {
  let module: string;
  beforeAll(() => {
    const { outputText } = typescript.transpileModule(readFileSync(path.join('src', 'action', 'light-stdout.ts'), 'utf8'), {
      compilerOptions: { module: typescript.ModuleKind.ESNext, target: typescript.ScriptTarget.ES2022 }
    });
    module = path.join(tmp, 'light-stdout.mjs');
    writeFileSync(module, outputText);
  });

  /**
   * Runs `body` after useLightStdout() in a Node child whose stdout is a new pipe; what it
   * printed on each. With `room`, the pipe is filled first (and that is not in `out`) but
   * for `room` bytes, whole pages: a write(2) of more than that blocks the child.
   */
  async function child(
    body: string,
    { signalOn, room }: { signalOn?: string; room?: number } = {}
  ): Promise<{ out: string; err: string; code: number | null; ms: number }> {
    const fd = blockingPipe();
    let filled = 0;
    if (room !== undefined) {
      const filler = openSync(path.join(tmp, `fifo-${fifos}`), constants.O_WRONLY | constants.O_NONBLOCK);
      const page = Buffer.alloc(4096, 'x');
      for (;;) {
        try {
          filled += writeSync(filler, page);
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
          break;
        }
      }
      closeSync(filler);
      filled -= readSync(fd.read, Buffer.alloc(room));
    }
    const script = path.join(tmp, `child-${fifos}.mjs`);
    writeFileSync(script, `import { useLightStdout } from ${JSON.stringify(module)};\nuseLightStdout();\n${body}\n`);
    const proc = spawn(process.execPath, [script], { stdio: ['ignore', fd.write, 'pipe'] });
    closeSync(fd.write);
    const deadline = setTimeout(() => proc.kill('SIGKILL'), 10_000);
    let err = '';
    let sent = 0;
    proc.stderr!.setEncoding('utf8').on('data', (d: string) => {
      err += d;
      if (signalOn && !sent && err.includes(signalOn)) {
        sent = Date.now();
        proc.kill('SIGINT');
      }
    });
    const code = await new Promise<number | null>(resolve => proc.on('close', resolve));
    clearTimeout(deadline);
    const ms = sent ? Date.now() - sent : 0;
    const out = drain(fd.read).subarray(filled).toString();
    closeSync(fd.read);
    return { out, err, code, ms };
  }

  it("writes a step's first lines itself, without loading Node's network module and pipes, and in order", async () => {
    const r = await child(
      `process.stdout.write('one\\n'); process.stdout.write(Buffer.from('two\\n'));
       process.stdout.write('', () => { const loaded = process.moduleLoadList.filter(m => /^(NativeModule net|Internal Binding pipe_wrap)$/.test(m)); process.stderr.write(JSON.stringify(loaded)); });`
    );
    expect(r).toMatchObject({ out: 'one\ntwo\n', err: '[]', code: 0 });
  });

  it("hands over to Node's stream past DIRECT_BYTES, or when anything but write is asked of it, keeping the order", async () => {
    const big = await child(`process.stdout.write('a'.repeat(4000) + '\\n'); process.stdout.write('b'.repeat(200) + '\\n'); process.stdout.write('c\\n');
       process.stderr.write(String(process.moduleLoadList.includes('NativeModule net')));`);
    expect(big.out).toBe(`${'a'.repeat(4000)}\n${'b'.repeat(200)}\nc\n`);
    expect(big.err).toBe('true');
    const asked = await child(`const standIn = process.stdout; standIn.write('x\\n');
       const tty = standIn.isTTY; const net = (await import('node:net')).default;
       process.stderr.write(JSON.stringify([tty ?? false, process.stdout instanceof net.Socket, process.stdout === standIn]));
       standIn.cork(); process.stdout.write('y\\n'); standIn.write('z\\n'); console.log('w'); standIn.uncork();`);
    // Node's stream holds y while corked: z, written to the stand-in after it, must not pass it.
    expect(asked).toMatchObject({ out: 'x\ny\nz\nw\n', err: '[false,true,true]', code: 0 });
  });

  it("stays process.stdout once Node's stream is made: a worker thread's stdout piped into it does not end it", async () => {
    // Node pipes a worker's stdout into process.stdout, and ends the destination of a pipe
    // when its source ends unless that destination is process.stdout itself.
    const r = await child(`process.stdout.write('before\\n'); const { Worker } = await import('node:worker_threads');
       const worker = new Worker("process.stdout.write('from the worker\\\\n')", { eval: true, stdout: false });
       worker.on('exit', () => setTimeout(() => process.stdout.write('after\\n', err => process.stderr.write(String(err ?? 'written'))), 50));`);
    expect(r).toMatchObject({ out: 'before\nfrom the worker\nafter\n', err: 'written', code: 0 });
  });

  it('takes a write put on it, and its own back, as a wrapper that calls the one it replaced and puts it back does', async () => {
    const r = await child(`const own = process.stdout.write; process.stdout.write('a\\n');
       process.stdout.write = (chunk, ...rest) => own.call(process.stdout, '[' + chunk.trimEnd() + ']\\n', ...rest);
       process.stdout.write('b\\n'); process.stdout.write = own; process.stdout.write('c\\n');
       process.stderr.write(String(process.stdout.write === own));`);
    expect(r).toMatchObject({ out: 'a\n[b]\nc\n', err: 'true', code: 0 });
  });

  it('never blocks the step on a pipe nobody reads: a SIGINT is still handled at once', async () => {
    // The pipe has one page of room, the least a Linux pipe holds: 4096 bytes go by
    // write(2) and fill it; a megabyte more is queued by Node's stream rather than written
    // by a write(2) that would block until someone reads (as any more by write(2) would).
    const r = await child(
      `process.stdout.write('a'.repeat(4095) + '\\n'); for (let i = 0; i < 1024; i++) process.stdout.write('b'.repeat(1023) + '\\n');
       process.on('SIGINT', () => { process.stderr.write('stopped'); process.exit(130); });
       process.stderr.write('ready'); setInterval(() => {}, 1000);`,
      { signalOn: 'ready', room: 4096 }
    );
    expect(r.err).toBe('readystopped');
    expect(r.code).toBe(130);
    expect(r.ms).toBeLessThan(1000);
    expect(r.out).toBe(`${'a'.repeat(4095)}\n`);
  }, 15_000);
});
