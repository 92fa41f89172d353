import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CaseClashes } from '../../src/action/case-clashes.js';

const ws = path.join(path.sep, 'ws');
const at = (...parts: string[]): string => path.join(ws, ...parts);

describe('CaseClashes', () => {
  it('takes a name, refuses another that differs only in case, and lets a folder’s names go when the walk says it is done', () => {
    const clashes = new CaseClashes(ws);
    expect(clashes.check(at('d', 'README.md'), at('d'))).toBeUndefined();
    expect(clashes.check(at('d', 'readme.md'), at('d'))).toMatch(
      /^its name differs only in case from README\.md, and the backup directory's file system ignores case/
    );
    expect(clashes.check(at('d', 'README.md'), at('d'))).toBeUndefined(); // the same name again is no clash
    expect(clashes.check(at('e', 'readme.md'), at('e'))).toBeUndefined(); // another folder
    // Done: no file of d comes any more, so nothing of it is held.
    clashes.folderDone(at('d'));
    expect(clashes.check(at('d', 'readme.md'), at('d'))).toBeUndefined();
  });

  it('refuses every file of a folder whose path differs only in case from an earlier one, even after that one is done', () => {
    const clashes = new CaseClashes(ws);
    expect(clashes.check(at('Docs', 'a.md'), at('Docs'))).toBeUndefined();
    clashes.folderDone(at('Docs'));
    for (const name of ['a.md', 'other.md']) {
      expect(clashes.check(at('docs', name), at('docs'))).toMatch(
        /^its folder differs only in case from Docs, and the backup directory's file system ignores case: the backups of both folders would be in one folder there/
      );
    }
    // A subfolder is told apart by its own path: docs/x has no twin (its backups share no
    // folder with another's) until Docs/X comes.
    expect(clashes.check(at('docs', 'x', 'y.md'), at('docs', 'x'))).toBeUndefined();
    expect(clashes.check(at('Docs', 'X', 'y.md'), at('Docs', 'X'))).toMatch(/from docs\/x, /);
    // The first folder met again is itself, and Docs2 is no twin of Docs.
    expect(clashes.check(at('Docs', 'b.md'), at('Docs'))).toBeUndefined();
    expect(clashes.check(at('Docs2', 'a.md'), at('Docs2'))).toBeUndefined();
  });

  it('refuses a spelling that leads to the same folder through a symlink, on a source where case counts: its names are not the first one’s', () => {
    const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'bkpfile-case-')));
    try {
      mkdirSync(path.join(dir, 'Docs'));
      symlinkSync('Docs', path.join(dir, 'docs'));
      const clashes = new CaseClashes(dir);
      expect(clashes.check(path.join(dir, 'Docs', 'README.md'), path.join(dir, 'Docs'))).toBeUndefined();
      // readme.md (another file here) would share README.md's backups: the folder is refused.
      expect(clashes.check(path.join(dir, 'docs', 'readme.md'), path.join(dir, 'docs'))).toMatch(/^its folder differs only in case from Docs, /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
