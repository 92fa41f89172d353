import { Inputs, type IfNoFilesFound } from './constants.js';
import { checkBackupDir, checkBackupDirIsDirectory, checkPatterns, parseIfNoFilesFound, resolveBackupDir, type InputReader } from './input-helper.js';
import { patternLines } from './patterns.js';

export interface ListSettings {
  /** Empty lists every backup in the backup directory. */
  patterns: string;
  workspace: string;
  backupDir: string;
  ifNoFilesFound: IfNoFilesFound;
}

/** Reads and checks the list step's inputs. */
export async function readListSettings(getInput: InputReader, workspace: string): Promise<ListSettings> {
  const patterns = getInput(Inputs.Path);
  const ifNoFilesFound = parseIfNoFilesFound(getInput(Inputs.IfNoFilesFound));
  if (patternLines(patterns).length > 0) await checkPatterns(patterns);
  const { backupDir, dirWhat } = await resolveBackupDir(getInput, workspace);
  checkBackupDir(backupDir, workspace, dirWhat);
  await checkBackupDirIsDirectory(backupDir, dirWhat);
  return { patterns, workspace, backupDir, ifNoFilesFound };
}
