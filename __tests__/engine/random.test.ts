import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomBytesSync, randomHex, randomUUID } from '../../src/engine/random.js';

describe('random names and secrets without node:crypto', () => {
  it('gives hex of twice the bytes asked, never the same twice', () => {
    const values = Array.from({ length: 500 }, () => randomHex(8));
    for (const value of values) expect(value).toMatch(/^[0-9a-f]{16}$/);
    expect(new Set(values).size).toBe(values.length);
    expect(randomHex(16)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('gives version 4 UUIDs, as node:crypto does: the version and variant bits set, the other 122 bits random', () => {
    const uuids = Array.from({ length: 2000 }, () => randomUUID());
    for (const uuid of uuids) expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(uuids).size).toBe(uuids.length);
    // Every hex digit of the random part shows up in every position: no position is stuck.
    const positions = uuids[0]!.replace(/-/g, '').length;
    for (let i = 0; i < positions; i++) {
      if (i === 12) continue; // the version digit
      const digits = new Set(uuids.map(u => u.replace(/-/g, '')[i]));
      expect({ i, digits: digits.size }).toEqual({ i, digits: i === 16 ? 4 : 16 }); // the variant digit: 8, 9, a or b
    }
  });

  it('hands each byte of its pool out once, also across the pool boundary and for more than a pool', () => {
    const bytes = Array.from({ length: 100 }, () => randomBytesSync(24));
    expect(new Set(bytes.map(b => b.toString('hex'))).size).toBe(100);
    for (const b of bytes) expect(b).toHaveLength(24);
    const big = randomBytesSync(1000);
    expect(big).toHaveLength(1000);
    expect(new Set(big).size).toBeGreaterThan(200); // 1,000 random bytes take most of the 256 values
  });

  it('falls back to node:crypto where the device is missing or is not a character device', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bkpfile-random-'));
    try {
      const fake = path.join(dir, 'urandom');
      writeFileSync(fake, Buffer.alloc(64)); // a regular file of zeros posing as the device
      for (const device of [fake, path.join(dir, 'missing')]) {
        const a = randomBytesSync(32, device);
        const b = randomBytesSync(32, device);
        expect(a).toHaveLength(32);
        expect(a.equals(Buffer.alloc(32))).toBe(false);
        expect(a.equals(b)).toBe(false);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
