import { describe, expect, it } from '@jest/globals';
import { AssertionError } from 'node:assert';
import { createHash } from 'node:crypto';
import { lightAssert, lightCrypto } from '../../src/action/light-builtins.js';

describe('the light crypto and assert that @actions/core and @actions/glob are given', () => {
  it("crypto: randomUUID is a version 4 UUID, and anything else is node:crypto's own", () => {
    expect(lightCrypto.randomUUID()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(lightCrypto.randomUUID()).not.toBe(lightCrypto.randomUUID());
    const hash = (lightCrypto as unknown as typeof import('node:crypto')).createHash('sha256').update('x').digest('hex');
    expect(hash).toBe(createHash('sha256').update('x').digest('hex'));
  });

  it("assert: passes a true value, and fails a false one with node:assert's own error and message", () => {
    expect(() => lightAssert(1, 'never')).not.toThrow();
    expect(() => lightAssert('', "Invalid pattern 'a/../b'.")).toThrow(AssertionError);
    let thrown: unknown;
    try {
      lightAssert(0, 'pattern cannot be empty');
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toMatchObject({ name: 'AssertionError', code: 'ERR_ASSERTION', message: 'pattern cannot be empty' });
    // Its other functions are node:assert's.
    const { strictEqual } = lightAssert as unknown as typeof import('node:assert');
    expect(() => strictEqual(1, 2)).toThrow(AssertionError);
  });
});
