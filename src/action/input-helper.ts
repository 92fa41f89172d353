import { statSync } from 'node:fs';
import { errnoCode, errorMessage } from '../engine/fs-errors.js';
import { IF_NO_FILES_FOUND, Inputs, type IfNoFilesFound } from './constants.js';
import { resolveBackupDir, type BackupDirSource } from './backup-dir-input.js';
import { InputError } from './input-error.js';
import { PathMatcher } from './path-matcher.js';
import { includePatterns, patternLines, patternRoot } from './patterns.js';
import { isInside } from '../engine/paths.js';

export { InputError };

/** Every input of the backup step, checked and typed. */
export interface BackupSettings {
  patterns: string;
  workspace: string;
  /** Absolute. */
  backupDir: string;
  /** Where backupDir came from, for the log. */
  backupDirFrom: BackupDirSource;
  note: string | undefined;
  dryRun: boolean;
  /** Seconds; 0 means no limit. */
  timeoutSeconds: number;
  ifNoFilesFound: IfNoFilesFound;
  followSymbolicLinks: boolean;
  allowOutsideWorkspace: boolean;
  keep: number;
  /** The config file that was read, if any. */
  configFile: string | undefined;
}

export type InputReader = (name: string) => string;

/** Longest timeout a timer can hold (2^31-1 ms), in whole seconds. */
export const MAX_TIMEOUT_SECONDS = 2_147_483;
export const MAX_NOTE_LENGTH = 200;

/**
 * Reads and checks every input before anything is written, so bad input fails the step
 * with a message that names the input and what it accepts.
 */
export async function readSettings(getInput: InputReader, workspace: string): Promise<BackupSettings> {
  const patterns = getInput(Inputs.Path);
  if (patternLines(patterns).length === 0) {
    throw new InputError(`Input '${Inputs.Path}' is required: give one or more glob patterns of files to back up, one per line.`);
  }
  const note = parseNote(getInput(Inputs.Note));
  const dryRun = parseBoolean(Inputs.DryRun, getInput(Inputs.DryRun), false);
  const timeoutSeconds = parseTimeout(getInput(Inputs.Timeout));
  const ifNoFilesFound = parseIfNoFilesFound(getInput(Inputs.IfNoFilesFound));
  const followSymbolicLinks = parseBoolean(Inputs.FollowSymbolicLinks, getInput(Inputs.FollowSymbolicLinks), true);
  const allowOutsideWorkspace = parseBoolean(Inputs.AllowOutsideWorkspace, getInput(Inputs.AllowOutsideWorkspace), false);
  const keep = parseKeep(getInput(Inputs.Keep));

  await checkPatterns(patterns);
  const { backupDir, backupDirFrom, configFile, dirWhat } = await resolveBackupDir(getInput, workspace);
  checkBackupDir(backupDir, workspace, dirWhat);
  await checkBackupDirIsDirectory(backupDir, dirWhat);
  checkPatternsOutsideBackupDir(patterns, backupDir, workspace, dirWhat);

  return {
    patterns,
    workspace,
    backupDir,
    backupDirFrom,
    note,
    dryRun,
    timeoutSeconds,
    ifNoFilesFound,
    followSymbolicLinks,
    allowOutsideWorkspace,
    keep,
    configFile
  };
}

export { resolveBackupDir, type ResolvedBackupDir } from './backup-dir-input.js';

/** An existing backup directory must be a directory (a symlink to one is fine). */
export async function checkBackupDirIsDirectory(backupDir: string, what: string): Promise<void> {
  let stat;
  try {
    stat = statSync(backupDir); // synchronous: fs.promises costs about 2 ms of start-up to load
  } catch (err) {
    const code = errnoCode(err);
    if (code === 'ENOENT') return;
    if (code === 'ENOTDIR') throw new InputError(`${what} must be a directory, but a part of ${show(backupDir)} is a file.`);
    return; // unreadable: the step reports it with the reason when it gets there
  }
  if (!stat.isDirectory()) throw new InputError(`${what} must be a directory, but ${show(backupDir)} is an existing file.`);
}

/** Patterns @actions/glob would reject (an empty `!`, `.` or `..` segments) fail here, naming the input. */
export async function checkPatterns(patterns: string): Promise<void> {
  try {
    new PathMatcher(patterns); // @actions/glob's own Pattern parses each line
  } catch (err) {
    throw new InputError(`Input '${Inputs.Path}' has a pattern @actions/glob cannot use: ${errorMessage(err)}`);
  }
}

export const show = (value: string): string => JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);

export function parseBoolean(name: string, raw: string, fallback: boolean): boolean {
  if (raw === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(raw)) return true;
  if (['false', 'False', 'FALSE'].includes(raw)) return false;
  throw new InputError(`Input '${name}' must be true or false, got ${show(raw)}.`);
}

const NOTE_RULES: [RegExp, string][] = [
  [/^\.\.?$/, 'cannot be "." or ".."'],
  [/[/\\]/, 'cannot contain a slash or a backslash'],
  [/\0/, 'cannot contain a NUL character'],
  [/[\r\n\u2028\u2029]/, 'cannot contain a line break'],
  [/[\u0001-\u001f\u007f-\u009f]/, 'cannot contain control characters'],
  // Windows refuses these in file names: a backup made on one runner must restore on any.
  [/[:*?"<>|]/, 'cannot contain : * ? " < > | (Windows forbids them in file names)'],
  [/[. ]$/, 'cannot end with a dot or a space (Windows drops them from file names)']
];

export function parseNote(raw: string): string | undefined {
  if (raw === '') return undefined;
  let problem = NOTE_RULES.find(([rule]) => rule.test(raw))?.[1];
  if (!problem && [...raw].length > MAX_NOTE_LENGTH) problem = `cannot be longer than ${MAX_NOTE_LENGTH} characters`;
  // File names are limited in bytes (255 on most file systems), not characters.
  if (!problem && Buffer.byteLength(raw) > MAX_NOTE_LENGTH) problem = `cannot be longer than ${MAX_NOTE_LENGTH} bytes in UTF-8`;
  if (problem) {
    throw new InputError(`Input '${Inputs.Note}' ${problem}: it becomes part of the backup's file name (FILE-YYYY-MM-DD-hh-mm=NOTE). Got ${show(raw)}.`);
  }
  return raw;
}

export function parseTimeout(raw: string): number {
  if (raw === '') return 0;
  const seconds = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isFinite(seconds) || seconds > MAX_TIMEOUT_SECONDS) {
    throw new InputError(`Input '${Inputs.Timeout}' must be a number of seconds from 0 (no limit) to ${MAX_TIMEOUT_SECONDS}, got ${show(raw)}.`);
  }
  return seconds;
}

export function parseKeep(raw: string): number {
  if (raw === '') return 0;
  const keep = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(keep)) {
    throw new InputError(`Input '${Inputs.Keep}' must be a whole number: how many backups of each file to keep, 0 for all. Got ${show(raw)}.`);
  }
  return keep;
}

export function parseIfNoFilesFound(raw: string): IfNoFilesFound {
  if (raw === '') return 'warn';
  const value = raw.toLowerCase() as IfNoFilesFound;
  if (!IF_NO_FILES_FOUND.includes(value)) {
    throw new InputError(`Input '${Inputs.IfNoFilesFound}' must be one of ${IF_NO_FILES_FOUND.join(', ')}, got ${show(raw)}.`);
  }
  return value;
}

/**
 * The backup directory is never backed up, so a pattern that only looks inside it would
 * back up nothing but its own backups: refuse it rather than silently find nothing.
 */
function checkPatternsOutsideBackupDir(patterns: string, backupDir: string, workspace: string, what: string): void {
  for (const line of includePatterns(patterns)) {
    if (isInside(backupDir, patternRoot(line, workspace))) {
      throw new InputError(
        `${what} must be a directory of its own: ${show(backupDir)} holds what '${Inputs.Path}' asks to back up (${show(line)}), and the backup directory is never backed up. Choose another backup directory.`
      );
    }
  }
}

export function checkBackupDir(backupDir: string, workspace: string, what: string): void {
  if (isInside(backupDir, workspace)) {
    throw new InputError(
      `${what} must be a directory of its own, not the workspace or a directory that contains it: ${show(backupDir)} would back up into the files it backs up.`
    );
  }
}
