import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/**
 * The processes other than this one (and than `except`) that hold a file under `dir` open,
 * as "pid command", from Linux's /proc: a kernel copy's child process writing a temporary
 * there, say.
 */
export async function holdersUnder(dir: string, except?: number): Promise<string[]> {
  const holders: string[] = [];
  for (const pid of await fs.readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(pid) || Number(pid) === process.pid || Number(pid) === except) continue;
    for (const fd of await fs.readdir(`/proc/${pid}/fd`).catch(() => [] as string[])) {
      const target = await fs.readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
      if (target.startsWith(dir + path.sep)) {
        holders.push(`${pid} ${(await fs.readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '?')).trim()}`);
        break;
      }
    }
  }
  return holders;
}
