import { promises as fs } from 'node:fs';

const CHUNK = 1024 * 1024;

/**
 * True when the two files hold the same bytes. The caller has already compared sizes;
 * this streams both in chunks (never a whole file in memory) and observes `signal`
 * between chunks.
 */
export async function sameContent(a: string, b: string, size: number, signal: AbortSignal): Promise<boolean> {
  signal.throwIfAborted();
  const fa = await fs.open(a, 'r');
  try {
    const fb = await fs.open(b, 'r');
    try {
      const length = Math.max(1, Math.min(CHUNK, size));
      const bufA = Buffer.allocUnsafe(length);
      const bufB = Buffer.allocUnsafe(length);
      for (let position = 0; ; ) {
        signal.throwIfAborted();
        const [ra, rb] = await Promise.all([
          fa.read(bufA, 0, length, position),
          fb.read(bufB, 0, length, position)
        ]);
        if (ra.bytesRead !== rb.bytesRead) return false;
        if (ra.bytesRead === 0) return true;
        if (bufA.compare(bufB, 0, rb.bytesRead, 0, ra.bytesRead) !== 0) return false;
        position += ra.bytesRead;
      }
    } finally {
      await fb.close();
    }
  } finally {
    await fa.close();
  }
}
