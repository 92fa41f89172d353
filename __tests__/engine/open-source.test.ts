import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { closeSync, mkdirSync, readFileSync, readdirSync, readlinkSync, writeFileSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FileResult } from '../../src/engine/status.js';
import { WalkedAs, backupFiles, type BackupOptions } from '../../src/engine/backup-engine.js';
import { AbortReason } from '../../src/engine/abort.js';
import { FolderOpener, openSourceSync, type OpenedSourceSync } from '../../src/engine/open-source.js';
import { ResourceManager } from '../../src/engine/resource-manager.js';
import { StagingDir, newRunIdentity } from '../../src/engine/staging.js';

/** A backup of one round of a swapping race: its own note, so that every round makes a backup of its own. */
const roundOptions = (workspace: string, backupDir: string, round: number): BackupOptions => ({
  workspace,
  backupDir,
  note: `r${round}`,
  dryRun: false,
  keep: 0,
  allowOutsideWorkspace: false,
  followSymbolicLinks: true,
  time: new Date(2025, 4, 12, 13, 49)
});

describe('the source is checked as opened, not by a name that can be swapped', () => {
  let root: string;
  let ws: string;
  let secret: string;

  beforeEach(async () => {
    root = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'bkpfile-open-')));
    ws = path.join(root, 'ws');
    await fs.mkdir(ws);
    secret = path.join(root, 'secret.txt');
    await fs.writeFile(secret, 'TOP SECRET\n');
  });

  afterEach(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  it('a file swapped for a symlink after it was opened is still the file that was opened', async () => {
    const file = path.join(ws, 'config.yml');
    await fs.writeFile(file, 'harmless\n');
    const opened = openSourceSync(file, true);
    try {
      await fs.rm(file);
      await fs.symlink(secret, file);
      expect(opened.realPath()).toBe(file);
      expect(await fs.readFile(opened.readPath, 'utf8')).toBe('harmless\n');
    } finally {
      closeSync(opened.fd);
    }
  });

  it('a symlink to outside swapped for a plain file after it was opened is still reported outside', async () => {
    const file = path.join(ws, 'config.yml');
    await fs.symlink(secret, file);
    const opened = openSourceSync(file, true);
    try {
      await fs.rm(file);
      await fs.writeFile(file, 'harmless\n');
      expect(opened.realPath()).toBe(secret);
    } finally {
      closeSync(opened.fd);
    }
  });

  it('with follow-symbolic-links false a symlink cannot be opened at all', async () => {
    const file = path.join(ws, 'link');
    await fs.symlink(secret, file);
    expect(() => openSourceSync(file, false)).toThrow(expect.objectContaining({ code: 'ELOOP' }));
  });

  it('a name swapped between a file and a symlink to outside while backups run never leaks the target', async () => {
    const file = path.join(ws, 'app.env');
    const staged = path.join(ws, 'staged');
    await fs.writeFile(file, 'SAFE=1\n');
    let swapping = true;
    // Renames are atomic: the name is always either the plain file or the symlink.
    const swapper = (async () => {
      await fs.symlink(secret, path.join(ws, 'evil'));
      while (swapping) {
        await fs.writeFile(staged, 'SAFE=1\n');
        await fs.rename(staged, file);
        await fs.symlink(secret, staged);
        await fs.rename(staged, file);
      }
    })();
    const backupDir = path.join(root, 'backups');
    const statuses = new Set<string>();
    try {
      for (let round = 0; round < 150; round++) {
        // The swapper runs only while this loop waits: let it swap between rounds (the
        // staging directory, made synchronously, no longer gives it a turn).
        await new Promise(resolve => setImmediate(resolve));
        await using resources = new ResourceManager();
        const staging = await StagingDir.create(backupDir, newRunIdentity(), resources);
        let result: FileResult | undefined;
        await backupFiles([file], roundOptions(ws, backupDir, round), {
          signal: new AbortController().signal,
          resources,
          staging,
          reporter: { fileDone: r => void (result = r), warning: () => undefined }
        });
        statuses.add(result!.status);
      }
    } finally {
      swapping = false;
      await swapper;
    }
    // Both sides of the race were seen, and no backup ever holds the secret.
    expect(statuses.has('outside-workspace')).toBe(true);
    expect(statuses.has('created') || statuses.has('identical')).toBe(true);
    for (const name of await fs.readdir(backupDir)) {
      if (name.startsWith('.bkpfile-staging-')) continue;
      expect(await fs.readFile(path.join(backupDir, name), 'utf8')).toBe('SAFE=1\n');
    }
  });
});

/** The descriptors this process holds on `dir` itself (not on files in it), from Linux's /proc. */
function descriptorsOn(dir: string): number {
  return readdirSync('/proc/self/fd').filter(fd => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === dir;
    } catch {
      return false; // closed meanwhile (the one readdir itself used)
    }
  }).length;
}

const onLinux = process.platform === 'linux';

describe.each([
  ['through /proc/self/fd', false],
  ['from the working directory (the main thread)', true]
])('files opened by their name in their folder held open (FolderOpener), %s', (_, workingDirectory) => {
  let root: string;
  let ws: string;
  let outside: string;
  const opener = new FolderOpener({ workingDirectory });
  const opened: OpenedSourceSync[] = [];
  const open = (source: string): OpenedSourceSync => {
    const file = opener.openRegular(source);
    opened.push(file);
    return file;
  };
  const text = async (file: OpenedSourceSync): Promise<string> => fs.readFile(file.readPath, 'utf8');

  beforeEach(async () => {
    root = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'bkpfile-folder-')));
    ws = path.join(root, 'ws');
    outside = path.join(root, 'outside');
    await fs.mkdir(path.join(ws, 'conf'), { recursive: true });
    await fs.mkdir(outside);
    for (const name of ['a.env', 'b.env']) {
      await fs.writeFile(path.join(ws, 'conf', name), `inside ${name}\n`);
      await fs.writeFile(path.join(outside, name), `SECRET ${name}\n`);
    }
  });

  afterEach(async () => {
    for (const file of opened.splice(0)) closeSync(file.fd);
    opener.release();
    await fs.rm(root, { recursive: true, force: true });
  });

  it('opens each file of a folder in the one folder it holds, and lets it go', async () => {
    if (!onLinux) return console.log('skipped: the folder is held through /proc/self/fd, which only Linux has');
    const conf = path.join(ws, 'conf');
    const a = open(path.join(conf, 'a.env'));
    const b = open(path.join(conf, 'b.env'));
    expect([await text(a), await text(b)]).toEqual(['inside a.env\n', 'inside b.env\n']);
    expect([a.realPath(), b.realPath()]).toEqual([path.join(conf, 'a.env'), path.join(conf, 'b.env')]);
    expect(a.stat.isFile() && b.stat.isFile()).toBe(true);
    // The working directory moves into the folder only where it may (and then back).
    const before = process.cwd();
    expect(descriptorsOn(conf)).toBe(1);
    if (workingDirectory) expect(before).toBe(conf);
    else expect(before).not.toBe(conf);
    opener.release(path.join(ws, 'other'));
    expect(descriptorsOn(conf)).toBe(1);
    opener.release(conf);
    expect(descriptorsOn(conf)).toBe(0);
    expect(process.cwd()).not.toBe(conf);
  });

  it('a folder swapped for a symlink to outside after it was opened is not followed: its files come from the folder opened', async () => {
    const conf = path.join(ws, 'conf');
    const a = open(path.join(conf, 'a.env'));
    await fs.rename(conf, path.join(ws, 'conf.old'));
    await fs.symlink(outside, conf);
    const b = open(path.join(conf, 'b.env'));
    expect(await text(a)).toBe('inside a.env\n');
    expect(await text(b)).toBe('inside b.env\n');
    // Where /proc is missing the file is opened by its path, through the link: its real path says so.
    expect(b.realPath()).toBe(onLinux ? path.join(conf, 'b.env') : path.join(outside, 'b.env'));
  });

  it('a folder that is a symlink to outside when it is opened: the real paths of its files are outside', async () => {
    const conf = path.join(ws, 'conf');
    await fs.rm(conf, { recursive: true });
    await fs.symlink(outside, conf);
    const a = open(path.join(conf, 'a.env'));
    expect(a.realPath()).toBe(path.join(outside, 'a.env'));
  });

  it('never follows a symlink in the name, and a failure names the file, not /proc', async () => {
    const link = path.join(ws, 'conf', 'link.env');
    await fs.symlink(path.join(outside, 'a.env'), link);
    expect(() => open(link)).toThrow(expect.objectContaining({ code: 'ELOOP', path: link }));
    const missing = path.join(ws, 'conf', 'gone.env');
    let error: unknown;
    try {
      open(missing);
    } catch (err) {
      error = err;
    }
    expect(error).toMatchObject({ code: 'ENOENT', path: missing });
    expect((error as Error).message).toContain(missing);
    expect((error as Error).message).not.toContain('/proc/');
  });

  it('a folder it cannot hold (gone) leaves its files to be opened by their paths, with their own reasons', async () => {
    const file = path.join(ws, 'nowhere', 'a.env');
    expect(() => open(file)).toThrow(expect.objectContaining({ code: 'ENOENT', path: file }));
    const a = open(path.join(ws, 'conf', 'a.env'));
    expect(await text(a)).toBe('inside a.env\n');
  });

  it('a folder swapped to and fro between a real folder and a symlink to outside while backups run never leaks a file from outside', async () => {
    const conf = path.join(ws, 'conf');
    const real = path.join(ws, 'conf.real');
    await fs.rename(conf, real);
    await fs.symlink(real, conf); // inside, through a link: allowed
    let swapping = true;
    const swapper = (async () => {
      const staged = path.join(ws, 'conf.staged');
      while (swapping) {
        await fs.symlink(outside, staged);
        await fs.rename(staged, conf);
        await fs.symlink(real, staged);
        await fs.rename(staged, conf);
      }
    })();
    const backupDir = path.join(root, 'backups');
    const sources = [path.join(conf, 'a.env'), path.join(conf, 'b.env')];
    const statuses = new Set<string>();
    try {
      for (let round = 0; round < 150; round++) {
        await new Promise(resolve => setImmediate(resolve));
        await using resources = new ResourceManager();
        const staging = await StagingDir.create(backupDir, newRunIdentity(), resources);
        await backupFiles(sources, roundOptions(ws, backupDir, round), {
          signal: new AbortController().signal,
          resources,
          staging,
          workingDirectory,
          // As the walk tells the engine: regular files, the second the last of its folder.
          walked: Uint8Array.from([WalkedAs.Regular, WalkedAs.Regular | WalkedAs.LastInDirectory]),
          reporter: { fileDone: r => void statuses.add(r.status), warning: () => undefined }
        });
      }
    } finally {
      swapping = false;
      await swapper;
    }
    expect(statuses.has('outside-workspace')).toBe(true);
    expect(statuses.has('created')).toBe(true);
    const backups = path.join(backupDir, 'conf');
    for (const name of await fs.readdir(backups)) {
      expect(await fs.readFile(path.join(backups, name), 'utf8')).toMatch(/^inside [ab]\.env\n$/);
    }
    if (onLinux) expect(descriptorsOn(real) + descriptorsOn(outside)).toBe(0);
  });
});

describe('FolderOpener with the working directory', () => {
  let root: string;
  let home: string;
  const opened: number[] = [];
  const openers: FolderOpener[] = [];
  const opener = (): FolderOpener => {
    const made = new FolderOpener({ workingDirectory: true });
    openers.push(made);
    return made;
  };

  beforeEach(async () => {
    root = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'bkpfile-cwd-')));
    for (const dir of ['one', 'two', 'home']) {
      await fs.mkdir(path.join(root, dir));
      // Files of one name in each folder: a relative open in the wrong folder reads the wrong one.
      await fs.writeFile(path.join(root, dir, 'a'), `${dir}\n`);
    }
    home = process.cwd();
    process.chdir(path.join(root, 'home'));
  });

  afterEach(async () => {
    // Every opener lets go, even after a failed expectation: none may keep the working directory.
    for (const made of openers.splice(0)) made.release();
    for (const fd of opened.splice(0)) closeSync(fd);
    process.chdir(home);
    await fs.rm(root, { recursive: true, force: true });
  });

  const read = (file: OpenedSourceSync): string => {
    opened.push(file.fd);
    return readFileSync(file.readPath, 'utf8');
  };

  it('is the folder held while its files are opened, and the very directory it was again once none is held', async () => {
    if (!onLinux) return console.log('skipped: the folder is held through /proc/self/fd, which only Linux has');
    const one = opener();
    expect(read(one.openRegular(path.join(root, 'one', 'a')))).toBe('one\n');
    expect(process.cwd()).toBe(path.join(root, 'one'));
    expect(read(one.openRegular(path.join(root, 'two', 'a')))).toBe('two\n');
    expect(process.cwd()).toBe(path.join(root, 'two'));
    // The directory it came from is renamed meanwhile: it goes back to that directory, not to its old path.
    await fs.rename(path.join(root, 'home'), path.join(root, 'home.moved'));
    one.release(path.join(root, 'two'));
    expect(process.cwd()).toBe(path.join(root, 'home.moved'));
    expect(descriptorsOn(path.join(root, 'two')) + descriptorsOn(path.join(root, 'home.moved'))).toBe(0);
  });

  it('steps out before its caller waits, keeping the folder, and moves in again for the next file', () => {
    if (!onLinux) return console.log('skipped: the folder is held through /proc/self/fd, which only Linux has');
    const one = opener();
    expect(read(one.openRegular(path.join(root, 'one', 'a')))).toBe('one\n');
    one.stepOut();
    expect(process.cwd()).toBe(path.join(root, 'home'));
    expect(descriptorsOn(path.join(root, 'one'))).toBe(1);
    expect(read(one.openRegular(path.join(root, 'one', 'a')))).toBe('one\n');
    expect(process.cwd()).toBe(path.join(root, 'one'));
    // A relative source is opened where the process is, never in the folder held (nor its folder there).
    for (const dir of ['home', 'one']) {
      mkdirSync(path.join(root, dir, 'sub'));
      writeFileSync(path.join(root, dir, 'sub', 'a'), `${dir}/sub\n`);
    }
    expect(read(one.openRegular(path.join(root, 'one', 'a')))).toBe('one\n');
    expect(read(one.openRegular('sub/a'))).toBe('home/sub\n');
    expect(read(one.openRegular('a'))).toBe('home\n');
    expect(process.cwd()).toBe(path.join(root, 'home'));
  });

  it('is moved by one opener at a time: another opens through /proc, each in its own folder', () => {
    if (!onLinux) return console.log('skipped: the folder is held through /proc/self/fd, which only Linux has');
    const first = opener();
    const second = opener();
    expect(read(first.openRegular(path.join(root, 'one', 'a')))).toBe('one\n');
    expect(read(second.openRegular(path.join(root, 'two', 'a')))).toBe('two\n');
    expect(process.cwd()).toBe(path.join(root, 'one'));
    expect(read(first.openRegular(path.join(root, 'one', 'a')))).toBe('one\n');
    first.release();
    expect(process.cwd()).toBe(path.join(root, 'home'));
    // Free again: the next folder the second one holds moves it.
    expect(read(second.openRegular(path.join(root, 'one', 'a')))).toBe('one\n');
    expect(process.cwd()).toBe(path.join(root, 'one'));
    second.release();
    expect(process.cwd()).toBe(path.join(root, 'home'));
  });

  it("a failure names the file's path, and a word of Node's message that is also its name stays as it is", () => {
    if (!onLinux) return console.log('skipped: the folder is held through /proc/self/fd, which only Linux has');
    const one = opener();
    const missing = path.join(root, 'one', 'file');
    expect(read(one.openRegular(path.join(root, 'one', 'a')))).toBe('one\n');
    expect(process.cwd()).toBe(path.join(root, 'one'));
    let error: unknown;
    try {
      one.openRegular(missing);
    } catch (err) {
      error = err;
    }
    expect(error).toMatchObject({ code: 'ENOENT', path: missing, message: `ENOENT: no such file or directory, open '${missing}'` });
  });

  describe('in a backup', () => {
    const backup = async (count: number, signal: AbortSignal, onFile?: () => void): Promise<{ seen: Set<string>; statuses: Set<string> }> => {
      const ws = path.join(root, 'ws');
      const sources: string[] = [];
      for (let d = 0; d < 20; d++) {
        await fs.mkdir(path.join(ws, `d${d}`), { recursive: true });
        for (let f = 0; f < count / 20; f++) {
          const file = path.join(ws, `d${d}`, `f${f}`);
          await fs.writeFile(file, `${d}/${f}\n`);
          sources.push(file);
        }
      }
      const backupDir = path.join(root, 'backups');
      const seen = new Set<string>();
      const statuses = new Set<string>();
      // What any other code on the thread sees while the backup waits: a timer's look at the working directory.
      const look = setInterval(() => void seen.add(process.cwd()), 1);
      try {
        await using resources = new ResourceManager();
        const staging = await StagingDir.create(backupDir, newRunIdentity(), resources);
        await backupFiles(sources, roundOptions(ws, backupDir, 0), {
          signal,
          resources,
          staging,
          workingDirectory: true,
          walked: Uint8Array.from(sources, (_, i) => WalkedAs.Regular | ((i + 1) % (count / 20) === 0 ? WalkedAs.LastInDirectory : 0)),
          reporter: {
            fileDone: r => {
              statuses.add(r.status);
              onFile?.();
            },
            warning: () => undefined
          }
        });
      } finally {
        clearInterval(look);
      }
      return { seen, statuses };
    };

    it('no other code ever sees the working directory moved, and it is where it was when the backup ends', async () => {
      if (!onLinux) return console.log('skipped: the folder is held through /proc/self/fd, which only Linux has');
      const { seen, statuses } = await backup(2000, new AbortController().signal);
      expect([...statuses]).toEqual(['created']);
      expect(seen.size).toBeGreaterThan(0); // the timer did look, while the backup waited
      expect([...seen]).toEqual([path.join(root, 'home')]);
      expect(process.cwd()).toBe(path.join(root, 'home'));
    });

    it('nor when it is stopped part way', async () => {
      if (!onLinux) return console.log('skipped: the folder is held through /proc/self/fd, which only Linux has');
      const controller = new AbortController();
      let files = 0;
      const { seen, statuses } = await backup(2000, controller.signal, () => {
        if (++files === 800) controller.abort(new AbortReason('cancelled', 'the step was cancelled'));
      });
      expect(statuses.has('cancelled')).toBe(true);
      expect([...seen]).toEqual([path.join(root, 'home')]);
      expect(process.cwd()).toBe(path.join(root, 'home'));
    });
  });
});
