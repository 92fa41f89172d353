import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as glob from '@actions/glob';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PathMatcher, globPatterns } from '../../src/action/path-matcher.js';

/**
 * Restore matches paths that may no longer exist, so it applies @actions/glob's own pattern
 * rules to path strings. On a tree that does exist, that must give exactly what the
 * globber finds (with the options the actions use).
 */
describe('PathMatcher matches as @actions/glob finds', () => {
  let root: string;
  let all: string[];

  beforeAll(async () => {
    root = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'bkpfile-matcher-')));
    const files = [
      'config/app.yml',
      'config/db/primary.yml',
      'config/db/replica.yml',
      'config/.hidden.yml',
      '.env',
      '.github/workflows/ci.yml',
      'a.txt',
      'b.txt',
      'c.txt',
      'README.md',
      'docs/a.txt',
      'docs/deep/er/x.md',
      'node_modules/pkg/index.js',
      'con fig/space.yml',
      'weird[1].txt'
    ];
    for (const rel of files) {
      await fs.mkdir(path.join(root, path.dirname(rel)), { recursive: true });
      await fs.writeFile(path.join(root, rel), rel);
    }
    all = files.map(rel => path.join(root, rel)).sort();
  });

  afterAll(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  it.each([
    ['**'],
    ['**/*.yml'],
    ['config'],
    ['config/'],
    ['config\n!config/db/**'],
    ['**\n!node_modules/**\n!**/.git/**'],
    ['.github/**'],
    ['*'],
    ['*.txt'],
    ['[ab].txt'],
    ['config/*.yml\n!config/app.yml'],
    ['**/db'],
    ['con*'],
    ['docs/**/*.md'],
    ['# a comment\nREADME.md\n\n  .env  '],
    ['config/db/primary.yml'],
    ['**/*.yml\n!**/db/*\nconfig/db/replica.yml'],
    ['weird\\[1\\].txt']
  ])('%j', async lines => {
    const patterns = lines
      .split('\n')
      .map(line => {
        const t = line.trim();
        if (!t || t.startsWith('#')) return line;
        return t.startsWith('!') ? `!${root}/${t.slice(1)}` : `${root}/${t}`;
      })
      .join('\n');
    const globber = await glob.create(patterns, { implicitDescendants: true, matchDirectories: false, excludeHiddenFiles: false });
    const found = (await globber.glob()).sort();
    const matcher = new PathMatcher(patterns);
    expect(all.filter(file => matcher.matchesFile(file))).toEqual(found);
    // The walk may only be pruned where nothing below can match.
    for (const file of found) {
      for (let dir = path.dirname(file); dir.startsWith(root); dir = path.dirname(dir)) expect(matcher.mayMatchBelow(dir)).toBe(true);
    }
    // A folder said to be matched whole has every file below it found.
    const dirs = new Set(
      all.flatMap(file =>
        path
          .relative(root, path.dirname(file))
          .split(path.sep)
          .map((_, i, parts) => path.join(root, ...parts.slice(0, i + 1)))
      )
    );
    for (const dir of [root, ...dirs]) {
      if (!matcher.matchesAllBelow(dir)) continue;
      expect({ dir, missed: all.filter(file => file.startsWith(`${dir}/`) && !found.includes(file)) }).toEqual({ dir, missed: [] });
    }
  });

  it('matches a path that does not exist (a file a deploy deleted)', () => {
    const matcher = new PathMatcher(`${root}/config`);
    expect(matcher.matchesFile(`${root}/config/removed/gone.yml`)).toBe(true);
    expect(matcher.matchesFile(`${root}/other/gone.yml`)).toBe(false);
    expect(matcher.mayMatchBelow(`${root}/other`)).toBe(false);
  });

  it('builds a pattern list once for the input check and the walk that follows: the same patterns in a new array', () => {
    const lines = `${root}/config\n!${root}/config/db/**`;
    const first = globPatterns(lines);
    const again = globPatterns(lines);
    expect(again).not.toBe(first);
    expect(again).toHaveLength(first.length);
    again.forEach((pattern, i) => expect(pattern).toBe(first[i]));
    again.pop(); // the caller's array is its own
    expect(globPatterns(lines)).toHaveLength(first.length);
    // Other patterns in between: built anew, and the first ones built anew after them.
    const other = globPatterns(`${root}/other`);
    expect(other[0]!.searchPath).toBe(`${root}/other`);
    const rebuilt = globPatterns(lines);
    expect(rebuilt[0]).not.toBe(first[0]);
    expect(rebuilt.map(p => p.searchPath)).toEqual(first.map(p => p.searchPath));
    // A relative line is resolved against the working directory: another one, another list.
    const cwd = process.cwd();
    try {
      process.chdir(root);
      const here = globPatterns('config');
      process.chdir(path.join(root, 'config'));
      expect(globPatterns('config')[0]!.searchPath).toBe(path.join(root, 'config', 'config'));
      expect(here[0]!.searchPath).toBe(path.join(root, 'config'));
    } finally {
      process.chdir(cwd);
    }
  });

  it('takes a folder whole only where no later `!` pattern can take something below it back', () => {
    const whole = new PathMatcher(`${root}/config`);
    expect([`${root}/config`, `${root}/config/removed`, root, `${root}/other`].map(dir => whole.matchesAllBelow(dir))).toEqual([true, true, false, false]);
    expect(new PathMatcher(`${root}/config\n!${root}/config/db/**`).matchesAllBelow(`${root}/config`)).toBe(false);
    expect(new PathMatcher(`!${root}/config/db/**\n${root}/config`).matchesAllBelow(`${root}/config`)).toBe(true);
    expect(new PathMatcher(`${root}/**/*.yml`).matchesAllBelow(`${root}/config`)).toBe(false);
    expect(new PathMatcher(`${root}/config/`).matchesAllBelow(`${root}/config`)).toBe(true);
  });
});
