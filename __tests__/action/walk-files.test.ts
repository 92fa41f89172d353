import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import * as glob from '@actions/glob';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LARGE_FOLDER_BYTES, walkFiles, type WalkEntry } from '../../src/action/walk-files.js';

/**
 * The walk must find what @actions/glob finds, with the options the actions use, on the
 * layouts @actions/glob's own globber tests build (symlinked folders, cycles, broken
 * links, hidden files, patterns that are not partial matches), for both values of
 * followSymbolicLinks; it differs only where it must: it never enters the backup
 * directory, and it reports what it cannot enter instead of failing.
 */
describe('walkFiles finds what @actions/glob finds', () => {
  let root: string;
  const never = (_dir: string): boolean => false;

  beforeEach(async () => {
    root = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'bkpfile-walk-')));
  });
  afterEach(async () => {
    await fs.chmod(root, 0o755).catch(() => undefined);
    await fs.rm(root, { recursive: true, force: true });
  });

  async function tree(spec: Record<string, string | { link: string } | 'dir' | 'fifo'>): Promise<void> {
    for (const [rel, what] of Object.entries(spec)) {
      const p = path.join(root, rel);
      await fs.mkdir(path.dirname(p), { recursive: true });
      if (what === 'dir') await fs.mkdir(p, { recursive: true });
      else if (what === 'fifo') execFileSync('mkfifo', [p]);
      else if (typeof what === 'string') await fs.writeFile(p, what);
      else await fs.symlink(what.link, p);
    }
  }

  /** The walk's files and problems (its folder-done entries are looked at on their own, below). */
  async function walk(patterns: string, followSymbolicLinks: boolean, skipDir = never): Promise<Exclude<WalkEntry, { kind: 'folder-done' }>[]> {
    return (await walkAll(patterns, followSymbolicLinks, skipDir)).filter(e => e.kind !== 'folder-done');
  }

  async function walkAll(patterns: string, followSymbolicLinks: boolean, skipDir = never): Promise<WalkEntry[]> {
    const out: WalkEntry[] = [];
    for await (const batch of walkFiles({ patterns, followSymbolicLinks, skipDir, signal: new AbortController().signal })) out.push(...batch);
    return out;
  }

  async function globbed(patterns: string, followSymbolicLinks: boolean): Promise<string[]> {
    const globber = await glob.create(patterns, {
      followSymbolicLinks,
      implicitDescendants: true,
      matchDirectories: false,
      omitBrokenSymbolicLinks: true,
      excludeHiddenFiles: false
    });
    return globber.glob();
  }

  const layouts: [string, Record<string, string | { link: string } | 'dir' | 'fifo'>, string[]][] = [
    ['a symlinked folder', { 'folder-a/file': 'x', symDir: { link: 'folder-a' } }, ['**', 'symDir', 'folder-a/*']],
    ['a cycle through a symlink to the root', { file: 'x', symDir: { link: '.' } }, ['**', 'symDir/**']],
    [
      'a deep cycle from the middle',
      {
        'file-under-root': 'r',
        'folder-a/file-under-a': 'a',
        'folder-a/folder-b/file-under-b': 'b',
        'folder-a/folder-b/folder-c/file-under-c': 'c',
        'folder-a/folder-b/folder-c/sym-folder': { link: '../../..' }
      },
      ['folder-a/folder-b', '**']
    ],
    ['broken symlinks', { brokenSym: { link: 'noSuch' }, 'realDir/file': 'x', symDir: { link: 'realDir' } }, ['**', 'brokenSym', 'brokenSym/**']],
    ['hidden files and folders', { '.env': 'e', '.github/workflows/ci.yml': 'c', 'a/.hidden/x': 'x', 'a/b': 'b' }, ['**', '.github', 'a/**', '**/.*']],
    [
      'patterns that are not partial matches',
      { 'realDir/nested/file': 'x', 'realDir2/nested2/symDir': { link: 'noSuch' } },
      ['*Dir*/*nested*/*', '*Dir/*nested*/*', '*Dir*/*nested/*']
    ],
    [
      'excludes and re-includes',
      { 'node_modules/p/index.js': 'x', 'src/a.ts': 'a', 'src/b.ts': 'b', 'dist/x.js': 'x' },
      ['**\n!node_modules/**', '**\n!**/*.ts\nsrc/a.ts', 'src\n!src/b.ts', '**\n!dist/**\ndist/x.js']
    ],
    ['a FIFO and a file with a trailing slash', { pipe: 'fifo', file: 'x', 'd/f': 'y' }, ['**', 'file/', 'pipe']],
    ['a symlink to a file', { 'real.txt': 'r', 'link.txt': { link: 'real.txt' } }, ['**', 'link.txt']],
    [
      // A directory matched by a pattern ending in ** after the last ! takes everything below
      // it unmatched; these check that shortcut against the globber.
      'whole subtrees, with excludes before and after',
      { 'src/a.ts': 'a', 'src/b.ts': 'b', 'src/x/y/.z': 'z', 'srcs/c': 'c', 'other/src/d': 'd', 'e/f/g': 'g' },
      ['src', 'src/', 'src/**', 'src\n!src/b.ts\nsrc/**', 'src/**\n!src/b.ts', '!src/x/**\nsrc', 'src*', '*/src/**', 'e/*/**', '**/', 'src/x\n**/*.ts']
    ]
  ];

  it.each(layouts)('%s', async (_name, spec, patternSets) => {
    await tree(spec);
    for (const follow of [true, false]) {
      for (const patterns of patternSets) {
        const abs = patterns
          .split('\n')
          .map(line => (line.startsWith('!') ? `!${root}/${line.slice(1)}` : `${root}/${line}`))
          .join('\n');
        const ours = await walk(abs, follow);
        expect({ patterns, follow, problems: ours.filter(e => e.kind === 'problem') }).toEqual({ patterns, follow, problems: [] });
        expect({ patterns, follow, files: ours.map(e => e.path) }).toEqual({ patterns, follow, files: await globbed(abs, follow) });
      }
    }
  });

  it('gives the globber’s paths below a search root that is not normalized (`[.]/**` is `<cwd>/.`)', async () => {
    await tree({ 'x/f': 'f', 'x/sub/g': 'g', 'y/h': 'h' });
    const cwd = process.cwd();
    process.chdir(root); // relative patterns: only a pattern's first segment may be `[.]`
    try {
      for (const patterns of ['[.]/**', '[.]/**\n!x/sub/**', '[.]/**\n!y/**']) {
        for (const follow of [true, false]) {
          const ours = (await walk(patterns, follow)).map(e => e.path);
          expect({ patterns, follow, files: ours }).toEqual({ patterns, follow, files: await globbed(patterns, follow) });
          for (const file of ours) expect(file).toBe(path.normalize(file));
        }
      }
    } finally {
      process.chdir(cwd);
    }
  });

  it('gives a file once where a search root that is not normalized holds another root (the globber lists it twice)', async () => {
    await tree({ 'a/x': 'x', 'a/sub/y': 'y', 'b/z': 'z', top: 't' });
    const cwd = process.cwd();
    process.chdir(root);
    try {
      for (const patterns of ['[.]/**\na/**', 'a/**\n[.]/**', '[.]/**\na/sub/y\nb', '**\n[.]/**']) {
        for (const follow of [true, false]) {
          const ours = (await walk(patterns, follow)).map(e => e.path);
          const theirs = await globbed(patterns, follow);
          expect({ patterns, follow, files: ours }).toEqual({ patterns, follow, files: [...new Set(theirs)] });
          expect(ours.length).toBeGreaterThan(0);
        }
      }
      // The globber does list some of them twice: the case is real.
      expect((await globbed('[.]/**\na/**', true)).length).toBeGreaterThan(new Set(await globbed('[.]/**\na/**', true)).size);
    } finally {
      process.chdir(cwd);
    }
  });

  it('tells who watches before it reads a folder whose size says it holds thousands of entries, and asks nothing once they stop watching', async () => {
    await tree({ 'small/a': 'a', 'small/b': 'b' });
    await fs.mkdir(path.join(root, 'big'));
    for (let i = 0; i < 6000; i++) await fs.writeFile(path.join(root, 'big', `entry-${String(i).padStart(5, '0')}`), '');
    expect((await fs.stat(path.join(root, 'big'))).size).toBeGreaterThan(LARGE_FOLDER_BYTES);
    expect((await fs.stat(path.join(root, 'small'))).size).toBeLessThan(LARGE_FOLDER_BYTES);
    const walkWatched = async (watching: () => boolean): Promise<{ told: string[]; asked: number; files: number }> => {
      const told: string[] = [];
      let asked = 0;
      let files = 0;
      const largeFolders = { watching: () => (asked++, watching()), before: (dir: string) => void told.push(dir) };
      for await (const batch of walkFiles({
        patterns: `${root}/**`,
        followSymbolicLinks: true,
        skipDir: never,
        signal: new AbortController().signal,
        largeFolders
      })) {
        files += batch.filter(e => e.kind === 'file').length;
      }
      return { told, asked, files };
    };
    const watched = await walkWatched(() => true);
    expect(watched.told).toEqual([path.join(root, 'big')]);
    expect(watched.files).toBe(6002);
    const notWatched = await walkWatched(() => false);
    expect(notWatched).toMatchObject({ told: [], files: 6002 });
    expect(notWatched.asked).toBeGreaterThan(0);
  });

  it('never enters a skipped directory (the backup directory), by path or through a symlink', async () => {
    await tree({ 'a.txt': 'a', '.bkpfile/a.txt-2025-05-12-13-49': 'a', 'link-to-backups': { link: '.bkpfile' } });
    const backupDir = path.join(root, '.bkpfile');
    const files = (await walk(`${root}/**`, true, dir => dir === backupDir)).map(e => e.path);
    expect(files).toEqual([path.join(root, 'a.txt')]);
  });

  it('does not descend into a folder every pattern excludes', async () => {
    // A symlink loop inside: entering the folder would show up as problems.
    await tree({ 'node_modules/p/index.js': 'x', 'node_modules/x': { link: 'y' }, 'node_modules/y': { link: 'x' }, 'src/a.ts': 'a' });
    const entries = await walk(`${root}/**\n!${root}/node_modules/**`, true);
    expect(entries).toEqual([{ kind: 'file', path: path.join(root, 'src/a.ts'), dir: path.join(root, 'src'), realDir: path.join(root, 'src'), regular: true }]);
    // Re-included below it, it is entered, but the loop beside the re-included folder is
    // still excluded: no problem is reported for it.
    const again = await walk(`${root}/**\n!${root}/node_modules/**\n${root}/node_modules/p/**`, true);
    expect(again.filter(e => e.kind === 'problem')).toEqual([]);
    expect(
      again
        .filter(e => e.kind === 'file')
        .map(e => e.path)
        .sort()
    ).toEqual([path.join(root, 'node_modules/p/index.js'), path.join(root, 'src/a.ts')]);
  });

  it('reports a symlink loop and carries on with the rest', async () => {
    await tree({ x: { link: 'y' }, y: { link: 'x' }, 'ok.txt': 'ok' });
    const entries = await walk(`${root}/**`, true);
    expect(entries.filter(e => e.kind === 'file').map(e => e.path)).toEqual([path.join(root, 'ok.txt')]);
    expect(
      entries
        .filter(e => e.kind === 'problem')
        .map(e => [path.basename(e.path), e.kind === 'problem' && e.status])
        .sort()
    ).toEqual([
      ['x', 'invalid-file-type'],
      ['y', 'invalid-file-type']
    ]);
  });

  it('says when a folder has no more files to come: once, after its last file, whatever comes between (subfolders, excluded files, links, file roots)', async () => {
    // Files and subfolders of `mixed` created in turn, so that any directory order puts
    // some of its files after a subfolder's; `late.skip` is excluded, links are looked at
    // late; `one/a` and `one/b` are search roots of their own (literal patterns).
    const layout: Record<string, string | { link: string } | 'dir'> = { 'one/a': 'a', 'one/b': 'b', 'one/c': 'c', empty: 'dir' };
    for (let i = 0; i < 8; i++) {
      layout[`mixed/f${i}`] = 'x';
      layout[`mixed/sub${i}/g`] = 'x';
    }
    layout['mixed/late.skip'] = 'x';
    layout['mixed/to-file'] = { link: 'f0' };
    layout['mixed/to-sub'] = { link: 'sub0' };
    await tree(layout);
    for (const [patterns, follow] of [
      [`${root}/mixed/**\n!${root}/**/*.skip`, true],
      [`${root}/mixed/**`, false],
      [`${root}/one/a\n${root}/one/b`, true],
      [`${root}/**`, true]
    ] as const) {
      const entries = await walkAll(patterns, follow);
      // Each file says its folder (the walk's folders are the engine's, without a dirname per file).
      for (const e of entries) if (e.kind === 'file') expect({ path: e.path, dir: e.dir }).toEqual({ path: e.path, dir: path.dirname(e.path) });
      const files = entries.flatMap((e, i) => (e.kind === 'file' ? [{ dir: path.dirname(e.path), at: i }] : []));
      const done = entries.flatMap((e, i) => (e.kind === 'folder-done' ? [{ dir: e.dir, at: i }] : []));
      const foldersWithFiles = [...new Set(files.map(f => f.dir))].sort();
      // Every folder that gave a file is done exactly once, and none of its files comes after.
      for (const dir of foldersWithFiles) {
        const its = done.filter(d => d.dir === dir);
        expect({ patterns, dir, done: its.length }).toEqual({ patterns, dir, done: 1 });
        const lastFile = Math.max(...files.filter(f => f.dir === dir).map(f => f.at));
        expect({ patterns, dir, after: its[0]!.at > lastFile }).toEqual({ patterns, dir, after: true });
      }
      // A folder is done once at most, and those done without giving files (empty of
      // matches) give none afterwards either.
      expect(new Set(done.map(d => d.dir)).size).toBe(done.length);
      for (const d of done) expect(files.some(f => f.dir === d.dir && f.at > d.at)).toBe(false);
    }
    // A search root that is not normalized (`[.]/**` is `<cwd>/.`) has its children's folder
    // for its own: that folder is done after them, not when the root is looked at.
    const cwd = process.cwd();
    process.chdir(path.join(root, 'one'));
    try {
      const dotted = await walkAll('a\nb\n[.]/**', true);
      const oneDone = dotted.findIndex(e => e.kind === 'folder-done' && e.dir === path.join(root, 'one'));
      expect(dotted.filter(e => e.kind === 'folder-done' && e.dir === path.join(root, 'one')).length).toBe(1);
      expect(dotted.slice(oneDone + 1).filter(e => e.kind === 'file')).toEqual([]);
      // a and b, each once: the dotted root reaches them again (its own pattern matches nothing)
      expect(dotted.flatMap(e => (e.kind === 'file' ? [path.basename(e.path)] : []))).toEqual(['a', 'b']);
    } finally {
      process.chdir(cwd);
    }
    // The two search roots in `one` share one count: `one` is done after both, not after the first.
    const roots = await walkAll(`${root}/one/a\n${root}/one/b`, true);
    expect(roots.map(e => (e.kind === 'folder-done' ? `done ${path.basename(e.dir)}` : e.kind === 'file' ? path.basename(e.path) : e.kind))).toEqual([
      'a',
      'b',
      'done one'
    ]);
    // In `mixed`, files come on both sides of a subfolder's, so its done comes after a subfolder's file.
    const mixed = await walkAll(`${root}/mixed/**`, true);
    const mixedDone = mixed.findIndex(e => e.kind === 'folder-done' && e.dir === path.join(root, 'mixed'));
    const firstOfMixed = mixed.findIndex(e => e.kind === 'file' && path.dirname(e.path) === path.join(root, 'mixed'));
    expect(mixed.slice(firstOfMixed, mixedDone).some(e => e.kind === 'file' && path.dirname(e.path) !== path.join(root, 'mixed'))).toBe(true);
  });

  it('hands a folder of many files out in batches, and stops between them', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 3000; i++) files[`flat/f${i}`] = '';
    await tree(files);
    const patterns = `${root}/flat/**\n!${root}/**/*.skip`;
    const sizes: number[] = [];
    let found = 0;
    for await (const batch of walkFiles({ patterns, followSymbolicLinks: true, skipDir: never, signal: new AbortController().signal })) {
      sizes.push(batch.length);
      found += batch.filter(e => e.kind === 'file').length;
    }
    expect(found).toBe(3000);
    // About a batch of 1024 at a time (one folder's files taken at once may add up to one more).
    expect(Math.max(...sizes)).toBeLessThanOrEqual(2048);
    // A stop after the first batch ends the walk before the folder's last file.
    const controller = new AbortController();
    let seen = 0;
    const run = async (): Promise<void> => {
      for await (const batch of walkFiles({ patterns, followSymbolicLinks: true, skipDir: never, signal: controller.signal })) {
        seen += batch.length;
        controller.abort(new Error('stop'));
      }
    };
    await expect(run()).rejects.toThrow('stop');
    expect(seen).toBeLessThan(3000);
  });

  it('stops when the signal aborts', async () => {
    await tree({ 'a/b/c': 'x' });
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    const run = async (): Promise<void> => {
      for await (const batch of walkFiles({ patterns: `${root}/**`, followSymbolicLinks: true, skipDir: never, signal: controller.signal })) void batch;
    };
    await expect(run()).rejects.toThrow('stop');
  });
});
