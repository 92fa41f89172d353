import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** "pid command file" if process `pid` holds a file under `dir` open; undefined otherwise. */
async function holderUnder(pid: string, dir: string): Promise<string | undefined> {
  for (const fd of await fs.readdir(`/proc/${pid}/fd`).catch(() => [] as string[])) {
    const target = await fs.readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
    if (target.startsWith(dir + path.sep)) return `${pid} ${(await fs.readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '?')).trim()} ${target}`;
  }
  return undefined;
}

async function holdersAmong(pids: readonly string[], dir: string): Promise<string[]> {
  const holders: string[] = [];
  for (const pid of pids) {
    const holder = await holderUnder(pid, dir);
    if (holder) holders.push(holder);
  }
  return holders;
}

/**
 * The processes other than this one (and than `except`) that hold a file under `dir` open,
 * as "pid command file", from Linux's /proc: a kernel copy's child process writing a temporary
 * there, say.
 */
export async function holdersUnder(dir: string, except?: number): Promise<string[]> {
  const pids = (await fs.readdir('/proc').catch(() => [] as string[])).filter(
    pid => /^\d+$/.test(pid) && Number(pid) !== process.pid && Number(pid) !== except
  );
  return holdersAmong(pids, dir);
}

/**
 * The child processes of `pid` (of any of its threads) that hold a file under `dir` open,
 * as "pid command file". Quick enough to poll: it reads only that process's children, not every
 * process's descriptors.
 */
export async function childrenHoldingUnder(pid: number, dir: string): Promise<string[]> {
  const children: string[] = [];
  for (const task of await fs.readdir(`/proc/${pid}/task`).catch(() => [] as string[])) {
    const list = await fs.readFile(`/proc/${pid}/task/${task}/children`, 'utf8').catch(() => '');
    children.push(...list.split(' ').filter(Boolean));
  }
  return holdersAmong(children, dir);
}
