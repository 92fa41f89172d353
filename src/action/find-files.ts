import { promises as fs, realpathSync } from 'node:fs';
import * as path from 'node:path';
import { errnoCode } from '../engine/fs-errors.js';
import { isInside } from '../engine/paths.js';
import { WalkedAs } from '../engine/backup-engine.js';
import { BackupStatus, type FileResult } from '../engine/status.js';
import { CaseClashes } from './case-clashes.js';
import { expandHome, includePatterns, isLiteral } from './patterns.js';
import { walkFiles, type LargeFolders } from './walk-files.js';

/** Files the walk found, in the order it found them (all of them, or one segment). */
export interface FoundSegment {
  /** Absolute paths, in the order the walk found them, without duplicates. */
  files: string[];
  /** By index into `files`: what the walk already knows of each (see WalkedAs). */
  walked: Uint8Array;
  /** Paths the walk could not enter or inspect, each with its status; the rest were found. */
  problems: FileResult[];
}

export interface FoundFiles extends FoundSegment {
  /** Files named explicitly in `path` (no wildcards) that will not be backed up, and why. */
  skippedExplicit: { pattern: string; reason: string }[];
  /** How many files went to `onSegment` before these. */
  handedOn: number;
}

/**
 * A walk that finds more files than this hands them on in segments (see FindOptions.
 * onSegment), so the list of paths it holds never grows past about this many.
 */
export const SEGMENT_FILES = 100_000;

export interface FindOptions {
  patterns: string;
  workspace: string;
  backupDir: string;
  followSymbolicLinks: boolean;
  signal: AbortSignal;
  /** Told how many files have been found so far, after each batch of the walk. */
  onFound?: (count: number) => void;
  /** Told before the walk reads a folder of thousands of entries (see LargeFolders). */
  largeFolders?: LargeFolders;
  /**
   * Takes the files found so far each time there are at least `segmentFiles` of them, where
   * the walk leaves a directory; the walk goes on once it is done with them. Without it,
   * every file comes back at the end.
   */
  onSegment?: (segment: FoundSegment) => Promise<void>;
  /** Files per segment (SEGMENT_FILES unless given). */
  segmentFiles?: number;
  /**
   * Whether the backup directory ignores case: then a file whose backups would meet another
   * file's under one name there becomes a problem (see CaseClashes). Asked at the first file.
   */
  ignoresCase?: () => boolean;
}

/**
 * One walk with @actions/glob's pattern rules (multi-line patterns, `!` excludes, hidden
 * files included). Matched directories contribute the files below them; the backup
 * directory is never entered, even by `**`.
 */
export async function findFiles(options: FindOptions): Promise<FoundFiles> {
  // `let`: a segment's backups can create the backup directory while the walk goes on, and
  // then its real path (behind a symlink in backup-dir) is known, and skipped, from then on.
  let backupDirs = backupDirAliases(options.backupDir);
  const inBackupDir = (file: string): boolean => backupDirs.some(dir => isInside(dir, file));
  // A symlink to the backup directory (or into it) must not make backups of backups:
  // the real directory of every match is checked, once per directory.
  const realDirs = new Map<string, Promise<boolean>>();
  const inBackupDirReally = (dir: string): Promise<boolean> => {
    let pending = realDirs.get(dir);
    if (!pending) {
      pending = fs.realpath(dir).then(
        real => inBackupDir(real),
        () => false
      );
      realDirs.set(dir, pending);
    }
    return pending;
  };

  // The walk gives every path once (its search roots never lie inside one another), so
  // nothing is deduplicated; only the files named explicitly are looked for. (A search root
  // that is not normalized, `[.]/**` beside `a/**`, gives a path twice, as @actions/glob does.)
  let files: string[] = [];
  let problems: FileResult[] = [];
  let regularFlags: number[] = [];
  // By directory, the index of its last file.
  const lastInDir = new Map<string, number>();
  const segmentFiles = options.segmentFiles ?? SEGMENT_FILES;
  let handedOn = 0;
  let clashes: CaseClashes | undefined | false; // false: case counts
  /** The files found so far as a segment: each directory's last file marked (see WalkedAs). */
  const segment = (): FoundSegment => {
    const walked = Uint8Array.from(regularFlags);
    for (const index of lastInDir.values()) walked[index]! |= WalkedAs.LastInDirectory;
    return { files, walked, problems };
  };
  const realWorkspace = realPathOrUndefined(options.workspace);
  // What holds for every file of a directory is worked out when the walk comes to it
  // (depth first, a directory's files may come between its subdirectories', so the same
  // directory may come again): whether it lies in the backup directory, by name or really,
  // and whether it really lies in the workspace. A directory that had files pushed (not
  // skipped, not all refused) had the last of them just before the walk left it.
  let dirOfLast: string | undefined;
  let pushedInDir = false;
  let skipDir = false;
  let inWorkspace = false;
  const literals = includePatterns(options.patterns).filter(isLiteral);
  const literalTargets = new Set(literals.map(line => path.resolve(options.workspace, expandHome(line))));
  const foundLiterals = new Set<string>();
  // The folders that hold a found file, and the folders above them: a literal folder in
  // `path` with a file below it was matched.
  const holding = new Set<string>();
  const holds = (file: string): void => {
    for (let dir = path.dirname(file); !holding.has(dir); dir = path.dirname(dir)) {
      holding.add(dir);
      if (path.dirname(dir) === dir) break;
    }
  };
  // The walk checks the signal between directories and lets signals run every few ms, so a
  // long search that matches nothing still stops at once on a cancel or timeout.
  const walk = walkFiles({
    patterns: options.patterns,
    followSymbolicLinks: options.followSymbolicLinks,
    skipDir: inBackupDir,
    signal: options.signal,
    ...(options.largeFolders ? { largeFolders: options.largeFolders } : {})
  });
  for await (const batch of walk) {
    for (const entry of batch) {
      if (entry.kind === 'folder-done') {
        if (clashes) clashes.folderDone(entry.dir);
        continue;
      }
      if (entry.kind === 'problem') {
        problems.push({ source: entry.path, backup: null, status: entry.status, bytes: 0, message: entry.message });
        continue;
      }
      const { path: file, dir } = entry;
      if (dir !== dirOfLast) {
        if (pushedInDir) lastInDir.set(dirOfLast!, files.length - 1);
        pushedInDir = false;
        if (options.onSegment && files.length >= segmentFiles) {
          // A directory the walk comes back to (its files may come between its
          // subdirectories') then has a last file in each segment: it is read again in the next.
          await options.onSegment(segment());
          backupDirs = backupDirAliases(options.backupDir);
          handedOn += files.length;
          files = [];
          problems = [];
          regularFlags = [];
          lastInDir.clear();
        }
        dirOfLast = dir;
        skipDir = inBackupDir(dir) || (entry.realDir !== undefined ? inBackupDir(entry.realDir) : await inBackupDirReally(dir));
        inWorkspace = entry.realDir !== undefined && realWorkspace !== undefined && isInside(realWorkspace, entry.realDir);
      }
      if (skipDir) continue;
      if (literals.length > 0 && !holding.has(dir)) holds(file);
      if (literalTargets.has(file)) foundLiterals.add(file);
      clashes ??= options.ignoresCase?.() ? new CaseClashes(options.workspace) : false;
      const clash = clashes ? clashes.check(file, dir) : undefined;
      if (clash !== undefined) {
        problems.push({ source: file, backup: null, status: BackupStatus.Error, bytes: 0, message: clash });
        continue;
      }
      files.push(file);
      pushedInDir = true;
      let known = 0;
      if (entry.regular) known |= WalkedAs.Regular;
      if (entry.regular && inWorkspace) known |= WalkedAs.InWorkspace;
      regularFlags.push(known);
    }
    options.onFound?.(handedOn + files.length);
  }

  const skippedExplicit: FoundFiles['skippedExplicit'] = [];
  for (const line of literals) {
    const target = path.resolve(options.workspace, expandHome(line));
    if (foundLiterals.has(target) || holding.has(target)) continue;
    skippedExplicit.push({ pattern: line, reason: await whyNotMatched(target, inBackupDir) });
  }
  if (pushedInDir) lastInDir.set(dirOfLast!, files.length - 1);
  return { ...segment(), skippedExplicit, handedOn };
}

async function whyNotMatched(target: string, inBackupDir: (file: string) => boolean): Promise<string> {
  if (inBackupDir(target)) return 'it is inside the backup directory, which is never backed up';
  try {
    const link = await fs.lstat(target);
    if (link.isSymbolicLink()) {
      try {
        await fs.stat(target);
      } catch {
        return 'it is a broken symbolic link';
      }
    }
    const stat = await fs.stat(target);
    if (stat.isDirectory()) return 'it is a directory with no files to back up';
    return 'a "!" pattern excludes it';
  } catch (err) {
    return errnoCode(err) === 'ENOENT' ? 'it does not exist' : `it cannot be read (${errnoCode(err) ?? 'error'})`;
  }
}

/** The backup directory as written and as resolved through symlinks (if it exists). */
function backupDirAliases(backupDir: string): string[] {
  const real = realPathOrUndefined(backupDir);
  return real === undefined || real === backupDir ? [backupDir] : [backupDir, real];
}

/**
 * realpath(3), synchronously: called once or twice per step, and fs.promises costs about
 * 2 ms of every step's start-up to load.
 */
function realPathOrUndefined(file: string): string | undefined {
  try {
    return realpathSync.native(file);
  } catch {
    return undefined;
  }
}
