import { describe, it, expect, jest } from '@jest/globals';
import { errnoCode, errorMessage, statusForError } from '../../src/engine/fs-errors.js';
import { AbortReason, abortStatus, untilDoneOrGraceAfterAbort } from '../../src/engine/abort.js';

const errno = (code: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: failed`), { code });

describe('statusForError', () => {
  it.each(['ENOSPC', 'EDQUOT', 'EFBIG'])('maps %s to disk-full', code => {
    expect(statusForError(errno(code))).toBe('disk-full');
  });

  it.each(['EACCES', 'EPERM'])('maps %s to permission-denied', code => {
    expect(statusForError(errno(code))).toBe('permission-denied');
  });

  it.each(['ENOENT', 'EIO', 'EISDIR', 'EMFILE'])('maps %s to error', code => {
    expect(statusForError(errno(code))).toBe('error');
  });

  it('maps errors without a code and non-errors to error', () => {
    expect(statusForError(new Error('boom'))).toBe('error');
    expect(statusForError('a string')).toBe('error');
    expect(statusForError(undefined)).toBe('error');
    expect(statusForError({ code: 42 })).toBe('error');
  });

  it('maps an AbortReason to its status', () => {
    expect(statusForError(new AbortReason('timeout', 't'))).toBe('timeout');
    expect(statusForError(new AbortReason('cancelled', 'c'))).toBe('cancelled');
  });

  it('gives the aborted signal its reason status, whatever the error', () => {
    const timedOut = new AbortController();
    timedOut.abort(new AbortReason('timeout', 'x'));
    expect(statusForError(errno('ENOSPC'), timedOut.signal)).toBe('timeout');
    expect(statusForError(errno('EACCES'), timedOut.signal)).toBe('timeout');

    const cancelled = new AbortController();
    cancelled.abort(new AbortReason('cancelled', 'x'));
    expect(statusForError(new Error('boom'), cancelled.signal)).toBe('cancelled');
  });

  it('maps an abort without an AbortReason to cancelled', () => {
    const controller = new AbortController();
    controller.abort();
    expect(statusForError(new Error('boom'), controller.signal)).toBe('cancelled');
    expect(abortStatus(controller.signal)).toBe('cancelled');
  });

  it('ignores a signal that has not aborted', () => {
    expect(statusForError(errno('ENOSPC'), new AbortController().signal)).toBe('disk-full');
  });
});

describe('errnoCode and errorMessage', () => {
  it('reads string codes only', () => {
    expect(errnoCode(errno('ENOENT'))).toBe('ENOENT');
    expect(errnoCode({ code: 1 })).toBeUndefined();
    expect(errnoCode(null)).toBeUndefined();
    expect(errnoCode('ENOENT')).toBeUndefined();
  });

  it('gives the message of an Error and the text of anything else', () => {
    expect(errorMessage(new Error('boom'))).toBe('boom');
    expect(errorMessage('plain')).toBe('plain');
    expect(errorMessage(42)).toBe('42');
  });
});

describe('untilDoneOrGraceAfterAbort', () => {
  const never = (): Promise<void> => new Promise<void>(() => undefined);

  it('resolves when the work settles, and leaves no abort listener behind', async () => {
    const { signal } = new AbortController();
    const add = jest.spyOn(signal, 'addEventListener');
    const remove = jest.spyOn(signal, 'removeEventListener');
    await untilDoneOrGraceAfterAbort(Promise.resolve(), signal, 10_000);
    expect(add.mock.calls.map(call => call[0])).toEqual(['abort']);
    expect(remove.mock.calls.map(call => call[0])).toEqual(['abort']);
    expect(remove.mock.calls[0]![1]).toBe(add.mock.calls[0]![1]);
  });

  it('resolves graceMs after an abort when the work never settles', async () => {
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(new AbortReason('cancelled', 'x')), 5);
    await untilDoneOrGraceAfterAbort(never(), controller.signal, 50);
    expect(Date.now() - started).toBeGreaterThanOrEqual(50);
  });

  it('passes on the work’s error', async () => {
    const err = new Error('work failed');
    await expect(untilDoneOrGraceAfterAbort(Promise.reject(err), new AbortController().signal, 10)).rejects.toBe(err);
  });
});
