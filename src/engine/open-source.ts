import { closeSync, constants as fsConstants, fstatSync, openSync, readlinkSync, realpathSync, statSync, type Stats } from 'node:fs';

/** Where a process's open descriptors are paths (Linux). */
export const PROC_FD = '/proc/self/fd';
let procFdWorks: boolean | undefined;
/** A file's or folder's path as read from its descriptor: an unlinked one reads as "<path> (deleted)". */
const DELETED = / \(deleted\)$/;
/** How a source is opened: read only, and O_NONBLOCK, so that a FIFO swapped in after the type check cannot hang the open. */
const SOURCE_FLAGS = fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0);

/** A source file held open, so every check and every read is of the same file. */
export interface OpenedSourceSync {
  fd: number;
  stat: Stats;
  /**
   * A path that reaches the opened file itself, for APIs that take paths (a large file's
   * chunked copy): on Linux `/proc/self/fd/N`, which re-opens the very same file whatever
   * happens to the name; elsewhere the name.
   */
  readPath: string;
  /** The real path of the opened file (not of whatever the name points at now). */
  realPath(): string;
}

export function openSourceSync(source: string, followSymbolicLinks: boolean): OpenedSourceSync {
  const flags = SOURCE_FLAGS | (followSymbolicLinks ? 0 : (fsConstants.O_NOFOLLOW ?? 0));
  const fd = openSync(source, flags);
  try {
    const stat = fstatSync(fd);
    const fdPath = `${PROC_FD}/${fd}`; // /proc exists only where the separator is /
    if (procFdWorks === undefined) {
      try {
        readlinkSync(fdPath);
        procFdWorks = true;
      } catch {
        procFdWorks = false;
      }
    }
    // An unlinked file reads as "<path> (deleted)": it was opened at <path>.
    if (procFdWorks) return { fd, stat, readPath: fdPath, realPath: () => readlinkSync(fdPath).replace(DELETED, '') };
    // Elsewhere: resolve the name, then prove it is still the file held open.
    return {
      fd,
      stat,
      readPath: source,
      realPath: () => {
        const real = realpathSync(source);
        const now = statSync(real);
        if (now.dev !== stat.dev || now.ino !== stat.ino)
          throw Object.assign(new Error(`${source} changed while it was being backed up`), { code: 'ECHANGED' });
        return real;
      }
    };
  } catch (err) {
    closeSync(fd);
    throw err;
  }
}

/**
 * Which FolderOpener (its `id`) has moved the process's working directory into the folder it
 * holds, if one has: only one may at a time (see FolderOpener's `workingDirectory`).
 */
let workingDirectoryHolder: number | undefined;
let openers = 0;

/**
 * Opens regular files a folder at a time, each by its name in the folder held open, as
 * openat(2) does: `/proc/self/fd/D/NAME`, where D is the folder's descriptor, never following
 * a link in NAME. The folder's real path is read once, from D, rather than each file's from
 * its own descriptor. Measured on 20,000 files of 4 KiB on tmpfs: a readlink costs about
 * 4 µs, the open through /proc about 2 µs more than one by the path, and the backup took
 * 2-8% less time on two CPUs (three rounds of ten alternating pairs: 0.98×, 0.92×, 0.97×).
 *
 * A file is opened in the very folder whose real path was read. A folder swapped for a
 * symbolic link before it is opened is opened through the link, and its real path says where
 * it leads; one swapped after is not followed, and its files are read from the folder that
 * was opened. Unlike a file's own real path, read after its open, the folder's does not see
 * the folder moved elsewhere once it is held: its files are still read from it, the files
 * that were in it when its real path was checked.
 *
 * Where a folder cannot be opened (no read permission, only search) or /proc is missing, its
 * files are opened by their paths (openSourceSync). One folder is held at a time; `release`
 * lets it go.
 */
export class FolderOpener {
  /** The folder last asked for: the part of a source before its last slash. */
  private dir: string | undefined;
  /** Its descriptor, or -1 when it could not be opened. */
  private fd = -1;
  /** Its real path, read from `fd`, with a slash after it. */
  private realPrefix = '';
  /** The working directory the process had, held open while the folder held is the working directory. */
  private home = -1;
  /** Its path, to go back by should going back by its descriptor fail. */
  private homePath: string | undefined;
  /** Going back failed once: this opener never moves the working directory again (its "home" would be a source folder). */
  private stayHome = false;
  private readonly id = ++openers;

  /**
   * `workingDirectory`: the folder held is also made the process's working directory (by
   * `chdir` to `/proc/self/fd/D`, which is the folder opened, whatever its path says now),
   * and each file is opened by its bare name, relative to it: an open that does not go
   * through /proc, about 2 µs less a file. Only where the working directory can be changed
   * (the main thread; a worker thread cannot), and only by one FolderOpener at a time (the
   * others use /proc). The working directory is the process's own again whenever no folder
   * is held (`release`) and whenever the caller is about to wait (`stepOut`), so that no
   * other code ever sees it moved: nothing else runs on the thread in between.
   */
  constructor(private readonly options: { workingDirectory?: boolean } = {}) {}

  /** A regular file, opened as openSourceSync(source, false) opens it. */
  openRegular(source: string): OpenedSourceSync {
    const cut = source.lastIndexOf('/');
    // A relative source goes by its path, from the process's own working directory: its
    // folder would otherwise be opened in the folder held, not where the caller means.
    if (cut <= 0 || procFdWorks === false || source.charCodeAt(0) !== 0x2f) {
      this.stepOut();
      return openSourceSync(source, false);
    }
    const dir = source.slice(0, cut);
    if (dir !== this.dir) this.hold(dir);
    else if (this.fd >= 0 && this.home < 0) this.moveIn(this.fd); // stepped out since its last file
    if (this.fd < 0) return openSourceSync(source, false);
    const name = source.slice(cut + 1);
    const inFolder = this.home >= 0 ? name : `${PROC_FD}/${this.fd}/${name}`;
    let fd: number;
    try {
      fd = openSync(inFolder, SOURCE_FLAGS | (fsConstants.O_NOFOLLOW ?? 0));
    } catch (err) {
      throw namingSource(err, inFolder, source);
    }
    try {
      const real = this.realPrefix + name;
      return { fd, stat: fstatSync(fd), readPath: `${PROC_FD}/${fd}`, realPath: () => real };
    } catch (err) {
      closeSync(fd);
      throw err;
    }
  }

  /** Lets go of the folder held, or only of `dir` when given and held. */
  release(dir?: string): void {
    if (dir !== undefined && dir !== this.dir) return;
    this.stepOut();
    this.letGo();
  }

  /** Closes the folder held; the working directory stays where it is (the next folder's hold moves it). */
  private letGo(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
    this.dir = undefined;
  }

  /** Makes the folder held (`fd`) the working directory, when this opener may. */
  private moveIn(fd: number): void {
    if (!this.options.workingDirectory || this.stayHome || (workingDirectoryHolder !== undefined && workingDirectoryHolder !== this.id)) return;
    let home = this.home;
    try {
      if (home < 0) {
        this.homePath ??= process.cwd();
        home = openSync('.', fsConstants.O_RDONLY | (fsConstants.O_DIRECTORY ?? 0));
      }
      process.chdir(`${PROC_FD}/${fd}`);
    } catch {
      // It is not moved (a worker thread, a working directory that cannot be opened), or
      // moved back from the folder held before: the files are opened through /proc.
      if (home >= 0 && home !== this.home) closeSync(home);
      this.stepOut();
      return;
    }
    this.home = home;
    workingDirectoryHolder = this.id;
  }

  /**
   * Puts the process's working directory back where it was (the very directory), if this
   * opener moved it, and keeps the folder held: for a caller about to wait (for a timer, a
   * promise), while which other code runs. The folder's next file moves it again.
   */
  stepOut(): void {
    if (this.home < 0) return;
    let back = true;
    try {
      process.chdir(`${PROC_FD}/${this.home}`);
    } catch {
      // Refused (its permissions changed meanwhile): by its path, else the process stays in
      // the folder, where nothing of the step's looks (every path it uses is absolute).
      try {
        process.chdir(this.homePath!);
      } catch {
        back = false;
      }
    }
    closeSync(this.home);
    this.home = -1;
    workingDirectoryHolder = undefined;
    if (!back) this.stayHome = true;
  }

  private hold(dir: string): void {
    this.letGo();
    this.dir = dir;
    let fd: number;
    try {
      fd = openSync(dir, fsConstants.O_RDONLY | (fsConstants.O_DIRECTORY ?? 0));
    } catch {
      this.stepOut();
      return; // its files are opened by their paths, and fail there with their own reasons
    }
    try {
      const real = readlinkSync(`${PROC_FD}/${fd}`).replace(DELETED, '');
      procFdWorks = true;
      this.realPrefix = real.endsWith('/') ? real : `${real}/`;
      this.fd = fd;
    } catch {
      closeSync(fd);
      procFdWorks = false;
      this.stepOut();
      return;
    }
    this.moveIn(fd);
  }
}

/** A failure to open `source` by its name in its folder, told with the source's path (not /proc's, nor the bare name). */
function namingSource(err: unknown, opened: string, source: string): unknown {
  // Not `instanceof Error`: an error of Node's own may come from another realm (a test's VM).
  if (typeof err === 'object' && err !== null) {
    const e = err as { message?: unknown; path?: unknown };
    // Node's message quotes the path: only that is replaced (a bare name may be a word of it).
    if (typeof e.message === 'string') e.message = e.message.split(`'${opened}'`).join(`'${source}'`);
    if (e.path === opened) e.path = source;
  }
  return err;
}
