import * as path from 'node:path';
import { readConfigFile } from './config-file.js';
import { DEFAULT_BACKUP_DIR, DEFAULT_CONFIG, Inputs } from './constants.js';

/** Where the backup directory came from, for the log and for error messages. */
export type BackupDirSource = 'input' | 'config' | 'default';

/** The input reader every step passes in (core.getInput, or a test's). */
type InputReader = (name: string) => string;

export interface ResolvedBackupDir {
  backupDir: string;
  backupDirFrom: BackupDirSource;
  configFile: string | undefined;
  /** How an error about it names it. */
  dirWhat: string;
}

/** backup-dir, else backup_dir_path from the config file, else `.bkpfile` (also used by the post step). */
export async function resolveBackupDir(getInput: InputReader, workspace: string): Promise<ResolvedBackupDir> {
  const configInput = getInput(Inputs.Config) || DEFAULT_CONFIG;
  const config = await readConfigFile(path.resolve(workspace, configInput), configInput !== DEFAULT_CONFIG);
  const explicitDir = getInput(Inputs.BackupDir);
  const [dirValue, backupDirFrom] = explicitDir
    ? ([explicitDir, 'input'] as const)
    : config?.backupDirPath
      ? ([config.backupDirPath, 'config'] as const)
      : ([DEFAULT_BACKUP_DIR, 'default'] as const);
  let backupDir = path.resolve(workspace, dirValue);
  if (backupDirFrom === 'config' && config?.useCurrentDirName) backupDir = path.join(backupDir, path.basename(workspace));
  const dirWhat = backupDirFrom === 'config' ? `backup_dir_path in ${configInput}` : `Input '${Inputs.BackupDir}'`;
  return { backupDir, backupDirFrom, configFile: config?.file, dirWhat };
}
