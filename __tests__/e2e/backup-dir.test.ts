/**
 * The backup directory as users have it, through the bundled action as the runner runs it:
 * one that cannot be written, one that cannot even be created, another file system mounted
 * inside it, sparse sources, and old backups removed by `keep` — each reported truly.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { execFileSync, spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SourceVersions, assertOnlySourcesBackupsManifests } from './invariants.js';
import { SimulatedJob, rootOnly, listFiles, multiCoreOnly, nodeRuntimes, type StepResult } from './runner.js';

const MiB = 1024 * 1024;
const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const NOBODY = 65534;

interface Row {
  source: string;
  backup: string | null;
  status: string;
  bytes: number;
}
const rows = (r: StepResult): Row[] => JSON.parse(r.outputs['backups'] ?? '[]') as Row[];
const statuses = (r: StepResult): Record<string, string> => Object.fromEntries(rows(r).map(row => [row.source, row.status]));

/** Staging directories anywhere below `dir` (a mount's are made in the mirror folders there, not at its top). */
async function stagingDirsUnder(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter(e => e.isDirectory() && e.name.startsWith('.bkpfile-staging-')).map(e => path.join(e.parentPath, e.name));
}

interface ManifestFile extends Row {
  message?: string;
  removed?: string[];
}
async function manifestOf(r: StepResult): Promise<{ outcome: string; files: ManifestFile[] }> {
  return JSON.parse(await fs.readFile(r.outputs['manifest']!, 'utf8')) as { outcome: string; files: ManifestFile[] };
}

describe.each(nodeRuntimes())('the backup directory end to end on $name', ({ bin }) => {
  let job: SimulatedJob;
  let versions: SourceVersions;
  const mounts: string[] = [];

  beforeEach(async () => {
    job = await SimulatedJob.create({ node: bin });
    versions = new SourceVersions();
  });

  afterEach(async () => {
    for (const mount of mounts.splice(0)) execFileSync('umount', [mount]);
    await job.dispose();
  });

  /** Mounts the FUSE file system without hard links (fixtures/nolinkfs.py) at `mountPoint`. */
  async function mountNoLinkFs(backing: string, mountPoint: string, ...options: string[]): Promise<void> {
    const server = spawn('python3', [path.join(FIXTURES, 'nolinkfs.py'), ...options, backing, mountPoint], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      server.stdout.once('data', () => resolve());
      server.once('exit', code => reject(new Error(`nolinkfs.py exited with ${code}`)));
    });
    mounts.push(mountPoint);
  }

  /** Lets uid 65534 read the workspace and write RUNNER_TEMP (its manifest goes there). */
  async function openToNobody(): Promise<void> {
    for (const dir of [job.root, job.workspace]) await fs.chmod(dir, 0o755);
    await fs.chown(job.runnerTemp, NOBODY, NOBODY);
  }

  it('a backup directory that cannot be written: identical files are still identical, the others fail with the reason in the log, and the post step is quiet', async () => {
    if (!rootOnly('running the step as uid 65534')) return;
    await job.write({ 'app/same.txt': 'same\n', 'app/changed.txt': 'v1\n' });
    await versions.record(job);
    const first = await job.runMain({ path: 'app' });
    expect(first.exitCode).toBe(0);
    await job.write({ 'app/changed.txt': 'v2\n' });
    await versions.record(job);
    await openToNobody();
    await fs.chmod(path.join(job.workspace, 'app'), 0o755);
    // .bkpfile and its folders stay root's 0755: nobody can read them but not write.

    const r = await job.runMain({ path: 'app' }, { uid: NOBODY, gid: NOBODY });
    expect(r.exitCode).toBe(1);
    expect(statuses(r)).toEqual({ 'app/same.txt': 'identical', 'app/changed.txt': 'permission-denied' });
    // The reason is in the log, not only in the manifest.
    expect(r.stdout).toMatch(/permission-denied\s+app\/changed\.txt \(cannot write to the backup directory .*\.bkpfile: EACCES: permission denied/);
    expect(r.errors.join('\n')).toMatch(/1 of 2 files failed: 1 permission-denied/);
    const post = await job.runPost(r.state, { path: 'app' }, { uid: NOBODY, gid: NOBODY });
    expect(post.exitCode).toBe(0);
    expect(post.warnings).toEqual([]);
    await assertOnlySourcesBackupsManifests(job, versions);
  });

  it('a backup directory that cannot be created: every file fails with the reason, and the post step does not warn about a staging directory that never existed', async () => {
    if (!rootOnly('running the step as uid 65534')) return;
    await job.write({ 'app/a.txt': 'a\n' });
    await openToNobody();
    await fs.chmod(path.join(job.workspace, 'app'), 0o755);
    const locked = path.join(job.root, 'locked');
    await fs.mkdir(locked, { mode: 0o700 }); // root's: nobody cannot even look inside

    const inputs = { path: 'app', 'backup-dir': path.join(locked, 'backups') };
    const r = await job.runMain(inputs, { uid: NOBODY, gid: NOBODY });
    expect(r.exitCode).toBe(1);
    expect(statuses(r)).toEqual({ 'app/a.txt': 'permission-denied' });
    expect(r.stdout).toMatch(new RegExp(`permission-denied\\s+app/a\\.txt \\(.*EACCES: permission denied, \\w+ '${locked}/backups`));
    const post = await job.runPost(r.state, inputs, { uid: NOBODY, gid: NOBODY });
    expect(post.exitCode).toBe(0);
    expect(post.warnings).toEqual([]);
  });

  it('another file system mounted inside the backup directory: backups into it are made (no EXDEV), and nothing is left there', async () => {
    if (!rootOnly('mounting a tmpfs')) return;
    await job.write({ 'deep/inner/a.txt': 'on the mount\n', 'top.txt': 'on the disk\n' });
    await versions.record(job);
    const mountPoint = path.join(job.workspace, '.bkpfile/deep');
    await fs.mkdir(mountPoint, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mountPoint]);
    mounts.push(mountPoint);

    const r = await job.runMain({ path: '**' });
    expect(r.exitCode).toBe(0);
    expect(statuses(r)).toEqual({ 'deep/inner/a.txt': 'created', 'top.txt': 'created' });
    const onMount = await listFiles(mountPoint);
    expect(onMount).toHaveLength(1);
    expect(onMount[0]).toMatch(/^inner\/a\.txt-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}$/);
    expect(await fs.readFile(path.join(mountPoint, onMount[0]!), 'utf8')).toBe('on the mount\n');
    // No staging directory is left on the mount or beside it.
    expect(await stagingDirsUnder(mountPoint)).toEqual([]);
    const post = await job.runPost(r.state);
    expect(post.warnings).toEqual([]);
    await assertOnlySourcesBackupsManifests(job, versions);
  });

  /** 1,500 files under `top`, enough for worker threads: their contents by path. */
  const manyFiles = async (top: string): Promise<Record<string, string>> => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 1500; i++) files[i % 2 ? `${top}/d${i % 10}/f${i}` : `${top}/flat/f${i}`] = `file ${i}\n`;
    await job.write(files);
    await versions.record(job);
    return files;
  };
  const debugLines = (r: StepResult): string =>
    r.commands
      .filter(c => c.command === 'debug')
      .map(c => c.data)
      .join('\n');

  it('a mount inside the backup directory, with worker threads: every thread backs up into it, one staging directory per folder there, nothing left', async () => {
    if (!rootOnly('mounting a tmpfs') || !multiCoreOnly('worker threads test')) return;
    const files = await manyFiles('deep');
    const mountPoint = path.join(job.workspace, '.bkpfile/deep');
    await fs.mkdir(mountPoint, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', mountPoint]);
    mounts.push(mountPoint);
    const r = await job.runMain({ path: 'deep' }, { env: { RUNNER_DEBUG: '1' } });
    expect(r.exitCode).toBe(0);
    expect(r.outputs).toMatchObject({ created: '1500', failed: '0' });
    expect(debugLines(r)).toMatch(/they backed up [1-9]\d* of 1500 files/);
    // One staging directory per folder on the mount that got backups, shared by the threads: never two for one folder.
    const extra = (r.state['extra-staging-dirs'] ?? '').split('\n');
    expect(extra.length).toBeGreaterThan(0);
    expect(new Set(extra).size).toBe(extra.length);
    for (const dir of extra) expect(dir.startsWith(`${mountPoint}/`)).toBe(true);
    const onMount = await listFiles(mountPoint);
    expect(onMount).toHaveLength(1500);
    for (const rel of onMount.filter((_, i) => i % 50 === 0)) {
      expect(await fs.readFile(path.join(mountPoint, rel), 'utf8')).toBe(files[`deep/${rel.replace(/-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}$/, '')}`]);
    }
    expect(await stagingDirsUnder(mountPoint)).toEqual([]);
    const post = await job.runPost(r.state);
    expect(post.warnings).toEqual([]);
    await assertOnlySourcesBackupsManifests(job, versions);
  }, 60_000);

  it('a mount inside the backup directory that runs out of space, with worker threads: files fail disk-full, the others are made, nothing is left there', async () => {
    if (!rootOnly('mounting a tmpfs') || !multiCoreOnly('worker threads test')) return;
    await manyFiles('deep');
    const mountPoint = path.join(job.workspace, '.bkpfile/deep');
    await fs.mkdir(mountPoint, { recursive: true });
    // Room for a few hundred files: the threads fill it, then every file, folder or thread
    // folder made there fails with ENOSPC, in whichever thread comes to it.
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64m,nr_inodes=300', 'tmpfs', mountPoint]);
    mounts.push(mountPoint);
    const r = await job.runMain({ path: 'deep' }, { env: { RUNNER_DEBUG: '1' } });
    expect(r.exitCode).toBe(1);
    expect(debugLines(r)).toMatch(/worker threads? started; they backed up [1-9]\d* of 1500 files/);
    const counts: Record<string, number> = {};
    for (const status of Object.values(statuses(r))) counts[status] = (counts[status] ?? 0) + 1;
    // The output lists every file here (1,500 short rows): each was made or is disk-full.
    expect(Object.keys(counts).sort()).toEqual(['created', 'disk-full']);
    expect(counts['created']! + counts['disk-full']!).toBe(1500);
    expect(r.outputs).toMatchObject({ created: String(counts['created']), failed: String(counts['disk-full']) });
    expect(r.errors.join('\n')).toMatch(new RegExp(`${counts['disk-full']} of 1500 files failed: ${counts['disk-full']} disk-full`));
    // Every backup on the mount is whole; no staging directory or temporary is left on it.
    const onMount = await listFiles(mountPoint);
    expect(onMount).toHaveLength(counts['created']!);
    expect(await stagingDirsUnder(mountPoint)).toEqual([]);
    const post = await job.runPost(r.state);
    expect(post.exitCode).toBe(0);
    expect(post.warnings).toEqual([]);
    await assertOnlySourcesBackupsManifests(job, versions);
  }, 60_000);

  it('a file system without hard links, with worker threads: each thread reserves names its own way, and all 1,500 backups are made', async () => {
    if (!rootOnly('mounting a FUSE file system') || !multiCoreOnly('worker threads test')) return;
    const backing = path.join(job.root, 'no-links');
    const backupDir = path.join(job.workspace, '.bkpfile');
    await fs.mkdir(backing);
    await fs.mkdir(backupDir);
    await mountNoLinkFs(backing, backupDir);
    const files = await manyFiles('conf');
    const r = await job.runMain({ path: 'conf' }, { env: { RUNNER_DEBUG: '1' } });
    expect(r.exitCode).toBe(0);
    expect(r.outputs).toMatchObject({ created: '1500', failed: '0' });
    expect(debugLines(r)).toMatch(/they backed up [1-9]\d* of 1500 files/);
    for (const row of rows(r).filter((_, i) => i % 50 === 0)) {
      expect(await fs.readFile(path.join(job.workspace, row.backup!), 'utf8')).toBe(files[row.source]);
    }
    const post = await job.runPost(r.state, { path: 'conf' });
    expect(post.warnings).toEqual([]);
    expect((await fs.readdir(backupDir)).filter(name => name.startsWith('.bkpfile-staging-'))).toEqual([]);
    await assertOnlySourcesBackupsManifests(job, versions);
  }, 120_000);

  it('a file system without hard links (FAT, exFAT): backups are made by another no-replace method, and an existing backup is never replaced', async () => {
    if (!rootOnly('mounting a FUSE file system')) return;
    const backing = path.join(job.root, 'no-links');
    const backupDir = path.join(job.workspace, '.bkpfile');
    await fs.mkdir(backing);
    await fs.mkdir(backupDir);
    await mountNoLinkFs(backing, backupDir);
    // The file system means it: a hard link there is refused, as on FAT.
    await fs.writeFile(path.join(backupDir, 'probe'), 'p');
    await expect(fs.link(path.join(backupDir, 'probe'), path.join(backupDir, 'probe-link'))).rejects.toMatchObject({ code: 'EPERM' });
    await fs.rm(path.join(backupDir, 'probe'));
    await job.write({ 'app.yml': 'v1\n', 'conf/db.yml': 'db\n' });
    await versions.record(job);

    const first = await job.runMain({ path: 'app.yml\nconf' });
    expect(first.exitCode).toBe(0);
    expect(statuses(first)).toEqual({ 'app.yml': 'created', 'conf/db.yml': 'created' });
    const firstBackup = path.join(job.workspace, rows(first)[0]!.backup!);
    expect(await fs.readFile(firstBackup, 'utf8')).toBe('v1\n');
    // In the same minute, a changed file gets the next name; the first backup stays as it was.
    await job.write({ 'app.yml': 'v2\n' });
    await versions.record(job);
    const second = await job.runMain({ path: 'app.yml' });
    expect(second.exitCode).toBe(0);
    const secondBackup = path.join(job.workspace, rows(second)[0]!.backup!);
    expect(secondBackup).not.toBe(firstBackup);
    expect(await fs.readFile(secondBackup, 'utf8')).toBe('v2\n');
    expect(await fs.readFile(firstBackup, 'utf8')).toBe('v1\n');
    for (const r of [first, second]) {
      const post = await job.runPost(r.state, { path: 'app.yml' });
      expect(post.warnings).toEqual([]);
    }
    expect((await fs.readdir(backupDir)).filter(name => name.startsWith('.bkpfile-staging-'))).toEqual([]);
    await assertOnlySourcesBackupsManifests(job, versions);
  });

  it('a file system without hard links whose modes come from the mount (FAT with an fmask): backups are made, with the mode it gives', async () => {
    if (!rootOnly('mounting a FUSE file system')) return;
    const backing = path.join(job.root, 'fat');
    const backupDir = path.join(job.workspace, '.bkpfile');
    await fs.mkdir(backing);
    await fs.mkdir(backupDir);
    await mountNoLinkFs(backing, backupDir, '--fat-modes');
    await job.write({ 'app.yml': 'v1\n', 'conf/db.yml': 'db\n' });
    await fs.chmod(path.join(job.workspace, 'app.yml'), 0o640);
    await versions.record(job);
    const r = await job.runMain({ path: 'app.yml\nconf' });
    expect(r.exitCode).toBe(0);
    expect(statuses(r)).toEqual({ 'app.yml': 'created', 'conf/db.yml': 'created' });
    const backup = path.join(job.workspace, rows(r)[0]!.backup!);
    expect(await fs.readFile(backup, 'utf8')).toBe('v1\n');
    expect((await fs.stat(backup)).mode & 0o777).toBe(0o755);
    await assertOnlySourcesBackupsManifests(job, versions);
  });

  it('a bind mount inside the backup directory (same device, links across it still fail): backups into it and after it are made', async () => {
    if (!rootOnly('a bind mount')) return;
    await job.write({ 'data/a.txt': 'in the bind mount\n', 'later.txt': 'after it\n', 'zz/last.txt': 'and after that\n' });
    await versions.record(job);
    const source = path.join(job.root, 'bind-source');
    const mountPoint = path.join(job.workspace, '.bkpfile/data');
    await fs.mkdir(source);
    await fs.mkdir(mountPoint, { recursive: true });
    execFileSync('mount', ['--bind', source, mountPoint]);
    mounts.push(mountPoint);
    expect((await fs.stat(mountPoint)).dev).toBe((await fs.stat(path.join(job.workspace, '.bkpfile'))).dev);

    const r = await job.runMain({ path: '**' });
    expect(r.exitCode).toBe(0);
    expect(statuses(r)).toEqual({ 'data/a.txt': 'created', 'later.txt': 'created', 'zz/last.txt': 'created' });
    expect((await fs.readdir(source)).filter(name => name.startsWith('a.txt-'))).toHaveLength(1);
    expect(await listFiles(source)).toHaveLength(1); // no staging directory left there
    await assertOnlySourcesBackupsManifests(job, versions);
  });

  it('a sparse file is backed up sparse: 1 GiB with 12 KiB of data does not take 1 GiB, and the backup reads the same', async () => {
    const file = path.join(job.workspace, 'disk.img');
    const handle = await fs.open(file, 'w');
    for (const at of [0, 300 * MiB, 1024 * MiB - 4096]) await handle.write(Buffer.alloc(4096, 0x5a), 0, 4096, at);
    await handle.close();
    const source = await fs.stat(file);
    expect(source.size).toBe(1024 * MiB);
    expect(source.blocks * 512).toBeLessThan(MiB); // the file system keeps holes: the test means something

    const r = await job.runMain({ path: 'disk.img' });
    expect(r.exitCode).toBe(0);
    const row = rows(r)[0]!;
    expect(row.status).toBe('created');
    expect(row.bytes).toBe(1024 * MiB);
    const backup = await fs.stat(path.join(job.workspace, row.backup!));
    expect(backup.size).toBe(1024 * MiB);
    expect(backup.blocks * 512).toBeLessThan(MiB);
    // Same content: a second run finds it identical.
    const again = await job.runMain({ path: 'disk.img' });
    expect(rows(again)[0]!.status).toBe('identical');
    // Restored, it is sparse again, and the same.
    await fs.rm(file);
    const restored = await job.runActionMain('restore', { path: 'disk.img' });
    expect(restored.exitCode).toBe(0);
    const back = await fs.stat(file);
    expect(back.size).toBe(1024 * MiB);
    expect(back.blocks * 512).toBeLessThan(MiB);
    const after = await job.runMain({ path: 'disk.img' });
    expect(rows(after)[0]!.status).toBe('identical');
  }, 120_000);

  it('a small sparse file (4 MiB, copied with synchronous calls) is backed up and restored sparse', async () => {
    const file = path.join(job.workspace, 'small.img');
    const handle = await fs.open(file, 'w');
    await handle.write(Buffer.alloc(4096, 0x5a), 0, 4096, 2 * MiB);
    await handle.truncate(4 * MiB);
    await handle.close();
    const data = await fs.readFile(file);
    expect((await fs.stat(file)).blocks * 512).toBeLessThan(MiB); // the file system keeps holes

    const r = await job.runMain({ path: 'small.img' });
    expect(rows(r)[0]!.status).toBe('created');
    expect((await fs.stat(path.join(job.workspace, rows(r)[0]!.backup!))).blocks * 512).toBeLessThan(MiB);
    await fs.rm(file);
    const restored = await job.runActionMain('restore', { path: 'small.img' });
    expect(restored.outputs['restored']).toBe('1');
    const back = await fs.stat(file);
    expect(back.size).toBe(4 * MiB);
    expect(back.blocks * 512).toBeLessThan(MiB);
    expect((await fs.readFile(file)).equals(data)).toBe(true);
  });

  it('keep: the log, the summary and the manifest say which old backups were removed', async () => {
    const dir = path.join(job.workspace, '.bkpfile/config');
    await fs.mkdir(dir, { recursive: true });
    for (const name of ['app.yml-2020-01-01-00-00', 'app.yml-2021-01-01-00-00', 'app.yml-2022-01-01-00-00']) {
      await fs.writeFile(path.join(dir, name), `old ${name}\n`);
    }
    await job.write({ 'config/app.yml': 'new\n', 'config/other.yml': 'other\n' });

    const r = await job.runMain({ path: 'config', keep: '2' });
    expect(r.exitCode).toBe(0);
    const removed = ['.bkpfile/config/app.yml-2020-01-01-00-00', '.bkpfile/config/app.yml-2021-01-01-00-00'];
    for (const name of removed) {
      expect(r.stdout).toMatch(new RegExp(`^removed\\s+${name.replace(/[.]/g, '\\.')} \\(keep: 2\\)$`, 'm'));
      expect(r.summary).toContain(name);
    }
    expect(r.stdout).not.toMatch(/^removed\s+.*2022/m);
    expect(r.summary).toMatch(/2 old backups removed/);
    expect(r.stdout).toMatch(/2 old backups removed \(keep: 2\)/);
    const manifest = await manifestOf(r);
    const app = manifest.files.find(f => f.source === 'config/app.yml')!;
    expect(app.status).toBe('created');
    expect([...app.removed!].sort()).toEqual(removed);
    expect(manifest.files.find(f => f.source === 'config/other.yml')!.removed).toBeUndefined();
    expect((await fs.readdir(dir)).sort()).toEqual(
      ['app.yml-2022-01-01-00-00', path.basename(app.backup!), path.basename(manifest.files.find(f => f.source === 'config/other.yml')!.backup!)].sort()
    );
  });
});
