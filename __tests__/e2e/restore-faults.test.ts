/**
 * Restore under faults, through the bundled restore action as the runner runs it: a cancel
 * (the runner's SIGINT sequence), a timeout, and a SIGKILL followed by the post step, each in
 * the middle of restoring a 400 MiB file. The original is always whole (its old content, or
 * the restored one) and nothing is left beside it.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileHash } from './invariants.js';
import { SimulatedJob, cancelLikeRunner, listFiles, nodeRuntimes, type RunningStep } from './runner.js';

const MiB = 1024 * 1024;
const SIZE = 400 * MiB;

const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms));

/** Writes `size` bytes of `fill` (real data, not a sparse file). */
async function writeFilled(file: string, size: number, fill: number): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const handle = await fs.open(file, 'w');
  const chunk = Buffer.alloc(8 * MiB, fill);
  for (let at = 0; at < size; at += chunk.length) await handle.write(chunk, 0, Math.min(chunk.length, size - at));
  await handle.close();
}

/** Calls `then` once a restore temporary exists beside the target. */
function whenTempAppears(step: RunningStep, dir: string, then: () => void): void {
  void (async () => {
    while (step.child.exitCode === null && step.child.signalCode === null) {
      const names = await fs.readdir(dir).catch(() => [] as string[]);
      if (names.some(n => n.startsWith('.bkpfile-restore-'))) return then();
      await sleep(5);
    }
  })();
}

describe.each(nodeRuntimes())('restore faults end to end on $name', ({ bin }) => {
  let job: SimulatedJob;
  let original: string;
  let oldHash: string;
  let newHash: string;
  const dataDir = (): string => path.join(job.workspace, 'data');

  beforeEach(async () => {
    job = await SimulatedJob.create({ node: bin });
    original = path.join(dataDir(), 'big.bin');
    await writeFilled(original, SIZE, 1);
    // Its backup, named as the backup action names it, with other content.
    const backup = path.join(job.workspace, '.bkpfile/data/big.bin-2025-05-12-13-49=pre-deploy');
    await writeFilled(backup, SIZE, 2);
    oldHash = await fileHash(original);
    newHash = await fileHash(backup);
    expect(newHash).not.toBe(oldHash);
  });

  afterEach(async () => {
    await job.dispose();
  });

  /** The original is one whole version, and nothing else is in its folder or in RUNNER_TEMP. */
  async function expectWholeAndClean(allowed: string[]): Promise<void> {
    expect(allowed).toContain(await fileHash(original));
    expect(await fs.readdir(dataDir())).toEqual(['big.bin']);
    expect((await listFiles(job.runnerTemp)).filter(rel => rel.includes('restore-'))).toEqual([]);
  }

  it('cancel mid-restore: stops within 1 s, the original is untouched, no temporary is left', async () => {
    let signalledAt = 0;
    const r = await job.runActionMain(
      'restore',
      { path: 'data' },
      {
        onSpawn: step =>
          whenTempAppears(step, dataDir(), () => {
            signalledAt = Date.now();
            cancelLikeRunner(step.child);
          })
      }
    );
    const stopMs = Date.now() - signalledAt;
    expect(signalledAt).toBeGreaterThan(0);
    expect(r.exitCode).toBe(1);
    expect(r.signal).toBeNull();
    expect({ stopMs, under: stopMs < 1000 }).toEqual({ stopMs, under: true });
    expect(r.errors.join('\n')).toMatch(/cancelled \(SIGINT\)/);
    expect(JSON.parse(r.outputs['files']!)).toEqual([expect.objectContaining({ path: 'data/big.bin', status: 'cancelled' })]);
    await expectWholeAndClean([oldHash]);
    const post = await job.runActionPost('restore', r.state);
    expect(post.exitCode).toBe(0);
    expect(post.warnings).toEqual([]);
  });

  it('cancel among many small files (synchronous copies): every file is whole and no temporary appears, even later', async () => {
    // Files up to 8 MiB are copied with synchronous calls that a signal cannot interrupt; a
    // cancel must let the one in hand finish rather than leave its temporary beside the
    // user's files.
    const small = path.join(job.workspace, 'many');
    const backups = path.join(job.workspace, '.bkpfile/many');
    await fs.mkdir(small);
    await fs.mkdir(backups, { recursive: true });
    const n = 120;
    const oldData = Buffer.alloc(2 * MiB, 3);
    const newData = Buffer.alloc(2 * MiB, 4);
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < n; i++) {
        await fs.writeFile(path.join(small, `f${i}.bin`), oldData);
        if (round === 0) await fs.writeFile(path.join(backups, `f${i}.bin-2025-05-12-13-49`), newData);
      }
      let signalled = false;
      const r = await job.runActionMain(
        'restore',
        { path: 'many' },
        {
          onSpawn: step =>
            whenTempAppears(step, small, () => {
              signalled = true;
              // A little later in each round, so the cancel meets copies at different points.
              setTimeout(() => cancelLikeRunner(step.child), round * 20);
            })
        }
      );
      expect(signalled).toBe(true);
      expect(r.exitCode).toBe(1);
      expect(r.signal).toBeNull();
      await sleep(300); // anything still being written would show up by now
      const names = await fs.readdir(small);
      expect(names.filter(name => !/^f\d+\.bin$/.test(name))).toEqual([]);
      expect(names).toHaveLength(n);
      for (const name of names) {
        const data = await fs.readFile(path.join(small, name));
        expect(data.equals(oldData) || data.equals(newData)).toBe(true);
      }
      expect((await listFiles(job.runnerTemp)).filter(rel => rel.includes('restore-'))).toEqual([]);
    }
  });

  it('timeout mid-restore: fails saying it timed out, the original is untouched', async () => {
    const r = await job.runActionMain('restore', { path: 'data', timeout: '0.05' });
    expect(r.exitCode).toBe(1);
    expect(r.errors.join('\n')).toMatch(/timed out after 0.05 s/);
    expect(JSON.parse(r.outputs['files']!)).toEqual([expect.objectContaining({ path: 'data/big.bin', status: 'timeout' })]);
    await expectWholeAndClean([oldHash]);
  });

  it('SIGKILL mid-restore: the original is whole, and the post step removes the temporary and nothing else', async () => {
    const r = await job.runActionMain('restore', { path: 'data' }, { onSpawn: step => whenTempAppears(step, dataDir(), () => step.child.kill('SIGKILL')) });
    expect(r.signal).toBe('SIGKILL');
    expect(r.state['restore-journal']).toMatch(/restore-[0-9a-f]{16}\.journal$/);
    expect(await fileHash(original)).toBe(oldHash);
    const left = (await fs.readdir(dataDir())).filter(n => n !== 'big.bin');
    expect(left).toEqual([expect.stringMatching(/^\.bkpfile-restore-[0-9a-f]{16}-1\.tmp$/)]);
    // A file of the user's named like a temporary of another run is not touched.
    const decoy = path.join(dataDir(), '.bkpfile-restore-0000000000000000-1.tmp');
    await fs.writeFile(decoy, 'mine');

    const post = await job.runActionPost('restore', r.state);
    expect(post.exitCode).toBe(0);
    expect(post.warnings).toEqual([]);
    expect(post.stdout).toMatch(/Removed 1 temporary file/);
    await fs.rm(decoy);
    await expectWholeAndClean([oldHash]);

    // Restoring again completes.
    const again = await job.runActionMain('restore', { path: 'data' });
    expect(again.exitCode).toBe(0);
    await expectWholeAndClean([newHash]);
  });

  it('the post step refuses a journal that state points elsewhere, or that is not this run’s', async () => {
    const r = await job.runActionMain('restore', { path: 'data' }, { onSpawn: step => whenTempAppears(step, dataDir(), () => step.child.kill('SIGKILL')) });
    expect(r.signal).toBe('SIGKILL');
    const forgedToken = await job.runActionPost('restore', { ...r.state, token: 'f'.repeat(32) });
    expect(forgedToken.warnings.join('\n')).toMatch(/does not belong to this run/);
    const elsewhere = await job.runActionPost('restore', { ...r.state, 'restore-journal': path.join(job.workspace, 'data/big.bin') });
    expect(elsewhere.warnings.join('\n')).toMatch(/not where this run keeps it/);
    expect(await fileHash(original)).toBe(oldHash);
    // The real state still cleans up.
    const post = await job.runActionPost('restore', r.state);
    expect(post.warnings).toEqual([]);
    await expectWholeAndClean([oldHash]);
  });
});
