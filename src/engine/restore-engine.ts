import { closeSync, lstatSync, mkdirSync, promises as fs, realpathSync, renameSync, statSync, type Stats } from 'node:fs';
import * as path from 'node:path';
import { sameContent, sameOpenContentSync } from './compare.js';
import { SMALL_FILE_MAX, copyOpenFileSync, copyToTemp } from './copy-file.js';
import { errnoCode, errorMessage, statusForError } from './fs-errors.js';
import { abortStatus } from './abort.js';
import { FolderOpener, openSourceSync, type OpenedSourceSync } from './open-source.js';
import { isInside, joinName } from './paths.js';
import type { ResourceManager } from './resource-manager.js';
import { restoreTempName, type RestoreJournal } from './restore-journal.js';
import { RestoreStatus, type RestorePlan, type RestoreResult } from './restore-status.js';
import { StopMessage } from './status.js';
import { TimeSlice } from './time-slice.js';
import { Inputs } from '../action/constants.js';

export interface RestoreOptions {
  /** Absolute path of the workspace: every target must really lie inside it. */
  workspace: string;
  /** Absolute path of the backup directory: every backup read must really lie inside it. */
  backupDir: string;
  /** Targets outside the workspace (only the paths their backups mirror) may be written. */
  allowOutsideWorkspace: boolean;
  dryRun: boolean;
  /** Part of every temporary's name, so the post step can tell this run's from anything else. */
  runId: string;
}

/** How long the loop makes synchronous calls before it lets timers and signals run, in ms. */
const SLICE_MS = 10;

export interface RestoreContext {
  signal: AbortSignal;
  resources: ResourceManager;
  /** Where each temporary is recorded before it exists; required unless `dryRun`. */
  journal: RestoreJournal | undefined;
  reporter: { fileDone(result: RestoreResult): void };
}

/**
 * Puts each planned file back from its backup: a temporary beside it, renamed over it, so a
 * reader sees the old file or the restored one, never a mix. Returns one result per plan,
 * in order; a file's failure is its status, never a throw.
 *
 * One file at a time, as the backup engine does: a file of up to SMALL_FILE_MAX bytes is
 * checked, compared and copied with synchronous calls on this thread, which cost far less
 * than a round trip through libuv's thread pool per call, and every SLICE_MS the loop lets
 * timers and signals run, so a cancel is seen at once. A larger file is compared and copied
 * asynchronously (copyToTemp), stopping at the signal.
 */
export async function restoreFiles(plans: readonly RestorePlan[], options: RestoreOptions, ctx: RestoreContext): Promise<RestoreResult[]> {
  return new RestoreEngine(options, ctx).run(plans);
}

class RestoreEngine {
  private counter = 0;
  private realWorkspace: string | undefined;
  private realBackupDir: string | undefined;
  /** Real paths this run restores, and from which backup: two names of one file are restored once. */
  private readonly claimed = new Map<string, { target: string; backup: string }>();
  /**
   * The backups' folder held open: a backup is opened by its name in it, and its real path
   * is the folder's, read once, instead of a `readlink` of each backup's descriptor (see
   * FolderOpener). The backups of one folder's files sit in one mirror folder, and the plans
   * come folder by folder.
   */
  private readonly backupFolders = new FolderOpener();

  constructor(
    private readonly options: RestoreOptions,
    private readonly ctx: RestoreContext
  ) {
    if (!options.dryRun && !ctx.journal) throw new Error('restoreFiles needs a journal unless dryRun');
  }

  async run(plans: readonly RestorePlan[]): Promise<RestoreResult[]> {
    const { signal, reporter } = this.ctx;
    const results = new Array<RestoreResult | undefined>(plans.length).fill(undefined);
    // The file in hand is always finished, also after an abort: a copy still running could
    // otherwise create its temporary beside a user's file after cleanup. A large file's copy
    // stops between chunks.
    const slice = new TimeSlice(SLICE_MS);
    try {
      for (let i = 0; i < plans.length && !signal.aborted; i++) {
        if (slice.due) {
          await slice.pause();
          if (signal.aborted) break;
        }
        const result = await this.restoreOne(plans[i]!);
        results[i] = result;
        reporter.fileDone(result);
      }
    } finally {
      this.backupFolders.release();
    }
    return results.map((result, i) => {
      if (result) return result;
      const plan = plans[i]!;
      const stopped: RestoreResult = { target: plan.target, backup: plan.backup, status: abortStatus(signal), bytes: 0, message: StopMessage.Unfinished };
      reporter.fileDone(stopped);
      return stopped;
    });
  }

  private async restoreOne(plan: RestorePlan): Promise<RestoreResult> {
    const { signal } = this.ctx;
    const done = (status: RestoreStatus, message?: string, bytes = 0): RestoreResult => ({
      target: plan.target,
      backup: plan.backup,
      status,
      bytes,
      ...(message ? { message } : {})
    });
    if (plan.status) return done(plan.status, plan.message);
    if (plan.backup === null) return done(RestoreStatus.MissingBackup, 'no backup');
    if (signal.aborted) return done(abortStatus(signal), StopMessage.NotStarted);
    try {
      return await this.restore(plan.target, plan.backup, done);
    } catch (err) {
      const status = statusForError(err, signal);
      return done(status, describeFailure(status, err));
    }
  }

  private async restore(
    target: string,
    backup: string,
    done: (status: RestoreStatus, message?: string, bytes?: number) => RestoreResult
  ): Promise<RestoreResult> {
    const { options } = this;
    const inside = isInside(options.workspace, target);
    if (!inside && !options.allowOutsideWorkspace) {
      return done(RestoreStatus.OutsideWorkspace, `it is outside the workspace (${Inputs.AllowOutsideWorkspace} is false)`);
    }
    const parent = this.resolveParent(target, inside);
    if (typeof parent === 'string') return done(RestoreStatus.OutsideWorkspace, parent);
    if ('notDirectory' in parent) return done(RestoreStatus.InvalidFileType, `${parent.notDirectory} is not a directory`);
    const real = joinName(parent.real, path.basename(target));
    // The target's own string where the two are the same (no symlink above it): `claimed`
    // keeps one for every file restored.
    const finalPath = real === target ? target : real;
    const other = this.claimed.get(finalPath);
    if (other !== undefined) {
      // One file reached by two names (a symlinked folder): fine when both backups agree.
      if (other.backup === backup || (await this.sameBackup(other.backup, backup))) {
        return done(RestoreStatus.Identical, `it is the same file as ${other.target}, restored from an identical backup`);
      }
      return done(
        RestoreStatus.Error,
        `it is the same file as ${other.target} (through a symbolic link), whose chosen backup differs; restore one of the two names`
      );
    }
    this.claimed.set(finalPath, { target, backup });

    let opened: OpenedSourceSync;
    try {
      // O_NOFOLLOW: a backup is a regular file, never a symlink to something else.
      opened = this.backupFolders.openRegular(backup);
    } catch (err) {
      const code = errnoCode(err);
      if (code === 'ELOOP' || code === 'EMLINK') return done(RestoreStatus.InvalidBackup, 'the backup is a symbolic link');
      if (code === 'ENOENT') return done(RestoreStatus.MissingBackup, 'the backup no longer exists');
      throw err;
    }
    try {
      if (!opened.stat.isFile()) return done(RestoreStatus.InvalidBackup, 'the backup is not a regular file');
      const real = opened.realPath();
      const realBackupDir = this.backupDirReal();
      if (!isInside(realBackupDir, real)) return done(RestoreStatus.InvalidBackup, `the backup resolves to ${real}, outside the backup directory`);
      // Not through a symlinked folder inside the backup directory either: the backup must be
      // in the very folder that mirrors this file.
      if (path.dirname(real) !== path.join(realBackupDir, path.relative(options.backupDir, path.dirname(backup)))) {
        return done(RestoreStatus.InvalidBackup, 'the backup is reached through a symbolic link inside the backup directory');
      }

      const current = lstatSync(finalPath, { throwIfNoEntry: false });
      if (current?.isDirectory()) return done(RestoreStatus.InvalidFileType, 'it is a directory now; it was not replaced');
      if (current && !current.isFile() && !current.isSymbolicLink()) {
        return done(RestoreStatus.InvalidFileType, 'it is a FIFO, socket or device now; it was not replaced');
      }
      if (current?.isFile() && (await this.isIdentical(finalPath, current, opened))) return done(RestoreStatus.Identical);
      if (options.dryRun) return done(RestoreStatus.WouldRestore, undefined, opened.stat.size);

      this.ctx.signal.throwIfAborted();
      if (parent.missing) this.makeParent(parent.real, inside);
      await this.replace(opened, parent.real, finalPath);
      return done(RestoreStatus.Restored, undefined, opened.stat.size);
    } finally {
      closeSync(opened.fd);
    }
  }

  /**
   * The target's directory with its existing part resolved through symlinks. Inside the
   * workspace it must stay inside after resolving (a parent `cfg -> ~/.ssh` must not
   * steer a restore there); the message says why when it does not.
   */
  private resolveParent(target: string, inside: boolean): { real: string; missing: boolean } | { notDirectory: string } | string {
    const missing: string[] = [];
    let dir = path.dirname(target);
    let real: string;
    for (;;) {
      try {
        real = realpathSync.native(dir);
        break;
      } catch (err) {
        const code = errnoCode(err);
        if (code === 'ENOTDIR') return { notDirectory: ancestorThatIsAFile(target) };
        if (code !== 'ENOENT' || path.dirname(dir) === dir) throw err;
        missing.unshift(path.basename(dir));
        dir = path.dirname(dir);
      }
    }
    const stat = statSync(real);
    if (!stat.isDirectory()) return { notDirectory: dir };
    const full = path.join(real, ...missing);
    if (inside && !isInside(this.workspaceReal(), full)) {
      return `its folder ${dir} resolves to ${real}, outside the workspace: a symbolic link there is not followed`;
    }
    return { real: full, missing: missing.length > 0 };
  }

  /** Recreates missing parents, then checks that what exists now is what was checked. */
  private makeParent(dir: string, inside: boolean): void {
    mkdirSync(dir, { recursive: true });
    const real = realpathSync.native(dir);
    if (real !== dir || (inside && !isInside(this.workspaceReal(), real))) {
      throw new Error(`its folder changed while it was being created (now ${real})`);
    }
  }

  /** Content, permission bits and modification time already equal. */
  private async isIdentical(file: string, current: Stats, backup: OpenedSourceSync): Promise<boolean> {
    const want = backup.stat;
    if (current.size !== want.size || (current.mode & 0o7777) !== (want.mode & 0o7777)) return false;
    // Times pass through utimes() as seconds in a double: equal to well under a millisecond.
    if (Math.abs(current.mtimeMs - want.mtimeMs) >= 1) return false;
    if (want.size > SMALL_FILE_MAX) return sameContent(backup.readPath, file, want.size, this.ctx.signal);
    // Opened as a backup is (O_NONBLOCK, O_NOFOLLOW): a FIFO or a symlink put there since the
    // lstat cannot block this thread, on which the timeout and the signal handlers run too.
    let opened: OpenedSourceSync;
    try {
      opened = openSourceSync(file, false);
    } catch (err) {
      const code = errnoCode(err);
      if (code === 'ELOOP' || code === 'EMLINK' || code === 'ENOENT') return false; // replaced, then
      throw err;
    }
    try {
      if (!opened.stat.isFile() || opened.stat.size !== want.size) return false;
      return sameOpenContentSync(backup.fd, opened.fd, want.size);
    } finally {
      closeSync(opened.fd);
    }
  }

  /** A temporary beside the target, recorded and registered before it exists, renamed over it. */
  private async replace(backup: OpenedSourceSync, dir: string, finalPath: string): Promise<void> {
    const { resources, signal, journal } = this.ctx;
    this.counter += 1;
    const temp = path.join(dir, restoreTempName(this.options.runId, this.counter));
    journal!.record(temp);
    resources.addTempFile(temp);
    try {
      if (backup.stat.size <= SMALL_FILE_MAX) {
        copyOpenFileSync(backup.fd, temp, backup.stat);
      } else {
        await copyToTemp(backup.readPath, temp, backup.stat, signal);
        signal.throwIfAborted();
      }
      // rename() replaces the name: a symlink at the target is replaced, never written through.
      renameSync(temp, finalPath);
      resources.removeTempFile(temp);
    } catch (err) {
      resources.discardTempFile(temp);
      throw err;
    }
  }

  /** Two backups with the same content, permission bits and modification time. */
  private async sameBackup(a: string, b: string): Promise<boolean> {
    const [sa, sb] = await Promise.all([fs.stat(a), fs.stat(b)]);
    if (sa.size !== sb.size || (sa.mode & 0o7777) !== (sb.mode & 0o7777) || Math.abs(sa.mtimeMs - sb.mtimeMs) >= 1) return false;
    return sameContent(a, b, sa.size, this.ctx.signal);
  }

  private workspaceReal(): string {
    this.realWorkspace ??= realpathSync.native(this.options.workspace);
    return this.realWorkspace;
  }

  private backupDirReal(): string {
    // Resolved as openSourceSync resolves the backup opened where /proc is missing (macOS,
    // Windows): the two are compared.
    this.realBackupDir ??= realpathSync(this.options.backupDir);
    return this.realBackupDir;
  }
}

/** For a message: the nearest ancestor of `target` that exists and is not a directory. */
function ancestorThatIsAFile(target: string): string {
  for (let dir = path.dirname(target); path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    let stat: Stats;
    try {
      stat = statSync(dir);
    } catch {
      continue; // missing, or not reachable: not the one
    }
    if (!stat.isDirectory()) return dir;
  }
  return path.dirname(target);
}

function describeFailure(status: RestoreStatus, err: unknown): string {
  switch (status) {
    case RestoreStatus.Cancelled:
      return 'stopped: the run was cancelled; the file was left as it was';
    case RestoreStatus.Timeout:
      return 'stopped: the run timed out; the file was left as it was';
    case RestoreStatus.DiskFull:
      return `no space left to restore it (${errnoCode(err) ?? 'disk full'}); the file was left as it was`;
    case RestoreStatus.PermissionDenied:
      return `permission denied: ${errorMessage(err)}`;
    default:
      return errorMessage(err);
  }
}
