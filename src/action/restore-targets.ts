import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { compareBackupAge, parseBackupName } from '../engine/backup-name.js';
import type { BackupEntry, DirectoryBackups } from '../engine/backup-index.js';
import { walkBackupTree } from '../engine/backup-tree.js';
import { displayPath, isInside, joinName, mirrorDir } from '../engine/paths.js';
import { RestoreStatus, type RestorePlan } from '../engine/restore-status.js';
import { findFiles } from './find-files.js';
import { PathMatcher } from './path-matcher.js';
import { expandHome, includePatterns, isLiteral, patternLines } from './patterns.js';
import type { RestoreSettings, Selector } from './restore-inputs.js';

/** A file that has backups, and the directory of the backup tree that holds them. */
interface BackedUp {
  target: string;
  fileName: string;
  backups: DirectoryBackups;
}

export interface RestorePlanning {
  plans: RestorePlan[];
  /** Directories of the backup tree that could not be read. */
  unreadable: { dir: string; message: string }[];
}

/**
 * Decides, before anything is written, which backup each matched file gets back from.
 * `path` matches the files that have backups (the mirrored tree), so deleted files come
 * back, and the files that exist now, so one without a backup is reported.
 */
export async function planRestore(settings: RestoreSettings, signal: AbortSignal): Promise<RestorePlanning> {
  const unreadable: RestorePlanning['unreadable'] = [];
  const plans =
    settings.selector.kind === 'manifest'
      ? await planFromManifest(settings, settings.selector)
      : await planFromPatterns(settings, settings.selector, signal, unreadable);
  plans.sort((a, b) => (a.target < b.target ? -1 : a.target > b.target ? 1 : 0));
  return { plans, unreadable };
}

async function planFromPatterns(
  settings: RestoreSettings,
  selector: Exclude<Selector, { kind: 'manifest' }>,
  signal: AbortSignal,
  unreadable: RestorePlanning['unreadable']
): Promise<RestorePlan[]> {
  const { workspace, backupDir } = settings;
  const matcher = new PathMatcher(settings.patterns);
  const backedUp = new Map<string, BackedUp>();
  for await (const mirrored of walkBackupTree({
    backupDir,
    workspace,
    signal,
    wanted: dir => matcher.mayMatchBelow(dir),
    onError: (dir, message) => unreadable.push({ dir, message })
  })) {
    // A folder a `…/**` pattern takes whole needs no match per file.
    const all = matcher.matchesAllBelow(mirrored.sourceDir);
    for (const fileName of mirrored.backups.fileNames()) {
      const target = joinName(mirrored.sourceDir, fileName);
      if (all || matcher.matchesFile(target)) backedUp.set(target, { target, fileName, backups: mirrored.backups });
    }
  }
  // Existing files only matter for reporting the ones without a backup: a symlinked folder
  // is not followed, so a link to / cannot walk (and print) the whole file system.
  const existing = await findFiles({ patterns: settings.patterns, workspace, backupDir, followSymbolicLinks: false, signal });

  const literals = includePatterns(settings.patterns)
    .filter(isLiteral)
    .map(line => path.resolve(workspace, expandHome(line)));
  const explicit = new Set(literals);
  const plans: RestorePlan[] = [];
  const wanted = describeSelector(selector, displayPath(workspace, backupDir));
  for (const { target, fileName, backups } of backedUp.values()) {
    const chosen = await choose(backups, fileName, selector);
    if (chosen) plans.push({ target, backup: chosen.path });
    else plans.push(noFit(target, explicit.has(target), `no backup of it ${wanted}`));
  }
  for (const file of existing.files) {
    if (backedUp.has(file)) continue;
    plans.push(noFit(file, explicit.has(file), `no backup of it ${wanted}; it was left as it is`));
  }
  // A file named in `path` that neither has a backup nor exists is still an error of its own.
  const matched = [...backedUp.keys(), ...existing.files];
  for (const literal of new Set(literals)) {
    if (matched.some(file => isInside(literal, file))) continue;
    plans.push(noFit(literal, true, `no backup of it ${wanted}, and it does not exist`));
  }
  return plans;
}

function noFit(target: string, explicit: boolean, message: string): RestorePlan {
  return explicit ? { target, backup: null, status: RestoreStatus.MissingBackup, message } : { target, backup: null, status: RestoreStatus.NoBackup, message };
}

function describeSelector(selector: Exclude<Selector, { kind: 'manifest' }>, backupDir: string): string {
  switch (selector.kind) {
    case 'newest':
      return `in ${backupDir}`;
    case 'note':
      return `with note ${JSON.stringify(selector.note)} in ${backupDir}`;
    case 'before':
      return `at or before ${selector.shown} in ${backupDir}`;
  }
}

/**
 * The newest backup that fits, by the time in its name (minute, then the same-minute
 * counter). Backups of one minute without a counter (bkpfile's, with and without a note)
 * are told apart by their modification time, as list orders them.
 */
async function choose(backups: DirectoryBackups, fileName: string, selector: Exclude<Selector, { kind: 'manifest' }>): Promise<BackupEntry | undefined> {
  const fits = (entry: BackupEntry): boolean =>
    selector.kind === 'newest' || (selector.kind === 'note' && entry.note === selector.note) || (selector.kind === 'before' && entry.stamp <= selector.stamp);
  const candidates = backups.backupsOf(fileName).filter(fits);
  // A name that also reads as another file's backup is used only when there is no other.
  const pool = candidates.some(e => !e.ambiguous) ? candidates.filter(e => !e.ambiguous) : candidates;
  const newest = pool[0]; // backupsOf() is newest first
  if (!newest) return undefined;
  const tied = pool.filter(e => compareBackupAge(e, newest) === 0);
  if (tied.length === 1) return newest;
  const withTimes = await Promise.all(
    tied.map(async e => ({
      e,
      mtime: await fs.stat(e.path).then(
        s => s.mtimeMs,
        () => -Infinity
      )
    }))
  );
  withTimes.sort((a, b) => b.mtime - a.mtime || (a.e.path < b.e.path ? -1 : a.e.path > b.e.path ? 1 : 0));
  return withTimes[0]!.e;
}

/**
 * Exactly the backups a backup step's manifest names, looked up in the backup-dir input:
 * the manifest's paths must be where this file's backups live, by a name that is a backup
 * of this file; anything else is that file's error.
 */
async function planFromManifest(settings: RestoreSettings, selector: Extract<Selector, { kind: 'manifest' }>): Promise<RestorePlan[]> {
  const { workspace, backupDir } = settings;
  const matcher = patternLines(settings.patterns).length > 0 ? new PathMatcher(settings.patterns) : undefined;
  const plans = new Map<string, RestorePlan>();
  for (const entry of selector.files) {
    const target = path.resolve(workspace, entry.source);
    if (matcher && !matcher.matchesFile(target)) continue;
    if (plans.has(target)) continue;
    if ((entry.status !== 'created' && entry.status !== 'identical') || entry.backup === null) {
      plans.set(target, {
        target,
        backup: null,
        status: RestoreStatus.NoBackup,
        message: `the manifest lists no backup of it (its status in that run: ${entry.status}); it was left as it is`
      });
      continue;
    }
    if (!isInside(workspace, target) && !settings.allowOutsideWorkspace) {
      plans.set(target, {
        target,
        backup: null,
        status: RestoreStatus.OutsideWorkspace,
        message: 'it is outside the workspace (allow-outside-workspace is false)'
      });
      continue;
    }
    const invalid = (why: string): void =>
      void plans.set(target, { target, backup: null, status: RestoreStatus.InvalidBackup, message: `the manifest's backup ${entry.backup} ${why}` });
    if (entry.backup.split(/[\\/]/).includes('..')) {
      invalid('has a ".." in its path');
      continue;
    }
    const expectedDir = mirrorDir(backupDir, workspace, target);
    const named = path.resolve(workspace, entry.backup);
    const name = path.basename(named);
    if (path.dirname(named) !== expectedDir) {
      invalid(`is not where this file's backups live (${displayPath(workspace, expectedDir)}, from the backup-dir input)`);
      continue;
    }
    if (!parseBackupName(name).some(reading => reading.fileName === path.basename(target))) {
      invalid(`is not named as a backup of ${path.basename(target)}`);
      continue;
    }
    plans.set(target, { target, backup: named });
  }
  return [...plans.values()];
}
