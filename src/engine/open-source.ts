import { closeSync, constants as fsConstants, fstatSync, openSync, readlinkSync, realpathSync, statSync, type Stats } from 'node:fs';

const PROC_FD = '/proc/self/fd';
let procFdWorks: boolean | undefined;

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
  // O_NONBLOCK: should a FIFO be swapped in after the type check, opening it cannot hang.
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
    // An unlinked file reads as "<path> (deleted)": it was opened at <path>.
    if (procFdWorks) return { fd, stat, readPath: fdPath, realPath: () => readlinkSync(fdPath).replace(/ \(deleted\)$/, '') };
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
