import { closeSync, constants as fsConstants, fstatSync, openSync, promises as fs, readlinkSync, realpathSync, statSync, type Stats } from 'node:fs';

/** A source file held open, so every check and every read is of the same file. */
export interface OpenedSource {
  handle: fs.FileHandle;
  stat: Stats;
  /**
   * A path that reaches the opened file itself, for APIs that take paths: on Linux
   * `/proc/self/fd/N`, which re-opens the very same file whatever happens to the name.
   */
  readPath: string;
  /** The real path of the opened file (not of whatever the name points at now). */
  realPath(): Promise<string>;
}

const PROC_FD = '/proc/self/fd';
let procFdWorks: boolean | undefined;

export async function openSource(source: string, followSymbolicLinks: boolean): Promise<OpenedSource> {
  // O_NONBLOCK: should a FIFO be swapped in after the type check, opening it cannot hang.
  const flags = fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0) | (followSymbolicLinks ? 0 : (fsConstants.O_NOFOLLOW ?? 0));
  const handle = await fs.open(source, flags);
  try {
    const stat = await handle.stat();
    const fdPath = `${PROC_FD}/${handle.fd}`; // /proc exists only where the separator is /
    if (procFdWorks === undefined) {
      procFdWorks = await fs.readlink(fdPath).then(
        () => true,
        () => false
      );
    }
    if (procFdWorks) {
      // An unlinked file reads as "<path> (deleted)": it was opened at <path>.
      const realPath = async (): Promise<string> => (await fs.readlink(fdPath)).replace(/ \(deleted\)$/, '');
      return { handle, stat, readPath: fdPath, realPath };
    }
    // Elsewhere: resolve the name, then prove it is still the file we hold open.
    return {
      handle,
      stat,
      readPath: source,
      realPath: async () => {
        const real = await fs.realpath(source);
        const now = await fs.stat(real);
        if (now.dev !== stat.dev || now.ino !== stat.ino)
          throw Object.assign(new Error(`${source} changed while it was being backed up`), { code: 'ECHANGED' });
        return real;
      }
    };
  } catch (err) {
    await handle.close();
    throw err;
  }
}

/** `openSource` with synchronous calls, for the backup engine's small files. */
export interface OpenedSourceSync {
  fd: number;
  stat: Stats;
  /** As in OpenedSource: `/proc/self/fd/N` on Linux, else the name. */
  readPath: string;
  /** The real path of the opened file (not of whatever the name points at now). */
  realPath(): string;
}

export function openSourceSync(source: string, followSymbolicLinks: boolean): OpenedSourceSync {
  const flags = fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0) | (followSymbolicLinks ? 0 : (fsConstants.O_NOFOLLOW ?? 0));
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
    if (procFdWorks) return { fd, stat, readPath: fdPath, realPath: () => readlinkSync(fdPath).replace(/ \(deleted\)$/, '') };
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
