import { appendFileSync, constants as fsConstants, existsSync, mkdirSync, promises as fs, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { errnoCode, errorMessage } from './fs-errors.js';
import { isInside, joinName, removeEmptyDirs } from './paths.js';
import { parseBackupName } from './backup-name.js';
import { PROC_FD } from './open-source.js';
import { randomHex } from './random.js';
import type { ResourceManager } from './resource-manager.js';

/** The staging directories' name prefix (a directory, so never read as a backup). */
export const STAGING_PREFIX = '.bkpfile-staging-';

/** The journal of backup names taken without hard links, inside a staging directory. */
const RESERVATIONS = '.bkpfile-reservations';
/** A journal longer than this is not ours (one line per backup). */
const MAX_RESERVATIONS_BYTES = 64 * 1024 * 1024;

/** The file inside a staging directory that proves which run made it. */
export const STAGING_MARKER = '.bkpfile-owner';
const TEMP_NAME = /^\d+\.tmp$/;
/**
 * A new mirror folder being filled here, to be renamed into the backup directory whole (see
 * StagingDir.folderPath): it holds only backups under their final names.
 */
const FOLDER_NAME = /^\d+\.dir$/;
/** A worker thread's own directory inside a staging directory (see StagingDir.forThread). */
const THREAD_DIR = /^t[1-9]\d{0,2}$/;
const RUN_ID = /^[0-9a-f]{16}$/;
const TOKEN = /^[0-9a-f]{32}$/;

export interface RunIdentity {
  /** Public: part of the staging directory's name. */
  runId: string;
  /** Secret: written inside the staging directory and into the step's state. */
  token: string;
}

/** A new run's identity, from the kernel's random generator (see randomBytesSync). */
export function newRunIdentity(): RunIdentity {
  return { runId: randomHex(8), token: randomHex(16) };
}

export function stagingPath(backupDir: string, runId: string): string {
  return path.join(backupDir, `${STAGING_PREFIX}${runId}`);
}

const markerText = (token: string): string => `bkpfile-action staging ${token}\n`;

/**
 * A per-run directory at the top of the backup directory, so every temporary is on the
 * backup directory's filesystem (a hard link or rename into place never crosses one), and
 * so the post step can find and prove the temporaries of a run that was killed.
 */
export class StagingDir {
  private counter = 0;

  private constructor(
    readonly dir: string,
    /** The topmost directory that creating the backup directory made, if it did not exist. */
    private readonly createdBackupDir: string | undefined
  ) {}

  /**
   * The staging directory a worker thread `slot` (1, 2, …) uses: its own directory inside
   * this one, made if missing, so that threads never create and remove temporaries in one
   * directory (each such change locks the directory) nor pick one name.
   */
  forThread(slot: number): StagingDir {
    const dir = path.join(this.dir, `t${slot}`);
    const thread = new StagingDir(dir, undefined);
    try {
      mkdirSync(dir, { mode: 0o700 });
    } catch (err) {
      if (errnoCode(err) !== 'EEXIST') throw err;
      // A worker of an earlier segment was here: its names are not taken again, in case one
      // of its temporaries could not be removed (Windows may refuse for a while).
      for (const name of readdirSync(dir)) {
        if (TEMP_NAME.test(name) || FOLDER_NAME.test(name)) thread.counter = Math.max(thread.counter, Number.parseInt(name, 10));
      }
    }
    return thread;
  }

  /** A staging directory another thread made (its StagingDir is not shared between threads). */
  static attach(dir: string): StagingDir {
    return new StagingDir(dir, undefined);
  }

  /**
   * After worker threads `slots` were stopped before their work was done (and have
   * exited): what they left in their folders here goes, by the post step's rules for after
   * a kill: their temporaries, and the backup names they had taken without hard links and
   * not yet filled (their journals say which). A later worker in the same folder then
   * starts afresh. Gives how many went, and what could not be done.
   */
  async removeThreadLeftovers(slots: readonly number[]): Promise<StagingCleanupReport> {
    const report: StagingCleanupReport = { removed: 0, problems: [] };
    for (const slot of slots) {
      const sub = path.join(this.dir, `t${slot}`);
      try {
        if (await isOwnDirectory(sub)) await removeTemporaries(sub, await fs.readdir(sub), path.dirname(this.dir), report);
      } catch (err) {
        if (errnoCode(err) !== 'ENOENT') report.problems.push(`${sub}: ${errorMessage(err)}`);
      }
    }
    return report;
  }

  /** After cleanup: a backup directory this run created and left empty goes again. */
  removeBackupDirIfEmpty(): void {
    if (this.createdBackupDir) removeEmptyDirs(path.dirname(this.dir), this.createdBackupDir);
  }

  /**
   * Creates the directory and its marker; registered with `resources` before it exists.
   * Synchronous calls, as the engine makes its others: the step no longer waits on three
   * round trips through libuv's thread pool between its walk and its first file. A promise
   * still, as its callers take one (oncePerDirectory, and worker threads' requests).
   */
  static async create(backupDir: string, identity: RunIdentity, resources: ResourceManager): Promise<StagingDir> {
    const dir = stagingPath(backupDir, identity.runId);
    const created = mkdirSync(backupDir, { recursive: true });
    resources.addTempDir(dir);
    mkdirSync(dir, { mode: 0o700 });
    try {
      writeFileSync(path.join(dir, STAGING_MARKER), markerText(identity.token), { flag: 'wx', mode: 0o600 });
    } catch (err) {
      // Gone at once (ENOSPC, say), not at the end of the run: the step then tells the post
      // step there is no staging directory, which a kill before the end must not make untrue.
      rmSync(dir, { recursive: true, force: true });
      resources.removeTempDir(dir);
      if (created) removeEmptyDirs(backupDir, created);
      throw err;
    }
    return new StagingDir(dir, created);
  }

  /**
   * Records a backup name just taken with O_EXCL on a file system without hard links (see
   * the backup engine), with the inode of the empty file that holds it: until the temporary
   * is renamed over it (which gives the name another inode), the post step removes it after
   * a SIGKILL.
   */
  journalReservation(target: string, ino: number): void {
    appendFileSync(path.join(this.dir, RESERVATIONS), `${JSON.stringify({ target, ino })}\n`, { mode: 0o600 });
  }

  /** A fresh temporary name inside the staging directory. */
  tempPath(): string {
    this.counter += 1;
    return joinName(this.dir, `${this.counter}.tmp`);
  }

  /**
   * A fresh name inside the staging directory for a folder that a new mirror folder's
   * backups are written into under their final names, and that is then renamed into the
   * backup directory whole (see the backup engine). Until then it is a temporary like the
   * others: the post step removes it after a SIGKILL.
   */
  folderPath(): string {
    this.counter += 1;
    return joinName(this.dir, `${this.counter}.dir`);
  }
}

/**
 * `create` made once per directory, however often it is asked for (a failure is forgotten,
 * so the next file tries again): for the staging directories on mounts inside the backup
 * directory, which every segment of a run and every thread share.
 */
export function oncePerDirectory(create: (dir: string) => Promise<StagingDir>): (dir: string) => Promise<StagingDir> {
  const made = new Map<string, Promise<StagingDir>>();
  return dir => {
    let staging = made.get(dir);
    if (!staging) {
      staging = create(dir);
      staging.catch(() => made.delete(dir));
      made.set(dir, staging);
    }
    return staging;
  };
}

export interface StagingCleanupReport {
  removed: number;
  /** Set when nothing was removed because the directory could not be proven ours. */
  refused?: string;
  problems: string[];
}

/**
 * The post step's cleanup after a main step that could not clean up (a SIGKILL). Trusts
 * nothing it is given: removes only a directory named like a staging directory, that is a
 * real directory (not a symlink), that holds the marker with this run's secret token, and
 * inside it only temporaries by their name.
 */
export async function removeStagingDir(
  dir: string,
  identity: RunIdentity,
  /**
   * `dir` is where this run's staging directory must be (worked out from the step's inputs,
   * not from state): there, one killed before its marker was complete is removed too.
   */
  atExpectedPath = false
): Promise<StagingCleanupReport> {
  const report: StagingCleanupReport = { removed: 0, problems: [] };
  const refuse = (why: string): StagingCleanupReport => ({ ...report, refused: why });
  if (!RUN_ID.test(identity.runId) || !TOKEN.test(identity.token)) return refuse('the run identity in state is malformed');
  // resolve() also drops a trailing slash, which would make lstat() follow a symlink.
  if (!path.isAbsolute(dir) || path.resolve(dir) !== dir) return refuse('the staging path in state is not a normalized absolute path');
  if (path.basename(dir) !== `${STAGING_PREFIX}${identity.runId}`) return refuse('the staging path in state is not this run’s staging directory');

  let stat;
  try {
    stat = await fs.lstat(dir);
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return report; // main cleaned up, or never got that far
    return refuse(`cannot inspect it: ${errorMessage(err)}`);
  }
  if (!stat.isDirectory()) return refuse('it is not a directory');
  if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) return refuse('it belongs to another user');

  const marker = path.join(dir, STAGING_MARKER);
  const expected = markerText(identity.token);
  const entries = await fs.readdir(dir);
  try {
    const markerStat = await fs.lstat(marker);
    if (!markerStat.isFile() || markerStat.size > 256) return refuse('its marker is not a small regular file');
    const text = await fs.readFile(marker, 'utf8');
    if (text !== expected) {
      // Killed while creating it: nothing but a partly written marker of this run.
      if (atExpectedPath && entries.length === 1 && text.length < expected.length && expected.startsWith(text)) {
        await fs.unlink(marker);
        await fs.rmdir(dir);
        return report;
      }
      return refuse('its marker does not match this run');
    }
  } catch (err) {
    // Killed between creating the directory and its marker: an empty directory holds nothing.
    if (atExpectedPath && errnoCode(err) === 'ENOENT' && entries.length === 0) {
      await fs.rmdir(dir).catch((e: unknown) => report.problems.push(`${dir}: ${errorMessage(e)}`));
      return report;
    }
    return refuse(`its marker cannot be read: ${errorMessage(err)}`);
  }

  await removeTemporaries(dir, entries, path.dirname(dir), report);
  for (const name of entries) {
    if (!THREAD_DIR.test(name)) continue;
    const sub = path.join(dir, name);
    try {
      if (!(await isOwnDirectory(sub))) continue;
      await removeTemporaries(sub, await fs.readdir(sub), path.dirname(dir), report);
      await fs.rmdir(sub);
    } catch (err) {
      if (errnoCode(err) !== 'ENOENT') report.problems.push(`${sub}: ${errorMessage(err)}`);
    }
  }
  try {
    await fs.unlink(marker);
    await fs.rmdir(dir);
  } catch (err) {
    report.problems.push(`${dir}: ${errorMessage(err)}`);
  }
  return report;
}

/** Whether `stat` is of a directory of this user. */
function isOwnDirectoryStat(stat: { isDirectory(): boolean; uid: number }): boolean {
  return stat.isDirectory() && (typeof process.getuid !== 'function' || stat.uid === process.getuid());
}

/** Whether `dir` is a real directory (not a symlink) of this user; false if it is not there. */
async function isOwnDirectory(dir: string): Promise<boolean> {
  try {
    return isOwnDirectoryStat(await fs.lstat(dir));
  } catch {
    return false;
  }
}

/**
 * Inside the staging directory, or a thread's directory in it, whose `entries` are given:
 * the reservations its journal lists (see below) and the temporaries, by their name.
 * `top` is the directory that holds the staging directory.
 */
async function removeTemporaries(dir: string, entries: string[], top: string, report: StagingCleanupReport): Promise<void> {
  if (entries.includes(RESERVATIONS)) await removeEmptyReservations(dir, top, report);
  for (const name of entries) {
    if (FOLDER_NAME.test(name)) {
      await removeStagedFolder(path.join(dir, name), report);
      continue;
    }
    if (TEMP_NAME.test(name)) await removeRegularFile(path.join(dir, name), report);
  }
}

/** Removes `file` if it is a regular file (a symbolic link is not followed), counting it. */
async function removeRegularFile(file: string, report: StagingCleanupReport): Promise<void> {
  try {
    if (!(await fs.lstat(file)).isFile()) return;
    await fs.unlink(file);
    report.removed += 1;
  } catch (err) {
    if (errnoCode(err) !== 'ENOENT') report.problems.push(`${file}: ${errorMessage(err)}`);
  }
}

/**
 * A folder of backups a killed run was filling (see StagingDir.folderPath): its files named
 * like backups (nothing else is ever made there) that are regular files, then the folder.
 * Only a real directory of this user. It is opened without following a symbolic link and,
 * where /proc is, read and emptied through that descriptor: a folder swapped for a link
 * after it was opened leads nowhere else.
 */
async function removeStagedFolder(folder: string, report: StagingCleanupReport): Promise<void> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(folder, fsConstants.O_RDONLY | (fsConstants.O_DIRECTORY ?? 0) | (fsConstants.O_NOFOLLOW ?? 0));
  } catch (err) {
    // A symbolic link (ELOOP), not a folder, or gone: not one of ours.
    const code = errnoCode(err);
    if (code !== 'ENOENT' && code !== 'ELOOP' && code !== 'ENOTDIR') report.problems.push(`${folder}: ${errorMessage(err)}`);
    return;
  }
  try {
    if (!isOwnDirectoryStat(await handle.stat())) return;
    const inside = existsSync(PROC_FD) ? `${PROC_FD}/${handle.fd}` : folder;
    for (const name of await fs.readdir(inside)) {
      if (parseBackupName(name).length > 0) await removeRegularFile(path.join(inside, name), report);
    }
  } catch (err) {
    if (errnoCode(err) !== 'ENOENT') report.problems.push(`${folder}: ${errorMessage(err)}`);
  } finally {
    await handle.close();
  }
  try {
    await fs.rmdir(folder);
  } catch (err) {
    if (errnoCode(err) !== 'ENOENT') report.problems.push(`${folder}: ${errorMessage(err)}`);
  }
}

/**
 * After a SIGKILL on a file system without hard links: the backup names the run had taken
 * but not yet filled. Only what the journal lists, inside the directory that holds this
 * staging directory, named like a backup, and still the very empty file the run created
 * (same inode: a finished backup, or a name another run holds, is another file).
 */
async function removeEmptyReservations(dir: string, top: string, report: StagingCleanupReport): Promise<void> {
  const journal = path.join(dir, RESERVATIONS);
  try {
    const stat = await fs.lstat(journal);
    if (!stat.isFile() || stat.size > MAX_RESERVATIONS_BYTES) return void report.problems.push(`${journal}: not a journal of this run`);
    for (const line of (await fs.readFile(journal, 'utf8')).split('\n')) {
      let entry: unknown;
      try {
        entry = JSON.parse(line);
      } catch {
        continue; // a line cut short by the kill
      }
      const { target, ino } = (entry ?? {}) as { target?: unknown; ino?: unknown };
      if (typeof target !== 'string' || typeof ino !== 'number' || path.resolve(target) !== target || !isInside(top, target) || target === top) continue;
      if (parseBackupName(path.basename(target)).length === 0) continue;
      try {
        const file = await fs.lstat(target);
        if (!file.isFile() || file.ino !== ino || file.size !== 0 || (typeof process.getuid === 'function' && file.uid !== process.getuid())) continue;
        await fs.unlink(target);
        report.removed += 1;
      } catch (err) {
        if (errnoCode(err) !== 'ENOENT') report.problems.push(`${target}: ${errorMessage(err)}`);
      }
    }
    await fs.unlink(journal);
  } catch (err) {
    if (errnoCode(err) !== 'ENOENT') report.problems.push(`${journal}: ${errorMessage(err)}`);
  }
}
