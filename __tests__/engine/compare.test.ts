import { describe, it, expect, beforeEach, afterEach } from '@jest/globals';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { COMPARE_CHUNK, sameContent } from '../../src/engine/compare.js';
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
