import {
  closeSync,
  constants as fsConstants,
  fstatSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  type Stats
} from 'node:fs';
import * as path from 'node:path';
// The names of the inputs the engine's messages mention (a module without imports of its own).
import { Inputs } from '../action/constants.js';
import { BackupIndex, type DirectoryBackups } from './backup-index.js';
import { backupName, formatStamp } from './backup-name.js';
import { sameContent, sameSizeAndContentSync } from './compare.js';
import { SMALL_FILE_MAX, copyOpenFileSync, copyToTemp } from './copy-file.js';
import { FolderOpener, openSourceSync, type OpenedSourceSync } from './open-source.js';
import { errnoCode, errorMessage, statusForError } from './fs-errors.js';
import { abortStatus, untilDoneOrGraceAfterAbort } from './abort.js';
import {
  OUTSIDE_DIR,
  fileNameOf,
  ignoresCase,
  isDirectlyIn,
  isInside,
  isReservedSource,
  joinName,
  mirrorDir,
  nameCaseClash,
  removeEmptyDirs
} from './paths.js';
import type { ResourceManager } from './resource-manager.js';
import { StagingDir } from './staging.js';
import { backupInThreads, type WorkerPool } from './backup-threads.js';
import { InOrder, WAIT, sequentialQueue, type WorkQueue } from './work-queue.js';
import { BackupStatus, StopMessage, type FileResult } from './status.js';
import { TimeSlice } from './time-slice.js';

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
}

export interface BackupReporter {
  /** Called once per file, in the order of the sources. */
  fileDone(result: FileResult): void;
  /** Something worth a warning that is not a file's failure (e.g. retention could not delete). */
  warning(message: string): void;
  /** How the work was done, for the debug log (e.g. how many files worker threads backed up). */
  debug?(message: string): void;
}

/** What the walk learned of a source from its directory entries, as bits. */
export const WalkedAs = {
  /** Its entry said regular file (not a link): no lstat is needed before opening it. */
  Regular: 1,
  /** And it was reached through real directories inside the workspace (by the walk's real paths). */
  InWorkspace: 2,
  /**
   * No later source lies in its directory: once it is done, the backups read for that
   * directory are let go, so the index holds only the directories still to come back to
   * (the walk goes depth first: a directory's files may come between its subdirectories).
   */
  LastInDirectory: 4
} as const;

/** The backup directory could not be written: the status and message for files that need a backup. */
export interface StagingUnavailable {
  status: BackupStatus;
  message: string;
}

export interface BackupContext {
  signal: AbortSignal;
  /** By index into the sources: what the walk already knows of each (WalkedAs bits). */
  walked?: Uint8Array;
  resources: ResourceManager;
  /**
   * Where temporaries go; required unless `dryRun`. When the backup directory could not be
   * written, why: files identical to their latest backup are still reported `identical`
   * (nothing needs writing), and every file that needs a backup fails with this.
   */
  staging: StagingDir | StagingUnavailable | undefined;
  reporter: BackupReporter;
  /**
   * Creates another staging directory in `dir` (the top of a file system mounted inside the
   * backup directory), registered for cleanup and for the post step before it exists.
   */
  createStaging?: (dir: string) => Promise<StagingDir>;
  /** Whether the backup directory's file system ignores case; found out by looking when not given. */
  ignoresCase?: boolean;
  /**
   * Worker threads that may share the work (started here if not yet). Used only for a real
   * backup of at least THREADS_MIN_FILES files; terminated when the backup is done.
   */
  threads?: WorkerPool;
  /**
   * This thread may make the folder of the files it opens the process's working directory
   * while it opens them (the main thread; see FolderOpener). Nothing else the step does
   * meanwhile may use a relative path.
   */
  workingDirectory?: boolean;
}

/**
 * Backs up `sources` (absolute paths) and gives `ctx.reporter` one result per source, in
 * the same order, as each is done: nothing of a file is kept once it is reported, so memory
 * does not grow with the number of files. Never throws for a file's failure: that becomes
 * the file's status. Stops starting work when `ctx.signal` aborts; unfinished files get the
 * abort's status. With `ctx.threads`, and enough files, worker threads share the work.
 */
export async function backupFiles(sources: readonly string[], options: BackupOptions, ctx: BackupContext): Promise<void> {
  const { signal, reporter } = ctx;
  const inOrder = new InOrder<FileResult>(sources.length, result => reporter.fileDone(result));
  const createdDirs = new Map<string, string>();
  let lost: string | undefined;
  try {
    const pool = ctx.threads;
    if (pool && pool.size > 0 && !options.dryRun && sources.length >= THREADS_MIN_FILES && ctx.staging instanceof StagingDir) {
      const ignoresCaseHere = ctx.ignoresCase ?? ignoresCase(options.backupDir);
      const outcome = await backupInThreads(sources, options, { ...ctx, ignoresCase: ignoresCaseHere }, ctx.staging, {
        pool,
        inOrder,
        lostResult: (index, message) => failed(sources[index]!, BackupStatus.Error, message),
        createdDirs,
        engine: (staging, createStaging) => new BackupEngine(options, { ...ctx, ignoresCase: ignoresCaseHere, staging, createStaging })
      });
      lost = outcome.lost;
    } else {
      const engine = new BackupEngine(options, ctx);
      await engine.run(sources, sequentialQueue(sources.length), (index, result) => inOrder.add(index, result));
      for (const [dir, top] of engine.takeCreatedDirectories()) createdDirs.set(dir, top);
    }
  } finally {
    // Directories this run created and left empty (every file under them failed) go again:
    // only now, when no thread can still be about to put a backup into one.
    for (const [dir, top] of createdDirs) removeEmptyDirs(dir, top);
    inOrder.close(index =>
      signal.aborted || lost === undefined
        ? failed(sources[index]!, abortStatus(signal), StopMessage.Unfinished)
        : failed(sources[index]!, BackupStatus.Error, `not backed up: ${lost}`)
    );
  }
}

/** How long the engine works on this thread before it lets timers and signals run. */
const SLICE_MS = 10;
/** How long a thread waits before it asks its queue again after WAIT. */
const WAIT_MS = 2;

/** The engine of one thread: it backs up the sources its queue gives it. */
export class BackupEngine {
  private readonly index = new BackupIndex();
  /** The folder of the sources being opened, held open while its files are. */
  private readonly folders: FolderOpener;
  private readonly stamp: string;
  private realWorkspace: string | undefined;

  constructor(
    private readonly options: BackupOptions,
    private readonly ctx: BackupContext
  ) {
    this.stamp = formatStamp(options.time);
    this.folders = new FolderOpener({ workingDirectory: ctx.workingDirectory === true });
    this.ignoresCase = ctx.ignoresCase ?? ignoresCase(options.backupDir);
    if (!options.dryRun && !ctx.staging) throw new Error('backupFiles needs a staging directory unless dryRun');
  }

  /**
   * One file at a time, as `queue` gives them, each result to `report` with its index. A
   * small file is decided and copied with synchronous system calls on this thread, which
   * costs far less than a round trip through libuv's thread pool per call, and without a
   * promise (see MaybeAsync); every SLICE_MS
   * the loop lets timers, signals and messages run, so a cancel is seen at once. A large
   * file is compared and copied asynchronously in chunks that observe the signal. One at a
   * time also means one file's temporary never holds the space another needs. A file the
   * run was stopped in is not reported: the caller reports what is missing. The backups
   * of a new mirror folder are reported once the folder is in place (see stagedFolderFor),
   * which is before the thread takes another chunk, waits for the others, or ends.
   */
  async run(
    sources: readonly string[],
    queue: WorkQueue,
    report: (index: number, result: FileResult) => void,
    /** Called before the thread waits for the others' results (it may hold results to send). */
    onWait?: () => void
  ): Promise<void> {
    const { signal } = this.ctx;
    let settled = false;
    this.report = report;
    const all = (async (): Promise<void> => {
      const slice = new TimeSlice(SLICE_MS);
      try {
        while (!signal.aborted) {
          // Folders whose rename into place crossed a mount: their backups go in one by one.
          if (this.crossing.length > 0) {
            this.folders.stepOut();
            await this.placeCrossing();
          }
          // Before each wait, the working directory goes back (see FolderOpener): other code runs.
          if (slice.due) {
            this.folders.stepOut();
            await slice.pause();
            if (signal.aborted) break;
          }
          const i = queue.next();
          if (i === WAIT) {
            // The others' results must catch up first: what this thread holds goes out now.
            this.publishStaged();
            onWait?.();
            this.folders.stepOut();
            await new Promise<void>(resolve => setTimeout(resolve, WAIT_MS));
            slice.restart();
            continue;
          }
          if (i < 0) break;
          const walked = this.ctx.walked?.[i] ?? 0;
          const outcome = this.decideAtOnce(sources[i]!, walked) ?? this.backupOne(sources[i]!, walked);
          let result: FileResult;
          if (outcome instanceof Promise) {
            this.folders.stepOut();
            result = await outcome;
          } else {
            result = outcome;
          }
          if (settled) return; // reported as stopped already
          const held = this.staged?.files.at(-1);
          // A backup in a staged folder is reported once the folder is in place.
          if (held !== undefined && held.result === result && held.index < 0) held.index = i;
          else report(i, result);
        }
        // Stopped or done: the backups complete so far go into place.
        if (!settled) {
          this.publishStaged();
          this.folders.stepOut();
          if (this.crossing.length > 0) await this.placeCrossing();
        }
      } finally {
        this.folders.release();
      }
    })();
    await untilDoneOrGraceAfterAbort(all, signal, ABORT_GRACE_MS);
    settled = true;
    // Stopped and not done within the grace: its loop waits (and opens nothing more), and
    // the folder it held goes now, with the working directory's way back.
    this.folders.release();
  }

  /**
   * The result of a file that is decided without waiting for anything, or undefined when it
   * is to be backed up (backupOne): a file refused by its name, and a dry run's regular file
   * inside the workspace with no backup yet, decided by one lstat (for its size). Such a file
   * gets no promise: a dry run decides up to millions of them, and an await or two for each
   * took the 100,000-file dry run 0.65-0.68 s instead of 0.61-0.63 s (five alternating runs).
   */
  private decideAtOnce(source: string, walked: number): FileResult | undefined {
    let result: FileResult | undefined;
    try {
      result = this.refusal(source);
      if (!result && this.options.dryRun && (walked & (WalkedAs.Regular | WalkedAs.InWorkspace)) === (WalkedAs.Regular | WalkedAs.InWorkspace)) {
        result = this.wouldCreateQuickly(source);
      }
    } catch (err) {
      result = this.failedBy(source, err);
    }
    if (result) this.doneWith(source, walked);
    return result;
  }

  /** Why the file's name keeps it from a backup: a reserved folder, or a case clash. */
  private refusal(source: string): FileResult | undefined {
    if (isReservedSource(this.options.workspace, source)) {
      return failed(
        source,
        BackupStatus.Error,
        `the top-level folder ${OUTSIDE_DIR} is reserved: the backup directory keeps backups of files outside the workspace under that name`
      );
    }
    const clash = this.ignoresCase ? this.caseClash(source) : undefined;
    if (clash !== undefined) return failed(source, BackupStatus.Error, nameCaseClash(clash));
    return undefined;
  }

  private backupOne(source: string, walked = 0): MaybeAsync<FileResult> {
    const { signal } = this.ctx;
    if (signal.aborted) return failed(source, abortStatus(signal), StopMessage.NotStarted);
    let outcome: MaybeAsync<FileResult> | undefined;
    try {
      outcome = this.backupSource(source, walked);
      if (!(outcome instanceof Promise)) return outcome;
      return outcome.catch((err: unknown) => this.failedBy(source, err)).finally(() => this.doneWith(source, walked));
    } catch (err) {
      return this.failedBy(source, err);
    } finally {
      // A promise's own finally says when its file is done.
      if (!(outcome instanceof Promise)) this.doneWith(source, walked);
    }
  }

  /** The result of a file whose backup threw `err`: its status says why (or the stop's). */
  private failedBy(source: string, err: unknown): FileResult {
    const status = statusForError(err, this.ctx.signal);
    return failed(source, status, describeFailure(status, err));
  }

  /** After a file's result. */
  private doneWith(source: string, walked: number): void {
    // This thread never comes back to the directory (its later sources all lie after this
    // one): its backups need not be held. Should another file need them, they are read
    // again, from the disk, which holds every backup made in it.
    if (walked & WalkedAs.LastInDirectory) this.forgetDirectoryOf(source);
  }

  /** Backs up a file decideAtOnce did not decide. */
  private backupSource(source: string, walked: number): MaybeAsync<FileResult> {
    const { options } = this;
    if (walked & WalkedAs.Regular) {
      // Known regular from the walk: open it at once, never following a link. Swapped for a
      // symlink since (ELOOP), it takes the careful way below.
      let opened: OpenedSourceSync | undefined;
      try {
        opened = this.folders.openRegular(source);
      } catch (err) {
        if (errnoCode(err) !== 'ELOOP') throw err;
      }
      if (opened) return this.backupOpenedChecked(source, opened);
    }
    const linkStat = lstatSync(source);
    if (linkStat.isSymbolicLink() && !options.followSymbolicLinks) {
      return failed(source, BackupStatus.InvalidFileType, `is a symbolic link and ${Inputs.FollowSymbolicLinks} is false`);
    }
    // Never open a device or FIFO: opening one can block or have side effects.
    const target = linkStat.isSymbolicLink() ? statSync(source) : linkStat;
    if (!target.isFile()) return failed(source, BackupStatus.InvalidFileType, `is ${describeType(target)}, not a regular file`);

    // Check what was opened, not the path: a path checked first can be swapped for a
    // symlink to somewhere else before it is read.
    return this.backupOpenedChecked(source, openSourceSync(source, options.followSymbolicLinks));
  }

  /** A dry run's file without any backup: would-create, from its lstat; undefined to look closer. */
  private wouldCreateQuickly(source: string): FileResult | undefined {
    const dir = this.mirrorOf(source);
    const fileName = fileNameOf(source);
    const backups = this.index.forDirectory(dir);
    if (backups.latestBackup(fileName)) return undefined;
    const stat = lstatSync(source);
    if (!stat.isFile()) return undefined;
    return this.wouldCreate(source, backups, fileName, stat.size);
  }

  /** A dry run's result for a file that needs a backup: the name it would get. */
  private wouldCreate(source: string, backups: DirectoryBackups, fileName: string, size: number): FileResult {
    const name = backupName(fileName, this.stamp, backups.nextSeq(fileName, this.stamp), this.options.note);
    return { source, backup: joinName(backups.dir, name), status: BackupStatus.WouldCreate, bytes: size };
  }

  /** Checks the opened file (type, real path), backs it up, and closes it. */
  private backupOpenedChecked(source: string, opened: OpenedSourceSync): MaybeAsync<FileResult> {
    const { options } = this;
    let outcome: MaybeAsync<FileResult>;
    try {
      if (!opened.stat.isFile()) {
        outcome = failed(source, BackupStatus.InvalidFileType, `is ${describeType(opened.stat)}, not a regular file`);
      } else {
        const real = options.allowOutsideWorkspace ? undefined : opened.realPath();
        outcome =
          real !== undefined && !isInside(this.workspaceReal(), real)
            ? failed(source, BackupStatus.OutsideWorkspace, `resolves to ${real}, outside the workspace (${Inputs.AllowOutsideWorkspace} is false)`)
            : this.backupOpened(source, opened);
      }
    } catch (err) {
      closeSync(opened.fd);
      throw err;
    }
    if (outcome instanceof Promise) return outcome.finally(() => closeSync(opened.fd));
    closeSync(opened.fd);
    return outcome;
  }

  private backupOpened(source: string, opened: OpenedSourceSync): MaybeAsync<FileResult> {
    const dir = this.mirrorOf(source);
    const fileName = fileNameOf(source);
    const backups = this.index.forDirectory(dir);

    const latest = backups.latestBackup(fileName);
    if (!latest) return this.backupAnew(source, opened, backups, fileName);
    const identical = (): FileResult => {
      const removed = this.applyRetention(backups, fileName, latest.path);
      return { source, backup: latest.path, status: BackupStatus.Identical, bytes: 0, ...removed };
    };
    const same = this.isIdentical(opened, latest.path);
    if (same instanceof Promise) return same.then(yes => (yes ? identical() : this.backupAnew(source, opened, backups, fileName)));
    return same ? identical() : this.backupAnew(source, opened, backups, fileName);
  }

  /** A file that differs from its latest backup, or has none: a new backup (or, in a dry run, the name it would get). */
  private backupAnew(source: string, opened: OpenedSourceSync, backups: DirectoryBackups, fileName: string): MaybeAsync<FileResult> {
    if (this.options.dryRun) return this.wouldCreate(source, backups, fileName, opened.stat.size);
    const seq = backups.nextSeq(fileName, this.stamp);
    this.ctx.signal.throwIfAborted();
    const staging = this.stagingFor(backups);
    if (!(staging instanceof StagingDir)) return failed(source, staging.status, staging.message);
    const folder = this.stagedFolderFor(backups, staging, opened.stat.size);
    if (folder) return this.copyIntoFolder(folder, source, opened, fileName, seq);
    return this.copyIntoPlace(staging, false, source, opened, backups, fileName, seq);
  }

  /** The folder of new backups being filled in the staging directory (see stagedFolderFor). */
  private staged: StagedFolder | undefined;
  /** Folders that could not be renamed into place across a mount: their backups wait to go in one by one. */
  private crossing: StagedFolder[] = [];
  /** The run's report, for the backups of a staged folder once it is in place. */
  private report: ((index: number, result: FileResult) => void) | undefined;

  /**
   * Where a new small backup into `backups.dir` is written: a folder in the staging
   * directory, when that mirror folder does not exist yet (its first backup). The backups
   * are written there under their final names, and the folder is then renamed into the
   * backup directory whole (publishStaged): one rename for the folder instead of a link
   * and an unlink for every file, which cost about 8 µs of kernel time a file (tmpfs,
   * 10,000 files of 4 KiB, Node 24). No reader sees a partial backup under its final name
   * in the backup directory: a folder appears there only with complete backups in it.
   * Undefined where the folder exists (its backups go in one by one, never replacing a
   * name), for a large file, where the folder would get another group than one made in its
   * parent (a set-group-ID parent), and on Windows. A folder holds at most
   * STAGED_FOLDER_FILES backups: then it goes into place, and the rest of its files go in
   * one by one.
   */
  private stagedFolderFor(backups: DirectoryBackups, staging: StagingDir, size: number): StagedFolder | undefined {
    if (size > SMALL_FILE_MAX || !STAGE_FOLDERS || staging !== this.ctx.staging) return undefined;
    const open = this.staged;
    if (open?.backups.dir === backups.dir) {
      if (open.files.length < STAGED_FOLDER_FILES) return open;
      this.publishStaged();
      return undefined;
    }
    if (backups.exists || this.createdDirs.has(backups.dir)) return undefined;
    this.publishStaged(); // the last one is done: this thread's next file is elsewhere
    // Its parent is made now, while there is room (only the rename is left for later), and
    // must give a folder made in it what the staging directory gives one.
    const parent = path.dirname(backups.dir);
    let madeAbove: [string, string] | undefined;
    if (this.parentChecked?.parent !== parent) {
      try {
        const first = mkdirSync(parent, { recursive: true });
        if (first !== undefined) madeAbove = [parent, first];
        this.parentChecked = { parent, same: this.sameGroupAsStaging(parent, staging) };
      } catch {
        return undefined; // this file goes in the usual way, and fails there if it must
      }
    }
    if (!this.parentChecked.same) {
      if (madeAbove) this.recordCreated(...madeAbove);
      return undefined;
    }
    const dir = staging.folderPath();
    const { resources } = this.ctx;
    resources.addTempDir(dir);
    try {
      mkdirSync(dir);
    } catch {
      resources.removeTempDir(dir);
      if (madeAbove) this.recordCreated(...madeAbove);
      return undefined;
    }
    return (this.staged = { dir, backups, staging, files: [], spoiled: false, madeAbove });
  }

  /** The parent of the last new folder staged, and whether a folder made there gets the group a staged one gets. */
  private parentChecked: { parent: string; same: boolean } | undefined;
  /** The staging directory's own status, for its group and set-group-ID bit. */
  private stagingStat: Stats | undefined;

  /**
   * Whether a folder made in `parent` gets the group and set-group-ID bit that one made in
   * the staging directory gets: the same bit, and where it is set, the same group (a
   * folder's group comes from its parent's then, and from the process's otherwise).
   */
  private sameGroupAsStaging(parent: string, staging: StagingDir): boolean {
    const there = statSync(parent);
    const here = (this.stagingStat ??= statSync(staging.dir));
    const setgid = (there.mode & SET_GROUP_ID) !== 0;
    return setgid === ((here.mode & SET_GROUP_ID) !== 0) && (!setgid || there.gid === here.gid);
  }

  /** Copies the file into the staged `folder` under its final name (the first free one from `firstSeq`). */
  private copyIntoFolder(folder: StagedFolder, source: string, opened: OpenedSourceSync, fileName: string, firstSeq: number): MaybeAsync<FileResult> {
    for (let seq = firstSeq; ; seq++) {
      const name = backupName(fileName, this.stamp, seq, this.options.note);
      const file = joinName(folder.dir, name);
      let bytes: MaybeAsync<number | undefined>;
      try {
        bytes = this.copyOneVersion(opened, file);
      } catch (err) {
        // Another file of the folder has that name (names can read two ways): the next one.
        if (errnoCode(err) === 'EEXIST') continue;
        this.unstage(folder, file);
        throw err;
      }
      if (!(bytes instanceof Promise)) return this.keepStaged(folder, file, source, bytes, fileName, seq);
      return bytes.then(
        done => this.keepStaged(folder, file, source, done, fileName, seq),
        (err: unknown) => {
          if (errnoCode(err) !== 'EEXIST') this.unstage(folder, file); // another file's name is not this copy's
          throw err;
        }
      );
    }
  }

  /** A copy into a staged folder done: its result, held until the folder is in place. */
  private keepStaged(folder: StagedFolder, file: string, source: string, bytes: number | undefined, fileName: string, seq: number): FileResult {
    if (bytes === undefined) {
      this.unstage(folder, file);
      return failed(source, BackupStatus.KeptChanging, `changed while it was being copied, ${COPY_ATTEMPTS} times in a row; no backup was kept`);
    }
    const result: FileResult = { source, backup: joinName(folder.backups.dir, fileNameOf(file)), status: BackupStatus.Created, bytes };
    folder.files.push({ result, file, fileName, seq, index: -1 });
    return result;
  }

  /** A staged copy that failed goes; if it cannot, the folder is never renamed into place whole (its other backups go in one by one). */
  private unstage(folder: StagedFolder, file: string): void {
    try {
      rmSync(file, { force: true });
    } catch {
      folder.spoiled = true;
    }
  }

  /**
   * Puts the staged folder's backups into place and reports them: the folder renamed to
   * its mirror folder, which must still not exist; else (someone made it meanwhile) each
   * backup linked in as any other, never replacing a name. Called whenever this thread is
   * about to take a new chunk, wait, or end, and when its next new backup is for another
   * folder: never while a copy into the folder is under way. False while backups of it
   * wait to be copied across a mount (placeCrossing): the thread must not take a new chunk
   * before they are reported.
   */
  publishStaged(): boolean {
    this.placeStaged();
    return this.crossing.length === 0;
  }

  /** publishStaged's work: the staged folder in place, or its backups linked in one by one, or queued to cross a mount. */
  private placeStaged(): void {
    const folder = this.staged;
    if (!folder) return;
    this.staged = undefined;
    const report = this.report!;
    const { resources } = this.ctx;
    // A copy whose file then failed (its result is another, already reported) is not put in place.
    for (const staged of folder.files) if (staged.index < 0) this.unstage(folder, staged.file);
    folder.files = folder.files.filter(staged => staged.index >= 0);
    if (folder.files.length === 0) {
      if (folder.madeAbove) this.recordCreated(...folder.madeAbove);
      this.dropFolder(folder);
      return;
    }
    const placed = this.renameFolder(folder);
    if (placed === true) {
      resources.removeTempDir(folder.dir);
      // Read again from the disk should another file of it come: it exists now.
      this.index.release(folder.backups.dir);
      for (const { index, result } of folder.files) report(index, result);
      return;
    }
    // Not in place whole: the folders made above it for it are this run's to remove if left empty.
    if (folder.madeAbove) this.recordCreated(...folder.madeAbove);
    if (placed === 'EXDEV') {
      // A mount inside the backup directory: each backup is copied there (placeCrossing).
      this.crossing.push(folder);
      return;
    }
    // Linked in one by one; from the first that crosses a mount on, copied there (placeCrossing).
    const across: StagedBackup[] = [];
    for (const staged of folder.files) {
      const result = across.length === 0 ? this.linkStaged(folder, staged) : undefined;
      if (result) report(staged.index, result);
      else across.push(staged);
    }
    if (across.length > 0) this.crossing.push({ ...folder, files: across });
    else this.dropFolder(folder);
  }

  /** Renames the staged folder to its mirror folder, if that still does not exist: true, 'EXDEV' across a mount, else false. */
  private renameFolder(folder: StagedFolder): boolean | 'EXDEV' {
    if (folder.spoiled) return false;
    const mirror = folder.backups.dir;
    try {
      // rename(2) would replace an empty folder someone has just made there.
      if (lstatSync(mirror, { throwIfNoEntry: false }) !== undefined) return false;
      renameSync(folder.dir, mirror);
      return true;
    } catch (err) {
      return errnoCode(err) === 'EXDEV' ? 'EXDEV' : false;
    }
  }

  /** One staged backup linked into its mirror folder as any other is (linkIntoPlace): its result, undefined where the link would cross a mount. */
  private linkStaged(folder: StagedFolder, { result, file, fileName, seq }: StagedBackup): FileResult | undefined {
    try {
      this.ensureDir(folder.backups);
      // A complete copy: it goes into place after a stop too, as the folder's rename would have.
      return this.linkIntoPlace(file, folder.staging, result.source, result.bytes, folder.backups, fileName, seq, true);
    } catch (err) {
      if (errnoCode(err) === 'EXDEV') return undefined;
      this.unstage(folder, file);
      return this.failedBy(result.source, err);
    }
  }

  /**
   * The folders whose rename crossed a mount (a file system mounted inside the backup
   * directory): each backup is copied into a staging directory made on that mount, and
   * linked into place from there, as copyIntoPlace does after a link fails with EXDEV.
   */
  private async placeCrossing(): Promise<void> {
    const report = this.report!;
    for (let folder = this.crossing.shift(); folder; folder = this.crossing.shift()) {
      for (const staged of folder.files) {
        let result: FileResult;
        try {
          const there = await this.stagingIn(folder.backups.dir);
          const opened = openSourceSync(staged.file, false);
          try {
            result = await this.copyIntoPlace(there, true, staged.result.source, opened, folder.backups, staged.fileName, staged.seq);
          } finally {
            closeSync(opened.fd);
          }
        } catch (err) {
          result = this.failedBy(staged.result.source, err);
        }
        this.unstage(folder, staged.file);
        report(staged.index, result);
      }
      this.dropFolder(folder);
    }
  }

  /** Removes a staged folder whose backups went in one by one (or none came). */
  private dropFolder(folder: StagedFolder): void {
    try {
      rmSync(folder.dir, { recursive: true, force: true });
      this.ctx.resources.removeTempDir(folder.dir);
    } catch {
      // left registered: cleanup() retries and warns
    }
  }

  /**
   * Copies the file to a temporary in `staging`, then links it to a name no one holds. The
   * temporary is gone afterwards, whatever the outcome. `crossed`: `staging` is the one made
   * on the mount of the mirror directory after a link from the main one failed with EXDEV.
   */
  private copyIntoPlace(
    staging: StagingDir,
    crossed: boolean,
    source: string,
    opened: OpenedSourceSync,
    backups: DirectoryBackups,
    fileName: string,
    seq: number
  ): MaybeAsync<FileResult> {
    const { resources } = this.ctx;
    const temp = staging.tempPath();
    resources.addTempFile(temp);
    const place = (bytes: number | undefined): FileResult => {
      if (bytes === undefined) {
        resources.discardTempFile(temp);
        return failed(source, BackupStatus.KeptChanging, `changed while it was being copied, ${COPY_ATTEMPTS} times in a row; no backup was kept`);
      }
      this.ensureDir(backups);
      const result = this.linkIntoPlace(temp, staging, source, bytes, backups, fileName, seq);
      resources.removeTempFile(temp);
      return result;
    };
    const otherwise = (err: unknown): Promise<FileResult> => {
      resources.discardTempFile(temp);
      // The mirror directory is on another file system (a mount inside the backup
      // directory): a link never crosses one. Copy again through a staging directory there.
      if (errnoCode(err) !== 'EXDEV' || crossed) throw err;
      return this.stagingIn(backups.dir).then(there => this.copyIntoPlace(there, true, source, opened, backups, fileName, seq));
    };
    try {
      const bytes = this.copyOneVersion(opened, temp);
      return bytes instanceof Promise ? bytes.then(place).catch(otherwise) : place(bytes);
    } catch (err) {
      return otherwise(err);
    }
  }

  /** The staging directory for backups into `backups.dir` (the main one unless a mount was met). */
  private stagingFor(backups: DirectoryBackups): StagingDir | StagingUnavailable {
    return this.stagingByDir.get(backups.dir) ?? this.ctx.staging!;
  }

  /**
   * Staging directories made in mirror directories that are on another mount than the main
   * one (their links failed with EXDEV), by mirror directory. By directory, not by device:
   * a bind mount has its source's device, and a link across it still fails.
   */
  private readonly stagingByDir = new Map<string, StagingDir>();

  /** Creates (once) a staging directory in `dir` itself, which is on the mount its backups go to. */
  private async stagingIn(dir: string): Promise<StagingDir> {
    const known = this.stagingByDir.get(dir);
    if (known) return known;
    if (!this.ctx.createStaging) throw new Error(`${dir} is on another file system than the staging directory`);
    const staging = await this.ctx.createStaging(dir);
    this.stagingByDir.set(dir, staging);
    return staging;
  }

  /**
   * Copies the open file into `temp` until one copy is of a single version: its size,
   * modification and change times the same after the copy as before (a file rewritten or
   * appended to meanwhile is copied again). Returns the bytes of that copy, or undefined
   * when the file changed during every attempt. Reads to the end, so a file whose size
   * says 0 (procfs, sysfs) is copied whole. A small file is copied synchronously, a large
   * one (an attempt that finds it large) in chunks or by the kernel.
   */
  private copyOneVersion(opened: OpenedSourceSync, temp: string, attempt = 1): MaybeAsync<number | undefined> {
    for (; attempt <= COPY_ATTEMPTS; attempt++) {
      let before = opened.stat;
      if (attempt > 1) {
        unlinkSync(temp);
        before = fstatSync(opened.fd);
      }
      if (before.size > SMALL_FILE_MAX) return this.copyLargeVersion(opened, temp, attempt, before);
      const bytes = copyOpenFileSync(opened.fd, temp, before);
      if (isOneVersion(opened.fd, before, bytes)) return bytes;
    }
    return undefined;
  }

  /** copyOneVersion's attempt `attempt` for a file that is large (`before`), and the attempts after it. */
  private async copyLargeVersion(opened: OpenedSourceSync, temp: string, attempt: number, before: Stats): Promise<number | undefined> {
    await copyToTemp(opened.readPath, temp, before, this.ctx.signal);
    const bytes = statSync(temp).size;
    return isOneVersion(opened.fd, before, bytes) ? bytes : this.copyOneVersion(opened, temp, attempt + 1);
  }

  /** Same size first (no byte is read otherwise), then the same bytes. */
  private isIdentical(opened: OpenedSourceSync, backup: string): MaybeAsync<boolean> {
    const size = opened.stat.size;
    if (size <= SMALL_FILE_MAX) return sameSizeAndContentSync(opened.fd, size, backup);
    if (statSync(backup).size !== size) return false;
    return sameContent(opened.readPath, backup, size, this.ctx.signal);
  }

  /**
   * Gives the complete temporary the first free backup name from `firstSeq` on, never
   * replacing one; the temporary is gone afterwards, whatever the outcome.
   */
  private linkIntoPlace(
    temp: string,
    staging: StagingDir,
    source: string,
    size: number,
    backups: DirectoryBackups,
    fileName: string,
    firstSeq: number,
    /** `temp` is a staged copy already complete when the run was stopped: it still goes into place. */
    complete = false
  ): FileResult {
    for (let seq = firstSeq; ; seq++) {
      if (!complete) this.ctx.signal.throwIfAborted();
      const name = backupName(fileName, this.stamp, seq, this.options.note);
      const target = joinName(backups.dir, name);
      try {
        this.placeNoReplace(temp, target, staging);
      } catch (err) {
        if (errnoCode(err) !== 'EEXIST') throw err;
        // Another run took this name in the same minute: same content is our backup too.
        if (sameFileContentSync(temp, target, size)) {
          unlinkSync(temp);
          return { source, backup: target, status: BackupStatus.Identical, bytes: 0 };
        }
        continue;
      }
      this.filled(backups.dir);
      backups.addMade(target, fileName, this.stamp, seq, this.options.note);
      const removed = this.applyRetention(backups, fileName, target);
      return { source, backup: target, status: BackupStatus.Created, bytes: size, ...removed };
    }
  }

  /** Staging directories on file systems that have no hard links (FAT, exFAT). */
  private readonly withoutLinks = new Set<StagingDir>();

  /**
   * Gives the complete temporary the name `target` without ever replacing a name someone
   * holds (EEXIST when it is taken, and `temp` stays). With link() and then removing `temp`;
   * on a file system without hard links, by taking the name with O_EXCL and renaming the
   * temporary over that reservation of our own. The reservation is
   * journaled with its inode once it is ours, so after a SIGKILL the post step removes it
   * only while it is still that empty file (a rename over it gives the name another inode).
   */
  private placeNoReplace(temp: string, target: string, staging: StagingDir): void {
    if (!this.withoutLinks.has(staging)) {
      try {
        linkSync(temp, target);
        unlinkSync(temp);
        return;
      } catch (err) {
        if (!NO_HARD_LINKS.has(errnoCode(err) ?? '') || linksWorkIn(staging, temp)) throw err;
        this.withoutLinks.add(staging);
      }
    }
    const fd = openSync(target, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL, 0o600);
    try {
      staging.journalReservation(target, fstatSync(fd).ino);
    } catch (err) {
      closeSync(fd);
      rmSync(target, { force: true }); // our empty reservation, never a backup
      throw err;
    }
    closeSync(fd);
    try {
      renameSync(temp, target);
    } catch (err) {
      rmSync(target, { force: true });
      throw err;
    }
  }

  /**
   * Keeps `current` (the backup just made or matched) and the newest keep-1 others, and
   * gives the paths it deleted. Only
   * unambiguous names count and are deleted: a name that also reads as another file's
   * backup, or one stamped in the future, can never push out the backup this run relies on.
   */
  private applyRetention(backups: DirectoryBackups, fileName: string, current: string): { removed?: string[] } {
    const { keep, dryRun } = this.options;
    if (keep <= 0 || dryRun) return {};
    const others = backups.backupsOf(fileName).filter(entry => !entry.ambiguous && entry.path !== current);
    const removed: string[] = [];
    for (const entry of others.slice(keep - 1)) {
      try {
        unlinkSync(entry.path);
        backups.remove(entry);
        removed.push(entry.path);
      } catch (err) {
        if (errnoCode(err) === 'ENOENT') backups.remove(entry);
        else this.ctx.reporter.warning(`keep: could not delete old backup ${entry.path}: ${errorMessage(err)}`);
      }
    }
    return removed.length ? { removed } : {};
  }

  /** Creates the mirror directory the first time a backup goes into it. */
  private ensureDir(backups: DirectoryBackups): void {
    if (backups.exists || this.createdDirs.has(backups.dir)) return;
    const first = mkdirSync(backups.dir, { recursive: true });
    this.recordCreated(backups.dir, first ?? backups.dir);
  }

  /** `dir` was made by this engine, `top` the topmost folder its mkdir made (for removal at the end if left empty). */
  private recordCreated(dir: string, top: string): void {
    this.createdDirs.set(dir, top);
    this.createdSinceTaken.push([dir, top]);
  }

  /**
   * A backup now lies in `dir`: if this engine created it for that backup and has not yet
   * handed it on (takeCreatedDirectories), it is no longer one to remove if left empty. It
   * and the directories its mkdir created above it hold this run's backup to the end (no
   * backup made in a run is deleted in it), so the rmdir of each at the end would only fail:
   * 400 of them, each throwing, took 3-5 ms of a 20,000-file backup's end, when the main
   * thread works alone.
   */
  private filled(dir: string): void {
    if (this.createdSinceTaken.at(-1)?.[0] === dir) this.createdSinceTaken.pop();
  }

  /** Mirror directories this run created, each with the topmost one its mkdir created. */
  private readonly createdDirs = new Map<string, string>();

  /**
   * The mirror directories this engine created since it was last asked, each with the
   * topmost one its mkdir created (for removal at the end if left empty); not those it put
   * a backup in straight after (see filled).
   */
  takeCreatedDirectories(): [string, string][] {
    const taken = this.createdSinceTaken;
    this.createdSinceTaken = [];
    return taken;
  }

  private createdSinceTaken: [string, string][] = [];

  /** Whether names in the backup directory that differ only in case are one name there. */
  private readonly ignoresCase: boolean;
  /** By mirror directory: the file names this run has backed up there, by their lower case. */
  private readonly namesByCase = new Map<string, Map<string, string>>();

  /**
   * The other file name of this run whose backups would share this source's names on a
   * file system that ignores case (`README.md` beside `readme.md`, both stamped with this
   * run's minute), if there is one; otherwise the name is claimed. Older backups of a
   * name in another case (a file renamed from `readme.md`) carry other stamps, so they
   * never share a name with this run's.
   */
  private caseClash(source: string): string | undefined {
    const dir = this.mirrorOf(source);
    let names = this.namesByCase.get(dir);
    if (!names) this.namesByCase.set(dir, (names = new Map()));
    const fileName = fileNameOf(source);
    const other = names.get(fileName.toLowerCase());
    if (other !== undefined && other !== fileName) return other;
    names.set(fileName.toLowerCase(), fileName);
    return undefined;
  }

  /** By source directory: its mirror directory in the backup directory. */
  private readonly mirrors = new Map<string, string>();

  /**
   * Lets go what this thread holds for the directory of `source`: the folder held open, its
   * backups, its mirror's path, and the names claimed in it where case is ignored (there
   * every file of a directory is in one chunk, so no other file of this run can clash with
   * them any more).
   */
  private forgetDirectoryOf(source: string): void {
    const parent = path.dirname(source);
    this.folders.release(parent);
    const dir = this.mirrors.get(parent);
    if (dir === undefined) return; // never looked at
    this.mirrors.delete(parent);
    if (this.lastFolder?.parent === parent) this.lastFolder = undefined;
    this.index.release(dir);
    this.namesByCase.delete(dir);
  }

  /**
   * The last source's folder and its mirror: the walk gives a folder's files one after
   * another, and a prefix compare costs less than a new dirname string hashed for the map.
   * With fileNameOf for path.basename, the dry run's engine alone (its lstat left out, the
   * 100,000 files' run once) took 74-87 ms instead of 94-99 ms.
   */
  private lastFolder: { parent: string; dir: string } | undefined;

  /** mirrorDir, worked out once per source directory. */
  private mirrorOf(source: string): string {
    const last = this.lastFolder;
    if (last !== undefined && isDirectlyIn(last.parent, source)) return last.dir;
    const parent = path.dirname(source);
    let dir = this.mirrors.get(parent);
    if (dir === undefined) {
      dir = mirrorDir(this.options.backupDir, this.options.workspace, source);
      this.mirrors.set(parent, dir);
    }
    this.lastFolder = { parent, dir };
    return dir;
  }

  private workspaceReal(): string {
    this.realWorkspace ??= realpathSync(this.options.workspace);
    return this.realWorkspace;
  }
}

/**
 * A value, or a promise of it where the work had to wait (a large file, a staging directory
 * made on another mount). A small file's backup is all synchronous calls: giving it a
 * promise at every step took a fifth of the allocations of a backup of 20,000 files of
 * 4 KiB, and 4% more time on two CPUs (30 alternating pairs, Node 24).
 */
type MaybeAsync<T> = T | Promise<T>;

/**
 * Whether the copy just made (`bytes` long) is of one version of the open file: its size,
 * modification and change times the same now as before the copy (`before`), and the copy
 * as long as the file (or the file's size says 0: procfs, sysfs).
 */
function isOneVersion(fd: number, before: Stats, bytes: number): boolean {
  const after = fstatSync(fd);
  const sameVersion = after.size === before.size && after.mtimeMs === before.mtimeMs && after.ctimeMs === before.ctimeMs;
  return sameVersion && (bytes === after.size || after.size === 0);
}

/** Two files of `size` bytes with the same content (both small, or read in chunks). */
function sameFileContentSync(a: string, b: string, size: number): boolean {
  const fd = openSync(a, 'r');
  try {
    return sameSizeAndContentSync(fd, size, b);
  } finally {
    closeSync(fd);
  }
}

/** What link() says on a file system without hard links (FAT and exFAT say EPERM). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

/**
 * Whether a hard link can be made inside the staging directory: when it can, a link into
 * place that failed with EPERM was refused for another reason (an immutable directory, a
 * security policy), and the file fails with it rather than the run changing its method.
 */
function linksWorkIn(staging: StagingDir, temp: string): boolean {
  const probe = staging.tempPath();
  try {
    linkSync(temp, probe);
  } catch (err) {
    if (NO_HARD_LINKS.has(errnoCode(err) ?? '')) return false;
    throw err;
  }
  rmSync(probe, { force: true });
  return true;
}

/** How many times a file that changes while it is copied is copied before it gets kept-changing. */
const COPY_ATTEMPTS = 3;

/** How long workers get to notice an abort before the run reports them as stopped. */
export const ABORT_GRACE_MS = 250;

/** Fewer files than this are backed up on one thread: starting a worker costs tens of milliseconds. */
export const THREADS_MIN_FILES = 1000;

/**
 * Folders of new backups staged (see BackupEngine.stagedFolderFor): where rename(2) moves a
 * folder atomically and fails on one that is not empty. Windows renames otherwise.
 */
const STAGE_FOLDERS = process.platform !== 'win32';

/** A folder's set-group-ID bit: the folders and files made in it get its group. */
const SET_GROUP_ID = 0o2000;

/**
 * Backups a staged folder holds at most before it goes into place: what a thread holds
 * unreported stays bounded (a thread's chunk is at most 256 files, but one thread takes all of
 * a run below THREADS_MIN_FILES, and all of a folder where the backup directory ignores
 * case), and so does the work of putting them in one by one should the folder appear meanwhile.
 */
const STAGED_FOLDER_FILES = 1000;

/** A staged backup: its result, held until its folder is in place, and where it lies meanwhile. */
interface StagedBackup {
  result: FileResult;
  /** The copy, in the staged folder. */
  file: string;
  fileName: string;
  seq: number;
  /** The source's index in the run (set by the run loop once the result is back). */
  index: number;
}

/** A new mirror folder being filled in the staging directory. */
interface StagedFolder {
  /** Where it is filled. */
  dir: string;
  /** The mirror folder it becomes, and the backups read there (none: it did not exist). */
  backups: DirectoryBackups;
  staging: StagingDir;
  files: StagedBackup[];
  /** A failed copy could not be removed from it: it is never renamed into place whole. */
  spoiled: boolean;
  /** The folders above it made for it (the folder, the topmost made), if any: recorded as made by this run if it is not renamed into place. */
  madeAbove: [string, string] | undefined;
}

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
