import { describe, it, expect } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  OUTSIDE_DIR,
  displayPath,
  fileNameOf,
  ignoresCase,
  isDirectlyIn,
  isInside,
  isReservedSource,
  joinName,
  mirrorDir,
  sourceDirOf
} from '../../src/engine/paths.js';

describe('isInside', () => {
  it.each([
    ['/a/b', '/a/b', true],
    ['/a/b', '/a/b/c', true],
    ['/a/b', '/a/b/c/d.txt', true],
    ['/a/b', '/a/b/..foo', true],
    ['/a/b', '/a/b/..', false],
    ['/a/b', '/a', false],
    ['/a/b', '/a/bc', false],
    ['/a/b', '/a/bc/d', false],
    ['/a/b', '/a/b.c', false],
    ['/a/b', '/a/..b', false],
    ['/a/b', '/x/a/b', false],
    ['/a/b', '/', false],
    ['/', '/anything/at/all', true],
    ['/', '/', true],
    ['/a/b/', '/a/b/c', true],
    ['/a/b/', '/a/bc', false],
    ['/a/b', '/a/b/c/..', true],
    ['/a/b', '/a/b/c/../../x', false],
    ['/a/../b', '/b/c', true]
  ])('isInside(%s, %s) is %s', (parent, child, expected) => {
    expect(isInside(parent, child)).toBe(expected);
  });
});

describe('isDirectlyIn and fileNameOf', () => {
  it.each([
    ['/a/b', '/a/b/c', true],
    ['/a/b', '/a/b/c.txt', true],
    ['/a/b', '/a/b/c/d', false],
    ['/a/b', '/a/bc', false],
    ['/a/b', '/a/b', false],
    ['/a/b', '/a/b/', false],
    ['/a/b', '/a/c/d', false],
    ['/a/b', '/x/a/b/c', false],
    ['/a/b/', '/a/b/c', false], // not normalized: never a folder the engine keeps
    ['/', '/a', false] // the root: found by path.dirname instead
  ])('isDirectlyIn(%s, %s) is %s, and never true where path.dirname differs', (dir, file, expected) => {
    expect(isDirectlyIn(dir, file)).toBe(expected);
    if (isDirectlyIn(dir, file)) expect(path.dirname(file)).toBe(dir);
  });

  it('fileNameOf is path.basename for normalized paths', () => {
    for (const file of ['/a/b/c.txt', '/a', '/a/b c/d', '/a/.hidden', '/é/日本語.txt']) expect(fileNameOf(file)).toBe(path.basename(file));
  });
});

describe('mirrorDir', () => {
  const ws = '/home/runner/work/repo/repo';
  const backup = path.join(ws, '.bkpfile');

  it('mirrors a file in the workspace root into the backup directory itself', () => {
    expect(mirrorDir(backup, ws, path.join(ws, 'app.yml'))).toBe(backup);
  });

  it('mirrors nested directories relative to the workspace', () => {
    expect(mirrorDir(backup, ws, path.join(ws, 'config', 'app.yml'))).toBe(path.join(backup, 'config'));
    expect(mirrorDir(backup, ws, path.join(ws, 'a', 'b', 'c', 'd.txt'))).toBe(path.join(backup, 'a', 'b', 'c'));
    expect(mirrorDir(backup, ws, path.join(ws, '.github', 'workflows', 'ci.yml'))).toBe(path.join(backup, '.github', 'workflows'));
  });

  it('mirrors a file outside the workspace under its absolute path, in a part no workspace file maps to', () => {
    expect(mirrorDir(backup, ws, '/etc/nginx/nginx.conf')).toBe(path.join(backup, OUTSIDE_DIR, 'etc', 'nginx'));
    // The collision the reserved part prevents: workspace `etc/nginx/nginx.conf` goes elsewhere.
    expect(mirrorDir(backup, ws, path.join(ws, 'etc/nginx/nginx.conf'))).toBe(path.join(backup, 'etc', 'nginx'));
  });

  it('mirrors a file in a sibling whose name starts with the workspace name under its absolute path', () => {
    expect(mirrorDir(backup, ws, `${ws}-other/x.txt`)).toBe(path.join(backup, OUTSIDE_DIR, `home/runner/work/repo/repo-other`));
  });

  it('works with a backup directory outside the workspace', () => {
    expect(mirrorDir('/backups', ws, path.join(ws, 'config', 'app.yml'))).toBe('/backups/config');
    expect(mirrorDir('/backups', ws, '/etc/hosts')).toBe(`/backups/${OUTSIDE_DIR}/etc`);
  });

  it('mirrors a file at the root of the file system into the outside part itself', () => {
    expect(mirrorDir(backup, ws, '/hosts')).toBe(path.join(backup, OUTSIDE_DIR));
  });

  it('refuses workspace files whose backups would land in the outside part', () => {
    expect(isReservedSource(ws, path.join(ws, OUTSIDE_DIR, 'etc/hosts'))).toBe(true);
    expect(isReservedSource(ws, path.join(ws, 'a', OUTSIDE_DIR, 'x'))).toBe(false);
    expect(isReservedSource(ws, '/etc/hosts')).toBe(false);
  });
});

describe('mirrorDir and sourceDirOf under path.win32', () => {
  const w = path.win32;
  const ws = 'D:\\a\\repo\\repo';
  const backup = w.join(ws, '.bkpfile');

  it.each([
    [w.join(ws, 'config', 'app.yml'), w.join(backup, 'config')],
    [w.join(ws, 'app.yml'), backup],
    ['C:\\ProgramData\\app\\app.conf', w.join(backup, OUTSIDE_DIR, 'C', 'ProgramData', 'app')],
    ['\\\\server\\share\\dir\\x.txt', w.join(backup, OUTSIDE_DIR, 'server', 'share', 'dir')]
  ])('%s has its backups in %s, which maps back to its folder', (source, mirrored) => {
    expect(mirrorDir(backup, ws, source, w)).toBe(mirrored);
    expect(sourceDirOf(backup, ws, mirrored, w)).toBe(w.dirname(source));
  });
});

describe('sourceDirOf', () => {
  const ws = '/w/repo';
  const backup = '/w/repo/.bkpfile';

  it.each([
    ['/w/repo/config/app.yml', '/w/repo/.bkpfile/config'],
    ['/w/repo/app.yml', '/w/repo/.bkpfile'],
    ['/etc/nginx/nginx.conf', `/w/repo/.bkpfile/${OUTSIDE_DIR}/etc/nginx`],
    ['/w/other/x', `/w/repo/.bkpfile/${OUTSIDE_DIR}/w/other`],
    ['/x', `/w/repo/.bkpfile/${OUTSIDE_DIR}`]
  ])('is the inverse of mirrorDir for %s', (source, mirrored) => {
    expect(mirrorDir(backup, ws, source)).toBe(mirrored);
    expect(sourceDirOf(backup, ws, mirrored)).toBe(path.dirname(source));
  });

  it('is undefined outside the backup directory, and for the outside part itself on Windows', () => {
    expect(sourceDirOf(backup, ws, '/w/repo/config')).toBeUndefined();
    const w = path.win32;
    expect(sourceDirOf('D:\\a\\.bkpfile', 'D:\\a', w.join('D:\\a\\.bkpfile', OUTSIDE_DIR), w)).toBeUndefined();
  });
});

describe('displayPath', () => {
  const ws = '/w/repo';

  it('is relative with forward slashes inside the workspace', () => {
    expect(displayPath(ws, '/w/repo/config/app.yml')).toBe('config/app.yml');
    expect(displayPath(ws, '/w/repo/.bkpfile/config/app.yml-2025-05-12-13-49')).toBe('.bkpfile/config/app.yml-2025-05-12-13-49');
  });

  it('is "." for the workspace itself', () => {
    expect(displayPath(ws, ws)).toBe('.');
  });

  it('is absolute outside the workspace, including look-alike siblings', () => {
    expect(displayPath(ws, '/etc/nginx/nginx.conf')).toBe('/etc/nginx/nginx.conf');
    expect(displayPath(ws, '/w/repo2/x')).toBe('/w/repo2/x');
    expect(displayPath(ws, '/w')).toBe('/w');
  });

  it('keeps a child named ..foo relative', () => {
    expect(displayPath(ws, '/w/repo/..foo')).toBe('..foo');
  });

  it('resolves a `..` segment first', () => {
    expect(displayPath(ws, '/w/repo/a/../b')).toBe('b');
    expect(displayPath(ws, '/w/repo/a/../../x')).toBe('/w/repo/a/../../x');
  });
});

describe('ignoresCase', () => {
  it('is false on this machine’s file system, looked up inside the directory or, before it exists, by its parents', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'bkpfile-case-'));
    try {
      mkdirSync(path.join(root, 'Backups'));
      writeFileSync(path.join(root, 'Backups', 'Entry'), '');
      expect(ignoresCase(path.join(root, 'Backups'))).toBe(false);
      expect(ignoresCase(path.join(root, 'not', 'yet', 'there'))).toBe(false);
      // A link under the swapped name is another entry, not the same one found again.
      symlinkSync('Entry', path.join(root, 'Backups', 'eNTRY'));
      expect(ignoresCase(path.join(root, 'Backups'))).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('joinName', () => {
  it('is path.join for a normalized directory and one entry name', () => {
    const dirs = [path.resolve('/'), path.resolve('/a'), path.resolve('/a/b c/d'), path.join(os.tmpdir(), 'x'), path.resolve('/é/日本')];
    const names = ['f', '.hidden', '...', 'a b', '-x', '~', 'file.txt-2025-05-12-13-49_2=pre-deploy', '日本語', '1.tmp', 'back\\slash'];
    let checked = 0;
    for (const dir of dirs) {
      for (const name of names) {
        if (path.sep === '\\' && name.includes('\\')) continue; // a separator there, never an entry name
        expect(joinName(dir, name)).toBe(path.join(dir, name));
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(45);
  });

  it('gives a flat string, which a system call reading it does not copy again (unlike a concatenation)', () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const dir = path.join(os.tmpdir(), 'bkpfile-join-test', 'a-folder-name-long-enough-for-a-real-path');
    const names = Array.from({ length: 50_000 }, (_, i) => `file-${i}.dat`);
    /** Heap bytes each path gains once a system call has read it (existsSync), after a full GC. */
    const growth = (join: (dir: string, name: string) => string): number => {
      const paths = names.map(name => join(dir, name));
      gc();
      const before = process.memoryUsage().heapUsed;
      for (const p of paths) existsSync(p);
      gc();
      const after = process.memoryUsage().heapUsed;
      expect(paths).toHaveLength(names.length); // held to the end
      return (after - before) / paths.length;
    };
    expect(growth((d, n) => d + path.sep + n)).toBeGreaterThan(40);
    expect(growth(joinName)).toBeLessThan(16);
  });
});
