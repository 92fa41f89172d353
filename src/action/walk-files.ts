// One streaming walk of the file system with @actions/glob's own pattern rules (its
// Pattern and pattern helper, imported by file: the package exports only its globber).
// It finds what the globber finds with the options the actions use (implicitDescendants,
// matchDirectories false, omitBrokenSymbolicLinks, hidden files included), but:
// - it never descends into the backup directory, nor into a directory every pattern
//   excludes (a `!node_modules/**` prunes node_modules instead of walking it);
// - it uses directory entries' types, and stats only symbolic links;
// - a path it cannot enter (unreadable, a symlink loop, vanished) becomes an entry with a
//   status, and the walk carries on with the rest;
// - it hands out one batch of entries per directory as it goes, never the whole list;
// - it says when a folder has no more files to come (its files may come between its
//   subfolders' in directory order).
import { readdirSync, realpathSync, statSync, lstatSync, type Dirent, type Stats } from 'node:fs';
import * as path from 'node:path';
import { isInside, joinName } from '../engine/paths.js';
import { MatchKind } from '../../node_modules/@actions/glob/lib/internal-match-kind.js';
import { Pattern } from '../../node_modules/@actions/glob/lib/internal-pattern.js';
import { getSearchPaths, match, partialMatch } from '../../node_modules/@actions/glob/lib/internal-pattern-helper.js';
import { errnoCode, errorMessage } from '../engine/fs-errors.js';
import { BackupStatus } from '../engine/status.js';
import { TimeSlice } from '../engine/time-slice.js';
import { globPatterns, wholeSubtreePatterns } from './path-matcher.js';

export type WalkEntry =
  /** A matched path that is not a directory (a regular file, or a FIFO, socket, device). */
  | {
      kind: 'file';
      path: string;
      /** Its folder: path.dirname of its path. */
      dir: string;
      realDir: string | undefined;
      /** Its directory entry said regular file (not a link): no stat was needed to know. */
      regular: boolean;
    }
  /** A matched path the walk could not enter or inspect. */
  | {
      kind: 'problem';
      path: string;
      status: typeof BackupStatus.PermissionDenied | typeof BackupStatus.InvalidFileType | typeof BackupStatus.NotFound | typeof BackupStatus.Error;
      message: string;
    }
  /**
   * No more `file` entries will come from this folder (the path.dirname of its files): its
   * last entry that is not a directory has been looked at. Only for folders that had such
   * entries; their subfolders' files may still come.
   */
  | { kind: 'folder-done'; dir: string };

export interface WalkOptions {
  patterns: string;
  followSymbolicLinks: boolean;
  /** Directories never entered (the backup directory), by path or by real path. */
  skipDir: (dir: string) => boolean;
  signal: AbortSignal;
  /** Told before the walk reads a folder of thousands of entries (see LargeFolders). */
  largeFolders?: LargeFolders;
}

/**
 * Who wants to know, before it happens, that the walk is about to read a folder whose size
 * says it holds thousands of entries (LARGE_FOLDER_BYTES): a backup turns V8's optimizing
 * compiler off then, before Node's loop over the entries runs long enough to be compiled
 * (see forgoOptimizingCompiler). Asked with a stat of each folder while `watching()` is true.
 */
export interface LargeFolders {
  watching(): boolean;
  before(dir: string): void;
}

/**
 * A folder this large in bytes holds thousands of entries: about 5,000 on tmpfs (20 bytes an
 * entry), 4,000 and more on ext4 and XFS with short names. A stat of the folder costs about
 * a microsecond; it is made only while someone watches.
 */
export const LARGE_FOLDER_BYTES = 100 * 1024;

interface Item {
  path: string;
  /** From the parent's directory entry; undefined for search roots. */
  dirent: Dirent | undefined;
  /** Real paths of the directories above, for cycle detection (followSymbolicLinks). */
  chain: string[];
  /** The parent's real path, when known without a syscall. */
  parentReal: string | undefined;
  /** A directory above it matched a pattern that takes everything below (see wholeSubtreePatterns). */
  whole: boolean;
  /** Its folder's count of entries still to look at that are not directories, when it is one of them. */
  folder?: PendingFiles;
}

/** A folder's entries that may still give files: when none is left, the folder is done. */
interface PendingFiles {
  dir: string;
  left: number;
}

/** How long the walk works before it lets timers and signals run. */
const SLICE_MS = 20;
/** Entries in a batch at most, between slices. */
const BATCH_ENTRIES = 1024;

/**
 * True when nothing below `dir` can be matched: a later `!` pattern ending in `**` covers
 * the whole subtree and no include pattern after it reaches into it again.
 */
function excludedSubtree(patterns: readonly Pattern[], dir: string): boolean {
  for (let k = patterns.length - 1; k >= 0; k--) {
    const p = patterns[k]!;
    if (p.negate) {
      if (p.segments[p.segments.length - 1] === '**' && !p.trailingSeparator && p.match(dir) === MatchKind.All) return true;
    } else if (p.match(dir) !== MatchKind.None || p.partialMatch(dir)) {
      return false;
    }
  }
  return false;
}

/** False only when `file` is known not to exist (ENOENT, as the globber's lstat of a search path). */
function existsOrUnknown(file: string): boolean {
  try {
    return lstatSync(file, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return true;
  }
}

export async function* walkFiles(options: WalkOptions): AsyncGenerator<WalkEntry[]> {
  const patterns = globPatterns(options.patterns);
  const wholeSubtree = wholeSubtreePatterns(patterns);
  const { followSymbolicLinks, signal } = options;
  const stack: Item[] = [];
  // By folder: how many of its entries that may give a file are still to be looked at. One
  // count per folder, even where two search roots give the same folder's files.
  const pending = new Map<string, PendingFiles>();
  const expectFiles = (dir: string, count: number): PendingFiles => {
    let folder = pending.get(dir);
    if (!folder) pending.set(dir, (folder = { dir, left: 0 }));
    folder.left += count;
    return folder;
  };
  const searchPaths = getSearchPaths(patterns);
  // @actions/glob keeps a search root that is not normalized (`[.]/**` gives `<cwd>/.`) beside
  // roots inside it (`a/**` gives `<cwd>/a`): both walks reach the files they share, and the
  // globber lists those twice. Here each file is given once, the first time it is reached;
  // only where roots overlap so are the paths given kept, to know.
  const given = rootsOverlap(searchPaths) ? new Set<string>() : undefined;
  const firstTime = (file: string): boolean => {
    if (given === undefined) return true;
    if (given.has(file)) return false;
    given.add(file);
    return true;
  };
  for (const searchPath of searchPaths.reverse()) {
    // As the globber does, a search path that does not exist is left out before anything
    // else: its lstat is all it costs (not its pattern's first compile, about 0.4 ms). Any
    // other error is visit()'s to report.
    if (!existsOrUnknown(searchPath)) continue;
    // A search root may be a file: its folder is done when no other root may give it one.
    stack.push({ path: searchPath, dirent: undefined, chain: [], parentReal: undefined, whole: false, folder: expectFiles(path.dirname(searchPath), 1) });
  }
  const slice = new TimeSlice(SLICE_MS);
  let batch: WalkEntry[] = [];
  while (stack.length > 0) {
    if (slice.due) {
      if (batch.length) yield batch;
      batch = [];
      await slice.pause();
    } else if (batch.length >= BATCH_ENTRIES) {
      // Handed out early too: the caller learns soon how many files there are (and starts
      // worker threads while the walk goes on).
      yield batch;
      batch = [];
    }
    signal.throwIfAborted();
    const item = stack.pop()!;
    try {
      visit(item);
    } finally {
      // Counted down after the item's own entry, and after its children were counted: a
      // search root that is not normalized (`<cwd>/.`) has its children's folder for its own.
      const folder = item.folder;
      if (folder && --folder.left === 0) {
        pending.delete(folder.dir);
        batch.push({ kind: 'folder-done', dir: folder.dir });
      }
    }
  }
  if (batch.length) yield batch;

  function visit(item: Item): void {
    const matched = item.whole ? MatchKind.All : match(patterns, item.path);
    if (!item.whole) {
      const partial = matched !== MatchKind.None || partialMatch(patterns, item.path);
      if (!partial) return;
      // Only a partial match: skip it when a `!` pattern takes everything below it anyway,
      // before it is stat'ed (an excluded symlink loop is no problem of ours).
      if (matched === MatchKind.None && excludedSubtree(patterns, item.path)) return;
    }

    // The type: from the directory entry when it is not a link; else stat (or lstat).
    let isDir: boolean;
    let viaLink = false;
    const d = item.dirent;
    if (d && !d.isSymbolicLink()) {
      isDir = d.isDirectory();
    } else {
      let stats: Stats;
      try {
        stats = followSymbolicLinks ? statSync(item.path) : lstatSync(item.path);
      } catch (err) {
        const code = errnoCode(err);
        // A broken symlink (omitted, as the globber does), or a search path that does not exist.
        if (code === 'ENOENT' || code === 'ENOTDIR') return;
        batch.push(problem(item.path, err));
        return;
      }
      isDir = stats.isDirectory();
      viaLink = d ? d.isSymbolicLink() : true;
    }

    if (!isDir) {
      if ((matched & MatchKind.File) !== 0 && firstTime(item.path)) {
        batch.push({
          kind: 'file',
          path: item.path,
          dir: item.folder?.dir ?? path.dirname(item.path),
          realDir: item.parentReal,
          regular: d !== undefined && d.isFile()
        });
      }
      return;
    }
    if (options.skipDir(item.path) || (!item.whole && matched !== MatchKind.None && excludedSubtree(patterns, item.path))) return;

    // Cycle detection through symlinks, as the globber does: a directory whose real path is
    // already above it is not entered again.
    let real: string | undefined;
    if (followSymbolicLinks) {
      real = !viaLink && item.parentReal !== undefined ? joinName(item.parentReal, path.basename(item.path)) : realpathOrUndefined(item.path);
      if (real === undefined) return; // vanished
      if (item.chain.includes(real)) return;
      if (real !== item.path && options.skipDir(real)) return;
    } else if (!viaLink && item.parentReal !== undefined) {
      real = joinName(item.parentReal, path.basename(item.path));
    } else if (!d) {
      real = realpathOrUndefined(item.path);
    }

    const { largeFolders } = options;
    if (largeFolders?.watching() && sizeOf(item.path) > LARGE_FOLDER_BYTES) largeFolders.before(item.path);
    let entries: Dirent[];
    try {
      entries = readdirSync(item.path, { withFileTypes: true });
    } catch (err) {
      batch.push(problem(item.path, err));
      return;
    }
    const chain = followSymbolicLinks && real !== undefined ? [...item.chain, real] : item.chain;
    // Only a search root may not be normalized (`[.]/**` gives `<cwd>/.`): its children are
    // then joined with path.join, which normalizes, as the globber's are. Every other path
    // is normalized, and the plain joinName gives what path.join would (an entry's name is
    // never `.` or `..` and holds no separator) without path.join's loop over every
    // character, which on a long root got V8's optimizing compiler going during the walk,
    // before the backup turns it off (forgoOptimizingCompiler): 5 MiB more at the step's
    // peak. Everything below a directory a `…/**` pattern matches is matched too, but only
    // where the paths below it extend its own: below a root that is not normalized, they
    // are matched one by one.
    const root = item.dirent === undefined;
    const normalized = !root || item.path === path.normalize(item.path);
    const whole = item.whole || (normalized && wholeSubtree.some(p => p.match(item.path) === MatchKind.All));
    const join = normalized ? joinName : path.join;
    // Children in directory order, as the globber visits them. The regular files before the
    // first entry of another type need nothing more than a match: up to a batch of them are
    // taken here, in order, and everything after them is visited from the stack (in a folder
    // with no subfolders and no more files than a batch, nothing goes on the stack). The
    // stack's walk hands out its batches and sees a stop between items, so a folder of a
    // million files still does. Those that are not directories may give this folder's files
    // (a link, until it is looked at).
    let leading = 0;
    while (leading < entries.length && leading < BATCH_ENTRIES && entries[leading]!.isFile()) leading++;
    let folder: PendingFiles | undefined;
    for (let i = entries.length - 1; i >= leading; i--) {
      const entry = entries[i]!;
      const child: Item = { path: join(item.path, entry.name), dirent: entry, chain, parentReal: real, whole };
      if (!entry.isDirectory()) {
        child.folder = folder ??= expectFiles(path.dirname(child.path), 0);
        folder.left++;
      }
      stack.push(child);
    }
    let dir: string | undefined;
    for (let i = 0; i < leading; i++) {
      const file = join(item.path, entries[i]!.name);
      dir ??= path.dirname(file);
      if ((whole || match(patterns, file) & MatchKind.File) && firstTime(file)) batch.push({ kind: 'file', path: file, dir, realDir: real, regular: true });
    }
    // Its files all taken here, and no search root still to give one: the folder is done.
    if (dir !== undefined && folder === undefined && !pending.has(dir)) batch.push({ kind: 'folder-done', dir });
  }
}

/**
 * Whether a search root lies inside another (or is it) once both are normalized. Only a root
 * that is not normalized can: getSearchPaths leaves out any other root inside another.
 */
function rootsOverlap(roots: readonly string[]): boolean {
  const normalized = roots.map(root => path.normalize(root));
  return roots.some(
    (root, i) => normalized[i] !== root && normalized.some((other, j) => j !== i && (isInside(normalized[i]!, other) || isInside(other, normalized[i]!)))
  );
}

/** A folder's size in bytes, 0 where it cannot be had (the readdir after it says why). */
function sizeOf(dir: string): number {
  try {
    return statSync(dir, { throwIfNoEntry: false })?.size ?? 0;
  } catch {
    return 0;
  }
}

function realpathOrUndefined(p: string): string | undefined {
  try {
    return realpathSync(p);
  } catch {
    return undefined;
  }
}

function problem(p: string, err: unknown): WalkEntry {
  const code = errnoCode(err);
  if (code === 'EACCES' || code === 'EPERM') {
    return { kind: 'problem', path: p, status: BackupStatus.PermissionDenied, message: `cannot be read: permission denied (${code})` };
  }
  if (code === 'ELOOP') return { kind: 'problem', path: p, status: BackupStatus.InvalidFileType, message: 'is a symbolic link loop' };
  if (code === 'ENOENT' || code === 'ENOTDIR')
    return { kind: 'problem', path: p, status: BackupStatus.NotFound, message: 'vanished while the files were being found' };
  return { kind: 'problem', path: p, status: BackupStatus.Error, message: `cannot be read: ${errorMessage(err)}` };
}
