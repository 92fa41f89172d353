import { describe, it, expect, beforeEach, afterEach } from '@jest/globals';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ResourceManager } from '../../src/engine/resource-manager.js';
import {
  newRunIdentity,
  oncePerDirectory,
  removeStagingDir,
  STAGING_MARKER,
  STAGING_PREFIX,
  StagingDir,
  stagingPath,
  type RunIdentity
} from '../../src/engine/staging.js';

describe('newRunIdentity', () => {
  it('gives a 16-hex run id and a 32-hex token, different every time', () => {
    const a = newRunIdentity();
    const b = newRunIdentity();
    expect(a.runId).toMatch(/^[0-9a-f]{16}$/);
    expect(a.token).toMatch(/^[0-9a-f]{32}$/);
    expect(a.runId).not.toBe(b.runId);
    expect(a.token).not.toBe(b.token);
  });
});

describe('StagingDir', () => {
  let tmp: string;

  beforeEach(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'bkpfile-staging-'));
  });

  afterEach(async () => {
    await fs.rm(tmp, { recursive: true, force: true });
  });

  it('creates the backup directory, the staging directory and its marker, registered for cleanup', async () => {
    const backupDir = path.join(tmp, 'ws', '.bkpfile');
    const identity = newRunIdentity();
    const resources = new ResourceManager();
    const staging = await StagingDir.create(backupDir, identity, resources);
    expect(staging.dir).toBe(stagingPath(backupDir, identity.runId));
    expect(path.dirname(staging.dir)).toBe(backupDir);
    expect(path.basename(staging.dir)).toBe(`${STAGING_PREFIX}${identity.runId}`);
    expect(await fs.readdir(staging.dir)).toEqual([STAGING_MARKER]);
    expect(await fs.readFile(path.join(staging.dir, STAGING_MARKER), 'utf8')).toContain(identity.token);
    expect((await fs.stat(staging.dir)).mode & 0o777).toBe(0o700);
    expect(resources.size).toBe(1);

    const t1 = staging.tempPath();
    const t2 = staging.tempPath();
    expect(t1).not.toBe(t2);
    expect(path.dirname(t1)).toBe(staging.dir);
    expect(path.basename(t1)).toMatch(/^\d+\.tmp$/);

    await resources.cleanup();
    expect(existsSync(staging.dir)).toBe(false);
    expect(existsSync(backupDir)).toBe(true);
  });

  it('refuses to reuse an existing staging directory', async () => {
    const identity = newRunIdentity();
    await StagingDir.create(tmp, identity, new ResourceManager());
    await expect(StagingDir.create(tmp, identity, new ResourceManager())).rejects.toMatchObject({ code: 'EEXIST' });
  });
});

describe('removeStagingDir', () => {
  let tmp: string;
  let backupDir: string;
  let identity: RunIdentity;
  let dir: string;
  let staging: StagingDir;

  beforeEach(async () => {
    tmp = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'bkpfile-post-')));
    backupDir = path.join(tmp, 'ws', '.bkpfile');
    identity = newRunIdentity();
    // a main step killed mid-run: staging with the marker and some temporaries
    staging = await StagingDir.create(backupDir, identity, new ResourceManager());
    dir = staging.dir;
    for (let i = 0; i < 3; i++) await fs.writeFile(staging.tempPath(), `partial ${i}`);
    await fs.writeFile(path.join(backupDir, 'app.yml-2025-05-12-13-49'), 'a backup');
  });

  afterEach(async () => {
    await fs.rm(tmp, { recursive: true, force: true });
  });

  const expectUntouched = async (): Promise<void> => {
    expect((await fs.readdir(dir)).sort()).toEqual([STAGING_MARKER, '1.tmp', '2.tmp', '3.tmp'].sort());
    expect(existsSync(path.join(backupDir, 'app.yml-2025-05-12-13-49'))).toBe(true);
  };

  it('removes the temporaries, the marker and the directory of this run', async () => {
    const report = await removeStagingDir(dir, identity);
    expect(report.refused).toBeUndefined();
    expect(report.removed).toBe(3);
    expect(report.problems).toEqual([]);
    expect(existsSync(dir)).toBe(false);
    expect(await fs.readdir(backupDir)).toEqual(['app.yml-2025-05-12-13-49']);
  });

  it('after a kill on a file system without hard links: removes only the journaled names still held by the run’s own empty file', async () => {
    await fs.mkdir(path.join(backupDir, 'config'));
    const take = async (file: string): Promise<void> => {
      await fs.writeFile(file, '', { flag: 'wx' });
      staging.journalReservation(file, (await fs.stat(file)).ino);
    };
    const reserved = path.join(backupDir, 'config/app.yml-2025-05-12-13-49'); // taken, never filled
    await take(reserved);
    // Taken, then a finished backup of an empty file renamed over it: another inode, kept.
    const finishedEmpty = path.join(backupDir, '.gitkeep-2025-05-12-13-49');
    await take(finishedEmpty);
    await fs.writeFile(path.join(dir, 'done.tmp'), '');
    await fs.rename(path.join(dir, 'done.tmp'), finishedEmpty);
    // Not the run's: empty backups it never journaled (another run's name), a journaled name
    // that is not a backup's, one outside this backup directory.
    const othersEmpty = path.join(backupDir, 'other.yml-2025-05-12-13-49');
    await fs.writeFile(othersEmpty, '');
    const notABackupName = path.join(backupDir, 'notes.txt');
    await take(notABackupName);
    const outside = path.join(tmp, 'outside.yml-2025-05-12-13-49');
    await take(outside);
    await fs.appendFile(path.join(dir, '.bkpfile-reservations'), '{"target":"/cut short by the ki'); // the kill's last line
    const report = await removeStagingDir(dir, identity);
    expect(report).toEqual({ removed: 4, problems: [] }); // 3 temporaries and the empty name
    expect(existsSync(reserved)).toBe(false);
    for (const file of [finishedEmpty, othersEmpty, notABackupName, outside]) expect(existsSync(file)).toBe(true);
    expect(existsSync(dir)).toBe(false);
  });

  it('a later worker in a thread directory takes no name of an earlier one’s, even one left behind', async () => {
    const first = staging.forThread(1);
    const names = [first.tempPath(), first.tempPath(), first.tempPath()];
    // Temporaries an earlier segment's worker could not remove; the third it did.
    await fs.writeFile(names[0]!, 'left behind');
    await fs.writeFile(names[1]!, 'left behind');
    const later = StagingDir.attach(dir).forThread(1);
    const next = later.tempPath();
    expect(path.dirname(next)).toBe(first.dir);
    expect(Number.parseInt(path.basename(next), 10)).toBe(Number.parseInt(path.basename(names[1]!), 10) + 1);
    await fs.writeFile(next, 'new', { flag: 'wx' }); // O_EXCL takes it
    expect(await fs.readFile(names[0]!, 'utf8')).toBe('left behind');
  });

  it('removes what worker threads left in their own directories (t1, t2): temporaries and journaled reservations', async () => {
    const t1 = staging.forThread(1);
    const t2 = StagingDir.attach(dir).forThread(2);
    expect([path.basename(t1.dir), path.basename(t2.dir)]).toEqual(['t1', 't2']);
    expect(path.dirname(t1.dir)).toBe(dir);
    expect((await fs.stat(t1.dir)).mode & 0o777).toBe(0o700);
    expect(staging.forThread(1).dir).toBe(t1.dir); // made once, found again
    const temp = t1.tempPath();
    expect(path.dirname(temp)).toBe(t1.dir);
    await fs.writeFile(temp, 'partial');
    await fs.writeFile(t2.tempPath(), 'partial');
    const reserved = path.join(backupDir, 'app.yml-2025-05-12-13-50');
    await fs.writeFile(reserved, '', { flag: 'wx' });
    t2.journalReservation(reserved, (await fs.stat(reserved)).ino);
    const report = await removeStagingDir(dir, identity);
    expect(report).toEqual({ removed: 3 + 2 + 1, problems: [] });
    expect(existsSync(dir)).toBe(false);
    expect(existsSync(reserved)).toBe(false);
    expect(await fs.readdir(backupDir)).toEqual(['app.yml-2025-05-12-13-49']);
  });

  it('after worker threads were stopped unfinished, the main step removes their temporaries and the names they had taken and not filled', async () => {
    const t1 = staging.forThread(1);
    const partial = t1.tempPath(); // a copy the stop cut short
    await fs.writeFile(partial, 'partial');
    const taken = path.join(backupDir, 'app.yml-2025-05-12-13-51'); // reserved, never filled
    await fs.writeFile(taken, '', { flag: 'wx' });
    t1.journalReservation(taken, (await fs.stat(taken)).ino);
    const filled = path.join(backupDir, 'db.yml-2025-05-12-13-51'); // reserved, then renamed over
    await fs.writeFile(filled, '', { flag: 'wx' });
    t1.journalReservation(filled, (await fs.stat(filled)).ino);
    await fs.writeFile(path.join(t1.dir, 'done.tmp'), 'db');
    await fs.rename(path.join(t1.dir, 'done.tmp'), filled);
    // A worker that finished (t2 here) has filled or given back every name: its journal is left alone.
    const t2 = staging.forThread(2);
    const other = path.join(backupDir, 'web.yml-2025-05-12-13-51');
    await fs.writeFile(other, '', { flag: 'wx' });
    t2.journalReservation(other, (await fs.stat(other)).ino);
    const othersTemp = t2.tempPath();
    await fs.writeFile(othersTemp, 'in progress');
    expect(await staging.removeThreadLeftovers([1])).toEqual({ removed: 2, problems: [] });
    expect(existsSync(partial)).toBe(false);
    // A new worker in t1 (the next segment's) starts its temporaries afresh without a clash.
    expect(StagingDir.attach(staging.dir).forThread(1).tempPath()).toBe(partial);
    expect(existsSync(othersTemp)).toBe(true);
    expect(existsSync(other)).toBe(true);
    expect(existsSync(taken)).toBe(false);
    expect(await fs.readFile(filled, 'utf8')).toBe('db');
    expect(existsSync(path.join(t1.dir, '.bkpfile-reservations'))).toBe(false);
  });

  it('says what it could not do: a journal that is not a file is a problem, and nothing is removed for it', async () => {
    const t1 = staging.forThread(1);
    await fs.mkdir(path.join(t1.dir, '.bkpfile-reservations'));
    const report = await staging.removeThreadLeftovers([1]);
    expect(report.removed).toBe(0);
    expect(report.problems).toEqual([`${path.join(t1.dir, '.bkpfile-reservations')}: not a journal of this run`]);
  });

  it('never follows a symlink named like a thread directory, nor removes what is not a temporary in one', async () => {
    const elsewhere = path.join(tmp, 'elsewhere');
    await fs.mkdir(elsewhere);
    await fs.writeFile(path.join(elsewhere, '1.tmp'), 'not ours');
    await fs.symlink(elsewhere, path.join(dir, 't1'));
    const t2 = staging.forThread(2);
    await fs.writeFile(path.join(t2.dir, 'notes.txt'), 'not ours');
    const report = await removeStagingDir(dir, identity);
    expect(report.removed).toBe(3);
    expect(await fs.readdir(elsewhere)).toEqual(['1.tmp']);
    expect(await fs.readdir(t2.dir)).toEqual(['notes.txt']);
    expect(existsSync(dir)).toBe(true); // not empty: left, with the problem said
    expect(report.problems.join('\n')).toMatch(/t2/);
  });

  it('removes an empty staging directory (only the marker)', async () => {
    for (const name of ['1.tmp', '2.tmp', '3.tmp']) await fs.unlink(path.join(dir, name));
    const report = await removeStagingDir(dir, identity);
    expect(report).toEqual({ removed: 0, problems: [] });
    expect(existsSync(dir)).toBe(false);
  });

  it('leaves unexpected files alone (and so the directory too)', async () => {
    await fs.writeFile(path.join(dir, 'notes.txt'), 'not ours');
    await fs.writeFile(path.join(dir, '1.tmp.bak'), 'not ours');
    await fs.mkdir(path.join(dir, '4.tmp')); // a directory named like a temporary
    const report = await removeStagingDir(dir, identity);
    expect(report.refused).toBeUndefined();
    expect(report.removed).toBe(3);
    expect((await fs.readdir(dir)).sort()).toEqual(['1.tmp.bak', '4.tmp', 'notes.txt']);
    expect(report.problems.length).toBeGreaterThan(0);
  });

  it('removes a folder of new backups a killed run was filling (N.dir), in the staging directory and in a thread directory', async () => {
    const folder = staging.folderPath();
    await fs.mkdir(folder);
    await fs.writeFile(path.join(folder, 'a.txt-2025-05-12-13-49'), 'complete');
    await fs.writeFile(path.join(folder, 'b.txt-2025-05-12-13-49'), 'part');
    const t1 = staging.forThread(1);
    const inThread = t1.folderPath();
    await fs.mkdir(inThread);
    await fs.writeFile(path.join(inThread, 'c.txt-2025-05-12-13-49'), 'part');
    const report = await removeStagingDir(dir, identity);
    expect(report.problems).toEqual([]);
    expect(report.removed).toBe(6);
    expect(existsSync(dir)).toBe(false);
    expect(await fs.readdir(backupDir)).toEqual(['app.yml-2025-05-12-13-49']);
  });

  it('never follows a symlink named like a folder of new backups, nor removes what is not a regular file in one', async () => {
    const elsewhere = path.join(tmp, 'elsewhere');
    await fs.mkdir(elsewhere);
    await fs.writeFile(path.join(elsewhere, 'x.txt-2025-05-12-13-49'), 'not ours');
    await fs.symlink(elsewhere, path.join(dir, '7.dir'));
    const folder = staging.folderPath();
    await fs.mkdir(folder);
    await fs.symlink(path.join(elsewhere, 'x.txt-2025-05-12-13-49'), path.join(folder, 'y.txt-2025-05-12-13-49'));
    const report = await removeStagingDir(dir, identity);
    expect(await fs.readdir(elsewhere)).toEqual(['x.txt-2025-05-12-13-49']);
    expect(await fs.readFile(path.join(elsewhere, 'x.txt-2025-05-12-13-49'), 'utf8')).toBe('not ours');
    expect(await fs.readdir(folder)).toEqual(['y.txt-2025-05-12-13-49']); // left, with the problem said
    expect(report.problems.join('\n')).toMatch(/\.dir/);
  });

  it('empties a folder of new backups through the descriptor it opened: swapped for a symbolic link meanwhile, it leads nowhere else', async () => {
    const victim = path.join(tmp, 'victim');
    await fs.mkdir(victim);
    for (let k = 0; k < 3; k++) await fs.writeFile(path.join(victim, `precious-2025-05-12-13-4${k}`), 'not ours');
    const folder = staging.folderPath();
    await fs.mkdir(folder);
    await fs.writeFile(path.join(folder, 'a.txt-2025-05-12-13-49'), 'ours');
    await fs.writeFile(path.join(folder, 'notes.txt'), 'not a backup: never made there');
    const readdir = fs.readdir;
    let swapped = false;
    // The swap comes once the folder is open, before it is read.
    (fs as { readdir: unknown }).readdir = async (p: string, ...rest: unknown[]): Promise<unknown> => {
      if (!swapped && p !== dir && p.startsWith('/proc/self/fd/')) {
        swapped = true;
        await fs.rename(folder, `${folder}.away`);
        await fs.symlink(victim, folder);
      }
      return (readdir as (...a: unknown[]) => Promise<unknown>)(p, ...rest);
    };
    let report;
    try {
      report = await removeStagingDir(dir, identity);
    } finally {
      (fs as { readdir: unknown }).readdir = readdir;
    }
    expect(swapped).toBe(true);
    expect((await fs.readdir(victim)).sort()).toEqual(['precious-2025-05-12-13-40', 'precious-2025-05-12-13-41', 'precious-2025-05-12-13-42']);
    // Its backup went, what is not named like one stayed.
    expect(await fs.readdir(`${folder}.away`)).toEqual(['notes.txt']);
    expect(report.problems.join('\n')).toMatch(/\.dir/);
  });

  it('a later worker in a thread directory takes no folder name of an earlier one’s either', async () => {
    const t1 = staging.forThread(1);
    const first = t1.folderPath();
    await fs.mkdir(first);
    expect(staging.forThread(1).folderPath()).not.toBe(first);
    expect(staging.forThread(1).tempPath()).not.toBe(path.join(t1.dir, '1.tmp'));
  });

  it('does not follow a temporary that is a symlink', async () => {
    const victim = path.join(tmp, 'victim.txt');
    await fs.writeFile(victim, 'precious');
    await fs.symlink(victim, path.join(dir, '9.tmp'));
    await removeStagingDir(dir, identity);
    expect(await fs.readFile(victim, 'utf8')).toBe('precious');
  });

  it('removes a temporary that is already hard-linked into place without harming the backup', async () => {
    // a SIGKILL between link() and unlink(temp): the temporary and the backup share an inode
    const backup = path.join(backupDir, 'app.yml-2025-05-12-13-49');
    await fs.unlink(path.join(dir, '3.tmp'));
    await fs.link(backup, path.join(dir, '3.tmp'));
    const report = await removeStagingDir(dir, identity);
    expect(report.removed).toBe(3);
    expect(existsSync(dir)).toBe(false);
    expect(await fs.readFile(backup, 'utf8')).toBe('a backup');
  });

  it('refuses when the token does not match', async () => {
    const report = await removeStagingDir(dir, { runId: identity.runId, token: newRunIdentity().token });
    expect(report.refused).toBeDefined();
    expect(report.removed).toBe(0);
    await expectUntouched();
  });

  it('refuses when the marker is missing', async () => {
    await fs.unlink(path.join(dir, STAGING_MARKER));
    const report = await removeStagingDir(dir, identity);
    expect(report.refused).toBeDefined();
    expect((await fs.readdir(dir)).sort()).toEqual(['1.tmp', '2.tmp', '3.tmp']);
  });

  it('removes a staging directory killed before its marker existed, only when empty and at the expected path', async () => {
    for (const f of ['1.tmp', '2.tmp', '3.tmp', STAGING_MARKER]) await fs.unlink(path.join(dir, f));
    expect((await removeStagingDir(dir, identity)).refused).toBeDefined();
    expect(existsSync(dir)).toBe(true);
    const report = await removeStagingDir(dir, identity, true);
    expect(report.refused).toBeUndefined();
    expect(existsSync(dir)).toBe(false);
  });

  it('removes a staging directory killed while writing its marker (a prefix of this run’s marker, nothing else)', async () => {
    for (const f of ['1.tmp', '2.tmp', '3.tmp']) await fs.unlink(path.join(dir, f));
    const full = await fs.readFile(path.join(dir, STAGING_MARKER), 'utf8');
    await fs.writeFile(path.join(dir, STAGING_MARKER), full.slice(0, 10));
    expect((await removeStagingDir(dir, identity)).refused).toBeDefined();
    expect(existsSync(dir)).toBe(true);
    const report = await removeStagingDir(dir, identity, true);
    expect(report.refused).toBeUndefined();
    expect(existsSync(dir)).toBe(false);
  });

  it('refuses a partly written marker that is not a prefix of this run’s marker', async () => {
    for (const f of ['1.tmp', '2.tmp', '3.tmp']) await fs.unlink(path.join(dir, f));
    await fs.writeFile(path.join(dir, STAGING_MARKER), 'bkpfile-action staging 0000');
    const report = await removeStagingDir(dir, { ...identity, token: 'f'.repeat(32) }, true);
    expect(report.refused).toBeDefined();
    expect(existsSync(path.join(dir, STAGING_MARKER))).toBe(true);
  });

  it('refuses when the run id in the name does not match', async () => {
    const other = newRunIdentity();
    const report = await removeStagingDir(dir, { runId: other.runId, token: identity.token });
    expect(report.refused).toBeDefined();
    await expectUntouched();
  });

  it('refuses a directory of another run with a valid marker of its own, given our identity', async () => {
    const otherIdentity = newRunIdentity();
    const other = await StagingDir.create(backupDir, otherIdentity, new ResourceManager());
    await fs.writeFile(other.tempPath(), 'theirs');
    const report = await removeStagingDir(other.dir, identity);
    expect(report.refused).toBeDefined();
    expect((await fs.readdir(other.dir)).sort()).toEqual([STAGING_MARKER, '1.tmp']);
  });

  it('refuses a malformed identity', async () => {
    expect((await removeStagingDir(dir, { runId: identity.runId, token: '' })).refused).toBeDefined();
    expect((await removeStagingDir(dir, { runId: '..', token: identity.token })).refused).toBeDefined();
    await expectUntouched();
  });

  it('refuses a symlink to a real staging directory', async () => {
    const elsewhere = path.join(tmp, 'elsewhere');
    await fs.mkdir(elsewhere);
    const link = path.join(elsewhere, `${STAGING_PREFIX}${identity.runId}`);
    await fs.symlink(dir, link);
    const report = await removeStagingDir(link, identity);
    expect(report.refused).toBeDefined();
    expect(report.removed).toBe(0);
    expect(existsSync(link)).toBe(true);
    await expectUntouched();
  });

  // BUG (src/engine/staging.ts, removeStagingDir): a trailing slash passes the
  // "normalized" check (path.normalize keeps it) and makes lstat() follow the symlink,
  // so the marker and temporaries of the real directory are deleted through the link.
  it('refuses a symlink to a real staging directory given with a trailing slash', async () => {
    const elsewhere = path.join(tmp, 'elsewhere');
    await fs.mkdir(elsewhere);
    const link = path.join(elsewhere, `${STAGING_PREFIX}${identity.runId}`);
    await fs.symlink(dir, link);
    const report = await removeStagingDir(`${link}/`, identity);
    expect(report.refused).toBeDefined();
    expect(report.removed).toBe(0);
    await expectUntouched();
  });

  it('refuses a relative path', async () => {
    const relative = path.relative(process.cwd(), dir);
    expect(path.isAbsolute(relative)).toBe(false);
    const report = await removeStagingDir(relative, identity);
    expect(report.refused).toBeDefined();
    await expectUntouched();
  });

  it.each([
    ['with ..', (d: string) => path.join(path.dirname(d), 'x') + `/../${path.basename(d)}`],
    ['with a double slash', (d: string) => d.replace(/\/([^/]*)$/, '//$1')],
    ['with /./', (d: string) => `${path.dirname(d)}/./${path.basename(d)}`]
  ])('refuses a path that is not normalized (%s)', async (_what, make) => {
    const odd = make(dir);
    expect(odd).not.toBe(dir);
    const report = await removeStagingDir(odd, identity);
    expect(report.refused).toBeDefined();
    await expectUntouched();
  });

  it('refuses the workspace and "/" and deletes nothing', async () => {
    const ws = path.dirname(backupDir);
    for (const target of [ws, backupDir, '/', tmp]) {
      const report = await removeStagingDir(target, identity);
      expect(report.refused).toBeDefined();
      expect(report.removed).toBe(0);
    }
    await expectUntouched();
  });

  it('refuses a regular file named like the staging directory', async () => {
    const elsewhere = path.join(tmp, 'elsewhere');
    await fs.mkdir(elsewhere);
    const fake = path.join(elsewhere, `${STAGING_PREFIX}${identity.runId}`);
    await fs.writeFile(fake, 'x');
    const report = await removeStagingDir(fake, identity);
    expect(report.refused).toBeDefined();
    expect(existsSync(fake)).toBe(true);
  });

  it('returns without error for a path that does not exist', async () => {
    await fs.rm(dir, { recursive: true });
    const report = await removeStagingDir(dir, identity);
    expect(report).toEqual({ removed: 0, problems: [] });
  });
});

describe('oncePerDirectory', () => {
  it('makes the staging directory of a folder once, whoever asks and however often, and tries again after a failure', async () => {
    const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'bkpfile-once-'));
    try {
      const identity = newRunIdentity();
      const resources = new ResourceManager();
      const made: string[] = [];
      let fail = true;
      const create = oncePerDirectory(async dir => {
        made.push(dir);
        if (fail) throw Object.assign(new Error('no space left'), { code: 'ENOSPC' });
        return StagingDir.create(dir, identity, resources);
      });
      const mount = path.join(tmp, 'mount');
      await fs.mkdir(mount);
      await expect(create(mount)).rejects.toMatchObject({ code: 'ENOSPC' });
      fail = false;
      // Two segments (or threads) asking at once, and again later: one directory, one object.
      const [a, b] = await Promise.all([create(mount), create(mount)]);
      const c = await create(mount);
      expect(a).toBe(b);
      expect(c).toBe(a);
      expect(made).toEqual([mount, mount]);
      await resources.cleanup();
    } finally {
      await fs.rm(tmp, { recursive: true, force: true });
    }
  });
});
