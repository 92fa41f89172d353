import { describe, it, expect } from '@jest/globals';
import * as path from 'node:path';
import { displayPath, isInside, mirrorDir } from '../../src/engine/paths.js';

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
    ['/', '/', true]
  ])('isInside(%s, %s) is %s', (parent, child, expected) => {
    expect(isInside(parent, child)).toBe(expected);
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

  it('mirrors a file outside the workspace under its absolute path', () => {
    expect(mirrorDir(backup, ws, '/etc/nginx/nginx.conf')).toBe(path.join(backup, 'etc', 'nginx'));
  });

  it('mirrors a file in a sibling whose name starts with the workspace name under its absolute path', () => {
    expect(mirrorDir(backup, ws, `${ws}-other/x.txt`)).toBe(path.join(backup, `home/runner/work/repo/repo-other`));
  });

  it('works with a backup directory outside the workspace', () => {
    expect(mirrorDir('/backups', ws, path.join(ws, 'config', 'app.yml'))).toBe('/backups/config');
    expect(mirrorDir('/backups', ws, '/etc/hosts')).toBe('/backups/etc');
  });

  it('mirrors a file at the root of the file system into the backup directory', () => {
    expect(mirrorDir(backup, ws, '/hosts')).toBe(backup);
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
});
