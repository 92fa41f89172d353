import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { STRAGGLER_MS, endProcess } from '../../src/action/step-runner.js';

const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms));

/** process.exit() mocked, and stdout's writes done at once (jest's stdout never calls back). */
function mockExit(): ReturnType<typeof jest.spyOn> {
  jest.spyOn(process.stdout, 'write').mockImplementation(((...args: unknown[]) => {
    const callback = args.find(a => typeof a === 'function') as (() => void) | undefined;
    callback?.();
    return true;
  }) as typeof process.stdout.write);
  return jest.spyOn(process, 'exit').mockImplementation((() => undefined) as typeof process.exit);
}

describe('endProcess: a step ends by an empty event loop, process.exit() only for stragglers', () => {
  afterEach(() => {
    jest.restoreAllMocks();
    process.exitCode = undefined;
  });

  it('sets the exit code at once, and calls process.exit() only once something has held the loop for STRAGGLER_MS', async () => {
    // Here jest holds the loop, as a worker thread stuck in a system call would.
    const exit = mockExit();
    endProcess(3);
    expect(process.exitCode).toBe(3);
    await sleep(STRAGGLER_MS / 2);
    expect(exit).not.toHaveBeenCalled();
    await sleep(STRAGGLER_MS);
    expect(exit).toHaveBeenCalledTimes(1);
    expect(exit).toHaveBeenCalledWith();
    expect(process.exitCode).toBe(3);
  });

  it('keeps an exit code set earlier (a failed step) when given none', async () => {
    const exit = mockExit();
    process.exitCode = 1;
    endProcess();
    await sleep(STRAGGLER_MS * 1.5);
    expect(exit).toHaveBeenCalledTimes(1);
    expect(process.exitCode).toBe(1);
  });
});
