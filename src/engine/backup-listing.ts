import { lstatSync } from 'node:fs';
import { compareBackupAge, stampToDate } from './backup-name.js';
import { walkBackupTree } from './backup-tree.js';
import { joinName } from './paths.js';

/** One backup as list shows it. */
export interface ListedBackup {
  /** Absolute path of the backup. */
  backup: string;
  /** Absolute path of the file it is a backup of. */
  source: string;
  /** The time in its name, `YYYY-MM-DD-hh-mm` (local time). */
  stamp: string;
  /** The same as a Date. */
  time: Date;
  seq: number;
  note: string | undefined;
  size: number;
  /** The backup file's modification time (the source's, kept by the copy), which bkpfile --list shows. */
  modified: Date;
}

export interface ListOptions {
  backupDir: string;
  workspace: string;
  signal: AbortSignal;
  /** Which source files to list; all when undefined. */
  matcher?: { matchesFile(file: string): boolean; matchesAllBelow(dir: string): boolean; mayMatchBelow(dir: string): boolean };
  onError?: (dir: string, message: string) => void;
}

/**
 * The backups of the matched files, by file (sorted by path), each file's newest first as
 * `bkpfile --list` orders them: by the backup file's modification time (a copy keeps its
 * source's), then by the time in the name and the same-minute counter.
 */
export async function listBackups(options: ListOptions): Promise<ListedBackup[]> {
  const { matcher } = options;
  const listed: ListedBackup[] = [];
  const seen = new Set<string>();
  for await (const mirrored of walkBackupTree({
    ...options,
    ...(matcher ? { wanted: (dir: string) => matcher.mayMatchBelow(dir) } : {})
  })) {
    // A folder a `…/**` pattern takes whole needs no match per file.
    const all = !matcher || matcher.matchesAllBelow(mirrored.sourceDir);
    for (const fileName of mirrored.backups.fileNames()) {
      const source = joinName(mirrored.sourceDir, fileName);
      if (!all && !matcher.matchesFile(source)) continue;
      for (const entry of mirrored.backups.backupsOf(fileName)) {
        if (seen.has(entry.path)) continue; // a name that reads two ways is listed once
        // Synchronous, as the walk's readdir: a round trip through libuv's thread pool per
        // backup would cost more than the call. The walk lets signals run between folders.
        const stat = lstatSync(entry.path, { throwIfNoEntry: false });
        if (stat === undefined) continue; // removed since the directory was read
        if (!stat.isFile()) continue;
        seen.add(entry.path);
        listed.push({
          backup: entry.path,
          source,
          stamp: entry.stamp,
          time: stampToDate(entry.stamp),
          seq: entry.seq,
          note: entry.note,
          size: stat.size,
          modified: stat.mtime
        });
      }
    }
  }
  return listed.sort(
    (a, b) => compareText(a.source, b.source) || b.modified.getTime() - a.modified.getTime() || compareBackupAge(b, a) || compareText(a.backup, b.backup)
  );
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
