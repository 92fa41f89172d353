import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findFiles, type FoundSegment } from '../../src/action/find-files.js';
import { WalkedAs } from '../../src/engine/backup-engine.js';

describe('findFiles marks the last file of each directory', () => {
  let root: string;

  beforeEach(async () => {
    root = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'bkpfile-find-')));
  });

  afterEach(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  /**
   * A directory's files and its subdirectories in one listing: depth first, the walk may
   * put a subdirectory's files between two files of its parent. D holds 40 files and 12
   * subdirectories (some nested) named to sort between them (f1-m after f1, before f10):
   * whether readdir sorts or hashes, D's files come on both sides of a subdirectory (all
   * 40 together in a hashed order: about 1 chance in 1.6·10^10).
   */
  const interleaved = async (dir: string): Promise<void> => {
    await fs.mkdir(path.join(dir, 'D'));
    for (let f = 0; f < 40; f++) await fs.writeFile(path.join(dir, 'D', `f${f}`), 'x');
    for (let d = 0; d < 12; d++) {
      const sub = path.join(dir, 'D', ...Array.from({ length: 1 + (d % 3) }, (_, k) => `f${d}-m${k}`));
      await fs.mkdir(sub, { recursive: true });
      for (let f = 0; f < 2; f++) await fs.writeFile(path.join(sub, `g${d}-${f}`), 'x');
    }
  };

  it('on exactly the files no later file shares a directory with, however the walk interleaves them', async () => {
    await interleaved(root);
    await fs.writeFile(path.join(root, 'top'), 'x');
    const found = await findFiles({
      patterns: `${root}/**`,
      workspace: root,
      backupDir: path.join(root, '.bkpfile'),
      followSymbolicLinks: true,
      signal: new AbortController().signal
    });
    expect(found.files.length).toBe(40 + 12 * 2 + 1);
    const marked = found.files.filter((_, i) => found.walked[i]! & WalkedAs.LastInDirectory);
    const expected = found.files.filter((file, i) => !found.files.slice(i + 1).some(later => path.dirname(later) === path.dirname(file)));
    expect(marked).toEqual(expected);
    expect(new Set(marked.map(file => path.dirname(file))).size).toBe(marked.length); // one per directory
    // the walk did put files of D on both sides of a subdirectory's (else this proves little)
    const inD = found.files.map((file, i) => (path.dirname(file) === path.join(root, 'D') ? i : -1)).filter(i => i >= 0);
    expect(inD[inD.length - 1]! - inD[0]!).toBeGreaterThan(inD.length - 1);
    // the other bits are as before: these are regular files inside the workspace
    for (const flags of found.walked) expect(flags & (WalkedAs.Regular | WalkedAs.InWorkspace)).toBe(WalkedAs.Regular | WalkedAs.InWorkspace);
  });

  it('hands the files on in segments where a directory ends: together they are the whole walk, in order, each directory marked in each segment it has files in', async () => {
    // D's 40 files come on both sides of its 12 subdirectories (as above), so cuts fall
    // inside D; six more directories of 4 files, and a symbolic link loop (a problem).
    await interleaved(root);
    for (let d = 0; d < 6; d++) {
      await fs.mkdir(path.join(root, `d${d}`));
      for (let f = 0; f < 4; f++) await fs.writeFile(path.join(root, `d${d}`, `f${f}`), 'x');
    }
    await fs.symlink(path.join(root, 'loop'), path.join(root, 'loop'));
    const options = {
      patterns: `${root}/**`,
      workspace: root,
      backupDir: path.join(root, '.bkpfile'),
      followSymbolicLinks: true,
      signal: new AbortController().signal
    };
    const whole = await findFiles(options);
    expect(whole.problems.length).toBe(1);
    const segments: FoundSegment[] = [];
    const counts: number[] = [];
    const last = await findFiles({
      ...options,
      segmentFiles: 5,
      onFound: count => void counts.push(count),
      onSegment: async segment => {
        await new Promise(resolve => setTimeout(resolve, 1)); // the walk waits for it
        segments.push(segment);
      }
    });
    const all = [...segments, last];
    // The cuts are where the rule puts them: where the walk leaves a directory, once at least 5 files are held.
    const expected: string[][] = [[]];
    for (const file of whole.files) {
      const held = expected.at(-1)!;
      if (held.length >= 5 && path.dirname(held.at(-1)!) !== path.dirname(file)) expected.push([]);
      expected.at(-1)!.push(file);
    }
    expect(all.map(segment => segment.files)).toEqual(expected);
    expect(all.flatMap(segment => segment.problems)).toEqual(whole.problems);
    expect(last.handedOn).toBe(whole.files.length - last.files.length);
    expect(counts.at(-1)).toBe(whole.files.length); // found so far, across segments
    // Some directory (D) has files in more than one segment.
    const segmentsOf = (dir: string): number => all.filter(segment => segment.files.some(file => path.dirname(file) === dir)).length;
    expect(segmentsOf(path.join(root, 'D'))).toBeGreaterThan(1);
    for (const segment of all) {
      // In each segment, the last file of each directory in it is marked, and only that one.
      const marked = segment.files.filter((_, i) => segment.walked[i]! & WalkedAs.LastInDirectory);
      const expectedMarks = segment.files.filter((file, i) => !segment.files.slice(i + 1).some(later => path.dirname(later) === path.dirname(file)));
      expect(marked).toEqual(expectedMarks);
      expect(segment.walked.length).toBe(segment.files.length);
    }
  });

  it('where the backup directory ignores case, finds the files whose backups would meet under one name, across segment cuts, and only the later of each', async () => {
    // D's files come on both sides of its subdirectories' (as above); eight of them have a
    // twin in D whose name differs only in case, so some pairs fall on both sides of a cut.
    await interleaved(root);
    const twins = [0, 5, 10, 15, 20, 25, 30, 35].map(f => [`f${f}`, `F${f}`] as const);
    for (const [, twin] of twins) await fs.writeFile(path.join(root, 'D', twin), 'x');
    // Two folders whose paths differ only in case, and one that merely shares a prefix.
    for (const rel of ['Sub/x', 'Sub/q', 'sub/y', 'sub/x', 'Subway/x']) {
      await fs.mkdir(path.dirname(path.join(root, rel)), { recursive: true });
      await fs.writeFile(path.join(root, rel), 'x');
    }
    const options = {
      patterns: `${root}/**`,
      workspace: root,
      backupDir: path.join(root, '.bkpfile'),
      followSymbolicLinks: true,
      signal: new AbortController().signal
    };
    const walk = async (ignoresCase?: () => boolean): Promise<FoundSegment[]> => {
      const segments: FoundSegment[] = [];
      const last = await findFiles({ ...options, segmentFiles: 5, ignoresCase, onSegment: async segment => void segments.push(segment) });
      return [...segments, last];
    };
    // Case counts: every file is found, and the pairs fall where the walk puts them.
    const plain = await walk(() => false);
    const order = plain.flatMap(segment => segment.files);
    expect(plain.flatMap(segment => segment.problems)).toEqual([]);
    const segmentOf = (file: string): number => plain.findIndex(segment => segment.files.includes(file));
    const d = (name: string): string => path.join(root, 'D', name);
    expect(twins.some(([a, b]) => segmentOf(d(a)) !== segmentOf(d(b)))).toBe(true); // else this proves little

    let asked = 0;
    const folded = await walk(() => ++asked > 0);
    expect(asked).toBe(1);
    const files = folded.flatMap(segment => segment.files);
    const problems = folded.flatMap(segment => segment.problems);
    // Of each pair, the one the walk found first is backed up; the other is a problem that names it.
    for (const [a, b] of twins) {
      const [first, later] = order.indexOf(d(a)) < order.indexOf(d(b)) ? [a, b] : [b, a];
      expect(files).toContain(d(first));
      expect(files).not.toContain(d(later));
      const problem = problems.find(p => p.source === d(later));
      expect(problem).toMatchObject({ status: 'error', backup: null, bytes: 0 });
      expect(problem!.message).toBe(
        `its name differs only in case from ${first}, and the backup directory's file system ignores case: their backups would be one file there. Rename one of them, or use a backup-dir on a case-sensitive file system`
      );
    }
    // Of Sub and sub, every file of the folder found second is a problem naming the first.
    const [firstFolder, laterFolder] = order.indexOf(path.join(root, 'Sub/x')) < order.indexOf(path.join(root, 'sub/y')) ? ['Sub', 'sub'] : ['sub', 'Sub'];
    const inLater = order.filter(file => path.dirname(file) === path.join(root, laterFolder));
    expect(inLater.length).toBe(2);
    for (const file of inLater) {
      expect(files).not.toContain(file);
      expect(problems.find(p => p.source === file)?.message).toMatch(
        new RegExp(`^its folder differs only in case from ${firstFolder}, and the backup directory's file system ignores case`)
      );
    }
    // Nothing else: the other files, in the walk's order, and Subway is no twin of Sub.
    const refused = new Set(problems.map(p => p.source));
    expect(files).toEqual(order.filter(file => !refused.has(file)));
    expect(refused.size).toBe(twins.length + 2);
    expect(files).toContain(path.join(root, 'Subway/x'));
    // Each segment marks the last file of each directory it has files of, and only that one
    // (a folder whose files were all refused marks none).
    const marksRight = (segment: FoundSegment): void => {
      const marked = segment.files.filter((_, i) => segment.walked[i]! & WalkedAs.LastInDirectory);
      expect(marked).toEqual(segment.files.filter((file, i) => !segment.files.slice(i + 1).some(later => path.dirname(later) === path.dirname(file))));
    };
    folded.forEach(marksRight);
    // Also in one segment where refused folders come between files of the top folder: 40
    // files at the top, named to sort on both sides of eight folders with a twin in another
    // case (as hashed, they fall among them).
    for (let k = 0; k < 40; k++) {
      await fs.writeFile(path.join(root, `${k < 20 ? 'u' : 'w'}${k}`), 'x');
      if (k % 5 === 0) for (const twin of [`V${k}`, `v${k}`]) await fs.mkdir(path.join(root, twin)).then(() => fs.writeFile(path.join(root, twin, 'f'), 'x'));
    }
    const one = await findFiles({ ...options, ignoresCase: () => true });
    const whole = [...one.files, ...one.problems.map(p => p.source)];
    const walkOrder = (await findFiles(options)).files.filter(file => whole.includes(file));
    const top = (i: number): boolean => path.dirname(walkOrder[i]!) === root;
    const refusedAt = walkOrder.map((file, i) => (one.problems.some(p => p.source === file) && /\/[Vv]\d+\/f$/.test(file) ? i : -1)).filter(i => i >= 0);
    // (else this proves little) some refused folder comes after a top file and before another
    expect(refusedAt.some(i => i > 0 && top(i - 1) && walkOrder.slice(i + 1).some((_, j) => top(i + 1 + j)))).toBe(true);
    marksRight(one);
  });

  it('never takes the backup directory, even when a segment creates it behind a symlink while the walk goes on', async () => {
    // backup-dir is given through a symlink (lnk -> data) and does not exist yet: only once
    // the first segment's backups create it is its real path (data/<dir>/bkp) known. More
    // files than one batch of the walk (1,024 entries), so the last directory is read after
    // the first segment.
    await fs.mkdir(path.join(root, 'data'));
    const dirs = Array.from({ length: 12 }, (_, i) => `d${i}`);
    for (const dir of dirs) {
      await fs.mkdir(path.join(root, 'data', dir));
      for (let f = 0; f < 120; f++) await fs.writeFile(path.join(root, 'data', dir, `f${f}`), 'x');
    }
    await fs.symlink(path.join(root, 'data'), path.join(root, 'lnk'));
    const common = { patterns: `${root}/data/**`, workspace: root, followSymbolicLinks: true, signal: new AbortController().signal };
    // The directory the walk comes to last: the first segment's backups go there.
    const order = (await findFiles({ ...common, backupDir: path.join(root, '.bkpfile') })).files.map(file => path.basename(path.dirname(file)));
    const lastDir = order.at(-1)!;
    let backupDir = '';
    const found: string[] = [];
    const options = {
      ...common,
      segmentFiles: 100,
      onSegment: async (segment: FoundSegment): Promise<void> => {
        found.push(...segment.files);
        if (backupDir) return;
        expect(found.some(file => path.basename(path.dirname(file)) === lastDir)).toBe(false);
        await fs.mkdir(path.join(root, 'data', lastDir, 'bkp', 'x'), { recursive: true });
        await fs.writeFile(path.join(root, 'data', lastDir, 'bkp', 'x', 'f0-2025-05-12-13-49'), 'x');
        backupDir = path.join(root, 'lnk', lastDir, 'bkp');
      }
    };
    // The walk reads backupDir when it starts, and again after each segment.
    const last = await findFiles({
      ...options,
      get backupDir(): string {
        return backupDir || path.join(root, 'lnk', 'pending', 'bkp');
      }
    });
    found.push(...last.files);
    expect(backupDir).not.toBe('');
    expect(found.filter(file => file.includes(`${path.sep}bkp${path.sep}`))).toEqual([]);
    expect(found).toHaveLength(12 * 120);
  });
});
