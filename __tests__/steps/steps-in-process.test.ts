/**
 * The steps' `run()` in this process, as the typescript-action template tests its run():
 * inputs and file commands set up as the runner would, stdout captured, and the outcome
 * run() gives back checked — including what must not outlive a run (timers, listeners).
 */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { run as backupRun } from '../../src/steps/backup-step.js';
import { run as cleanupRun } from '../../src/steps/cleanup-step.js';
import { STAGING_MARKER, newRunIdentity, stagingPath } from '../../src/engine/staging.js';
import { parseFileCommand } from '../e2e/runner.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DEFAULTS = Object.entries((parseYaml(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: unknown }> }).inputs);

let dir: string;
let workspace: string;
let savedEnv: NodeJS.ProcessEnv;
let printed: string[];

function setInputs(inputs: Record<string, string>): void {
  for (const [name, spec] of DEFAULTS) if (spec.default !== undefined) process.env[`INPUT_${name.toUpperCase()}`] = String(spec.default);
  for (const [name, value] of Object.entries(inputs)) process.env[`INPUT_${name.toUpperCase()}`] = value;
}

const outputs = (): Record<string, string> => parseFileCommand(readFileSync(process.env['GITHUB_OUTPUT']!, 'utf8'));
const stdout = (): string => printed.join('');
/** Timers and intervals the code under test created, recorded as it creates them. */
let created: NodeJS.Timeout[];
/** Those still pending: neither fired (a timeout) nor cleared. */
const pendingTimers = (): NodeJS.Timeout[] => created.filter(t => !(t as unknown as { _destroyed: boolean })._destroyed);
let savedCwd: string;

beforeEach(() => {
  savedEnv = { ...process.env };
  dir = mkdtempSync(path.join(os.tmpdir(), 'bkpfile-steps-'));
  workspace = path.join(dir, 'workspace');
  mkdirSync(workspace);
  mkdirSync(path.join(dir, 'temp'));
  for (const name of ['output', 'state', 'summary']) writeFileSync(path.join(dir, name), '');
  Object.assign(process.env, {
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: path.join(dir, 'temp'),
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_STATE: path.join(dir, 'state'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary')
  });
  savedCwd = process.cwd();
  process.chdir(workspace); // the runner starts a step in the workspace
  created = [];
  const realSetTimeout = globalThis.setTimeout;
  const realSetInterval = globalThis.setInterval;
  jest.spyOn(globalThis, 'setTimeout').mockImplementation(((...args: Parameters<typeof setTimeout>) => {
    const timer = realSetTimeout(...args);
    created.push(timer);
    return timer;
  }) as typeof setTimeout);
  jest.spyOn(globalThis, 'setInterval').mockImplementation(((...args: Parameters<typeof setInterval>) => {
    const timer = realSetInterval(...args);
    created.push(timer);
    return timer;
  }) as typeof setInterval);
  printed = [];
  jest.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: unknown[]) => {
    printed.push(String(chunk));
    const callback = rest.find(arg => typeof arg === 'function') as (() => void) | undefined;
    callback?.();
    return true;
  }) as typeof process.stdout.write);
});

afterEach(() => {
  jest.restoreAllMocks();
  process.chdir(savedCwd);
  process.env = savedEnv;
  process.exitCode = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe('backup-step run() in process', () => {
  it('gives a success outcome and leaves no timer or signal listener behind (timeout set)', async () => {
    writeFileSync(path.join(workspace, 'a.txt'), 'a\n');
    setInputs({ path: 'a.txt', timeout: '30' });
    const sigintBefore = process.listenerCount('SIGINT');
    const outcome = await backupRun();
    expect(outcome).toEqual({ level: 'info', message: expect.stringMatching(/^1 backup created, 0 files identical/) });
    expect(outputs()['created']).toBe('1');
    expect(pendingTimers()).toEqual([]);
    expect(process.listenerCount('SIGINT')).toBe(sigintBefore);
    expect(process.exitCode).toBeUndefined(); // run() reports nothing itself: the entry point does
  });

  it('the walk’s error path: a symlink loop under ** gets a status, the other file is backed up, the outcome is a failure', async () => {
    writeFileSync(path.join(workspace, 'good.txt'), 'good\n');
    mkdirSync(path.join(workspace, 'loop'));
    symlinkSync('y', path.join(workspace, 'loop/x'));
    symlinkSync('x', path.join(workspace, 'loop/y'));
    setInputs({ path: '**' });
    const outcome = await backupRun();
    expect(outcome.level).toBe('failure');
    expect(outcome.message).toMatch(/^2 of 3 files failed: 2 invalid-file-type\. 1 backup created/);
    const rows = JSON.parse(outputs()['backups']!) as { source: string; status: string }[];
    expect(Object.fromEntries(rows.map(r => [r.source, r.status]))).toEqual({
      'good.txt': 'created',
      'loop/x': 'invalid-file-type',
      'loop/y': 'invalid-file-type'
    });
  });

  it('a cancel with 50,000 files: the outcome says so, not-started files are one line, and the forced-exit timer is cleared', async () => {
    for (let d = 0; d < 250; d++) {
      mkdirSync(path.join(workspace, `d${d}`));
      for (let f = 0; f < 200; f++) writeFileSync(path.join(workspace, `d${d}/f${f}`), `${d}/${f}`);
    }
    setInputs({ path: '**' });
    // Only the step's own listener may see this SIGINT (jest may have one of its own).
    const others = process.listeners('SIGINT');
    process.removeAllListeners('SIGINT');
    try {
      const running = backupRun();
      const poll = setInterval(() => {
        if ((stdout().match(/^created /gm) ?? []).length >= 200) {
          clearInterval(poll);
          process.emit('SIGINT', 'SIGINT');
        }
      }, 2);
      const outcome = await running;
      clearInterval(poll);
      expect(outcome.level).toBe('failure');
      expect(outcome.message).toMatch(/^Stopped: the step was cancelled \(SIGINT\)\. \d+ backups were completed before that/);
      const notStarted = stdout()
        .split('\n')
        .filter(line => /not started/.test(line));
      expect(notStarted).toEqual([expect.stringMatching(/^cancelled\s+\d+ more files were not started$/)]);
      expect(stdout()).toContain('::endgroup::');
      const manifest = JSON.parse(readFileSync(outputs()['manifest']!, 'utf8')) as { outcome: string; files: unknown[] };
      expect(manifest.outcome).toBe('cancelled');
      expect(manifest.files).toHaveLength(50_000);
      // The 5 s forced exit was armed by the cancel; it must not outlive run().
      expect(pendingTimers()).toEqual([]);
    } finally {
      for (const listener of others) process.on('SIGINT', listener);
    }
  }, 120_000);

  it('a mistake in the inputs throws before anything is written (the entry point reports it)', async () => {
    writeFileSync(path.join(workspace, 'a.txt'), 'a\n');
    setInputs({ path: 'a.txt', keep: 'lots' });
    await expect(backupRun()).rejects.toThrow(/^Input 'keep' must be a whole number/);
    expect(await fs.readdir(workspace)).toEqual(['a.txt']);
    expect(readFileSync(process.env['GITHUB_OUTPUT']!, 'utf8')).toBe('');
  });
});

describe('cleanup-step run() in process', () => {
  it('gives up at its deadline with a warning, and clears its deadline timer either way', async () => {
    // A staging directory of a killed run, too big to remove within a 1 ms deadline.
    const identity = newRunIdentity();
    const backupDir = path.join(workspace, '.bkpfile');
    const staging = stagingPath(backupDir, identity.runId);
    mkdirSync(staging, { recursive: true });
    writeFileSync(path.join(staging, STAGING_MARKER), `bkpfile-action staging ${identity.token}\n`);
    for (let i = 1; i <= 20_000; i++) writeFileSync(path.join(staging, `${i}.tmp`), '');
    Object.assign(process.env, {
      'STATE_run-id': identity.runId,
      STATE_token: identity.token,
      'STATE_staging-dir': staging,
      'STATE_manifest-temp': ''
    });
    setInputs({ path: '**' });
    await cleanupRun(1);
    expect(stdout()).toMatch(/^::warning::Post-step cleanup gave up after 0\.001 s; .*\.bkpfile-staging-[0-9a-f]{16} may hold temporaries\.$/m);
    expect(pendingTimers()).toEqual([]);
  }, 60_000);

  it('with time enough, removes a killed run’s staging directory and says how many temporaries it removed', async () => {
    const identity = newRunIdentity();
    const staging = stagingPath(path.join(workspace, '.bkpfile'), identity.runId);
    mkdirSync(staging, { recursive: true });
    writeFileSync(path.join(staging, STAGING_MARKER), `bkpfile-action staging ${identity.token}\n`);
    for (let i = 1; i <= 3; i++) writeFileSync(path.join(staging, `${i}.tmp`), 'half');
    Object.assign(process.env, { 'STATE_run-id': identity.runId, STATE_token: identity.token, 'STATE_staging-dir': staging, 'STATE_manifest-temp': '' });
    setInputs({ path: '**' });
    await cleanupRun();
    expect(stdout()).toContain('Removed 3 temporary file(s) left by the main step.');
    expect(stdout()).not.toContain('::warning::');
    expect(await fs.readdir(path.join(workspace, '.bkpfile'))).toEqual([]);
    expect(pendingTimers()).toEqual([]);
  });
});
