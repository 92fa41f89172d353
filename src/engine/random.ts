import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** The kernel's random number generator, as a device (Linux, macOS and the BSDs). */
const URANDOM = '/dev/urandom';

/** Bytes read from the device at a time, and handed out in turn (each byte once). */
const POOL_BYTES = 256;
let pool: Buffer = Buffer.alloc(0);
let used = 0;

/**
 * `size` random bytes for names and secrets (a run's identity, an output's delimiter, the
 * log's stop token): read from /dev/urandom, the kernel's generator, which node:crypto's
 * own is seeded from, POOL_BYTES at a time (as node:crypto's randomUUID keeps a pool too);
 * from node:crypto where there is no such device (Windows, a sandbox without /dev).
 * Loading node:crypto took 3-4 ms of every step's start, and its first randomBytes 1.2 ms
 * more (OpenSSL starting its generator), where a step needs a few hundred bytes.
 */
export function randomBytesSync(size: number, device = URANDOM): Buffer {
  if (device === URANDOM && size <= POOL_BYTES) {
    if (used + size > pool.length) {
      pool = readRandom(POOL_BYTES, device);
      used = 0;
    }
    used += size;
    return Buffer.from(pool.subarray(used - size, used));
  }
  return readRandom(size, device);
}

function readRandom(size: number, device: string): Buffer {
  if (process.platform !== 'win32') {
    const bytes = readDevice(device, size);
    if (bytes) return bytes;
  }
  const { randomBytes } = process.getBuiltinModule('node:crypto');
  return randomBytes(size);
}

/** `size` random bytes as lower-case hex (2 × size characters). */
export function randomHex(size: number): string {
  return randomBytesSync(size).toString('hex');
}

/** A version 4 UUID (RFC 9562), as node:crypto's randomUUID gives: 122 random bits. */
export function randomUUID(): string {
  const b = randomBytesSync(16);
  b[6] = (b[6]! & 0x0f) | 0x40; // version 4
  b[8] = (b[8]! & 0x3f) | 0x80; // variant 10
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The bytes, or undefined when `device` cannot be read whole or is not a character device. */
function readDevice(device: string, size: number): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(device, 'r');
  } catch {
    return undefined;
  }
  try {
    if (!fstatSync(fd).isCharacterDevice()) return undefined;
    const bytes = Buffer.alloc(size);
    for (let n = 0; n < size;) {
      const read = readSync(fd, bytes, n, size - n, null);
      if (read === 0) return undefined;
      n += read;
    }
    return bytes;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}
