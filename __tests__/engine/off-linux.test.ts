/**
 * The code paths that only run off Linux, run here: no `/proc/self/fd` (macOS, Windows),
 * no `O_NOFOLLOW` (Windows), no `process.getuid` (Windows). `node:fs` is replaced by the
 * real one with those parts taken away, and the engine modules are loaded against it.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import * as realFs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const refuseProc = (p: unknown): boolean => typeof p === 'string' && p.startsWith('/proc/self/fd');
const enoent = (p: string): NodeJS.ErrnoException => Object.assign(new Error(`ENOENT: no such file or directory, readlink '${p}'`), { code: 'ENOENT' });
const { O_NOFOLLOW: _noFollow, ...constantsWithoutNoFollow } = realFs.constants;
/** Every flag an open used, to see that none asked for O_NOFOLLOW. */
const openFlags: number[] = [];

jest.unstable_mockModule('node:fs', () => {
  const readlinkSync = ((p: string, ...rest: never[]) => {
    if (refuseProc(p)) throw enoent(p);
    return (realFs.readlinkSync as (...a: unknown[]) => unknown)(p, ...rest);
  }) as typeof realFs.readlinkSync;
  const openSync = ((p: realFs.PathLike, flags: number, ...rest: never[]) => {
    openFlags.push(flags);
    return (realFs.openSync as (...a: unknown[]) => number)(p, flags, ...rest);
  }) as typeof realFs.openSync;
  const promises = {
    ...realFs.promises,
    readlink: (async (p: string, ...rest: never[]) => {
      if (refuseProc(p)) throw enoent(p);
      return (realFs.promises.readlink as (...a: unknown[]) => Promise<string>)(p, ...rest);
    }) as typeof realFs.promises.readlink,
    open: (async (p: realFs.PathLike, flags: number, ...rest: never[]) => {
      openFlags.push(flags);
      return (realFs.promises.open as (...a: unknown[]) => Promise<realFs.promises.FileHandle>)(p, flags, ...rest);
    }) as typeof realFs.promises.open
  };
  const fs = { ...realFs, constants: constantsWithoutNoFollow, readlinkSync, openSync, promises };
  return { ...fs, default: fs };
});

const { openSource, openSourceSync } = await import('../../src/engine/open-source.js');
const { removeStagingDir, StagingDir, newRunIdentity } = await import('../../src/engine/staging.js');
const { ResourceManager } = await import('../../src/engine/resource-manager.js');

let root: string;
beforeAll(() => {
  root = realFs.realpathSync(realFs.mkdtempSync(path.join(os.tmpdir(), 'bkpfile-off-linux-')));
});
afterAll(() => realFs.rmSync(root, { recursive: true, force: true }));

describe('without /proc/self/fd and without O_NOFOLLOW', () => {
  it('openSourceSync reads through the name and proves the real path is still the file it holds', () => {
    const file = path.join(root, 'a.txt');
    realFs.writeFileSync(file, 'a');
    const link = path.join(root, 'link-to-a');
    realFs.symlinkSync(file, link);
    openFlags.length = 0;
    const opened = openSourceSync(link, false);
    try {
      expect(openFlags.every(flags => (flags & (_noFollow ?? 0)) === 0)).toBe(true);
      expect(opened.readPath).toBe(link); // no /proc/self/fd to read through
      expect(opened.realPath()).toBe(file);
      // The name now leads to another file: the real path is refused, never misreported.
      realFs.renameSync(file, path.join(root, 'a.old'));
      realFs.writeFileSync(file, 'another');
      expect(() => opened.realPath()).toThrow(expect.objectContaining({ code: 'ECHANGED' }));
    } finally {
      realFs.closeSync(opened.fd);
    }
  });

  it('openSource (the large-file path) does the same asynchronously', async () => {
    const file = path.join(root, 'b.txt');
    realFs.writeFileSync(file, 'b');
    const opened = await openSource(file, true);
    try {
      expect(opened.readPath).toBe(file);
      expect(await opened.realPath()).toBe(file);
      realFs.unlinkSync(file);
      realFs.writeFileSync(file, 'replaced');
      await expect(opened.realPath()).rejects.toMatchObject({ code: 'ECHANGED' });
    } finally {
      await opened.handle.close();
    }
  });
});

describe('without process.getuid (Windows)', () => {
  it('the post step still removes a killed run’s staging directory, proven by its marker alone', async () => {
    const identity = newRunIdentity();
    const resources = new ResourceManager();
    const staging = await StagingDir.create(path.join(root, 'backups'), identity, resources);
    realFs.writeFileSync(staging.tempPath(), 'half');
    const getuid = process.getuid;
    try {
      delete process.getuid;
      expect(process.getuid).toBeUndefined();
      const report = await removeStagingDir(staging.dir, identity, true);
      expect(report).toEqual({ removed: 1, problems: [] });
      expect(realFs.existsSync(staging.dir)).toBe(false);
      // A directory whose marker is another run's is still refused.
      const other = await StagingDir.create(path.join(root, 'backups'), newRunIdentity(), new ResourceManager());
      const refused = await removeStagingDir(other.dir, { ...identity, runId: path.basename(other.dir).slice(-16) }, false);
      expect(refused.refused).toBe('its marker does not match this run');
    } finally {
      process.getuid = getuid;
    }
  });
});
