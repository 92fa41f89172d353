import { describe, it, expect, beforeEach, afterEach } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, promises as fs, readSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { COMPARE_CHUNK, sameContent, sameSizeAndContentSync } from '../../src/engine/compare.js';
import { AbortReason } from '../../src/engine/abort.js';

const MiB = 1024 * 1024;

describe('sameContent', () => {
  let tmp: string;
  const signal = new AbortController().signal;

  beforeEach(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'bkpfile-compare-'));
  });

  afterEach(async () => {
    await fs.rm(tmp, { recursive: true, force: true });
  });

  const write = async (name: string, data: Buffer | string): Promise<string> => {
    const file = path.join(tmp, name);
    await fs.writeFile(file, data);
    return file;
  };

  it('is true for equal files', async () => {
    const a = await write('a', 'hello world\n');
    const b = await write('b', 'hello world\n');
    expect(await sameContent(a, b, 12, signal)).toBe(true);
  });

  it('is true for two empty files', async () => {
    const a = await write('a', '');
    const b = await write('b', '');
    expect(await sameContent(a, b, 0, signal)).toBe(true);
  });

  it('is false when only the last byte differs', async () => {
    const a = await write('a', 'hello world!');
    const b = await write('b', 'hello world?');
    expect(await sameContent(a, b, 12, signal)).toBe(false);
  });

  it('is false when only the first byte differs', async () => {
    const a = await write('a', 'Xello');
    const b = await write('b', 'hello');
    expect(await sameContent(a, b, 5, signal)).toBe(false);
  });

  it('compares files of several chunks past the first chunk', async () => {
    const data = Buffer.alloc(2 * COMPARE_CHUNK + MiB, 0x61);
    const a = await write('a', data);
    const same = await write('same', data);
    const changed = Buffer.from(data);
    changed[COMPARE_CHUNK + 12345] = 0x62;
    const b = await write('b', changed);
    expect(await sameContent(a, same, data.length, signal)).toBe(true);
    expect(await sameContent(a, b, data.length, signal)).toBe(false);
  });

  it('is false when the last byte of a multi-chunk file differs', async () => {
    const data = Buffer.alloc(2 * COMPARE_CHUNK + 7, 0x30);
    const a = await write('a', data);
    const changed = Buffer.from(data);
    changed[changed.length - 1] = 0x31;
    const b = await write('b', changed);
    expect(await sameContent(a, b, data.length, signal)).toBe(false);
  });

  it('is false when the files grew apart from the size given', async () => {
    const a = await write('a', 'abc');
    const b = await write('b', 'abcd');
    expect(await sameContent(a, b, 3, signal)).toBe(false);
  });

  it('rejects with the abort reason when the signal is already aborted', async () => {
    const a = await write('a', 'x');
    const b = await write('b', 'x');
    const controller = new AbortController();
    const reason = new AbortReason('timeout', 'out of time');
    controller.abort(reason);
    await expect(sameContent(a, b, 1, controller.signal)).rejects.toBe(reason);
  });

  it('stops part way when the signal aborts during the comparison', async () => {
    const data = Buffer.alloc(4 * COMPARE_CHUNK, 0x61);
    const a = await write('a', data);
    const b = await write('b', data);
    const controller = new AbortController();
    const reason = new AbortReason('cancelled', 'cancelled');
    const pending = sameContent(a, b, data.length, controller.signal);
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });

  it('rejects for a missing file', async () => {
    const a = await write('a', 'x');
    await expect(sameContent(a, path.join(tmp, 'missing'), 1, signal)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('sameSizeAndContentSync', () => {
  let tmp: string;
  let fd: number | undefined;

  beforeEach(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'bkpfile-compare-sync-'));
  });

  afterEach(async () => {
    if (fd !== undefined) closeSync(fd);
    fd = undefined;
    await fs.rm(tmp, { recursive: true, force: true });
  });

  /** The source open as the engine holds it, and its size. */
  const openSource = (data: string): { fd: number; size: number } => {
    const file = path.join(tmp, 'source');
    writeFileSync(file, data);
    fd = openSync(file, 'r');
    return { fd, size: Buffer.byteLength(data) };
  };
  const other = (name: string, data: string): string => {
    const file = path.join(tmp, name);
    writeFileSync(file, data);
    return file;
  };

  it('is true for the same bytes, false for other bytes of the same size', () => {
    const source = openSource('hello world\n');
    expect(sameSizeAndContentSync(source.fd, source.size, other('same', 'hello world\n'))).toBe(true);
    expect(sameSizeAndContentSync(source.fd, source.size, other('changed', 'hello World\n'))).toBe(false);
  });

  it('is false for another size, and for a file that starts with the same bytes', () => {
    const source = openSource('hello');
    expect(sameSizeAndContentSync(source.fd, source.size, other('longer', 'hello world'))).toBe(false);
    expect(sameSizeAndContentSync(source.fd, source.size, other('shorter', 'hell'))).toBe(false);
  });

  it('is true for two empty files', () => {
    const source = openSource('');
    expect(sameSizeAndContentSync(source.fd, 0, other('empty', ''))).toBe(true);
  });

  it('does not move the offset of the open source', () => {
    const source = openSource('abcdef');
    expect(sameSizeAndContentSync(source.fd, source.size, other('same', 'abcdef'))).toBe(true);
    const buffer = Buffer.alloc(6);
    expect(readSync(source.fd, buffer, 0, 6, null)).toBe(6);
    expect(buffer.toString()).toBe('abcdef');
  });

  it('is false, at once, for a directory or a FIFO in the place of the other file', () => {
    const source = openSource('');
    const dir = path.join(tmp, 'dir');
    mkdirSync(dir);
    expect(sameSizeAndContentSync(source.fd, 0, dir)).toBe(false);
    if (process.platform === 'win32') return; // no FIFOs
    const fifo = path.join(tmp, 'fifo');
    execFileSync('mkfifo', [fifo]);
    // A FIFO's size is 0, as the empty source's: opened without O_NONBLOCK it would wait
    // for a writer for ever, and this test would time out.
    expect(sameSizeAndContentSync(source.fd, 0, fifo)).toBe(false);
  });

  it('throws when the other file is missing', () => {
    const source = openSource('x');
    expect(() => sameSizeAndContentSync(source.fd, source.size, path.join(tmp, 'missing'))).toThrow(/ENOENT/);
  });
});
