import { describe, expect, it, jest } from '@jest/globals';
import { RunControl } from '../../src/action/run-control.js';

describe('RunControl', () => {
  it('aborts on its timeout, and the forced exit it then arms never outlives the run', () => {
    jest.useFakeTimers();
    try {
      const forceExit = jest.fn();
      const control = new RunControl(1, forceExit);
      jest.advanceTimersByTime(1000);
      expect(control.stoppedBy).toBe('timeout');
      expect(control.reason).toMatch(/timed out after 1 s/);
      // The run ends (its cleanup finished in time): the last resort must not fire later.
      control[Symbol.dispose]();
      jest.advanceTimersByTime(60_000);
      expect(forceExit).not.toHaveBeenCalled();
    } finally {
      jest.useRealTimers();
    }
  });

  it('forces the exit when a stopped run does not end in time', () => {
    jest.useFakeTimers();
    try {
      const forceExit = jest.fn();
      const control = new RunControl(1, forceExit);
      jest.advanceTimersByTime(1000 + 5000);
      expect(forceExit).toHaveBeenCalledTimes(1);
      control[Symbol.dispose]();
    } finally {
      jest.useRealTimers();
    }
  });
});
