import { closeSync, openSync, promises as fs, writeSync } from 'node:fs';
import * as path from 'node:path';
import { errnoCode, errorMessage } from './fs-errors.js';
import type { RunIdentity } from './staging.js';

/**
 * Restore writes each temporary beside the file it replaces, so the temporaries of one
 * run are scattered over the workspace. Before each one is created, its path is appended
 * to this journal (synchronously: it survives a SIGKILL), so the post step can find them.
 * The journal's first line holds the run's secret token, which proves it is this run's.
 */
export class RestoreJournal {
  private constructor(
    readonly file: string,
    private readonly fd: number
  ) {}

  /** Creates the journal (never over an existing file); register it for cleanup first. */
  static create(file: string, identity: RunIdentity): RestoreJournal {
    const fd = openSync(file, 'wx', 0o600);
    const journal = new RestoreJournal(file, fd);
    journal.write(header(identity.token));
    return journal;
  }

  /** Records a temporary about to be created. */
  record(temp: string): void {
    this.write(`${JSON.stringify(temp)}\n`);
  }

  close(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
  }

  private write(text: string): void {
    const data = Buffer.from(text);
    // write() alone survives a SIGKILL: the kernel holds the data, not the process.
    for (let offset = 0; offset < data.length;) offset += writeSync(this.fd, data, offset);
  }
}

const header = (token: string): string => `bkpfile-action restore journal ${token}\n`;
const MAX_JOURNAL_BYTES = 64 * 1024 * 1024;

/** The name every restore temporary of run `runId` has: unique to the run, never a user's file. */
export function restoreTempName(runId: string, n: number): string {
  return `.bkpfile-restore-${runId}-${n}.tmp`;
}

export interface JournalCleanupReport {
  removed: number;
  refused?: string;
  problems: string[];
}

/**
 * The post step's cleanup after a restore that could not clean up (a SIGKILL). Trusts
 * nothing it is given: the journal must be at `expectedFile`, a regular file of this user
 * starting with this run's token; and of what it lists, only regular files of this user,
 * named as this run's temporaries, at normalized absolute paths, are removed.
 */
export async function removeJournaledTemps(file: string, identity: RunIdentity, expectedFile: string): Promise<JournalCleanupReport> {
  const report: JournalCleanupReport = { removed: 0, problems: [] };
  const refuse = (why: string): JournalCleanupReport => ({ ...report, refused: why });
  if (!/^[0-9a-f]{16}$/.test(identity.runId) || !/^[0-9a-f]{32}$/.test(identity.token)) return refuse('the run identity in state is malformed');
  if (file !== expectedFile) return refuse('the journal path in state is not where this run keeps it');
  let text: string;
  try {
    const stat = await fs.lstat(file);
    if (!stat.isFile() || stat.size > MAX_JOURNAL_BYTES) return refuse('the journal is not a regular file of a sensible size');
    if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) return refuse('the journal belongs to another user');
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return report; // main cleaned up, or never got that far
    return refuse(`cannot read the journal: ${errorMessage(err)}`);
  }
  const expectedHeader = header(identity.token);
  if (!text.startsWith(expectedHeader)) {
    // Killed while writing the header: nothing was created yet.
    if (expectedHeader.startsWith(text)) await unlinkQuietly(file, report);
    else return refuse('the journal does not belong to this run');
    return report;
  }
  const tempName = new RegExp(`^\\.bkpfile-restore-${identity.runId}-\\d+\\.tmp$`);
  for (const line of text.slice(expectedHeader.length).split('\n')) {
    let temp: unknown;
    try {
      temp = JSON.parse(line);
    } catch {
      continue; // a line cut short by the kill: its temporary was never created
    }
    if (typeof temp !== 'string' || !path.isAbsolute(temp) || path.resolve(temp) !== temp || !tempName.test(path.basename(temp))) continue;
    try {
      const stat = await fs.lstat(temp);
      if (!stat.isFile()) continue;
      if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) continue;
      await fs.unlink(temp);
      report.removed += 1;
    } catch (err) {
      if (errnoCode(err) !== 'ENOENT') report.problems.push(`${temp}: ${errorMessage(err)}`);
    }
  }
  await unlinkQuietly(file, report);
  return report;
}

async function unlinkQuietly(file: string, report: JournalCleanupReport): Promise<void> {
  try {
    await fs.unlink(file);
  } catch (err) {
    if (errnoCode(err) !== 'ENOENT') report.problems.push(`${file}: ${errorMessage(err)}`);
  }
}
