import { lstatSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { backupName, compareBackupAge, parseBackupName } from './backup-name.js';
import { errnoCode } from './fs-errors.js';

export interface BackupEntry {
  /** Absolute path of the backup file. */
  path: string;
  fileName: string;
  stamp: string;
  seq: number;
  note: string | undefined;
  /** The name also reads as a backup of another file name; retention never deletes it. */
  ambiguous: boolean;
}

/** The backups in one directory of the backup tree, from a single `readdir`. */
export class DirectoryBackups {
  private readonly byFile = new Map<string, BackupEntry[]>();

  constructor(
    readonly dir: string,
    /** False when the directory does not exist yet. */
    readonly exists: boolean
  ) {}

  static fromNames(dir: string, exists: boolean, names: Iterable<string>): DirectoryBackups {
    const backups = new DirectoryBackups(dir, exists);
    // path.join(dir, name) for an entry name (never '.', '..' or holding a separator), with
    // dir normalized once rather than once per entry.
    const prefix = path.join(dir, path.sep);
    for (const name of names) backups.addName(name, prefix + name);
    return backups;
  }

  /**
   * The entry `name` (at `file`), under every file name it reads as a backup of, as a read
   * of the directory gives it: a backup this run makes is added the same way, so what is
   * held never differs from what the disk would say.
   */
  addName(name: string, file: string): void {
    // No file is called `.` or `..`: an entry that would be a backup of one (put there by
    // hand) is nobody's, and its name must never be joined to a folder as a file's.
    const readings = parseBackupName(name).filter(r => r.fileName !== '.' && r.fileName !== '..');
    const ambiguous = readings.length > 1;
    for (const { fileName, stamp, seq, note } of readings) this.add({ path: file, fileName, stamp, seq, note, ambiguous });
  }

  /**
   * A backup this run has just made, `backupName(fileName, stamp, seq, note)` at `file`, as
   * addName would add it. Without a note and with no `=` in the file name, a stamp can end
   * only at the name's end (or before its `_SEQ`), so the name reads as this backup alone
   * and is not read again: in a first backup of 20,000 small files, those reads (regular
   * expressions and the readings they made) allocated 20 of the 151 MB the two threads
   * allocated, and took about 1% of their CPU time in profiles. Any other name is read as
   * a directory's entry is.
   */
  addMade(file: string, fileName: string, stamp: string, seq: number, note: string | undefined): void {
    if (!note && !fileName.includes('=') && fileName !== '.' && fileName !== '..') {
      this.add({ path: file, fileName, stamp, seq, note: undefined, ambiguous: false });
    } else {
      this.addName(backupName(fileName, stamp, seq, note), file);
    }
  }

  add(entry: BackupEntry): void {
    const list = this.byFile.get(entry.fileName);
    if (list) list.push(entry);
    else this.byFile.set(entry.fileName, [entry]);
  }

  remove(entry: BackupEntry): void {
    const list = this.byFile.get(entry.fileName);
    const at = list?.indexOf(entry) ?? -1;
    if (list && at >= 0) list.splice(at, 1);
  }

  /**
   * The file names these are backups of. A name that reads as a backup of two file names
   * counts for one: a file name with other, unambiguous backups if there is one, else the
   * shorter (a note is more likely to hold a date than a file name is).
   */
  fileNames(): string[] {
    const names = new Set<string>();
    const ambiguous = new Map<string, string[]>();
    for (const [fileName, entries] of this.byFile) {
      for (const entry of entries) {
        if (!entry.ambiguous) names.add(fileName);
        else ambiguous.set(entry.path, [...(ambiguous.get(entry.path) ?? []), fileName]);
      }
    }
    for (const readings of ambiguous.values()) {
      if (!readings.some(name => names.has(name))) names.add(readings.reduce((a, b) => (b.length < a.length ? b : a)));
    }
    return [...names].sort();
  }

  /** Backups of `fileName`, newest first. */
  backupsOf(fileName: string): BackupEntry[] {
    return [...(this.byFile.get(fileName) ?? [])].sort((a, b) => compareBackupAge(b, a));
  }

  /**
   * The newest backup of `fileName`. A name that also reads as a backup of another file
   * (a source named like `app.yml-2099-12-31-23-59=x`) is used only when there is no other.
   */
  latestBackup(fileName: string): BackupEntry | undefined {
    let latest: BackupEntry | undefined;
    for (const entry of this.byFile.get(fileName) ?? []) {
      if (!latest || (latest.ambiguous && !entry.ambiguous) || (latest.ambiguous === entry.ambiguous && compareBackupAge(entry, latest) > 0)) {
        latest = entry;
      }
    }
    return latest;
  }

  /** The next free sequence number for `fileName` at `stamp` (1 when the minute is unused). */
  nextSeq(fileName: string, stamp: string): number {
    let seq = 0;
    for (const entry of this.byFile.get(fileName) ?? []) {
      if (entry.stamp === stamp && entry.seq > seq) seq = entry.seq;
    }
    return seq + 1;
  }
}

/**
 * Reads each backup directory once, however many files it serves, so cost grows with
 * files and backups, never with files × backups.
 */
export class BackupIndex {
  private readonly dirs = new Map<string, DirectoryBackups>();

  /** The backups in `dir`, read with one synchronous readdir the first time it is asked for. */
  forDirectory(dir: string): DirectoryBackups {
    let backups = this.dirs.get(dir);
    if (!backups) {
      backups = readBackupDirectory(dir);
      this.dirs.set(dir, backups);
    }
    return backups;
  }

  /** Lets the backups read for `dir` go (read again, should it be asked for again). */
  release(dir: string): void {
    this.dirs.delete(dir);
  }
}

function readBackupDirectory(dir: string): DirectoryBackups {
  // On a first backup no mirror directory exists yet: found out without an exception, whose
  // making costs more than this lstat (the readdir below still decides for the others).
  let stat: ReturnType<typeof lstatSync> | null = null;
  try {
    stat = lstatSync(dir, { throwIfNoEntry: false });
  } catch {
    // ENOTDIR and the rest: the readdir below decides, as it always did
  }
  if (stat === undefined) return new DirectoryBackups(dir, false);
  try {
    const entries = readdirSync(dir, { withFileTypes: true });
    return DirectoryBackups.fromNames(
      dir,
      true,
      entries.filter(e => e.isFile()).map(e => e.name)
    );
  } catch (err) {
    const code = errnoCode(err);
    if (code === 'ENOENT' || code === 'ENOTDIR') return new DirectoryBackups(dir, false);
    throw err;
  }
}
