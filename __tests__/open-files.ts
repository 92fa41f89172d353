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

/**
 * The child processes of `pid` (of any of its threads) that hold a file under `dir` open,
 * as "pid command". Quick enough to poll: it reads only that process's children, not every
 * process's descriptors.
 */
export async function childrenHoldingUnder(pid: number, dir: string): Promise<string[]> {
  const children: string[] = [];
  for (const task of await fs.readdir(`/proc/${pid}/task`).catch(() => [] as string[])) {
    const list = await fs.readFile(`/proc/${pid}/task/${task}/children`, 'utf8').catch(() => '');
    children.push(...list.split(' ').filter(Boolean));
  }
  const holders: string[] = [];
  for (const child of children) {
    for (const fd of await fs.readdir(`/proc/${child}/fd`).catch(() => [] as string[])) {
      const target = await fs.readlink(`/proc/${child}/fd/${fd}`).catch(() => '');
      if (target.startsWith(dir + path.sep)) {
        holders.push(`${child} ${(await fs.readFile(`/proc/${child}/comm`, 'utf8').catch(() => '?')).trim()}`);
        break;
      }
    }
  }
  return holders;
}
