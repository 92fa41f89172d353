import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { failed, noFilesFound, reportOutcome, succeeded } from '../../src/action/step-outcome.js';

describe('reportOutcome: the one place a step is failed', () => {
  let printed: string[];
  afterEach(() => {
    jest.restoreAllMocks();
    process.exitCode = undefined;
  });
  const capture = (): void => {
    printed = [];
    jest.spyOn(process.stdout, 'write').mockImplementation(((chunk: string) => printed.push(String(chunk)) > 0) as typeof process.stdout.write);
  };

  it('fails the step with the escaped message: a name cannot smuggle in a workflow command', () => {
    capture();
    reportOutcome(failed('bad name\n::warning::not a command ##[error]x'));
    expect(printed.join('')).toBe('::error::bad name\\n::warning::not a command #\\u0023[error]x\n');
    expect(process.exitCode).toBe(1);
  });

  it('a success is an info line and leaves the exit code alone', () => {
    capture();
    reportOutcome(succeeded('2 backups created.'));
    expect(printed.join('')).toBe('2 backups created.\n');
    expect(process.exitCode).toBeUndefined();
  });

  it.each([
    ['error', '::error::none\n', 1],
    ['warn', '::warning::none\n', undefined],
    ['ignore', 'none\n', undefined]
  ] as const)('if-no-files-found: %s', (mode, line, exitCode) => {
    capture();
    reportOutcome(noFilesFound(mode, 'none'));
    expect(printed.join('')).toBe(line);
    expect(process.exitCode).toBe(exitCode);
  });
});
