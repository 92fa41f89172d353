import * as path from 'node:path';
import { formatStamp } from '../engine/backup-name.js';
import { Inputs, RestoreInputs, type IfNoFilesFound } from './constants.js';
import {
  InputError,
  checkBackupDir,
  checkBackupDirIsDirectory,
  checkPatterns,
  parseBoolean,
  parseIfNoFilesFound,
  parseNote,
  parseTimeout,
  resolveBackupDir,
  show,
  type InputReader
} from './input-helper.js';
import { readManifestFiles, type ManifestFile } from './manifest.js';
import { patternLines } from './patterns.js';

/** Which backup of each file restore takes: one selector at a time. */
export type Selector =
  | { kind: 'newest' }
  | { kind: 'note'; note: string }
  /** `stamp`: the time as a backup name's `YYYY-MM-DD-hh-mm`, in the runner's local time. */
  | { kind: 'before'; stamp: string; shown: string }
  | { kind: 'manifest'; file: string; files: ManifestFile[] };

export interface RestoreSettings {
  /** May be empty only with a manifest. */
  patterns: string;
  workspace: string;
  backupDir: string;
  backupDirFrom: 'input' | 'config' | 'default';
  configFile: string | undefined;
  selector: Selector;
  dryRun: boolean;
  timeoutSeconds: number;
  ifNoFilesFound: IfNoFilesFound;
  allowOutsideWorkspace: boolean;
}

/** Reads and checks every input of the restore step before anything is changed. */
export async function readRestoreSettings(getInput: InputReader, workspace: string): Promise<RestoreSettings> {
  const patterns = getInput(Inputs.Path);
  const selectors = [Inputs.Note, RestoreInputs.Before, RestoreInputs.Manifest].filter(name => getInput(name) !== '');
  if (selectors.length > 1) {
    throw new InputError(
      `Inputs ${selectors.map(s => `'${s}'`).join(' and ')} cannot be used together: give one of '${Inputs.Note}', '${RestoreInputs.Before}' or '${RestoreInputs.Manifest}' (or none, for the newest backup).`
    );
  }
  const dryRun = parseBoolean(Inputs.DryRun, getInput(Inputs.DryRun), false);
  const timeoutSeconds = parseTimeout(getInput(Inputs.Timeout));
  const ifNoFilesFound = parseIfNoFilesFound(getInput(Inputs.IfNoFilesFound));
  const allowOutsideWorkspace = parseBoolean(Inputs.AllowOutsideWorkspace, getInput(Inputs.AllowOutsideWorkspace), false);

  let selector: Selector = { kind: 'newest' };
  const note = getInput(Inputs.Note);
  const before = getInput(RestoreInputs.Before);
  const manifest = getInput(RestoreInputs.Manifest);
  if (note) selector = { kind: 'note', note: parseNote(note)! };
  if (before) selector = { kind: 'before', stamp: parseBefore(before), shown: before };
  if (manifest) {
    const file = path.resolve(workspace, manifest);
    selector = { kind: 'manifest', file, files: await readManifestFiles(file, RestoreInputs.Manifest) };
  }
  if (patternLines(patterns).length === 0 && selector.kind !== 'manifest') {
    throw new InputError(
      `Input '${Inputs.Path}' is required (unless '${RestoreInputs.Manifest}' is given): glob patterns of the files to restore, one per line, as in the backup step.`
    );
  }
  if (patternLines(patterns).length > 0) await checkPatterns(patterns);

  const { backupDir, backupDirFrom, configFile, dirWhat } = await resolveBackupDir(getInput, workspace);
  checkBackupDir(backupDir, workspace, dirWhat);
  await checkBackupDirIsDirectory(backupDir, dirWhat);
  return { patterns, workspace, backupDir, backupDirFrom, configFile, selector, dryRun, timeoutSeconds, ifNoFilesFound, allowOutsideWorkspace };
}

const BEFORE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * `before` as a backup name's stamp (`YYYY-MM-DD-hh-mm`, local time): `YYYY-MM-DD` (that
 * day at 00:00), `YYYY-MM-DD hh:mm`, or ISO 8601. A time without a zone is the runner's
 * local time, as in the names; one with a zone is converted to it. Names carry minutes,
 * so seconds are dropped: a backup made in that minute counts as at or before it.
 */
export function parseBefore(raw: string): string {
  const fail = (why: string): InputError =>
    new InputError(
      `Input '${RestoreInputs.Before}' must be a time: YYYY-MM-DD, "YYYY-MM-DD hh:mm" (the runner's local time, as in backup names) or ISO 8601 such as 2025-05-12T13:49:00Z; ${why}, got ${show(raw)}.`
    );
  const m = BEFORE.exec(raw.trim());
  if (!m) throw fail('that is not one of these forms');
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number
  ];
  const zone = m[7];
  const valid = month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month) && hour <= 23 && minute <= 59 && second <= 59;
  if (!valid) throw fail('there is no such date or time');
  if (!zone) return [pad(year, 4), pad(month), pad(day), pad(hour), pad(minute)].join('-');
  let offsetMinutes = 0;
  if (zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = digits.length > 2 ? Number(digits.slice(2)) : 0;
    if (oh > 23 || om > 59) throw fail('the zone offset is not valid');
    offsetMinutes = sign * (oh * 60 + om);
  }
  return formatStamp(new Date(Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes * 60_000));
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
