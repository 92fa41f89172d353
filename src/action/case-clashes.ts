import { lstatSync } from 'node:fs';
import * as path from 'node:path';
import { displayPath, folderCaseClash, ignoresCase, nameCaseClash } from '../engine/paths.js';

/**
 * Where the backup directory ignores case, the files of a run whose backups would meet
 * under one name there, found as the walk finds them, for the whole run (so a cut between
 * the walk's segments hides none): two names in a folder that differ only in case
 * (`README.md` beside `readme.md`), and the files of a folder whose path differs only in
 * case from an earlier folder's (`Docs/` beside `docs/`: their backups would share one
 * folder). The first keeps its name; a later one is not backed up, and says why.
 *
 * Held: the names of each folder whose files may still come (the walk says when a folder is
 * done), and one entry per folder, by its path in lower case.
 */
export class CaseClashes {
  /** By a folder's path in lower case: the folder first met with it. */
  private readonly folders = new Map<string, string>();
  /** By folder, while its files may still come: its file names so far, by their lower case. */
  private readonly names = new Map<string, Map<string, string>>();
  private lastDir: string | undefined;
  /** For the files of lastDir: whether their names are checked, or why they are refused. */
  private last: { checkNames: boolean; clash?: string } = { checkNames: true };

  constructor(private readonly workspace: string) {}

  /** Why `file` (in `dir`) is not backed up, or undefined: then its name is taken. */
  check(file: string, dir: string): string | undefined {
    if (dir !== this.lastDir) {
      this.lastDir = dir;
      const lower = dir.toLowerCase();
      const first = this.folders.get(lower);
      if (first === undefined) this.folders.set(lower, dir);
      // Another spelling of the same folder, where the source ignores case too (two patterns
      // spell it apart), is no clash; nor can two of its names differ only in case there.
      if (first === undefined || first === dir) this.last = { checkNames: true };
      else if (sameFolderSpelledApart(first, dir)) this.last = { checkNames: false };
      else this.last = { checkNames: false, clash: folderCaseClash(displayPath(this.workspace, first)) };
    }
    if (!this.last.checkNames) return this.last.clash;
    let names = this.names.get(dir);
    if (!names) this.names.set(dir, (names = new Map()));
    const name = path.basename(file);
    const lower = name.toLowerCase();
    const other = names.get(lower);
    if (other !== undefined && other !== name) return nameCaseClash(other);
    names.set(lower, name);
    return undefined;
  }

  /** No more files of `dir` will come: its names go. */
  folderDone(dir: string): void {
    this.names.delete(dir);
  }
}

/**
 * Whether `other` is `first` under another spelling: the same entry (not a symlink to it,
 * which is an entry of its own), on a source file system that ignores case. Elsewhere (a
 * bind mount, say) it is another folder, whose names the first's are not checked against.
 */
function sameFolderSpelledApart(first: string, other: string): boolean {
  try {
    const one = lstatSync(first, { bigint: true });
    const two = lstatSync(other, { bigint: true });
    if (one.ino !== two.ino || one.dev !== two.dev) return false;
  } catch {
    return false;
  }
  return ignoresCase(first);
}
