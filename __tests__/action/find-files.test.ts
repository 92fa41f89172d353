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

  it('on exactly the files no later file shares a directory with, however the walk interleaves them', async () => {
    // A directory's files and its subdirectories in one listing: depth first, the walk may
    // put a subdirectory's files between two files of its parent. D holds 40 files and 12
    // subdirectories (some nested) named to sort between them (f1-m after f1, before f10):
    // whether readdir sorts or hashes, D's files come on both sides of a subdirectory
    // (all 40 together in a hashed order: about 1 chance in 1.6·10^10).
    await fs.mkdir(path.join(root, 'D'));
    for (let f = 0; f < 40; f++) await fs.writeFile(path.join(root, 'D', `f${f}`), 'x');
    for (let d = 0; d < 12; d++) {
      const dir = path.join(root, 'D', ...Array.from({ length: 1 + (d % 3) }, (_, k) => `f${d}-m${k}`));
      await fs.mkdir(dir, { recursive: true });
      for (let f = 0; f < 2; f++) await fs.writeFile(path.join(dir, `g${d}-${f}`), 'x');
    }
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
    // 6 directories of 4 files, and D's files on both
    // sides of its subdirectories, as above.
    for (let d = 0; d < 6; d++) {
      await fs.mkdir(path.join(root, `d${d}`));
      for (let f = 0; f < 4; f++) await fs.writeFile(path.join(root, `d${d}`, `f${f}`), 'x');
    }
    await fs.mkdir(path.join(root, 'D'));
    for (let f = 0; f < 10; f++) await fs.writeFile(path.join(root, 'D', `f${f}`), 'x');
    for (let d = 0; d < 4; d++) {
      await fs.mkdir(path.join(root, 'D', `f${d}-m`));
      await fs.writeFile(path.join(root, 'D', `f${d}-m`, 'g'), 'x');
    }
    const options = {
      patterns: `${root}/**`,
      workspace: root,
      backupDir: path.join(root, '.bkpfile'),
      followSymbolicLinks: true,
      signal: new AbortController().signal
    };
    const whole = await findFiles(options);
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
    expect(segments.length).toBeGreaterThanOrEqual(4);
    const all = [...segments, last];
    expect(all.flatMap(segment => segment.files)).toEqual(whole.files);
    expect(last.handedOn).toBe(whole.files.length - last.files.length);
    expect(counts.at(-1)).toBe(whole.files.length); // found so far, across segments
    for (const segment of segments) {
      // Cut where the walk left a directory, once it had at least 5 files.
      expect(segment.files.length).toBeGreaterThanOrEqual(5);
      const next = all[all.indexOf(segment) + 1]!;
      expect(path.dirname(next.files[0]!)).not.toBe(path.dirname(segment.files.at(-1)!));
    }
    for (const segment of all) {
      // In each segment, the last file of each directory in it is marked, and only that one.
      const marked = segment.files.filter((_, i) => segment.walked[i]! & WalkedAs.LastInDirectory);
      const expected = segment.files.filter((file, i) => !segment.files.slice(i + 1).some(later => path.dirname(later) === path.dirname(file)));
      expect(marked).toEqual(expected);
      expect(segment.walked.length).toBe(segment.files.length);
    }
  });
});
