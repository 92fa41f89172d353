import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

// scripts/docs.mjs run as `npm run docs` runs it, on a copy of the repository's README and
// action.yml files (--root), so the real README is never written. Line endings may be CRLF
// (a Windows checkout): the patterns here allow either.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SCRIPT = path.join(ROOT, 'scripts/docs.mjs');
const ACTION_FILES = ['action.yml', 'restore/action.yml', 'list/action.yml'];

let dir: string;

function docs(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [SCRIPT, '--root', dir, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
const readme = (): string => readFileSync(path.join(dir, 'README.md'), 'utf8');
const edit = (file: string, change: (text: string) => string): void => {
  const p = path.join(dir, file);
  writeFileSync(p, change(readFileSync(p, 'utf8')));
};

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'bkpfile-docs-'));
  for (const file of ['README.md', ...ACTION_FILES]) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    cpSync(path.join(ROOT, file), path.join(dir, file));
  }
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run docs:check', () => {
  it("passes on the repository's README", () => {
    const r = docs('--check');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('fails on a stale table, naming the README section and the action.yml, and writes nothing', () => {
    edit('restore/action.yml', t => t.replace('Restore the newest backup with exactly this note.', 'Restore the newest backup with this note.'));
    const before = readme();
    const r = docs('--check');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('the inputs table under "Restore" (<!-- docs:restore:inputs -->');
    expect(r.stderr).toContain('restore/action.yml');
    expect(r.stderr).toContain('npm run docs');
    expect(r.stderr).not.toContain('docs:backup');
    expect(readme()).toBe(before);
  });

  it('fails when a marker is missing, naming it', () => {
    edit('README.md', t => t.replace(/<!-- docs:list:outputs:end -->\r?\n/, ''));
    const r = docs('--check');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('<!-- docs:list:outputs:end -->');
  });

  it('rejects an unknown argument with the usage line and exit code 2', () => {
    const r = docs('--chek');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('usage: node scripts/docs.mjs');
  });
});

describe('npm run docs', () => {
  it('brings a stale README back in sync, and a second run changes nothing', () => {
    edit('action.yml', t => t.replace('Number of backups created.', 'How many backups were created.'));
    expect(docs().status).toBe(0);
    const once = readme();
    expect(once).toContain('| `created` | How many backups were created. |');
    expect(docs('--check').status).toBe(0);
    expect(docs().status).toBe(0);
    expect(readme()).toBe(once);
  });

  it('changes only what lies between the markers', () => {
    const before = readme().replace(/(<!-- (docs:[a-z]+:[a-z]+) -->)[\s\S]*?(<!-- \2:end -->)/g, '$1$3');
    edit('README.md', t => t.replace(/(<!-- (docs:[a-z]+:[a-z]+) -->)[\s\S]*?(<!-- \2:end -->)/g, '$1\n| stale |\n$3'));
    expect(docs().status).toBe(0);
    expect(readme().replace(/(<!-- (docs:[a-z]+:[a-z]+) -->)[\s\S]*?(<!-- \2:end -->)/g, '$1$3')).toBe(before);
  });

  it('renders a multi-line description as one cell: lines joined, inline code kept, | and < escaped', () => {
    edit('list/action.yml', t =>
      t.replace(
        /^ {2}count:\r?\n {4}description: .*\r?\n/m,
        '  count:\n    description: |\n      Number of backups, e.g. `a | b`\n      or <none>.\n\n      Second paragraph.\n'
      )
    );
    expect(docs().status).toBe(0);
    expect(readme()).toContain('| `count` | Number of backups, e.g. `a \\| b` or &lt;none>.<br>Second paragraph. |');
  });

  it('puts the "Default: …" sentence of an input without a default: in the default column', () => {
    edit('README.md', t => t.replace(/(<!-- docs:backup:inputs -->)[\s\S]*?(<!-- docs:backup:inputs:end -->)/, '$1\n$2'));
    expect(docs().status).toBe(0);
    expect(readme()).toMatch(/^\| `backup-dir` \| `backup_dir_path` from the config file if it sets one, else `\.bkpfile` \| Where backups go/m);
  });

  it('keeps a README with CRLF line endings in CRLF', () => {
    edit('README.md', t => t.replace(/\r?\n/g, '\r\n'));
    expect(docs('--check').status).toBe(0);
    edit('action.yml', t => t.replace('Number of backups created.', 'Backups created.'));
    expect(docs().status).toBe(0);
    expect(readme()).toContain('| `created` | Backups created. |\r\n');
    expect(readme()).not.toMatch(/[^\r]\n/);
  });
});
