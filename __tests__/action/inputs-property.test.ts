/**
 * readSettings over arbitrary strings for every input (control characters, '/', '..',
 * huge numbers, unicode, empty): it resolves to settings that keep every documented rule,
 * or rejects with an InputError that names the input; it never throws anything else, and
 * it writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { InputError, MAX_NOTE_LENGTH, MAX_TIMEOUT_SECONDS, readSettings } from '../../src/action/input-helper.js';
import { actionDefaults } from '../action-defaults.js';

const INPUT_NAMES = [
  'path',
  'backup-dir',
  'note',
  'dry-run',
  'timeout',
  'if-no-files-found',
  'follow-symbolic-links',
  'allow-outside-workspace',
  'keep',
  'config'
] as const;
type InputName = (typeof INPUT_NAMES)[number];

/** Config files the `config` input can name (made in the workspace below). */
const CONFIG_FILES: Record<string, string> = {
  'cfg/good.yml': 'backup_dir_path: from-config\n',
  'cfg/abs.yml': 'backup_dir_path: /tmp/bkpfile-never-created\nuse_current_dir_name: true\n',
  'cfg/bad.yml': 'backup_dir_path: [unclosed\n',
  'cfg/list.yml': '- a\n- b\n',
  'cfg/scalar.yml': 'just text\n',
  'cfg/empty.yml': '',
  'cfg/dot.yml': 'backup_dir_path: .\n',
  'cfg/up.yml': 'backup_dir_path: ..\n',
  'cfg/number.yml': 'backup_dir_path: 5\n',
  'cfg/blank.yml': "backup_dir_path: '  '\n",
  'cfg/use-name.yml': 'use_current_dir_name: yes please\n',
  'cfg/big.yml': `# ${'x'.repeat(1024 * 1024 + 10)}\n`
};

/** Strings worth trying in any input, on top of arbitrary ones. */
const INTERESTING = [
  '',
  ' ',
  '\t',
  '\n',
  '\r\n',
  '\0',
  'a\0b',
  '/',
  '//',
  '.',
  '..',
  '../..',
  '../../..',
  '/tmp',
  '~',
  '\\',
  'C:\\x',
  'true',
  'false',
  'TRUE',
  'False',
  'tRuE',
  'yes',
  '1',
  '0',
  '-0',
  '-1',
  '+1',
  '00',
  '0.5',
  '.5',
  '5.',
  '1e3',
  '1e309',
  '-1e309',
  'Infinity',
  'NaN',
  '0x10',
  '0b1',
  '2147483',
  '2147484',
  '999999999',
  '1000000000',
  '99999999999999999999999999',
  '9'.repeat(400),
  '١٢٣',
  '１２',
  'ＴＲＵＥ',
  'İ',
  'warn',
  'WARN',
  'error',
  'ignore',
  'Ignore',
  'warn\n',
  'x'.repeat(201),
  'é'.repeat(101),
  '😀'.repeat(51),
  '\u2028',
  '\u0085',
  '\u200b',
  '\ufeff',
  '##[add-mask]x',
  '::error::e',
  '<b>',
  '%0A',
  '.bkpfile',
  '.bkpfile.yml',
  '.git',
  ...Object.keys(CONFIG_FILES),
  'cfg',
  'cfg/fifo',
  'cfg/missing.yml',
  'src',
  'src/**',
  '!src',
  '# comment'
];

/** Paths made of '..', '.', '/' and names, absolute or not. */
const pathLike = fc
  .array(fc.constantFrom('..', '.', '', 'a', 'src', 'cfg', 'good.yml', '.bkpfile', '.bkpfile.yml', 'workspace'), { maxLength: 6 })
  .chain(parts => fc.constantFrom(parts.join('/'), `/${parts.join('/')}`, `${parts.join('/')}/`));

const anyString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...INTERESTING) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  fc.string({ unit: 'binary-ascii', maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.bigInt().map(String),
  fc.double().map(String),
  fc.nat().map(String),
  pathLike
);

/** Values each input accepts, so that the checks after a bad one are reached too. */
const VALID: Record<InputName, fc.Arbitrary<string>> = {
  // Absolute ones too: with those, only the backup-dir's own check stops '..' or '/'.
  path: fc.constantFrom('src/**', 'src\n!src/skip', '**', '# comment\nsrc', 'src/app.txt', '/opt/bkpfile-elsewhere/**', '/opt/x.conf'),
  // 'src' and 'src/.bk' are refused with most of the paths above: they hold what those search.
  'backup-dir': fc.constantFrom('', '.bkpfile', 'backups', 'a/b/c', '/tmp/bkpfile-never-created', '##[add-mask]x', 'ünï', 'src', 'src/.bk'),
  note: fc.constantFrom('', 'pre-deploy', 'n##[add-mask]x', 'é'.repeat(100), 'x'.repeat(MAX_NOTE_LENGTH)),
  'dry-run': fc.constantFrom('', 'true', 'false', 'TRUE', 'False'),
  timeout: fc.constantFrom('', '0', '1.5', '3600', String(MAX_TIMEOUT_SECONDS)),
  'if-no-files-found': fc.constantFrom('', 'warn', 'error', 'ignore', 'IGNORE'),
  'follow-symbolic-links': fc.constantFrom('', 'true', 'false'),
  'allow-outside-workspace': fc.constantFrom('', 'true', 'false'),
  keep: fc.constantFrom('', '0', '3', '999999999'),
  config: fc.constantFrom('', '.bkpfile.yml', 'cfg/good.yml', 'cfg/abs.yml', 'cfg/empty.yml')
};

/** What action.yml passes when a step sets only path (backup-dir has no default there). */
const BASE = { ...actionDefaults(), path: 'src/**' } as Record<InputName, string>;

/** Valid inputs with none, one, a few, or all of them replaced by arbitrary strings. */
const inputsArb = fc
  .record({
    valid: fc.record(VALID),
    arbitrary: fc.record(Object.fromEntries(INPUT_NAMES.map(name => [name, anyString])) as Record<InputName, fc.Arbitrary<string>>),
    which: fc.oneof(
      fc.constant([] as InputName[]),
      fc.uniqueArray(fc.constantFrom(...INPUT_NAMES), { minLength: 1, maxLength: 3 }),
      fc.constant([...INPUT_NAMES])
    )
  })
  .map(({ valid, arbitrary, which }) => {
    const inputs: Record<InputName, string> = { ...valid };
    for (const name of which) inputs[name] = arbitrary[name];
    return inputs;
  });

/** Every entry below `root`: type, mode, size and mtime (enough to see any write). */
async function listing(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (dir: string): Promise<void> => {
    for (const e of await fs.readdir(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      const st = await fs.lstat(p);
      out[path.relative(root, p)] = `${st.mode.toString(8)} ${st.size} ${st.mtimeMs}`;
      if (st.isDirectory()) await walk(p);
    }
  };
  await walk(root);
  return out;
}

const inside = (parent: string, child: string): boolean => {
  const rel = path.relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
};

describe('readSettings over arbitrary inputs (fast-check)', () => {
  let root: string;
  let ws: string;
  let before: Record<string, string>;

  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'bkpfile-inputs-property-'));
    ws = path.join(root, 'workspace');
    await fs.mkdir(path.join(ws, 'src'), { recursive: true });
    await fs.writeFile(path.join(ws, 'src/app.txt'), 'app\n');
    await fs.writeFile(path.join(ws, '.bkpfile.yml'), 'backup_dir_path: backups\n');
    for (const [rel, text] of Object.entries(CONFIG_FILES)) {
      await fs.mkdir(path.dirname(path.join(ws, rel)), { recursive: true });
      await fs.writeFile(path.join(ws, rel), text);
    }
    execFileSync('mkfifo', [path.join(ws, 'cfg/fifo')]); // reading it would hang: it must only be stat()ed
    before = await listing(root);
  });

  afterAll(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  it('resolves to settings that keep every rule, or rejects with an InputError naming the input; writes nothing', async () => {
    let resolved = 0;
    let rejected = 0;
    await fc.assert(
      fc.asyncProperty(inputsArb, fc.boolean(), async (inputs, trimLikeCore) => {
        // core.getInput trims; readSettings must also cope with what it gets untrimmed.
        const getInput = (name: string): string => {
          const value = inputs[name as InputName] ?? '';
          return trimLikeCore ? value.trim() : value;
        };

        let settings;
        try {
          settings = await readSettings(getInput, ws);
        } catch (err) {
          rejected += 1;
          expect(err).toBeInstanceOf(InputError);
          const message = (err as InputError).message;
          const configFile = getInput('config') || '.bkpfile.yml';
          const namesInput = INPUT_NAMES.some(name => message.includes(`Input '${name}'`));
          // A problem inside the config file names that file and the setting.
          const namesConfigFile = /config/.test(message) || message.startsWith(`backup_dir_path in ${configFile} `);
          expect({ message, named: namesInput || namesConfigFile }).toEqual({ message, named: true });
          expect(await listing(root)).toEqual(before);
          return;
        }
        resolved += 1;
        expect(await listing(root)).toEqual(before);

        // What it resolved to keeps the documented rules.
        expect(settings.workspace).toBe(ws);
        expect(settings.patterns.split(/\r?\n/).some(l => l.trim() && !l.trim().startsWith('#'))).toBe(true);
        expect(path.isAbsolute(settings.backupDir)).toBe(true);
        expect(inside(settings.backupDir, ws)).toBe(false); // never the workspace or above it
        // ... nor a directory that holds what a pattern searches (it is never backed up).
        for (const line of settings.patterns.split(/\r?\n/).map(l => l.trim())) {
          if (!line || line.startsWith('#') || line.startsWith('!')) continue;
          const literal = line.split(/[\\/]/);
          const wild = literal.findIndex(part => /[*?[\]]/.test(part));
          const searchRoot = path.resolve(ws, (wild < 0 ? literal : literal.slice(0, wild)).join('/') || (line.startsWith('/') ? '/' : '.'));
          expect({ line, backupDir: settings.backupDir, holds: inside(settings.backupDir, searchRoot) }).toEqual({
            line,
            backupDir: settings.backupDir,
            holds: false
          });
        }
        if (settings.note !== undefined) {
          expect(settings.note).not.toMatch(/[/\\\u0000-\u001f\u007f\u2028\u2029]/);
          expect(['.', '..']).not.toContain(settings.note);
          expect([...settings.note].length).toBeLessThanOrEqual(MAX_NOTE_LENGTH);
          expect(Buffer.byteLength(settings.note)).toBeLessThanOrEqual(MAX_NOTE_LENGTH);
        }
        expect(Number.isFinite(settings.timeoutSeconds)).toBe(true);
        expect(settings.timeoutSeconds).toBeGreaterThanOrEqual(0);
        expect(settings.timeoutSeconds).toBeLessThanOrEqual(MAX_TIMEOUT_SECONDS);
        expect(Number.isSafeInteger(settings.keep) && settings.keep >= 0).toBe(true);
        expect(['warn', 'error', 'ignore']).toContain(settings.ifNoFilesFound);
        for (const flag of [settings.dryRun, settings.followSymbolicLinks, settings.allowOutsideWorkspace]) expect(typeof flag).toBe('boolean');
        const dryRun = getInput('dry-run');
        expect(settings.dryRun).toBe(dryRun === '' ? false : dryRun.toLowerCase() === 'true');
        const keep = getInput('keep');
        expect(settings.keep).toBe(keep === '' ? 0 : Number(keep));
      }),
      {
        numRuns: 1000,
        // Rare in random draws, so always tried: a backup-dir that is the workspace or above it,
        // with patterns outside the workspace (so no other check stands in for that one).
        examples: ['.', '..', '/', `${os.tmpdir()}`].map(
          dir => [{ ...BASE, path: '/opt/x.conf', 'backup-dir': dir }, true] as [Record<InputName, string>, boolean]
        )
      }
    );
    // Both halves of the property were exercised.
    expect(resolved).toBeGreaterThan(10);
    expect(rejected).toBeGreaterThan(10);
  }, 60_000);
});
