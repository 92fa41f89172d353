/**
 * How each bundled step ends. Node 24's `process.exit()` can hang for ever (nodejs/node#54918:
 * it joins V8's background threads while a compile job among them waits for a garbage
 * collection only the exiting thread could make; 3 of 60 backups of a 1 GiB file hung so
 * here), so a step ends by letting its event loop empty. Node's --trace-exit prints a
 * warning with a stack on stderr whenever `process.exit()` is called: no step may print one
 * in a run that ends normally, including a backup with worker threads, a failed step and
 * a cancelled one.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { availableParallelism } from 'node:os';
import { SimulatedJob, nodeRuntimes, type StepOptions, type StepResult } from './runner.js';

const traced: StepOptions = { wrapper: ['bash', '-c', 'exec "$0" --trace-exit "$@"'] };
const EXITED = /Exited the environment/;

function expectEndedByItself(r: StepResult, exitCode: number): void {
  expect(r.stderr).not.toMatch(EXITED);
  expect(r.exitCode).toBe(exitCode);
}

describe.each(nodeRuntimes())('each step ends without process.exit() on $name', ({ bin }) => {
  let job: SimulatedJob;

  beforeEach(async () => {
    job = await SimulatedJob.create({ node: bin });
    // Over the 1,000 files from which a backup starts a worker thread.
    await job.write(Object.fromEntries(Array.from({ length: 1_200 }, (_, i) => [`tree/d${i % 12}/f${i}.txt`, `file ${i}\n`])));
  });

  afterEach(async () => {
    await job.dispose();
  });

  it('backup (with a worker thread), its post step, restore and list', async () => {
    const main = await job.runMain({ path: 'tree' }, traced);
    expectEndedByItself(main, 0);
    expect(main.outputs['created']).toBe('1200');
    // On a machine of more than one core; with one, a backup has no worker to start.
    if (availableParallelism() > 1) expect(main.stdout).toMatch(/^::debug::1 worker thread started/m);
    expectEndedByItself(await job.runPost(main.state, {}, traced), 0);
    const restore = await job.runActionMain('restore', { path: 'tree' }, traced);
    expectEndedByItself(restore, 0);
    expect(restore.outputs['identical']).toBe('1200');
    const list = await job.runActionMain('list', { path: 'tree/d0/f0.txt' }, traced);
    expectEndedByItself(list, 0);
    expect(list.outputs['count']).toBe('1');
  });

  it('a step that fails (no files found, if-no-files-found: error) exits 1 by itself', async () => {
    const r = await job.runMain({ path: 'nothing/**', 'if-no-files-found': 'error' }, traced);
    expectEndedByItself(r, 1);
    expect(r.errors.join('\n')).toMatch(/No files were found/);
  });

  it('a cancelled backup (SIGINT mid-copy, with a worker thread) exits 1 by itself', async () => {
    await job.write(Object.fromEntries(Array.from({ length: 12_000 }, (_, i) => [`many/d${i % 30}/f${i}.txt`, `file ${i}\n`.repeat(50)])));
    let signalled = false;
    const r = await job.runMain(
      { path: 'many' },
      {
        ...traced,
        onSpawn: step => {
          const poll = setInterval(() => {
            if ((step.stdout().match(/^created /gm) ?? []).length < 20) return;
            clearInterval(poll);
            signalled = step.child.kill('SIGINT');
          }, 5);
          step.child.once('close', () => clearInterval(poll));
        }
      }
    );
    expect(signalled).toBe(true);
    expectEndedByItself(r, 1);
    expect(r.errors.join('\n')).toMatch(/cancelled \(SIGINT\)/);
  });

  it('an input mistake exits 1 by itself', async () => {
    const r = await job.runMain({ path: 'tree', timeout: 'soon' }, traced);
    expectEndedByItself(r, 1);
    expect(r.errors.join('\n')).toMatch(/timeout/);
  });
});
