import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import * as real from '@actions/core';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as lite from '../../src/action/actions-core.js';

/**
 * The action loads only the parts of @actions/core it uses (src/action/actions-core.ts).
 * Each function must print and write exactly what @actions/core's own does.
 */
describe('actions-core is @actions/core, without the OIDC and HTTP clients', () => {
  let dir: string;
  let printed: string[];
  const write = process.stdout.write.bind(process.stdout);
  const saved = { ...process.env };
  const exitCode = process.exitCode;

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bkpfile-core-'));
    printed = [];
    process.stdout.write = ((chunk: string | Uint8Array) => {
      printed.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
  });

  afterEach(async () => {
    process.stdout.write = write;
    process.env = { ...saved };
    process.exitCode = exitCode;
    await fs.rm(dir, { recursive: true, force: true });
  });

  /** What one implementation prints and writes to GITHUB_OUTPUT / GITHUB_STATE (random delimiters made equal). */
  async function effects(run: () => void, fileCommands: boolean): Promise<{ printed: string; output: string; state: string; exitCode: unknown }> {
    printed = [];
    const output = path.join(dir, `output-${Math.random()}`);
    const state = path.join(dir, `state-${Math.random()}`);
    await fs.writeFile(output, '');
    await fs.writeFile(state, '');
    if (fileCommands) {
      process.env['GITHUB_OUTPUT'] = output;
      process.env['GITHUB_STATE'] = state;
    } else {
      delete process.env['GITHUB_OUTPUT'];
      delete process.env['GITHUB_STATE'];
    }
    process.exitCode = undefined;
    run();
    const same = (text: string): string => text.replace(/ghadelimiter_[0-9a-f-]+/g, 'ghadelimiter_X');
    return {
      printed: same(printed.join('')),
      output: same(await fs.readFile(output, 'utf8')),
      state: same(await fs.readFile(state, 'utf8')),
      exitCode: process.exitCode
    };
  }

  const hostile = 'a::error::b\n##[warning]c\r%25 d,e:f';
  it.each([
    ['setOutput', (c: typeof real) => c.setOutput('name', hostile)],
    ['setOutput of a number', (c: typeof real) => c.setOutput('n', 42)],
    ['saveState', (c: typeof real) => c.saveState('staging-dir', hostile)],
    ['setFailed', (c: typeof real) => c.setFailed(hostile)],
    ['debug', (c: typeof real) => c.debug(hostile)],
    ['warning', (c: typeof real) => c.warning(hostile)],
    ['info', (c: typeof real) => c.info(hostile)],
    ['startGroup and endGroup', (c: typeof real) => (c.startGroup(hostile), c.endGroup())]
  ])('%s', async (_name, use) => {
    for (const fileCommands of [true, false]) {
      const mine = await effects(() => use(lite as unknown as typeof real), fileCommands);
      const theirs = await effects(() => use(real), fileCommands);
      expect(mine).toEqual(theirs);
    }
  });

  it.each([
    [
      'setOutputs',
      (c: typeof lite) =>
        c.setOutputs([
          ['a', hostile],
          ['n', 42],
          ['empty', ''],
          ['flag', false]
        ]),
      (c: typeof real) => (c.setOutput('a', hostile), c.setOutput('n', 42), c.setOutput('empty', ''), c.setOutput('flag', false))
    ],
    [
      'saveStates',
      (c: typeof lite) =>
        c.saveStates([
          ['run-id', 'abc'],
          ['staging-dir', hostile]
        ]),
      (c: typeof real) => (c.saveState('run-id', 'abc'), c.saveState('staging-dir', hostile))
    ]
  ])('%s writes in one append what @actions/core writes one by one', async (_name, mine, theirs) => {
    for (const fileCommands of [true, false]) {
      expect(await effects(() => mine(lite), fileCommands)).toEqual(await effects(() => theirs(real), fileCommands));
    }
  });

  it('getInput and getState read the runner’s variables as @actions/core does', () => {
    process.env['INPUT_IF-NO-FILES-FOUND'] = '  error \n';
    process.env['INPUT_WITH_SPACE'] = 'x';
    process.env['STATE_run-id'] = 'abc';
    for (const name of ['if-no-files-found', 'with space', 'missing']) expect(lite.getInput(name)).toBe(real.getInput(name));
    for (const name of ['run-id', 'missing']) expect(lite.getState(name)).toBe(real.getState(name));
  });
});
