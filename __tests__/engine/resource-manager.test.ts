import { describe, it, expect, beforeEach, afterEach } from '@jest/globals';
import { existsSync, promises as fs, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ResourceManager } from '../../src/engine/resource-manager.js';

describe('ResourceManager', () => {
  let tmp: string;

  beforeEach(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'bkpfile-rm-'));
  });

  afterEach(async () => {
    await fs.rm(tmp, { recursive: true, force: true });
  });

  const file = async (name: string, content = 'x'): Promise<string> => {
    const p = path.join(tmp, name);
    await fs.mkdir(path.dirname(p), { recursive: true });
    await fs.writeFile(p, content);
    return p;
  };

  it('removes registered files and directories (recursively) and nothing else', async () => {
    const rm = new ResourceManager();
    const tempFile = await file('a.tmp');
    const tempDir = path.join(tmp, 'staging');
    await file('staging/1.tmp');
    await file('staging/deep/er/2.tmp');
    const keepFile = await file('keep.txt');
    const keepDir = path.join(tmp, 'keep-dir');
    await file('keep-dir/inner.txt');
    rm.addTempFile(tempFile);
    rm.addTempDir(tempDir);
    expect(rm.size).toBe(2);

    await rm.cleanup();

    expect(existsSync(tempFile)).toBe(false);
    expect(existsSync(tempDir)).toBe(false);
    expect(existsSync(keepFile)).toBe(true);
    expect(existsSync(path.join(keepDir, 'inner.txt'))).toBe(true);
    expect(rm.size).toBe(0);
  });

  it('does not remove paths that were unregistered (renamed into place)', async () => {
    const rm = new ResourceManager();
    const done = await file('done.tmp');
    const doneDir = path.join(tmp, 'done-dir');
    await file('done-dir/x');
    rm.addTempFile(done);
    rm.addTempDir(doneDir);
    rm.removeTempFile(done);
    rm.removeTempDir(doneDir);
    expect(rm.size).toBe(0);
    await rm.cleanup();
    expect(existsSync(done)).toBe(true);
    expect(existsSync(path.join(doneDir, 'x'))).toBe(true);
  });

  it('is fine with registered paths that were never created', async () => {
    const warnings: string[] = [];
    const rm = new ResourceManager(m => void warnings.push(m));
    rm.addTempFile(path.join(tmp, 'never-created.tmp'));
    rm.addTempDir(path.join(tmp, 'never-created-dir'));
    await expect(rm.cleanup()).resolves.toBeUndefined();
    expect(warnings).toEqual([]);
    expect(rm.size).toBe(0);
  });

  it('carries on past a failure, warns about it and does not throw', async () => {
    const warnings: string[] = [];
    const rm = new ResourceManager(m => void warnings.push(m));
    const before = await file('before.tmp');
    const parentIsFile = await file('plain-file');
    const badFile = path.join(parentIsFile, 'child.tmp'); // ENOTDIR
    const nulPath = path.join(tmp, 'nul\0byte.tmp'); // invalid argument
    const after = await file('after.tmp');
    const dir = path.join(tmp, 'dir');
    await file('dir/x.tmp');
    rm.addTempFile(before);
    rm.addTempFile(badFile);
    rm.addTempFile(nulPath);
    rm.addTempDir(path.join(parentIsFile, 'child-dir'));
    rm.addTempFile(after);
    rm.addTempDir(dir);

    await expect(rm.cleanup()).resolves.toBeUndefined();

    expect(existsSync(before)).toBe(false);
    expect(existsSync(after)).toBe(false);
    expect(existsSync(dir)).toBe(false);
    expect(existsSync(parentIsFile)).toBe(true);
    expect(warnings).toHaveLength(3);
    expect(warnings.some(w => w.includes(badFile))).toBe(true);
    expect(warnings.some(w => w.includes('child-dir'))).toBe(true);
  });

  it('never throws, even when warn throws', async () => {
    let calls = 0;
    const rm = new ResourceManager(() => {
      calls += 1;
      throw new Error('warn failed');
    });
    const parentIsFile = await file('plain-file');
    const after = await file('after.tmp');
    rm.addTempFile(path.join(parentIsFile, 'a'));
    rm.addTempFile(path.join(tmp, 'nul\0'));
    rm.addTempFile(after);
    await expect(rm.cleanup()).resolves.toBeUndefined();
    expect(calls).toBe(2);
    expect(existsSync(after)).toBe(false);
  });

  it('can run twice, and picks up what was registered in between', async () => {
    const warnings: string[] = [];
    const rm = new ResourceManager(m => void warnings.push(m));
    const a = await file('a.tmp');
    rm.addTempFile(a);
    await rm.cleanup();
    expect(existsSync(a)).toBe(false);
    await expect(rm.cleanup()).resolves.toBeUndefined();
    const b = await file('b.tmp');
    rm.addTempFile(b);
    await rm.cleanup();
    expect(existsSync(b)).toBe(false);
    expect(warnings).toEqual([]);
  });

  it('does not retry a failed path forever: a failure is warned once', async () => {
    const warnings: string[] = [];
    const rm = new ResourceManager(m => void warnings.push(m));
    rm.addTempFile(path.join(tmp, 'nul\0'));
    await rm.cleanup();
    await rm.cleanup();
    expect(warnings).toHaveLength(1);
  });

  it('disposes with await using (Symbol.asyncDispose)', async () => {
    const a = await file('a.tmp');
    const d = path.join(tmp, 'd');
    await file('d/inner');
    {
      await using rm = new ResourceManager();
      rm.addTempFile(a);
      rm.addTempDir(d);
      expect(existsSync(a)).toBe(true);
    }
    expect(existsSync(a)).toBe(false);
    expect(existsSync(d)).toBe(false);
  });

  it('disposes with await using when the block throws', async () => {
    const a = await file('a.tmp');
    const run = async (): Promise<void> => {
      await using rm = new ResourceManager();
      rm.addTempFile(a);
      throw new Error('step failed');
    };
    await expect(run()).rejects.toThrow('step failed');
    expect(existsSync(a)).toBe(false);
  });

  it('is safe under concurrent registration, unregistration and cleanup', async () => {
    const rm = new ResourceManager();
    const finalDir = path.join(tmp, 'final');
    const tempDir = path.join(tmp, 'temp');
    await fs.mkdir(finalDir);
    await fs.mkdir(tempDir);
    const tick = (): Promise<void> => new Promise(resolve => setImmediate(resolve));
    const finalised: string[] = [];

    const task = async (i: number): Promise<void> => {
      for (let k = 0; k < i % 3; k++) await tick();
      const temp = path.join(tempDir, `${i}.tmp`);
      rm.addTempFile(temp); // registered before it exists
      writeFileSync(temp, String(i));
      await tick();
      if (i % 2 === 0) {
        try {
          await fs.rename(temp, path.join(finalDir, `${i}`));
          rm.removeTempFile(temp);
          finalised.push(String(i));
        } catch {
          // cleanup got there first: the temporary is gone, nothing to finalise
        }
      }
      if (i % 10 === 0) await rm.cleanup();
    };

    await Promise.all([
      ...Array.from({ length: 100 }, (_, i) => task(i)),
      (async () => {
        for (let k = 0; k < 5; k++) {
          await tick();
          await rm.cleanup();
        }
      })()
    ]);
    await rm.cleanup();

    expect(rm.size).toBe(0);
    expect(await fs.readdir(tempDir)).toEqual([]);
    expect((await fs.readdir(finalDir)).sort()).toEqual([...finalised].sort());
    expect(finalised.length).toBeGreaterThan(0);
  });
});
