import { readdirSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { DirectoryBackups } from './backup-index.js';
import { STAGING_PREFIX } from './staging.js';
import { errnoCode, errorMessage } from './fs-errors.js';
import { sourceDirOf } from './paths.js';
import { TimeSlice } from './time-slice.js';

/** One directory of the backup tree and the directory its backups belong to. */
export interface MirroredDirectory {
  /** Absolute path inside the backup directory. */
  dir: string;
  /** Absolute path of the directory whose files these are backups of. */
  sourceDir: string;
  backups: DirectoryBackups;
}

export interface BackupTreeOptions {
  backupDir: string;
  workspace: string;
  signal: AbortSignal;
  /**
   * Whether the directory whose files would have their backups below `dir` can hold a
   * wanted file (its own files or deeper ones); false prunes the walk there.
   */
  wanted?: (sourceDir: string) => boolean;
  /** A directory that could not be read; the walk carries on with the rest. */
  onError?: (dir: string, message: string) => void;
}

/** How long the walk reads directories before it lets timers and signals run, in ms. */
const SLICE_MS = 20;

/**
 * Walks the backup directory once, one `readdir` per directory, and yields each directory
 * that holds backups with the source directory it mirrors. Symbolic links are never
 * followed (a backup is a regular file in a real directory), and the staging directories
 * are skipped. Each `readdir` is synchronous (a round trip through libuv's thread pool per
 * directory cost 0.1 s of waiting in a restore of 20,000 files in 400 folders); every
 * SLICE_MS the walk lets timers and signals run.
 */
export async function* walkBackupTree(options: BackupTreeOptions): AsyncGenerator<MirroredDirectory> {
  const { backupDir, workspace, signal } = options;
  const pending = [backupDir];
  const slice = new TimeSlice(SLICE_MS);
  while (pending.length > 0) {
    if (slice.due) await slice.pause();
    signal.throwIfAborted();
    const dir = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      const code = errnoCode(err);
      if (code === 'ENOENT' || (code === 'ENOTDIR' && dir === backupDir)) continue;
      options.onError?.(dir, errorMessage(err));
      continue;
    }
    const names: string[] = [];
    const subdirs: string[] = [];
    for (const entry of entries) {
      if (entry.isFile()) names.push(entry.name);
      else if (entry.isDirectory() && !(dir === backupDir && entry.name.startsWith(STAGING_PREFIX))) {
        subdirs.push(path.join(dir, entry.name));
      }
    }
    // Sorted, so the walk (and what is built from it) is the same on every run.
    for (const sub of subdirs.sort().reverse()) {
      const sourceDir = sourceDirOf(backupDir, workspace, sub);
      // The outside area itself maps to no directory; its subdirectories do.
      if (sourceDir === undefined || !options.wanted || options.wanted(sourceDir)) pending.push(sub);
    }
    const sourceDir = sourceDirOf(backupDir, workspace, dir);
    if (sourceDir === undefined || names.length === 0) continue;
    yield { dir, sourceDir, backups: DirectoryBackups.fromNames(dir, true, names) };
  }
}
