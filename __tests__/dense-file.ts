import { promises as fs } from 'node:fs';
import * as path from 'node:path';

const MiB = 1024 * 1024;

/**
 * Writes `file` (and its folder), `size` bytes with data in every block, so not sparse. Each
 * MiB starts with its number and `seed`, so no two MiB of it, or of files of other seeds, are
 * alike.
 */
export async function writeDenseFile(file: string, size: number, seed = 0): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const block = Buffer.alloc(MiB, 7);
  const handle = await fs.open(file, 'w');
  try {
    for (let at = 0, n = 0; at < size; at += MiB, n++) {
      block.writeUInt32BE(n, 0);
      block.writeUInt32BE(seed, 4);
      await handle.write(block, 0, Math.min(MiB, size - at), at);
    }
  } finally {
    await handle.close();
  }
}
