import { promises as fs, statSync } from 'node:fs';
import { errnoCode, errorMessage } from '../engine/fs-errors.js';
import { Inputs } from './constants.js';
import { InputError } from './input-error.js';

/** What this action takes from a bkpfile config file (`.bkpfile.yml`). */
export interface BkpfileConfig {
  file: string;
  backupDirPath: string | undefined;
  useCurrentDirName: boolean;
}

const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * Reads a bkpfile config if it exists. A missing file is an error only when `required`
 * (the `config` input was set to something other than its default). Keys this action does
 * not use (bkpfile's status codes and so on) are ignored.
 */
export async function readConfigFile(file: string, required: boolean): Promise<BkpfileConfig | undefined> {
  let text: string;
  try {
    // A synchronous stat: most steps have no config file, and fs.promises costs about 2 ms
    // of every step's start-up to load.
    const stat = statSync(file);
    if (!stat.isFile()) throw new InputError(`Input '${Inputs.Config}': ${file} is not a regular file.`);
    if (stat.size > MAX_CONFIG_BYTES) throw new InputError(`Input '${Inputs.Config}': ${file} is larger than 1 MiB.`);
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if (err instanceof InputError) throw err;
    if (errnoCode(err) === 'ENOENT' && !required) return undefined;
    throw new InputError(`Input '${Inputs.Config}': cannot read ${file}: ${errorMessage(err)}`);
  }

  let doc: unknown;
  try {
    // logLevel 'error': yaml would print warnings to stderr with the offending line, and the
    // file is the pull request's: the runner reads workflow commands on stderr too.
    // Loaded only when there is a config file to read: most steps never need a YAML parser.
    const { parse } = await import('yaml');
    doc = parse(text, { logLevel: 'error' });
  } catch (err) {
    throw new InputError(`Input '${Inputs.Config}': ${file} is not valid YAML: ${errorMessage(err).split('\n')[0]}`);
  }
  if (doc === null || doc === undefined) return { file, backupDirPath: undefined, useCurrentDirName: false };
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    throw new InputError(`Input '${Inputs.Config}': ${file} must be a YAML mapping of bkpfile settings (such as backup_dir_path).`);
  }
  const settings = doc as Record<string, unknown>;
  const dir = settings['backup_dir_path'];
  if (dir !== undefined && dir !== null && (typeof dir !== 'string' || dir.trim() === '')) {
    throw new InputError(`Input '${Inputs.Config}': backup_dir_path in ${file} must be a non-empty string (a directory path).`);
  }
  const useName = settings['use_current_dir_name'];
  if (useName !== undefined && useName !== null && typeof useName !== 'boolean') {
    throw new InputError(`Input '${Inputs.Config}': use_current_dir_name in ${file} must be true or false.`);
  }
  return { file, backupDirPath: typeof dir === 'string' ? dir.trim() : undefined, useCurrentDirName: useName === true };
}
