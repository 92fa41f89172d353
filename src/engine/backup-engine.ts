import { promises as fs, type Stats } from 'node:fs';
import * as path from 'node:path';
import { BackupIndex, type DirectoryBackups } from './backup-index.js';
import { backupName, formatStamp } from './backup-name.js';
import { sameContent } from './compare.js';
import { copyToTemp } from './copy-file.js';
import { openSource, type OpenedSource } from './open-source.js';
import { abortStatus, afterAbort, errnoCode, errorMessage, statusForError } from './fs-errors.js';
import { OUTSIDE_DIR, isInside, isReservedSource, mirrorDir } from './paths.js';
import type { ResourceManager } from './resource-manager.js';
import type { StagingDir } from './staging.js';
import { BackupStatus, type FileResult } from './status.js';

export interface BackupOptions {
  /** Absolute path of the workspace; sources are mirrored relative to it. */
  workspace: string;
  /** Absolute path of the backup directory. */
  backupDir: string;
  note: string | undefined;
  dryRun: boolean;
  /** Backups of a file kept after a successful backup of it; 0 keeps all. */
  keep: number;
  allowOutsideWorkspace: boolean;
  followSymbolicLinks: boolean;
  /** The run's time; every backup of the run carries its minute. */
  time: Date;
  /** Files worked on at once. */
  concurrency: number;
}

export interface BackupReporter {
  /** Called once per file, in completion order. */
  fileDone(result: FileResult): void;
  /** Something worth a warning that is not a file's failure (e.g. retention could not delete). */
  warning(message: string): void;
}

export interface BackupContext {
  signal: AbortSignal;
  resources: ResourceManager;
  /** Where temporaries go; required unless `dryRun`. */
  staging: StagingDir | undefined;
  reporter: BackupReporter;
}

/**
 * Backs up `sources` (absolute paths) and returns one result per source, in the same
 * order. Never throws for a file's failure: that becomes the file's status. Stops starting
 * work when `ctx.signal` aborts; unfinished files get the abort's status.
 */
export async function backupFiles(
  sources: readonly string[],
  options: BackupOptions,
  ctx: BackupContext
): Promise<FileResult[]> {
  const engine = new BackupEngine(options, ctx);
  return engine.run(sources);
}

class BackupEngine {
  private readonly index = new BackupIndex();
  private readonly stamp: string;
  private readonly createdDirs = new Map<string, Promise<void>>();
  private realWorkspace: Promise<string> | undefined;

  constructor(
    private readonly options: BackupOptions,
    private readonly ctx: BackupContext
  ) {
    this.stamp = formatStamp(options.time);
    if (!options.dryRun && !ctx.staging) throw new Error('backupFiles needs a staging directory unless dryRun');
  }

  async run(sources: readonly string[]): Promise<FileResult[]> {
    const { signal, reporter } = this.ctx;
    const results = new Array<FileResult | undefined>(sources.length).fill(undefined);
    const diskFull: number[] = [];
    let next = 0;
    let settled = false;
    const report = (i: number, result: FileResult): void => {
      results[i] = result;
      reporter.fileDone(result);
    };
    const worker = async (): Promise<void> => {
      while (next < sources.length && !settled) {
        const i = next++;
        const result = await this.backupOne(sources[i]!);
        if (settled) return; // reported as stopped already
        // Another file's temporary may have held the space: try again alone, below.
        if (result.status === BackupStatus.DiskFull) diskFull.push(i);
        else report(i, result);
      }
    };
    const retryAlone = async (): Promise<void> => {
      for (const i of diskFull) {
        if (settled) return;
        const result = signal.aborted ? null : await this.backupOne(sources[i]!);
        if (settled) return;
        report(i, result ?? failed(sources[i]!, abortStatus(signal), 'stopped before it finished'));
      }
    };
    const workers = Math.max(1, Math.min(this.options.concurrency, sources.length));
    const all = Promise.all(Array.from({ length: workers }, worker)).then(retryAlone);
    await Promise.race([all, afterAbort(signal, ABORT_GRACE_MS)]);
    settled = true;
    return results.map((result, i) => {
      if (result) return result;
      const stopped = failed(sources[i]!, abortStatus(signal), 'stopped before it finished');
      reporter.fileDone(stopped);
      return stopped;
    });
  }

  private async backupOne(source: string): Promise<FileResult> {
    const { signal } = this.ctx;
    if (signal.aborted) return failed(source, abortStatus(signal), 'not started: the run was stopped');
    try {
      return await this.backupSource(source);
    } catch (err) {
      const status = statusForError(err, signal);
      return failed(source, status, describeFailure(status, err));
    }
  }

  private async backupSource(source: string): Promise<FileResult> {
    const { options } = this;
    if (isReservedSource(options.workspace, source)) {
      return failed(source, BackupStatus.Error, `the top-level folder ${OUTSIDE_DIR} is reserved: the backup directory keeps backups of files outside the workspace under that name`);
    }
    const linkStat = await fs.lstat(source);
    if (linkStat.isSymbolicLink() && !options.followSymbolicLinks) {
      return failed(source, BackupStatus.InvalidFileType, 'is a symbolic link and follow-symbolic-links is false');
    }
    // Never open a device or FIFO: opening one can block or have side effects.
    const target = linkStat.isSymbolicLink() ? await fs.stat(source) : linkStat;
    if (!target.isFile()) return failed(source, BackupStatus.InvalidFileType, `is ${describeType(target)}, not a regular file`);

    // Check what was opened, not the path: a path checked first can be swapped for a
    // symlink to somewhere else before it is read.
    const opened = await openSource(source, options.followSymbolicLinks);
    try {
      if (!opened.stat.isFile()) {
        return failed(source, BackupStatus.InvalidFileType, `is ${describeType(opened.stat)}, not a regular file`);
      }
      if (!options.allowOutsideWorkspace) {
        const real = await opened.realPath();
        if (!isInside(await this.workspaceReal(), real)) {
          return failed(source, BackupStatus.OutsideWorkspace, `resolves to ${real}, outside the workspace (allow-outside-workspace is false)`);
        }
      }
      return await this.backupOpened(source, opened);
    } finally {
      await opened.handle.close();
    }
  }

  private async backupOpened(source: string, opened: OpenedSource): Promise<FileResult> {
    const { options } = this;
    const { stat, readPath } = opened;
    const dir = mirrorDir(options.backupDir, options.workspace, source);
    const fileName = path.basename(source);
    const backups = await this.index.forDirectory(dir);

    const latest = backups.latestBackup(fileName);
    if (latest && (await this.isIdentical(readPath, stat.size, latest.path))) {
      await this.applyRetention(backups, fileName, latest.path);
      return { source, backup: latest.path, status: BackupStatus.Identical, bytes: 0 };
    }

    const seq = backups.nextSeq(fileName, this.stamp);
    if (options.dryRun) {
      const name = backupName(fileName, this.stamp, seq, options.note);
      return { source, backup: path.join(dir, name), status: BackupStatus.WouldCreate, bytes: stat.size };
    }
    this.ctx.signal.throwIfAborted();
    return this.copyIntoPlace(source, readPath, stat, backups, fileName, seq);
  }

  private async isIdentical(source: string, size: number, backup: string): Promise<boolean> {
    const backupStat = await fs.stat(backup);
    return backupStat.size === size && (await sameContent(source, backup, size, this.ctx.signal));
  }

  /** Copies to a temporary in the staging directory, then links it to a name no one holds. */
  private async copyIntoPlace(
    source: string,
    readPath: string,
    stat: Stats,
    backups: DirectoryBackups,
    fileName: string,
    firstSeq: number
  ): Promise<FileResult> {
    const { resources, signal } = this.ctx;
    const temp = this.ctx.staging!.tempPath();
    resources.addTempFile(temp);
    try {
      await copyToTemp(readPath, temp, stat, signal);
      await this.ensureDir(backups);
      const result = await this.linkIntoPlace(temp, source, stat.size, backups, fileName, firstSeq);
      await fs.unlink(temp);
      resources.removeTempFile(temp);
      return result;
    } catch (err) {
      resources.discardTempFile(temp);
      throw err;
    }
  }

  /** Gives the complete temporary its final name with link(), which never replaces a name. */
  private async linkIntoPlace(
    temp: string,
    source: string,
    size: number,
    backups: DirectoryBackups,
    fileName: string,
    firstSeq: number
  ): Promise<FileResult> {
    for (let seq = firstSeq; ; seq++) {
      this.ctx.signal.throwIfAborted();
      const name = backupName(fileName, this.stamp, seq, this.options.note);
      const target = path.join(backups.dir, name);
      try {
        await fs.link(temp, target);
      } catch (err) {
        if (errnoCode(err) !== 'EEXIST') throw err;
        // Another run took this name in the same minute: same content is our backup too.
        if (await this.isIdentical(temp, size, target)) {
          return { source, backup: target, status: BackupStatus.Identical, bytes: 0 };
        }
        continue;
      }
      backups.add({ path: target, fileName, stamp: this.stamp, seq, note: this.options.note, ambiguous: false });
      await this.applyRetention(backups, fileName, target);
      return { source, backup: target, status: BackupStatus.Created, bytes: size };
    }
  }

  /**
   * Keeps `current` (the backup just made or matched) and the newest keep-1 others. Only
   * unambiguous names count and are deleted: a name that also reads as another file's
   * backup, or one stamped in the future, can never push out the backup this run relies on.
   */
  private async applyRetention(backups: DirectoryBackups, fileName: string, current: string): Promise<void> {
    const { keep, dryRun } = this.options;
    if (keep <= 0 || dryRun) return;
    const others = backups.backupsOf(fileName).filter(entry => !entry.ambiguous && entry.path !== current);
    for (const entry of others.slice(keep - 1)) {
      try {
        await fs.unlink(entry.path);
        backups.remove(entry);
      } catch (err) {
        if (errnoCode(err) === 'ENOENT') backups.remove(entry);
        else this.ctx.reporter.warning(`keep: could not delete old backup ${entry.path}: ${errorMessage(err)}`);
      }
    }
  }

  private ensureDir(backups: DirectoryBackups): Promise<void> {
    if (backups.exists) return Promise.resolve();
    let pending = this.createdDirs.get(backups.dir);
    if (!pending) {
      pending = fs.mkdir(backups.dir, { recursive: true }).then(
        () => undefined,
        (err: unknown) => {
          this.createdDirs.delete(backups.dir); // a file retried later (e.g. after disk-full) tries again
          throw err;
        }
      );
      this.createdDirs.set(backups.dir, pending);
    }
    return pending;
  }

  private workspaceReal(): Promise<string> {
    this.realWorkspace ??= fs.realpath(this.options.workspace);
    return this.realWorkspace;
  }
}

/** How long workers get to notice an abort before the run reports them as stopped. */
const ABORT_GRACE_MS = 250;

function failed(source: string, status: BackupStatus, message: string): FileResult {
  return { source, backup: null, status, bytes: 0, message };
}

function describeType(stat: Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

function describeFailure(status: BackupStatus, err: unknown): string {
  switch (status) {
    case BackupStatus.Cancelled:
      return 'stopped: the run was cancelled';
    case BackupStatus.Timeout:
      return 'stopped: the run timed out';
    case BackupStatus.DiskFull:
      return `no space left for the backup (${errnoCode(err) ?? 'disk full'}); its temporary was removed`;
    case BackupStatus.PermissionDenied:
      return `permission denied: ${errorMessage(err)}`;
    default:
      return errorMessage(err);
  }
}
