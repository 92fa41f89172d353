/**
 * Resource cleanup under every fault, through the bundled action as the runner runs it:
 * cancel, SIGKILL at several instants followed by the post step, timeout, a real full disk
 * (tmpfs), a real file-size limit (EFBIG), real permission errors (uid 65534), and
 * concurrent runs. After each, only sources, complete backups and manifests remain.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, promises as fs, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { SourceVersions, assertOnlySourcesBackupsManifests } from './invariants.js';
import { CHILD_COPY_MIN } from '../../src/engine/copy-file.js';
import { kernelCopyTool } from '../../src/engine/kernel-copy.js';
import { writeDenseFile } from '../dense-file.js';
import { childrenHoldingUnder, holdersUnder } from '../open-files.js';
import { SimulatedJob, isRoot, rootOnly, cancelLikeRunner, multiCoreOnly, nodeRuntimes, type RunningStep, type StepResult } from './runner.js';

const MiB = 1024 * 1024;

interface Row {
  source: string;
  backup: string | null;
  status: string;
  bytes: number;
}
const rows = (r: StepResult): Row[] => JSON.parse(r.outputs['backups'] ?? '[]') as Row[];

/** A sparse file: no disk for the source, real bytes for every copy of it. */
async function sparse(file: string, size: number): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const handle = await fs.open(file, 'w');
  await handle.truncate(size);
  await handle.write(path.basename(file)); // a distinct head, so files differ
  await handle.close();
}

const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms));

/** Polls `check` every few ms while the step runs; calls `then` once it holds. */
function when(step: RunningStep, check: () => Promise<boolean> | boolean, then: () => void): void {
  const poll = async (): Promise<void> => {
    while (step.child.exitCode === null && step.child.signalCode === null) {
      if (await check()) return then();
      await sleep(5);
    }
  };
  void poll();
}

async function stagingTemps(backupDir: string): Promise<string[]> {
  const temps: string[] = [];
  /** The temporaries among `entries` of `dir` (relative to backupDir): N.tmp, and the backups in a folder of new ones being filled (N.dir). */
  const collect = async (dir: string, entries: string[]): Promise<void> => {
    for (const entry of entries) {
      if (entry.endsWith('.tmp')) temps.push(path.join(dir, entry));
      if (/^\d+\.dir$/.test(entry)) {
        for (const inner of await fs.readdir(path.join(backupDir, dir, entry)).catch(() => [] as string[])) temps.push(path.join(dir, entry, inner));
      }
    }
  };
  for (const name of await fs.readdir(backupDir).catch(() => [] as string[])) {
    if (!name.startsWith('.bkpfile-staging-')) continue;
    const entries = await fs.readdir(path.join(backupDir, name)).catch(() => [] as string[]);
    await collect(name, entries);
    // A worker thread's own directory (t1, t2, …) holds its temporaries.
    for (const entry of entries) {
      if (/^t\d+$/.test(entry)) await collect(path.join(name, entry), await fs.readdir(path.join(backupDir, name, entry)).catch(() => [] as string[]));
    }
  }
  return temps;
}

describe.each(nodeRuntimes())('faults end to end on $name', ({ bin }) => {
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

  it.each(['SIGINT', 'SIGTERM'] as const)('cancel (%s) mid-copy: stops within 1 s, removes its temporaries, marks the rest cancelled', async signal => {
    for (let i = 0; i < 12; i++) await sparse(path.join(job.workspace, `big/part${i}.bin`), 256 * MiB);
    await versions.record(job);
    const backupDir = path.join(job.workspace, '.bkpfile');
    let signalledAt = 0;
    let runningAtSignal = false;
    const r = await job.runMain(
      { path: 'big' },
      {
        onSpawn: step =>
          when(
            step,
            async () => (await stagingTemps(backupDir)).length > 0,
            () => {
              runningAtSignal = step.child.exitCode === null && !step.stdout().includes('Stopped');
              signalledAt = Date.now();
              // SIGINT is how the runner starts a cancel; SIGTERM alone must work the same.
              if (signal === 'SIGINT') cancelLikeRunner(step.child);
              else step.child.kill('SIGTERM');
            }
          )
      }
    );
    const stopMs = Date.now() - signalledAt;
    expect(signalledAt).toBeGreaterThan(0);
    expect(runningAtSignal).toBe(true);
    expect(r.exitCode).toBe(1);
    expect(r.signal).toBeNull(); // it exited by itself, not by the runner's SIGKILL
    expect({ stopMs, under: stopMs < 1000 }).toEqual({ stopMs, under: true });
    expect(r.errors.join('\n')).toMatch(new RegExp(`cancelled \\(${signal}\\)`));
    const statuses = rows(r).map(row => row.status);
    expect(statuses).toHaveLength(12);
    expect(statuses).toContain('cancelled');
    expect(statuses.every(s => s === 'created' || s === 'cancelled')).toBe(true);
    // Nothing left even before the post step runs.
    expect(await stagingTemps(backupDir)).toEqual([]);
    await assertOnlySourcesBackupsManifests(job, versions);
    const post = await job.runPost(r.state);
    expect(post.exitCode).toBe(0);
    expect(post.warnings).toEqual([]);
    await assertOnlySourcesBackupsManifests(job, versions);
  });

  it('SIGKILL during a first backup of many small files: no partial backup under a final name, and the post step removes the folders of new backups it left', async () => {
    // 200 folders of 40 files: each new mirror folder is filled in the staging directory and renamed into place whole.
    const files: Record<string, string> = {};
    for (let d = 0; d < 200; d++) for (let f = 0; f < 40; f++) files[`small/d${d}/f${f}.txt`] = `${d}/${f} `.repeat(300);
    await job.write(files);
    await versions.record(job);
    const backupDir = path.join(job.workspace, '.bkpfile');
    let atKill: string[] = [];
    const r = await job.runMain(
      { path: 'small' },
      {
        onSpawn: step =>
          when(
            step,
            async () => (atKill = await stagingTemps(backupDir)).some(t => /\.dir/.test(t)) && existsSync(path.join(backupDir, 'small')),
            () => step.child.kill('SIGKILL')
          )
      }
    );
    expect(r.signal).toBe('SIGKILL');
    expect(atKill.some(t => /\.dir/.test(t))).toBe(true);
    const left = await stagingTemps(backupDir);
    // Every backup in place is complete (the invariants hash each against its source), whatever the kill left staged.
    const post = await job.runPost(r.state);
    expect(post.exitCode).toBe(0);
    expect(post.warnings).toEqual([]);
    if (left.length > 0) expect(post.stdout).toMatch(new RegExp(`Removed ${left.length} temporary file`));
    expect(await stagingTemps(backupDir)).toEqual([]);
    await assertOnlySourcesBackupsManifests(job, versions);
  }, 60_000);

  /** Enough files for worker threads, with large ones among them for every thread to be in. */
  const threadTree = async (): Promise<void> => {
    const small: Record<string, string> = {};
    for (let d = 0; d < 20; d++) for (let f = 0; f < 50; f++) small[`data/d${d}/f${f}.txt`] = `${d}/${f}\n`;
    await job.write(small);
    for (let d = 0; d < 20; d++) for (const b of [0, 1]) await sparse(path.join(job.workspace, `data/d${d}/big${b}.bin`), 256 * MiB);
    await versions.record(job);
  };
  /** A temporary in the first worker thread's own staging directory, if one is there now. */
  const workerTempIn = async (backupDir: string): Promise<string | undefined> => (await stagingTemps(backupDir)).find(t => t.split(path.sep).includes('t1'));

  it('cancel while worker threads copy large files: stops within 1 s, no thread leaves a temporary, the rest cancelled', async () => {
    if (!multiCoreOnly('worker threads cancel test')) return;
    await threadTree();
    const backupDir = path.join(job.workspace, '.bkpfile');
    let signalledAt = 0;
    let workerTemp: string | undefined;
    const r = await job.runMain(
      { path: 'data' },
      {
        onSpawn: step =>
          when(
            step,
            async () => (workerTemp = await workerTempIn(backupDir)) !== undefined,
            () => {
              signalledAt = Date.now();
              cancelLikeRunner(step.child);
            }
          )
      }
    );
    const stopMs = Date.now() - signalledAt;
    expect(workerTemp).toBeDefined(); // a worker was copying when the cancel came
    expect(r.exitCode).toBe(1);
    expect(r.signal).toBeNull();
    expect({ stopMs, under: stopMs < 1000 }).toEqual({ stopMs, under: true });
    expect(r.errors.join('\n')).toMatch(/cancelled \(SIGINT\)/);
    const manifest = JSON.parse(await fs.readFile(r.outputs['manifest']!, 'utf8')) as { files: Row[] };
    expect(manifest.files).toHaveLength(1040);
    expect(manifest.files.filter(f => f.status !== 'created' && f.status !== 'cancelled')).toEqual([]);
    expect(manifest.files.some(f => f.status === 'cancelled')).toBe(true);
    expect(await stagingTemps(backupDir)).toEqual([]);
    await assertOnlySourcesBackupsManifests(job, versions);
    const post = await job.runPost(r.state);
    expect(post.exitCode).toBe(0);
    expect(post.warnings).toEqual([]);
    await assertOnlySourcesBackupsManifests(job, versions);
  }, 60_000);

  it('SIGKILL while a worker thread copies: the post step removes its temporaries and its directory', async () => {
    if (!multiCoreOnly('worker threads kill test')) return;
    await threadTree();
    const backupDir = path.join(job.workspace, '.bkpfile');
    let tempsAtKill: string[] = [];
    const r = await job.runMain(
      { path: 'data' },
      {
        onSpawn: step =>
          when(
            step,
            async () => (await workerTempIn(backupDir)) !== undefined,
            () => {
              step.child.kill('SIGKILL');
              void stagingTemps(backupDir).then(temps => (tempsAtKill = temps));
            }
          )
      }
    );
    expect(r.signal).toBe('SIGKILL');
    const left = await stagingTemps(backupDir);
    expect(left.some(t => t.split(path.sep).includes('t1'))).toBe(true);
    expect(tempsAtKill.length).toBeGreaterThan(0);
    const post = await job.runPost(r.state);
    expect(post.exitCode).toBe(0);
    expect(post.warnings).toEqual([]);
    expect(post.stdout).toMatch(new RegExp(`Removed ${left.length} temporary file`));
    expect(await stagingTemps(backupDir)).toEqual([]);
    await assertOnlySourcesBackupsManifests(job, versions);
  }, 60_000);

  it('timeout: 1 stops a long run within 2 s of the limit, statuses timeout, nothing left', async () => {
    for (let i = 0; i < 6; i++) await sparse(path.join(job.workspace, `big/part${i}.bin`), 512 * MiB);
    await versions.record(job);
    const r = await job.runMain({ path: 'big', timeout: '1' });
    expect(r.exitCode).toBe(1);
    expect(r.errors.join('\n')).toMatch(/timed out after 1 s/);
    // Start-up, the 1 s limit, then at most 2 s to stop.
    expect({ durationMs: r.durationMs, under: r.durationMs < 3000 }).toEqual({ durationMs: r.durationMs, under: true });
    const statuses = rows(r).map(row => row.status);
    expect(statuses).toContain('timeout');
    expect(statuses.every(s => s === 'created' || s === 'timeout')).toBe(true);
    await assertOnlySourcesBackupsManifests(job, versions);
    await job.runPost(r.state);
    await assertOnlySourcesBackupsManifests(job, versions);
  });

  describe('while the kernel copies a large file in a child process (Linux)', () => {
    /** Files the kernel copy takes (dense, CHILD_COPY_MIN or more), each MiB different. */
    const denseFiles = async (rels: readonly string[], extraMiB = 64): Promise<void> => {
      for (const [i, rel] of rels.entries()) await writeDenseFile(path.join(job.workspace, rel), CHILD_COPY_MIN + extraMiB * MiB, i);
      await versions.record(job);
    };
    const parts = (count: number): string[] => Array.from({ length: count }, (_, i) => `big/part${i}.bin`);
    /**
     * Whether a kernel copy can be caught while it runs: there is one (Linux, GNU cat 9.1 or
     * later) and the file system does not clone blocks (btrfs, XFS), which ends it at once.
     */
    const kernelCopyCatchable = (what: string): boolean => {
      if (!kernelCopyTool()) {
        console.log(`skipped: ${what}: no kernel copy here (Linux with GNU cat 9.1 or later only)`);
        return false;
      }
      const probe = path.join(job.root, 'reflink-probe');
      writeFileSync(probe, 'probe');
      try {
        execFileSync('cp', ['--reflink=always', probe, `${probe}.clone`], { stdio: 'ignore' });
        console.log(`skipped: ${what}: ${job.root} clones files, so the copy takes no time to catch`);
        return false;
      } catch {
        return true;
      }
    };

    /**
     * A step cancelled (SIGINT) while a child copied, which ended `stopMs` after the signal:
     * it stopped by itself within 1 s, saying so, and nothing holds or is left under
     * `backupDir`, before the post step and after it.
     */
    const expectStoppedAndClean = async (r: StepResult, stopMs: number, backupDir: string): Promise<void> => {
      expect(r.exitCode).toBe(1);
      expect(r.signal).toBeNull();
      expect({ stopMs, under: stopMs < 1000 }).toEqual({ stopMs, under: true });
      expect(r.errors.join('\n')).toMatch(/cancelled \(SIGINT\)/);
      expect(await holdersUnder(backupDir)).toEqual([]);
      expect(await stagingTemps(backupDir)).toEqual([]);
      await assertOnlySourcesBackupsManifests(job, versions);
      const post = await job.runPost(r.state);
      expect(post.exitCode).toBe(0);
      expect(post.warnings).toEqual([]);
      await assertOnlySourcesBackupsManifests(job, versions);
    };

    it('a cancel kills the child: the step stops within 1 s and nothing holds or leaves a temporary', async () => {
      if (!kernelCopyCatchable('kernel copy cancel test')) return;
      await denseFiles(parts(3));
      const backupDir = path.join(job.workspace, '.bkpfile');
      let signalledAt = 0;
      let childCopying = false;
      const r = await job.runMain(
        { path: 'big' },
        {
          onSpawn: step =>
            when(
              step,
              async () => (await stagingTemps(backupDir)).length > 0 && (childCopying = (await childrenHoldingUnder(step.child.pid!, backupDir)).length > 0),
              () => {
                signalledAt = Date.now();
                cancelLikeRunner(step.child);
              }
            )
        }
      );
      const stopMs = Date.now() - signalledAt;
      expect(childCopying).toBe(true); // a process of its own was copying when the cancel came
      const statuses = rows(r).map(row => row.status);
      expect(statuses).toContain('cancelled');
      expect(statuses.every(s => s === 'created' || s === 'cancelled')).toBe(true);
      await expectStoppedAndClean(r, stopMs, backupDir);
    }, 60_000);

    it("a cancel kills a worker thread's child too: the step stops within 1 s and nothing holds or leaves a temporary", async () => {
      if (!multiCoreOnly('kernel copy worker cancel test') || !kernelCopyCatchable('kernel copy worker cancel test')) return;
      // 1,200 small files (so a worker starts) in 20 folders, and a large file in every
      // third folder: both threads meet large files.
      const small: Record<string, string> = {};
      for (let d = 0; d < 20; d++) for (let f = 0; f < 60; f++) small[`data/d${d}/f${f}.txt`] = `${d}/${f}\n`;
      await job.write(small);
      await denseFiles(
        Array.from({ length: 7 }, (_, i) => `data/d${i * 3}/zbig.bin`),
        1
      );
      const backupDir = path.join(job.workspace, '.bkpfile');
      let signalledAt = 0;
      let workerChild: string | undefined;
      const r = await job.runMain(
        { path: 'data' },
        {
          onSpawn: step =>
            when(
              step,
              async () =>
                (workerChild = (await childrenHoldingUnder(step.child.pid!, backupDir)).find(h => h.includes(`${path.sep}t1${path.sep}`))) !== undefined,
              () => {
                signalledAt = Date.now();
                cancelLikeRunner(step.child);
              }
            )
        }
      );
      const stopMs = Date.now() - signalledAt;
      expect(workerChild).toBeDefined(); // the worker's own child was copying when the cancel came
      const manifest = JSON.parse(await fs.readFile(r.outputs['manifest']!, 'utf8')) as { files: Row[] };
      expect(manifest.files).toHaveLength(1207);
      expect(manifest.files.filter(f => f.status !== 'created' && f.status !== 'cancelled')).toEqual([]);
      await expectStoppedAndClean(r, stopMs, backupDir);
    }, 60_000);

    it('SIGKILL of the step: the post step removes the temporary, and the child ends too', async () => {
      if (!kernelCopyCatchable('kernel copy kill test')) return;
      await denseFiles(parts(1));
      const backupDir = path.join(job.workspace, '.bkpfile');
      let holders: string[] = [];
      const r = await job.runMain(
        { path: 'big' },
        {
          onSpawn: step =>
            when(
              step,
              async () => (await stagingTemps(backupDir)).length > 0 && (holders = await childrenHoldingUnder(step.child.pid!, backupDir)).length > 0,
              () => step.child.kill('SIGKILL')
            )
        }
      );
      expect(r.signal).toBe('SIGKILL');
      expect(holders).toHaveLength(1);
      const post = await job.runPost(r.state);
      expect(post.exitCode).toBe(0);
      expect(post.warnings).toEqual([]);
      const { backups } = await assertOnlySourcesBackupsManifests(job, versions);
      expect(backups.size).toBe(0);
      // Killed with the step where setpriv gave it a parent-death signal (see the unit test);
      // elsewhere it copies to the end of a file no name leads to any more, then exits.
      for (let i = 0; i < 200 && (await holdersUnder(backupDir)).length > 0; i++) await sleep(25);
      expect(await holdersUnder(backupDir)).toEqual([]);
      await assertOnlySourcesBackupsManifests(job, versions);
    }, 60_000);

    // On ext4 the child first reserves the copy's blocks (kernel-copy.ts), which fails there
    // too; the copy goes on without them and fails as on tmpfs.
    it.each(['tmpfs', 'ext4'] as const)(
      'disk full (a real %s): the child fails, the copy again in chunks meets ENOSPC, the file is disk-full, the others fit',
      async type => {
        if (!kernelCopyCatchable('kernel copy disk-full test') || !rootOnly(`kernel copy disk-full test (mounts a ${type})`)) return;
        const small = path.join(job.root, 'small-fs');
        await fs.mkdir(small);
        if (type === 'tmpfs') {
          execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', small]);
        } else {
          const image = path.join(job.root, 'small-fs.img');
          execFileSync('truncate', ['-s', '64M', image]);
          execFileSync('mkfs.ext4', ['-q', '-F', image], { env: { ...process.env, PATH: `${process.env.PATH}:/usr/sbin:/sbin` } });
          execFileSync('mount', ['-o', 'loop', image, small]);
        }
        mounts.push(small);
        await job.write({ 'big/small.txt': 'small\n' });
        await denseFiles(parts(1));
        const r = await job.runMain({ path: 'big', 'backup-dir': small });
        expect(r.exitCode).toBe(1);
        const status = new Map(rows(r).map(row => [row.source, row.status]));
        expect(status.get('big/part0.bin')).toBe('disk-full');
        expect(status.get('big/small.txt')).toBe('created');
        expect(r.warnings.join('\n')).toMatch(/disk-full: big\/part0\.bin: no space left/);
        const { backups } = await assertOnlySourcesBackupsManifests(job, versions, small);
        expect(backups.size).toBe(1);
      },
      60_000
    );
  });

  describe('SIGKILL at any instant, then the post step', () => {
    it('during the walk', async () => {
      // Large enough that the walk (a few hundred ms for this many entries) is still going
      // when the poll sees the state: 25,000 names (of one file, see writeNames).
      await job.writeNames(
        Array.from({ length: 25_000 }, (_, i) => `tree/d${i % 250}/f${i}.txt`),
        'one file, many names\n'
      );
      await versions.record(job);
      let walking = false;
      const r = await job.runMain(
        { path: 'tree' },
        {
          onSpawn: step =>
            when(
              step,
              async () => (await fs.readFile(step.files.state, 'utf8')).includes('staging-dir'),
              () => {
                walking = !step.stdout().includes('::group::');
                step.child.kill('SIGKILL');
              }
            )
        }
      );
      expect(r.signal).toBe('SIGKILL');
      expect(walking).toBe(true);
      expect(r.state['staging-dir']).toBeDefined();
      const post = await job.runPost(r.state);
      expect(post.exitCode).toBe(0);
      expect(post.warnings).toEqual([]);
      await assertOnlySourcesBackupsManifests(job, versions);
    });

    it('mid-copy of a large file', async () => {
      await sparse(path.join(job.workspace, 'big/huge.bin'), 2048 * MiB);
      await versions.record(job);
      const backupDir = path.join(job.workspace, '.bkpfile');
      let tempsAtKill: string[] = [];
      const r = await job.runMain(
        { path: 'big' },
        {
          onSpawn: step =>
            when(
              step,
              async () => (tempsAtKill = await stagingTemps(backupDir)).length > 0,
              () => step.child.kill('SIGKILL')
            )
        }
      );
      expect(r.signal).toBe('SIGKILL');
      expect(tempsAtKill).toHaveLength(1);
      expect(await stagingTemps(backupDir)).toHaveLength(1); // the kill left it behind
      const post = await job.runPost(r.state);
      expect(post.exitCode).toBe(0);
      expect(post.stdout).toMatch(/Removed 1 temporary file/);
      expect(await stagingTemps(backupDir)).toEqual([]);
      const { backups } = await assertOnlySourcesBackupsManifests(job, versions);
      expect(backups.size).toBe(0);
    });

    it('between renames', async () => {
      await job.write(Object.fromEntries(Array.from({ length: 12_000 }, (_, i) => [`many/d${i % 30}/f${i}.txt`, `file ${i}\n`.repeat(50)])));
      await versions.record(job);
      let createdAtKill = 0;
      const r = await job.runMain(
        { path: 'many' },
        {
          onSpawn: step =>
            when(
              step,
              () => (step.stdout().match(/^created /gm) ?? []).length >= 20,
              () => {
                step.child.kill('SIGKILL');
                createdAtKill = (step.stdout().match(/^created /gm) ?? []).length;
              }
            )
        }
      );
      expect(r.signal).toBe('SIGKILL');
      expect(createdAtKill).toBeGreaterThanOrEqual(20);
      const post = await job.runPost(r.state);
      expect(post.exitCode).toBe(0);
      expect(post.warnings).toEqual([]);
      const { backups } = await assertOnlySourcesBackupsManifests(job, versions);
      expect(backups.size).toBeGreaterThanOrEqual(createdAtKill);
      expect(backups.size).toBeLessThan(12_000);
    });
  });

  it('disk full (a real tmpfs): the file that does not fit is disk-full, its temporary goes at once, smaller ones still fit', async () => {
    if (!rootOnly('disk-full test (mounts a tmpfs)')) return;
    const small = path.join(job.root, 'small-fs');
    await fs.mkdir(small);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', small]);
    mounts.push(small);
    // The big one first, so the small ones are copied while (or after) it fills the disk.
    await job.write({ 'data/0-big.bin': Buffer.alloc(6 * MiB, 1) });
    for (let i = 1; i <= 3; i++) await job.write({ [`data/${i}-small.bin`]: Buffer.alloc(900 * 1024, i) });
    await versions.record(job);

    const r = await job.runMain({ path: 'data', 'backup-dir': small });
    expect(r.exitCode).toBe(1);
    const status = new Map(rows(r).map(row => [row.source, row.status]));
    expect(status.get('data/0-big.bin')).toBe('disk-full');
    expect([1, 2, 3].map(i => status.get(`data/${i}-small.bin`))).toEqual(['created', 'created', 'created']);
    expect(r.errors.join('\n')).toMatch(/1 of 4 files failed: 1 disk-full/);
    expect(r.warnings.join('\n')).toMatch(/disk-full: data\/0-big\.bin: no space left/);
    const { backups } = await assertOnlySourcesBackupsManifests(job, versions, small);
    expect(backups.size).toBe(3);
  });

  it('file too large for the limit (EFBIG, a real RLIMIT_FSIZE) is disk-full, copied whole or in chunks; the others are backed up', async () => {
    // 3 MiB goes through one kernel copy, 12 MiB through the chunked copy; the limit is 2 MiB.
    await job.write({ 'data/big.bin': Buffer.alloc(3 * MiB, 1), 'data/huge.bin': Buffer.alloc(12 * MiB, 2), 'data/small.txt': 'small\n' });
    await versions.record(job);
    const r = await job.runMain({ path: 'data' }, { wrapper: ['bash', '-c', 'ulimit -f 2048; exec "$0" "$@"'] });
    expect(r.exitCode).toBe(1);
    expect(r.errors).toEqual([expect.stringMatching(/^2 of 3 files failed: 2 disk-full/)]);
    const status = new Map(rows(r).map(row => [row.source, row.status]));
    expect(Object.fromEntries(status)).toEqual({ 'data/big.bin': 'disk-full', 'data/huge.bin': 'disk-full', 'data/small.txt': 'created' });
    expect(r.warnings.filter(w => /EFBIG/.test(w))).toHaveLength(2);
    await assertOnlySourcesBackupsManifests(job, versions);
  });

  it('a timeout during a long search that matches nothing still stops within 2 s, saying it timed out', async () => {
    await job.writeNames(Array.from({ length: 60_000 }, (_, i) => `tree/d${i % 200}/f${i}.txt`));
    // The walk of 60,000 entries, each matched against eight patterns, takes several hundred
    // ms (one pattern: about 0.2 s, since a file is matched in place, not as a stack item);
    // the timeout falls well inside it.
    const patterns = Array.from({ length: 8 }, (_, i) => `**/*.nomatch${i}`).join('\n');
    const whole = await job.runMain({ path: patterns, 'if-no-files-found': 'ignore' });
    expect(whole.exitCode).toBe(0);
    const r = await job.runMain({ path: patterns, timeout: '0.05', 'if-no-files-found': 'error' });
    expect(r.exitCode).toBe(1);
    expect(r.errors).toEqual([expect.stringMatching(/^Stopped: the step timed out after 0\.05 s/)]);
    expect({ durationMs: r.durationMs, under: r.durationMs < 2500 }).toEqual({ durationMs: r.durationMs, under: true });
    // The walk itself stopped: the step took well under a whole search's time.
    expect({ timedOut: r.durationMs, whole: whole.durationMs, under: r.durationMs < whole.durationMs / 2 }).toEqual({
      timedOut: r.durationMs,
      whole: whole.durationMs,
      under: true
    });
  }, 120_000);

  it('permission denied: an unreadable source and an unwritable backup directory fail alone', async () => {
    await job.write({ 'app/ok.txt': 'ok\n', 'app/secret.txt': 'secret\n', 'locked/conf.txt': 'conf\n' });
    await versions.record(job);
    const backupDir = path.join(job.workspace, '.bkpfile');
    await fs.mkdir(path.join(backupDir, 'locked'), { recursive: true });
    await fs.chmod(path.join(job.workspace, 'app/secret.txt'), 0o000);
    let options = {};
    if (isRoot) {
      // Root ignores file modes: run the step as an unprivileged user instead.
      const nobody = 65534;
      for (const dir of [job.root, job.workspace, path.join(job.workspace, 'app'), path.join(job.workspace, 'locked')]) await fs.chmod(dir, 0o755);
      await fs.chown(backupDir, nobody, nobody);
      await fs.chown(job.runnerTemp, nobody, nobody);
      await fs.chmod(path.join(backupDir, 'locked'), 0o755); // owned by root: not writable for nobody
      options = { uid: nobody, gid: nobody };
    } else {
      await fs.chmod(path.join(backupDir, 'locked'), 0o555);
    }
    const r = await job.runMain({ path: 'app\nlocked' }, options);
    expect(r.exitCode).toBe(1);
    const status = new Map(rows(r).map(row => [row.source, row.status]));
    expect(Object.fromEntries(status)).toEqual({ 'app/ok.txt': 'created', 'app/secret.txt': 'permission-denied', 'locked/conf.txt': 'permission-denied' });
    expect(r.errors.join('\n')).toMatch(/2 of 3 files failed: 2 permission-denied/);
    await fs.chmod(path.join(job.workspace, 'app/secret.txt'), 0o644);
    const post = await job.runPost(r.state, {}, options);
    expect(post.exitCode).toBe(0);
    await assertOnlySourcesBackupsManifests(job, versions);
  });

  it('an unreadable latest backup: a file of another size still gets a new backup, one of the same size fails permission-denied', async () => {
    await job.write({ 'app/grew.txt': 'one\n', 'app/same.txt': 'two\n' });
    await versions.record(job);
    const first = await job.runMain({ path: 'app' });
    expect(first.exitCode).toBe(0);
    const mirror = path.join(job.workspace, '.bkpfile', 'app');
    const oldBackups = await fs.readdir(mirror);
    expect(oldBackups).toHaveLength(2);
    // The step must not be able to read the backups (only to see their sizes), and must be
    // able to add new ones beside them.
    for (const name of oldBackups) await fs.chmod(path.join(mirror, name), 0o000);
    await job.write({ 'app/grew.txt': 'one, and more\n' });
    await versions.record(job);
    let options = {};
    if (isRoot) {
      // Root ignores file modes: run the step as an unprivileged user instead.
      const nobody = 65534;
      for (const dir of [job.root, job.workspace, path.join(job.workspace, 'app')]) await fs.chmod(dir, 0o755);
      for (const dir of [path.join(job.workspace, '.bkpfile'), mirror, job.runnerTemp]) await fs.chown(dir, nobody, nobody);
      options = { uid: nobody, gid: nobody };
    }
    const r = await job.runMain({ path: 'app' }, options);
    const status = Object.fromEntries(rows(r).map(row => [row.source, row.status]));
    // The size alone tells the first apart from its backup (as a stat before any read did);
    // the second needs its backup's bytes, which cannot be read.
    expect(status).toEqual({ 'app/grew.txt': 'created', 'app/same.txt': 'permission-denied' });
    expect(r.exitCode).toBe(1);
    for (const name of oldBackups) await fs.chmod(path.join(mirror, name), 0o644);
    const post = await job.runPost(r.state, {}, options);
    expect(post.exitCode).toBe(0);
    await assertOnlySourcesBackupsManifests(job, versions);
  });

  it('a cancel while the log reader falls behind (the pipe is full): the stop message, ::endgroup:: and ::error:: still reach it', async () => {
    await job.write(Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`many/d${i % 50}/f${i}`, `${i}`])));
    // The step is node itself (exec keeps its pid, so the cancel reaches it), writing into a
    // pipe whose reader reads nothing for 1.5 s: the cancel comes while the pipe is full.
    const slowReader = ['bash', '-c', 'exec "$0" "$@" > >(sleep 1.5; exec cat)'];
    // The cancel comes once the backup has begun (its staging directory exists), 100 ms
    // later: by then the log has filled the pipe. A cancel at a fixed time after the start
    // could come before Node has even loaded the step on a busy machine, and end it by
    // SIGINT's default action, which is not what this test is about.
    const backupDir = path.join(job.workspace, '.bkpfile');
    const begun = async (): Promise<boolean> => (await fs.readdir(backupDir).catch(() => [] as string[])).some(name => name.startsWith('.bkpfile-staging-'));
    const r = await job.runMain(
      { path: 'many' },
      { wrapper: slowReader, onSpawn: step => when(step, begun, () => void setTimeout(() => cancelLikeRunner(step.child), 100)) }
    );
    expect(r.exitCode).toBe(1);
    expect(r.signal).toBeNull();
    expect(r.errors).toEqual([expect.stringMatching(/^Stopped: the step was cancelled \(SIGINT\)/)]);
    expect(r.commands.map(c => c.command)).toContain('endgroup');
    // Every line whole: none was cut off mid-way by the exit.
    expect(r.stdout.endsWith('\n')).toBe(true);
  });

  it('a cancel among 60,000 files: the stop message, ::endgroup:: and ::error:: reach the log; files not started are one line', async () => {
    await job.writeNames(
      Array.from({ length: 60_000 }, (_, i) => `many/d${i % 300}/f${i}`),
      'same\n'
    );
    let signalled = false;
    const r = await job.runMain(
      { path: 'many' },
      {
        onSpawn: step =>
          when(
            step,
            () => (step.stdout().match(/^created /gm) ?? []).length >= 200,
            () => {
              signalled = true;
              cancelLikeRunner(step.child);
            }
          )
      }
    );
    expect(signalled).toBe(true);
    expect(r.exitCode).toBe(1);
    expect(r.signal).toBeNull();
    expect(r.errors).toEqual([expect.stringMatching(/^Stopped: the step was cancelled \(SIGINT\)/)]);
    expect(r.commands.map(c => c.command)).toContain('endgroup');
    const notStarted = r.stdout.split('\n').filter(line => /not started/.test(line));
    expect(notStarted).toHaveLength(1);
    expect(notStarted[0]).toMatch(/^cancelled\s+\d+ more files were not started$/);
    expect(r.stdout.split('\n').length).toBeLessThan(30_000);
    // Outputs and manifest are written, every file with its status.
    const manifest = JSON.parse(await fs.readFile(r.outputs['manifest']!, 'utf8')) as { files: Row[]; outcome: string };
    expect(manifest.outcome).toBe('cancelled');
    expect(manifest.files).toHaveLength(60_000);
    const created = manifest.files.filter(f => f.status === 'created').length;
    expect(created).toBeGreaterThanOrEqual(200);
    expect(manifest.files.filter(f => f.status === 'cancelled')).toHaveLength(60_000 - created);
    expect(Number(r.outputs['failed'])).toBe(60_000 - created);
  }, 180_000);

  it('a file appended to all the time while it is copied gets kept-changing and no backup; the others are backed up', async () => {
    await job.write({ 'data/growing.log': Buffer.alloc(32 * MiB, 0x61), 'data/steady.txt': 'steady\n' });
    // The writer appends while the step runs (a log being written by a server, say).
    const writer = spawn('sh', ['-c', 'while :; do printf x >> growing.log; done'], { cwd: path.join(job.workspace, 'data'), stdio: 'ignore' });
    try {
      await sleep(50);
      const r = await job.runMain({ path: 'data' });
      expect(r.exitCode).toBe(1);
      const status = Object.fromEntries(rows(r).map(row => [row.source, row.status]));
      expect(status).toEqual({ 'data/growing.log': 'kept-changing', 'data/steady.txt': 'created' });
      expect(r.errors.join('\n')).toMatch(/1 of 2 files failed: 1 kept-changing/);
      const kept = await fs.readdir(path.join(job.workspace, '.bkpfile/data'));
      expect(kept.filter(n => n.startsWith('growing.log'))).toEqual([]);
      expect(await stagingTemps(path.join(job.workspace, '.bkpfile'))).toEqual([]);
    } finally {
      writer.kill('SIGKILL');
    }
  });

  it('a file whose size says 0 (procfs) is backed up whole, and bytes is the size of the backup', async () => {
    await fs.symlink('/proc/version', path.join(job.workspace, 'kernel-version'));
    const r = await job.runMain({ path: 'kernel-version', 'allow-outside-workspace': 'true' });
    expect(r.exitCode).toBe(0);
    const row = rows(r)[0]!;
    expect(row.status).toBe('created');
    const content = await fs.readFile('/proc/version');
    expect(content.length).toBeGreaterThan(0);
    expect((await fs.readFile(path.join(job.workspace, row.backup!))).equals(content)).toBe(true);
    expect(row.bytes).toBe(content.length);
  });

  it('one bad path does not stop the rest: an unreadable folder and a symlink loop get statuses, the others are backed up', async () => {
    await job.write({ 'app/ok.txt': 'ok\n', 'private/key.txt': 'key\n', 'z/last.txt': 'last\n' });
    await fs.symlink('loop-b', path.join(job.workspace, 'app/loop-a'));
    await fs.symlink('loop-a', path.join(job.workspace, 'app/loop-b'));
    await fs.chmod(path.join(job.workspace, 'private'), 0o700);
    let options = {};
    if (rootOnly('an unreadable folder of another user')) {
      const nobody = 65534;
      for (const dir of [job.root, job.workspace, path.join(job.workspace, 'app'), path.join(job.workspace, 'z')]) await fs.chmod(dir, 0o755);
      await fs.chmod(path.join(job.workspace), 0o777); // nobody creates .bkpfile here
      await fs.chown(job.runnerTemp, nobody, nobody);
      options = { uid: nobody, gid: nobody };
    } else {
      await fs.chmod(path.join(job.workspace, 'private'), 0o000);
    }
    const r = await job.runMain({ path: '**' }, options);
    await fs.chmod(path.join(job.workspace, 'private'), 0o755);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(1);
    const status = Object.fromEntries(rows(r).map(row => [row.source, row.status]));
    expect(status).toEqual({
      'app/ok.txt': 'created',
      'app/loop-a': 'invalid-file-type',
      'app/loop-b': 'invalid-file-type',
      private: 'permission-denied',
      'z/last.txt': 'created'
    });
    expect(r.errors.join('\n')).toMatch(/3 of 5 files failed: 2 invalid-file-type, 1 permission-denied/);
    const manifest = JSON.parse(await fs.readFile(r.outputs['manifest']!, 'utf8')) as { files: Row[] };
    expect(manifest.files.map(f => f.status).sort()).toEqual(['created', 'created', 'invalid-file-type', 'invalid-file-type', 'permission-denied']);
    expect(r.summary).toContain('permission-denied');
    expect(r.summary).toContain('symbolic link loop');
  });

  it.each([2, 4])('%i runs at once on the same files and backup directory never overwrite each other', async runs => {
    await job.write(Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`shared/d${i % 10}/f${i}.txt`, `content ${i}\n`.repeat(20)])));
    await versions.record(job);
    const results = await Promise.all(Array.from({ length: runs }, () => job.runMain({ path: 'shared' })));
    for (const r of results) {
      expect(r.stderr).toBe('');
      expect(r.exitCode).toBe(0);
    }
    await Promise.all(results.map(r => job.runPost(r.state)));
    const { backups } = await assertOnlySourcesBackupsManifests(job, versions);
    expect(backups.size).toBe(300);
    // Each backup on disk was created by exactly one run: had two runs written the same
    // name, both would report it created.
    const createdBy = new Map<string, number>();
    for (const r of results) {
      for (const row of rows(r)) {
        expect(['created', 'identical']).toContain(row.status);
        expect(existsSync(path.join(job.workspace, row.backup!))).toBe(true);
        if (row.status === 'created') createdBy.set(row.backup!, (createdBy.get(row.backup!) ?? 0) + 1);
      }
    }
    const onDisk = [...backups.values()]
      .flat()
      .map(rel => `.bkpfile/${rel}`)
      .sort();
    expect([...createdBy.keys()].sort()).toEqual(onDisk);
    expect([...createdBy.values()].every(n => n === 1)).toBe(true);
  });
});
