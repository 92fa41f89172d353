import { describe, it, expect, beforeEach, afterEach } from '@jest/globals';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { actionDefaults } from '../action-defaults.js';
import { InputError, readSettings, MAX_NOTE_LENGTH } from '../../src/action/input-helper.js';
import { patternRoot } from '../../src/action/patterns.js';

/** What the runner passes when the user writes nothing: action.yml's defaults. */
// action.yml's defaults (backup-dir has none, so getInput gives ''), and a path.
const DEFAULTS: Record<string, string> = { ...actionDefaults(), path: 'config/**' };

const reader =
  (inputs: Record<string, string>) =>
  (name: string): string =>
    ({ ...DEFAULTS, ...inputs })[name] ?? '';

describe('readSettings', () => {
  let root: string;
  let ws: string;

  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'bkpfile-inputs-'));
    ws = path.join(root, 'my-repo');
    await fs.mkdir(ws);
  });

  afterEach(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  const read = (inputs: Record<string, string> = {}) => readSettings(reader(inputs), ws);

  /** Fails with an InputError whose message names `input`; nothing is written. */
  const expectInputError = async (inputs: Record<string, string>, input: string): Promise<InputError> => {
    const before = await fs.readdir(ws);
    let caught: unknown;
    try {
      await read(inputs);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(InputError);
    expect((caught as InputError).message).toContain(input);
    expect(await fs.readdir(ws)).toEqual(before);
    return caught as InputError;
  };

  it('gives the documented defaults', async () => {
    const settings = await read();
    expect(settings).toEqual({
      patterns: 'config/**',
      workspace: ws,
      backupDir: path.join(ws, '.bkpfile'),
      backupDirFrom: 'default',
      note: undefined,
      dryRun: false,
      timeoutSeconds: 0,
      ifNoFilesFound: 'warn',
      followSymbolicLinks: true,
      allowOutsideWorkspace: false,
      keep: 0,
      configFile: undefined
    });
    expect(await fs.readdir(ws)).toEqual([]);
  });

  it('reads every input when given', async () => {
    const settings = await read({
      path: 'a\n!b',
      'backup-dir': '/var/backups/x',
      note: 'pre-deploy',
      'dry-run': 'true',
      timeout: '90',
      'if-no-files-found': 'error',
      'follow-symbolic-links': 'false',
      'allow-outside-workspace': 'TRUE',
      keep: '5'
    });
    expect(settings).toMatchObject({
      patterns: 'a\n!b',
      backupDir: '/var/backups/x',
      backupDirFrom: 'input',
      note: 'pre-deploy',
      dryRun: true,
      timeoutSeconds: 90,
      ifNoFilesFound: 'error',
      followSymbolicLinks: false,
      allowOutsideWorkspace: true,
      keep: 5
    });
  });

  it('accepts fractional and empty timeouts', async () => {
    expect((await read({ timeout: '0.5' })).timeoutSeconds).toBe(0.5);
    expect((await read({ timeout: '' })).timeoutSeconds).toBe(0);
  });

  it('accepts ignore and any case for if-no-files-found', async () => {
    expect((await read({ 'if-no-files-found': 'ignore' })).ifNoFilesFound).toBe('ignore');
    expect((await read({ 'if-no-files-found': 'ERROR' })).ifNoFilesFound).toBe('error');
  });

  it('resolves a relative backup-dir against the workspace', async () => {
    expect((await read({ 'backup-dir': 'out/backups' })).backupDir).toBe(path.join(ws, 'out', 'backups'));
    expect((await read({ 'backup-dir': '../sibling' })).backupDir).toBe(path.join(root, 'sibling'));
  });

  it.each([
    ['timeout', 'abc'],
    ['timeout', '-5'],
    ['timeout', '1e3'],
    ['timeout', '0x10'],
    ['timeout', 'Infinity'],
    ['timeout', '99999999999'],
    ['note', '../x'],
    ['note', 'a/b'],
    ['note', 'a\\b'],
    ['note', '..'],
    ['note', '.'],
    ['note', 'line\nbreak'],
    ['note', 'carriage\rreturn'],
    ['note', 'nul\0byte'],
    ['note', 'tab\there'],
    ['note', 'c1\u0085control'],
    ['note', 'csi\u009b31m'],
    ['note', 'drive:c'],
    ['note', 'wild*'],
    ['note', 'what?'],
    ['note', 'say "hi"'],
    ['note', '<b>'],
    ['note', 'a|b'],
    ['note', 'trailing.'],
    ['note', 'trailing '],
    ['note', 'x'.repeat(MAX_NOTE_LENGTH + 1)],
    ['if-no-files-found', 'maybe'],
    ['keep', 'lots'],
    ['keep', '-1'],
    ['keep', '1.5'],
    ['dry-run', 'yes'],
    ['follow-symbolic-links', '1'],
    ['allow-outside-workspace', 'on']
  ])('rejects %s: %j with an InputError naming the input', async (input, value) => {
    await expectInputError({ [input]: value }, `'${input}'`);
  });

  it('accepts a note of exactly 200 characters, with "=" and "-" and unicode', async () => {
    expect((await read({ note: 'n'.repeat(MAX_NOTE_LENGTH) })).note).toBe('n'.repeat(200));
    expect((await read({ note: 'a=b-c d' })).note).toBe('a=b-c d');
    expect((await read({ note: 'é'.repeat(100) })).note).toBe('é'.repeat(100));
  });

  it('rejects a note of 200 characters that is over 200 bytes (file names are limited in bytes)', async () => {
    await expectInputError({ note: 'é'.repeat(101) }, `'note'`);
  });

  it.each([
    ['empty', ''],
    ['blank lines', '\n  \n'],
    ['only comments', '# nothing here\n  # nor here']
  ])('rejects a path that is %s', async (_what, value) => {
    await expectInputError({ path: value }, `'path'`);
  });

  it.each([
    ['the workspace', (ws: string) => ws],
    ['the workspace as "."', () => '.'],
    ['the parent of the workspace', () => '..'],
    ['the parent, absolute', (ws: string) => path.dirname(ws)],
    ['the root', () => '/']
  ])('rejects backup-dir equal to %s', async (_what, value) => {
    await expectInputError({ 'backup-dir': value(ws) }, `'backup-dir'`);
  });

  it.each([
    ['config', 'config/*.yml'],
    ['config', 'config/app.yml'],
    ['out', 'README.md\nout/**']
  ])('rejects backup-dir %s that holds what path %j backs up', async (dir, patterns) => {
    const err = await expectInputError({ 'backup-dir': dir, path: patterns }, `'backup-dir'`);
    expect(err.message).toContain("holds what 'path' asks to back up");
  });

  it('accepts a backup-dir inside a directory that path searches (the backup directory is skipped there)', async () => {
    expect((await read({ 'backup-dir': 'config/.bkp', path: 'config/**' })).backupDir).toBe(path.join(ws, 'config/.bkp'));
    expect((await read({ path: '**\n!config/x' })).backupDir).toBe(path.join(ws, '.bkpfile'));
  });

  describe('config file', () => {
    const writeConfig = (text: string, name = '.bkpfile.yml'): Promise<void> => fs.writeFile(path.join(ws, name), text);

    it('uses backup_dir_path from .bkpfile.yml when backup-dir is empty', async () => {
      await writeConfig('backup_dir_path: backups\n');
      const settings = await read();
      expect(settings.backupDir).toBe(path.join(ws, 'backups'));
      expect(settings.backupDirFrom).toBe('config');
      expect(settings.configFile).toBe(path.join(ws, '.bkpfile.yml'));
    });

    it('ignores backup_dir_path when backup-dir is given', async () => {
      await writeConfig('backup_dir_path: backups\n');
      const settings = await read({ 'backup-dir': 'explicit' });
      expect(settings.backupDir).toBe(path.join(ws, 'explicit'));
      expect(settings.backupDirFrom).toBe('input');
    });

    it('uses the default .bkpfile when the config has no backup_dir_path', async () => {
      await writeConfig('other_setting: 1\n');
      const settings = await read();
      expect(settings.backupDir).toBe(path.join(ws, '.bkpfile'));
      expect(settings.backupDirFrom).toBe('default');
    });

    it('is fine without the default config file', async () => {
      const settings = await read({ config: '.bkpfile.yml' });
      expect(settings.configFile).toBeUndefined();
      expect(settings.backupDir).toBe(path.join(ws, '.bkpfile'));
    });

    it('reads a non-default config file', async () => {
      await fs.mkdir(path.join(ws, 'ci'));
      await writeConfig('backup_dir_path: /srv/backups\n', 'ci/bkp.yml');
      const settings = await read({ config: 'ci/bkp.yml' });
      expect(settings.backupDir).toBe('/srv/backups');
      expect(settings.configFile).toBe(path.join(ws, 'ci', 'bkp.yml'));
    });

    it('fails naming config when a non-default config file is missing', async () => {
      await expectInputError({ config: 'ci/missing.yml' }, `'config'`);
    });

    it('fails naming config for invalid YAML', async () => {
      await writeConfig('backup_dir_path: [unclosed\n  - : :');
      await expectInputError({}, `'config'`);
    });

    it('fails naming config when the YAML is not a mapping', async () => {
      await writeConfig('- a\n- b\n');
      await expectInputError({}, `'config'`);
    });

    it('fails naming config when backup_dir_path is not a string', async () => {
      await writeConfig('backup_dir_path: 42\n');
      await expectInputError({}, `'config'`);
    });

    it('appends the workspace base name with use_current_dir_name: true', async () => {
      await writeConfig('backup_dir_path: backups\nuse_current_dir_name: true\n');
      const settings = await read();
      expect(settings.backupDir).toBe(path.join(ws, 'backups', 'my-repo'));
    });

    it('does not append the base name with use_current_dir_name: false', async () => {
      await writeConfig('backup_dir_path: backups\nuse_current_dir_name: false\n');
      expect((await read()).backupDir).toBe(path.join(ws, 'backups'));
    });

    it('rejects a backup_dir_path that contains the workspace, naming backup_dir_path', async () => {
      await writeConfig('backup_dir_path: ..\n');
      await expectInputError({}, 'backup_dir_path');
    });

    it('is an empty config when the file is empty', async () => {
      await writeConfig('');
      const settings = await read();
      expect(settings.backupDirFrom).toBe('default');
      expect(settings.configFile).toBe(path.join(ws, '.bkpfile.yml'));
    });
  });
});

describe('patternRoot and a backup-dir that holds the sources', () => {
  const ws = '/work/ws';
  it.each([
    ['config/*.yml', '/work/ws/config'],
    ['config/app.yml', '/work/ws/config/app.yml'],
    ['**', '/work/ws'],
    ['a/b/**/c', '/work/ws/a/b'],
    ['/etc/nginx/*.conf', '/etc/nginx'],
    ['/*', '/'],
    ['?x/y', '/work/ws'],
    ['~/rc/*', path.join(os.homedir(), 'rc')],
    ['~', os.homedir()]
  ])('%s searches from %s', (pattern, root) => {
    expect(patternRoot(pattern, ws)).toBe(root);
  });
});
