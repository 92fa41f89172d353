import { existsSync, lstatSync, opendirSync, rmdirSync, type BigIntStats } from 'node:fs';
import * as path from 'node:path';

/**
 * The part of the backup directory where files outside the workspace are mirrored under
 * their absolute path. No workspace file maps here (a workspace folder of this name at the
 * top is refused, see `isReservedSource`), so a workspace file `etc/app.conf` and the
 * system's `/etc/app.conf` never share backups, identical checks or retention.
 */
export const OUTSIDE_DIR = '.bkpfile-outside';

const DOT_DOT = /(^|[\\/])\.\.([\\/]|$)/;

/**
 * path.join(dir, name) where `dir` is already normalized (made by path.join or
 * path.resolve, or a real path; not a search path of @actions/glob, which need not be)
 * and `name` is one directory entry: no separator, never '' or '.' or '..'. Without join's
 * pass over the whole path: the walk and the copy of every file join names, and join's pass
 * made a fifth of what the main thread allocated per file.
 *
 * Made by Array#join, which writes one flat string. A `+` keeps the result as a pair of its
 * parts (a cons string) until something reads its characters, as every system call on the
 * path does; then V8 makes a flat copy and keeps the pair too. Node's heap after a full GC,
 * 100,000 paths of 70 characters held in a list: 96-100 bytes each when joined so, 46-53
 * when concatenated but 131-132 once each had been passed to a system call (Node 20, 24). In
 * the step, where the walk's list of paths is read again by the engine, the dry run of
 * 100,000 files: its heap after the full GC during the walk 12.5-13.6 MB instead of 15.1-15.5.
 */
export function joinName(dir: string, name: string): string {
  return dir.endsWith(path.sep) ? [dir, name].join('') : [dir, name].join(path.sep);
}

/**
 * `text` starts with `prefix`. String#startsWith took about twice as long (100,000 paths of
 * 70 characters against a 49-character workspace: 11.5-14.7 ms, this 5.8-8.8, Node 24 and
 * 20), and displayPath and isInside run once or twice per file.
 */
function hasPrefix(text: string, prefix: string): boolean {
  return text.lastIndexOf(prefix, 0) === 0;
}

/** Whether `p` has a `..` segment, which normalizing would remove; most paths have no `..` at all. */
function hasDotDot(p: string): boolean {
  return p.includes('..') && DOT_DOT.test(p);
}

/**
 * True when `file` is an entry of the folder `dir` (both normalized, POSIX): what
 * path.dirname(file) === dir says, without making a new string for every file (and its hash,
 * when it is looked up in a map).
 */
export function isDirectlyIn(dir: string, file: string): boolean {
  return (
    path.sep === '/' &&
    file.length > dir.length + 1 &&
    file.charCodeAt(dir.length) === 0x2f &&
    dir.charCodeAt(dir.length - 1) !== 0x2f &&
    file.indexOf('/', dir.length + 1) === -1 &&
    hasPrefix(file, dir)
  );
}

/** path.basename of a normalized path (no separator at its end). */
export function fileNameOf(file: string): string {
  return path.sep === '/' ? file.slice(file.lastIndexOf('/') + 1) : path.basename(file);
}

/** True when `child` is `parent` or lies below it (both absolute and normalized). */
export function isInside(parent: string, child: string, p: path.PlatformPath = path): boolean {
  // Without path.relative() (a hot path: once or twice per file) where plain text decides:
  // POSIX, and no `..` segment that normalizing would remove.
  if (p.sep === '/' && path.sep === '/' && !hasDotDot(child) && !hasDotDot(parent)) {
    if (child === parent) return true;
    // The `/` that ends `parent` in `child`, or follows it there.
    const slash = parent.endsWith('/') ? parent.length - 1 : parent.length;
    return child.charCodeAt(slash) === 0x2f && hasPrefix(child, parent);
  }
  const rel = p.relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${p.sep}`) && !p.isAbsolute(rel));
}

/**
 * Where the backups of `source` live: its directory relative to the workspace, below
 * `backupDir`; a file outside the workspace under its absolute path below `OUTSIDE_DIR`.
 */
export function mirrorDir(backupDir: string, workspace: string, source: string, p: path.PlatformPath = path): string {
  const dir = p.dirname(source);
  if (isInside(workspace, dir, p)) return p.join(backupDir, p.relative(workspace, dir));
  const { root } = p.parse(dir);
  // `/etc/nginx` -> `<backup-dir>/.bkpfile-outside/etc/nginx`; `C:\x` -> `…\C\x`;
  // `\\server\share\x` -> `…\server\share\x`.
  const drive = root
    .split(/[\\/]+/)
    .map(part => part.replace(/:$/, ''))
    .filter(Boolean);
  return p.join(backupDir, OUTSIDE_DIR, ...drive, dir.slice(root.length));
}

/**
 * The inverse of `mirrorDir`: the directory whose files have their backups in `dir` (a
 * directory inside `backupDir`). `OUTSIDE_DIR` itself holds the backups of files in `/`;
 * on Windows, where every path outside has a drive or a share, no one's (undefined).
 */
export function sourceDirOf(backupDir: string, workspace: string, dir: string, p: path.PlatformPath = path): string | undefined {
  const rel = p.relative(backupDir, dir);
  if (rel !== '' && (rel === '..' || rel.startsWith(`..${p.sep}`) || p.isAbsolute(rel))) return undefined;
  const parts = rel === '' ? [] : rel.split(p.sep);
  if (parts[0] !== OUTSIDE_DIR) return p.join(workspace, ...parts);
  const rest = parts.slice(1);
  if (p.sep === '/') return `/${rest.join('/')}`;
  if (rest.length === 0) return undefined;
  // Windows: a drive letter, else a UNC server and share.
  if (/^[A-Za-z]$/.test(rest[0]!)) return p.join(`${rest[0]}:\\`, ...rest.slice(1));
  if (rest.length < 2) return undefined;
  return p.join(`\\\\${rest[0]}\\${rest[1]}\\`, ...rest.slice(2));
}

/** A workspace file whose backups would land in the outside-the-workspace area: refused. */
export function isReservedSource(workspace: string, source: string, p: path.PlatformPath = path): boolean {
  if (!source.includes(OUTSIDE_DIR)) return false;
  if (!isInside(workspace, source, p)) return false;
  return p.relative(workspace, source).split(p.sep)[0] === OUTSIDE_DIR;
}

/**
 * Removes `dir` and then its parents up to `top` (a directory this run created, at or above
 * it) while they are empty; stops at the first that is not (rmdir never removes content).
 */
export function removeEmptyDirs(dir: string, top: string): void {
  for (let d = dir; isInside(top, d); d = path.dirname(d)) {
    try {
      rmdirSync(d);
    } catch {
      return;
    }
    if (d === top) return;
  }
}

/** How a path is shown in outputs: relative to the workspace when inside it. */
export function displayPath(workspace: string, target: string): string {
  if (path.sep === '/' && target.charCodeAt(workspace.length) === 0x2f && hasPrefix(target, workspace)) {
    const rest = target.slice(workspace.length + 1);
    if (!hasDotDot(rest)) return rest;
  }
  if (!isInside(workspace, target)) return target;
  return path.relative(workspace, target).split(path.sep).join('/') || '.';
}

/**
 * Whether the file system holding `dir` (or its nearest existing parent, where it would be
 * made) ignores case, as macOS and Windows file systems do by default: an entry is found
 * under its name with its letters' case swapped. Looked up inside that directory, among its
 * first entries (so a mount point is judged by its own file system, also before the backup
 * directory is made on it), else by the names above it in their parents. Only names whose
 * case swaps letter for letter (ASCII) are asked, and only answers that tell (the entry
 * read, the other name found or not there) count.
 */
export function ignoresCase(dir: string): boolean {
  let at = path.resolve(dir);
  while (!existsSync(at) && path.dirname(at) !== at) at = path.dirname(at);
  try {
    const entries = opendirSync(at);
    try {
      for (let n = 0, entry = entries.readSync(); entry !== null && n < PROBE_ENTRIES; n++, entry = entries.readSync()) {
        const answer = foundInOtherCase(at, entry.name);
        if (answer !== undefined) return answer;
      }
    } finally {
      entries.closeSync();
    }
  } catch {
    // not a directory, or not readable: judge by the names above
  }
  for (; ; at = path.dirname(at)) {
    if (path.dirname(at) === at) return false;
    const answer = foundInOtherCase(path.dirname(at), path.basename(at));
    if (answer !== undefined) return answer;
  }
}

/** Entries of a directory ignoresCase asks at most. */
const PROBE_ENTRIES = 64;

/**
 * Whether `name` in `dir` is found under its letters' case swapped: undefined when that
 * does not tell (no ASCII letter, or letters beyond ASCII whose case may not swap one for
 * one; the entry cannot be read or is gone).
 */
function foundInOtherCase(dir: string, name: string): boolean | undefined {
  if (!/^[\x20-\x7e]*$/.test(name) || !/[A-Za-z]/.test(name)) return undefined;
  const entry = (n: string): BigIntStats | undefined => lstatSync(path.join(dir, n), { bigint: true, throwIfNoEntry: false });
  try {
    const one = entry(name);
    if (one === undefined) return undefined;
    const other = entry(swapCase(name));
    // Not there in the other case: unless the entry itself is gone meanwhile (a run removing
    // its staging directory beside this one), case counts. Inodes as bigints: as numbers,
    // those above 2^53 (NTFS) lose their last bits.
    if (other === undefined) return entry(name) === undefined ? undefined : false;
    return one.ino === other.ino && one.dev === other.dev;
  } catch {
    return undefined;
  }
}

/** Why a file is not backed up where the backup directory ignores case: another file of the run has its name in another case. */
export function nameCaseClash(other: string): string {
  return `its name differs only in case from ${other}, and the backup directory's file system ignores case: their backups would be one file there. Rename one of them, or use a backup-dir on a case-sensitive file system`;
}

/** As nameCaseClash, for a file in a folder whose path differs only in case from another folder of the run. */
export function folderCaseClash(otherFolder: string): string {
  return `its folder differs only in case from ${otherFolder}, and the backup directory's file system ignores case: the backups of both folders would be in one folder there. Rename one of them, or use a backup-dir on a case-sensitive file system`;
}

const swapCase = (name: string): string => [...name].map(ch => (ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase())).join('');
