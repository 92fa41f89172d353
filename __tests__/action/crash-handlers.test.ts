import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { installCrashHandlers } from '../../src/action/crash-handlers.js';
import type { StepOutcome } from '../../src/action/step-outcome.js';
import { StepLog } from '../../src/action/step-log.js';
import { backupFiles, type BackupOptions } from '../../src/engine/backup-engine.js';
import { ResourceManager } from '../../src/engine/resource-manager.js';
import { StagingDir, newRunIdentity } from '../../src/engine/staging.js';
import type { FileResult } from '../../src/engine/status.js';

class StepExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

describe('an uncaught fault in the main step still cleans up and fails the step', () => {
  let ws: string;
  let options: BackupOptions;

  beforeEach(async () => {
    ws = await fs.mkdtemp(path.join(os.tmpdir(), 'bkpfile-crash-'));
    for (let i = 0; i < 20; i++) await fs.writeFile(path.join(ws, `f${i}.txt`), `file ${i}\n`);
    options = {
      workspace: ws,
      backupDir: path.join(ws, '.bkpfile'),
      note: undefined,
      dryRun: false,
      keep: 0,
      allowOutsideWorkspace: false,
      followSymbolicLinks: true,
      time: new Date(2025, 4, 12, 13, 49)
    };
  });

  afterEach(async () => {
    await fs.rm(ws, { recursive: true, force: true });
  });

  const sources = (): string[] => Array.from({ length: 20 }, (_, i) => path.join(ws, `f${i}.txt`));

  it('an exception thrown inside the engine (injected in the reporter) rejects, and `await using` removes the staging directory', async () => {
    let stagingDir = '';
    const attempt = async (): Promise<void> => {
      await using resources = new ResourceManager();
      const staging = await StagingDir.create(options.backupDir, newRunIdentity(), resources);
      stagingDir = staging.dir;
      let done = 0;
      const reporter = {
        fileDone: (_: FileResult): void => {
          if (++done === 3) throw new Error('injected fault');
        },
        warning: (): void => undefined
      };
      await backupFiles(sources(), options, { signal: new AbortController().signal, resources, staging, reporter });
    };
    await expect(attempt()).rejects.toThrow('injected fault');
    expect(stagingDir).not.toBe('');
    expect(existsSync(stagingDir)).toBe(false);
  });

  it.each(['uncaughtException', 'unhandledRejection'] as const)('on %s: removes every registered temporary, fails with the message, exits 1', async event => {
    const resources = new ResourceManager();
    const staging = await StagingDir.create(options.backupDir, newRunIdentity(), resources);
    const temp = staging.tempPath();
    resources.addTempFile(temp);
    await fs.writeFile(temp, 'half a backup');
    const failures: StepOutcome[] = [];
    const listenersOf = (): ((...args: unknown[]) => void)[] => process.listeners(event as 'uncaughtException') as ((...args: unknown[]) => void)[];
    const before = listenersOf().length;
    const handlers = installCrashHandlers(resources, {
      report: outcome => failures.push(outcome),
      exit: code => {
        throw new StepExit(code);
      }
    });
    try {
      const listeners = listenersOf();
      expect(listeners).toHaveLength(before + 1);
      const ours = listeners.at(-1) as (err: unknown) => void;
      let exited: unknown;
      try {
        ours(new Error('injected fault\n::warning::not a command'));
      } catch (err) {
        exited = err;
      }
      expect(exited).toBeInstanceOf(StepExit);
      expect((exited as StepExit).code).toBe(1);
      expect(failures).toEqual([{ level: 'failure', message: 'bkpfile-action failed unexpectedly: injected fault\n::warning::not a command' }]);
      expect(existsSync(temp)).toBe(false);
      expect(existsSync(staging.dir)).toBe(false);
    } finally {
      handlers[Symbol.dispose]();
    }
    expect(listenersOf()).toHaveLength(before);
  });

  it('a crash while the file log has workflow commands switched off turns them back on before failing', async () => {
    const printed: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array): boolean => {
      printed.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    const failures: string[] = [];
    const handlers = installCrashHandlers(new ResourceManager(), {
      report: outcome => failures.push(`${outcome.message} (after ${printed.length} writes)`),
      exit: code => {
        throw new StepExit(code);
      }
    });
    try {
      const log = new StepLog(1);
      log.open('Backing up');
      const stop = printed.join('').match(/::stop-commands::([0-9a-f]{32})/);
      expect(stop).not.toBeNull();
      const ours = process.listeners('uncaughtException').at(-1) as (err: unknown) => void;
      expect(() => ours(new Error('boom'))).toThrow(StepExit);
      const after = printed.join('').split(stop![0])[1]!;
      expect(after).toContain(`::${stop![1]}::`);
      expect(after).toContain('::endgroup::');
      expect(failures).toEqual([`bkpfile-action failed unexpectedly: boom (after ${printed.length} writes)`]);
    } finally {
      process.stdout.write = write;
      handlers[Symbol.dispose]();
    }
  });
});
