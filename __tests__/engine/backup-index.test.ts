import { describe, it, expect, beforeEach, afterEach } from '@jest/globals';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BackupIndex, DirectoryBackups } from '../../src/engine/backup-index.js';
import { STAGING_PREFIX } from '../../src/engine/staging.js';
import { backupName } from '../../src/engine/backup-name.js';

const DIR = '/backups/config';

describe('DirectoryBackups.addMade', () => {
  it('holds a backup this run made exactly as a read of the directory would (addName)', () => {
    const fileNames = ['app.yml', 'a-2025-05-12-13-49', 'a-2025-05-12-13-49=x', '2025-05-12-13-49', 'x_2', 'x_', 'v1.2_10', 'a=b', '=', 'n'.repeat(40)];
    const seqs = [1, 2, 10, 123];
    const notes = [undefined, '', 'pre-deploy', 'x-2025-05-12-13-49', 'x-2025-05-12-13-49_3', 'a=b', '_2'];
    const stamp = '2026-11-27-16-35';
    let checked = 0;
    for (const fileName of fileNames) {
      for (const seq of seqs) {
        for (const note of notes) {
          // Beside an older backup, so that what the two ways give is compared among others.
          const made = DirectoryBackups.fromNames(DIR, true, [`${fileName}-2025-05-12-13-49`]);
          const read = DirectoryBackups.fromNames(DIR, true, [`${fileName}-2025-05-12-13-49`]);
          const name = backupName(fileName, stamp, seq, note);
          made.addMade(path.join(DIR, name), fileName, stamp, seq, note);
          read.addName(name, path.join(DIR, name));
          const names = read.fileNames();
          expect({ name, names: made.fileNames() }).toEqual({ name, names });
          for (const n of new Set([...names, fileName])) {
            expect({ name, n, backups: made.backupsOf(n) }).toEqual({ name, n, backups: read.backupsOf(n) });
            expect({ name, n, next: made.nextSeq(n, stamp) }).toEqual({ name, n, next: read.nextSeq(n, stamp) });
          }
          checked++;
        }
      }
    }
    expect(checked).toBe(fileNames.length * seqs.length * notes.length);
  });
});

describe('DirectoryBackups.fromNames', () => {
  it('groups backups by the source file name, with absolute paths', () => {
    const backups = DirectoryBackups.fromNames(DIR, true, [
      'app.yml-2025-05-12-13-49',
      'app.yml-2025-05-12-13-50=pre-deploy',
      'db.yml-2025-05-12-13-49',
      'README.md'
    ]);
    expect(backups.backupsOf('app.yml').map(b => path.basename(b.path))).toEqual(['app.yml-2025-05-12-13-50=pre-deploy', 'app.yml-2025-05-12-13-49']);
    expect(backups.backupsOf('app.yml')[0]!.path).toBe(path.join(DIR, 'app.yml-2025-05-12-13-50=pre-deploy'));
    expect(backups.backupsOf('app.yml')[0]!.note).toBe('pre-deploy');
    expect(backups.backupsOf('db.yml')).toHaveLength(1);
    expect(backups.backupsOf('README.md')).toEqual([]);
    expect(backups.backupsOf('missing')).toEqual([]);
    expect(backups.dir).toBe(DIR);
    expect(backups.exists).toBe(true);
  });

  it(`a staging directory's name is no backup, and a source named ${STAGING_PREFIX}x still has its backups`, () => {
    const backups = DirectoryBackups.fromNames(DIR, true, [`${STAGING_PREFIX}0123456789abcdef`, `${STAGING_PREFIX}x-2025-05-12-13-49`]);
    expect(backups.backupsOf(`${STAGING_PREFIX}x`).map(b => b.stamp)).toEqual(['2025-05-12-13-49']);
    expect(backups.nextSeq(`${STAGING_PREFIX}x`, '2025-05-12-13-49')).toBe(2);
    expect(backups.backupsOf(STAGING_PREFIX.slice(0, -1))).toEqual([]);
  });

  it('an entry that reads as a backup of `.` or `..` (put there by hand) is no backup of any file', () => {
    const backups = DirectoryBackups.fromNames(DIR, true, ['..-2025-05-12-13-49', '.-2025-05-12-13-49', '..-2025-05-12-13-49=n', 'a.txt-2025-05-12-13-49']);
    expect(backups.fileNames()).toEqual(['a.txt']);
    expect(backups.backupsOf('..')).toEqual([]);
  });

  it('marks names with two readings as ambiguous, and unambiguous ones not', () => {
    const backups = DirectoryBackups.fromNames(DIR, true, ['a-2025-01-01-00-00=x-2025-02-02-00-00', 'a-2025-03-03-00-00']);
    const ofA = backups.backupsOf('a');
    expect(ofA.map(b => [b.stamp, b.ambiguous])).toEqual([
      ['2025-03-03-00-00', false],
      ['2025-01-01-00-00', true]
    ]);
    const other = backups.backupsOf('a-2025-01-01-00-00=x');
    expect(other).toHaveLength(1);
    expect(other[0]!.ambiguous).toBe(true);
  });

  it('sorts backupsOf newest first by stamp then seq', () => {
    const backups = DirectoryBackups.fromNames(DIR, true, ['f-2025-05-12-13-49_2', 'f-2025-05-12-13-48=z', 'f-2025-05-12-13-49_10', 'f-2025-05-12-13-49=a']);
    expect(backups.backupsOf('f').map(b => path.basename(b.path))).toEqual([
      'f-2025-05-12-13-49_10',
      'f-2025-05-12-13-49_2',
      'f-2025-05-12-13-49=a',
      'f-2025-05-12-13-48=z'
    ]);
  });
});

describe('DirectoryBackups.latestBackup', () => {
  it('is the newest by stamp, whatever the note', () => {
    const backups = DirectoryBackups.fromNames(DIR, true, ['app.yml-2025-05-12-13-49=zzz', 'app.yml-2025-05-12-13-50=aaa', 'app.yml-2025-05-12-13-48']);
    expect(path.basename(backups.latestBackup('app.yml')!.path)).toBe('app.yml-2025-05-12-13-50=aaa');
  });

  it('is the highest seq within the newest minute, numerically', () => {
    const backups = DirectoryBackups.fromNames(DIR, true, [
      'app.yml-2025-05-12-13-50=zzz',
      'app.yml-2025-05-12-13-50_10',
      'app.yml-2025-05-12-13-50_9=zzz',
      'app.yml-2025-05-12-13-50_2'
    ]);
    expect(path.basename(backups.latestBackup('app.yml')!.path)).toBe('app.yml-2025-05-12-13-50_10');
  });

  it('ignores backups of other files', () => {
    const backups = DirectoryBackups.fromNames(DIR, true, ['app.yml-2025-05-12-13-49', 'app.yml.bak-2030-01-01-00-00']);
    expect(path.basename(backups.latestBackup('app.yml')!.path)).toBe('app.yml-2025-05-12-13-49');
  });

  it('is undefined when the file has no backup', () => {
    expect(DirectoryBackups.fromNames(DIR, true, ['x-2025-05-12-13-49']).latestBackup('y')).toBeUndefined();
  });

  it('follows add and remove', () => {
    const backups = DirectoryBackups.fromNames(DIR, true, ['app.yml-2025-05-12-13-49']);
    const entry = {
      path: path.join(DIR, 'app.yml-2025-05-12-13-49_2'),
      fileName: 'app.yml',
      stamp: '2025-05-12-13-49',
      seq: 2,
      note: undefined,
      ambiguous: false
    };
    backups.add(entry);
    expect(backups.latestBackup('app.yml')).toBe(entry);
    expect(backups.nextSeq('app.yml', '2025-05-12-13-49')).toBe(3);
    backups.remove(entry);
    expect(path.basename(backups.latestBackup('app.yml')!.path)).toBe('app.yml-2025-05-12-13-49');
  });
});

describe('DirectoryBackups.nextSeq', () => {
  const backups = DirectoryBackups.fromNames(DIR, true, [
    'app.yml-2025-05-12-13-49=a',
    'app.yml-2025-05-12-13-49_2=b',
    'app.yml-2025-05-12-13-49_3',
    'app.yml-2025-05-12-13-48_7',
    'other-2025-05-12-13-50_5'
  ]);

  it('is one past the highest seq used in that minute', () => {
    expect(backups.nextSeq('app.yml', '2025-05-12-13-49')).toBe(4);
  });

  it('is 1 for an unused minute, even when other minutes and files use seqs', () => {
    expect(backups.nextSeq('app.yml', '2025-05-12-13-50')).toBe(1);
    expect(backups.nextSeq('new.yml', '2025-05-12-13-49')).toBe(1);
  });

  it('is 2 after a single plain backup in that minute', () => {
    expect(DirectoryBackups.fromNames(DIR, true, ['a-2025-05-12-13-49=n']).nextSeq('a', '2025-05-12-13-49')).toBe(2);
  });
});

describe('DirectoryBackups.addName', () => {
  it('holds a backup this run made as a read of the directory would: a name that reads two ways is under both, ambiguous', () => {
    const name = backupName('b.txt-2099-12-31-23-59=x', '2026-11-26-10-16', 1);
    const made = new DirectoryBackups(DIR, true);
    made.addName(name, path.join(DIR, name));
    const read = DirectoryBackups.fromNames(DIR, true, [name]);
    for (const fileName of ['b.txt', 'b.txt-2099-12-31-23-59=x']) {
      expect(made.backupsOf(fileName)).toEqual(read.backupsOf(fileName));
      expect(made.backupsOf(fileName)).toEqual([expect.objectContaining({ path: path.join(DIR, name), ambiguous: true })]);
    }
  });
});

describe('BackupIndex.forDirectory', () => {
  let tmp: string;

  beforeEach(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'bkpfile-index-'));
  });

  afterEach(async () => {
    await fs.rm(tmp, { recursive: true, force: true });
  });

  it('reads the backups of an existing directory (files only)', async () => {
    await fs.writeFile(path.join(tmp, 'app.yml-2025-05-12-13-49'), 'x');
    await fs.writeFile(path.join(tmp, 'app.yml-2025-05-12-13-50'), 'x');
    await fs.mkdir(path.join(tmp, 'app.yml-2025-05-12-13-51')); // a directory is never a backup
    await fs.mkdir(path.join(tmp, `${STAGING_PREFIX}0123456789abcdef`));
    const backups = await new BackupIndex().forDirectory(tmp);
    expect(backups.exists).toBe(true);
    expect(backups.dir).toBe(tmp);
    expect(backups.backupsOf('app.yml').map(b => path.basename(b.path))).toEqual(['app.yml-2025-05-12-13-50', 'app.yml-2025-05-12-13-49']);
  });

  it('reads a directory once: the same object for every caller', async () => {
    await fs.writeFile(path.join(tmp, 'app.yml-2025-05-12-13-49'), 'x');
    const index = new BackupIndex();
    const first = index.forDirectory(tmp);
    const second = index.forDirectory(tmp);
    expect(second).toBe(first);
    const a = first;
    // a file appearing later is not seen: the directory is not read again
    await fs.writeFile(path.join(tmp, 'app.yml-2025-05-12-13-59'), 'x');
    const b = await index.forDirectory(tmp);
    expect(b).toBe(a);
    expect(b.backupsOf('app.yml')).toHaveLength(1);
    // a new index reads afresh
    expect((await new BackupIndex().forDirectory(tmp)).backupsOf('app.yml')).toHaveLength(2);
  });

  it('lets a directory go when asked: the next call reads it again, as the disk has it', async () => {
    await fs.writeFile(path.join(tmp, 'app.yml-2025-05-12-13-49'), 'x');
    const index = new BackupIndex();
    const first = index.forDirectory(tmp);
    await fs.writeFile(path.join(tmp, 'app.yml-2025-05-12-13-59'), 'x');
    index.release(tmp);
    const again = index.forDirectory(tmp);
    expect(again).not.toBe(first);
    expect(again.backupsOf('app.yml')).toHaveLength(2);
    index.release(path.join(tmp, 'never-read')); // nothing held: nothing to do
  });

  it('keeps directories apart', async () => {
    await fs.mkdir(path.join(tmp, 'sub'));
    await fs.writeFile(path.join(tmp, 'sub', 'app.yml-2025-05-12-13-49'), 'x');
    const index = new BackupIndex();
    const top = await index.forDirectory(tmp);
    const sub = await index.forDirectory(path.join(tmp, 'sub'));
    expect(top).not.toBe(sub);
    expect(top.backupsOf('app.yml')).toEqual([]);
    expect(sub.backupsOf('app.yml')).toHaveLength(1);
  });

  it('gives exists=false and no backups for a missing directory', async () => {
    const backups = await new BackupIndex().forDirectory(path.join(tmp, 'nope', 'deeper'));
    expect(backups.exists).toBe(false);
    expect(backups.latestBackup('app.yml')).toBeUndefined();
    expect(backups.nextSeq('app.yml', '2025-05-12-13-49')).toBe(1);
  });

  it('gives exists=false when the path is a regular file', async () => {
    const file = path.join(tmp, 'file');
    await fs.writeFile(file, 'x');
    expect((await new BackupIndex().forDirectory(file)).exists).toBe(false);
  });

  it('gives exists=false when a regular file stands where a folder above it should be (ENOTDIR)', async () => {
    const file = path.join(tmp, 'file');
    await fs.writeFile(file, 'x');
    expect((await new BackupIndex().forDirectory(path.join(file, 'sub'))).exists).toBe(false);
  });
});
