import { describe, it, expect } from '@jest/globals';
import { backupName, compareBackupAge, formatStamp, parseBackupName, readingsOf, stampToDate } from '../../src/engine/backup-name.js';

describe('formatStamp', () => {
  it('formats local time as YYYY-MM-DD-hh-mm', () => {
    expect(formatStamp(new Date(2025, 4, 12, 13, 49))).toBe('2025-05-12-13-49');
  });

  it('zero-pads month, day, hour and minute', () => {
    expect(formatStamp(new Date(2025, 0, 2, 3, 4))).toBe('2025-01-02-03-04');
    expect(formatStamp(new Date(2025, 11, 31, 0, 0))).toBe('2025-12-31-00-00');
  });

  it('zero-pads the year to four digits', () => {
    const d = new Date(2025, 0, 1, 0, 0);
    d.setFullYear(987);
    expect(formatStamp(d)).toBe('0987-01-01-00-00');
  });

  it('has minute resolution (seconds and milliseconds are dropped)', () => {
    expect(formatStamp(new Date(2025, 4, 12, 13, 49, 59, 999))).toBe('2025-05-12-13-49');
  });

  it('round-trips through stampToDate', () => {
    const d = new Date(2025, 4, 12, 13, 49);
    expect(stampToDate(formatStamp(d)).getTime()).toBe(d.getTime());
  });
});

describe('backupName', () => {
  const stamp = '2025-05-12-13-49';

  it('is FILE-STAMP without a note', () => {
    expect(backupName('app.yml', stamp, 1)).toBe('app.yml-2025-05-12-13-49');
  });

  it('appends =NOTE', () => {
    expect(backupName('app.yml', stamp, 1, 'pre-deploy')).toBe('app.yml-2025-05-12-13-49=pre-deploy');
  });

  it('treats an empty note as no note', () => {
    expect(backupName('app.yml', stamp, 1, '')).toBe('app.yml-2025-05-12-13-49');
  });

  it('adds _SEQ for the second and later backups of a minute, before the note', () => {
    expect(backupName('app.yml', stamp, 2)).toBe('app.yml-2025-05-12-13-49_2');
    expect(backupName('app.yml', stamp, 2, 'pre-deploy')).toBe('app.yml-2025-05-12-13-49_2=pre-deploy');
    expect(backupName('app.yml', stamp, 13, 'x')).toBe('app.yml-2025-05-12-13-49_13=x');
  });
});

describe('parseBackupName', () => {
  it('reads a plain backup name', () => {
    expect(parseBackupName('app.yml-2025-05-12-13-49')).toEqual([{ fileName: 'app.yml', stamp: '2025-05-12-13-49', seq: 1, note: undefined }]);
  });

  it('reads note and seq', () => {
    expect(parseBackupName('app.yml-2025-05-12-13-49_2=pre-deploy')).toEqual([{ fileName: 'app.yml', stamp: '2025-05-12-13-49', seq: 2, note: 'pre-deploy' }]);
  });

  it.each([
    ['app.yml', 1, undefined],
    ['app.yml', 1, 'pre-deploy'],
    ['app.yml', 2, undefined],
    ['app.yml', 7, 'pre-deploy'],
    ['my-file-name.tar.gz', 3, 'a=b=c'],
    ['x', 1, 'a-b-c'],
    ['.env', 1, 'with spaces and ünïcödé'],
    ['file_2', 1, undefined],
    ['file_2', 4, '_9']
  ])('round-trips %s seq %d note %s', (fileName, seq, note) => {
    const stamp = '2024-02-29-23-59';
    expect(parseBackupName(backupName(fileName, stamp, seq, note))).toEqual([{ fileName, stamp, seq, note }]);
  });

  it('keeps "=" and "-" inside notes', () => {
    expect(parseBackupName('a.txt-2025-05-12-13-49=k=v-1-2')).toEqual([{ fileName: 'a.txt', stamp: '2025-05-12-13-49', seq: 1, note: 'k=v-1-2' }]);
  });

  it('keeps file names that contain dashes and digits', () => {
    expect(parseBackupName('build-2024-01-01.log-2025-05-12-13-49')).toEqual([
      { fileName: 'build-2024-01-01.log', stamp: '2025-05-12-13-49', seq: 1, note: undefined }
    ]);
  });

  it('returns both readings when the note itself looks like a stamp', () => {
    const readings = parseBackupName('a-2025-01-01-00-00=x-2025-02-02-00-00');
    expect(readings).toHaveLength(2);
    expect(readings).toEqual(
      expect.arrayContaining([
        { fileName: 'a', stamp: '2025-01-01-00-00', seq: 1, note: 'x-2025-02-02-00-00' },
        { fileName: 'a-2025-01-01-00-00=x', stamp: '2025-02-02-00-00', seq: 1, note: undefined }
      ])
    );
  });

  it('returns both readings when the source name itself ends like a backup', () => {
    // a backup of a file literally named `f-2025-01-01-00-00`
    const name = backupName('f-2025-01-01-00-00', '2025-05-12-13-49', 1);
    // a stamp followed by `-` is not a stamp end, so only one reading
    expect(parseBackupName(name)).toEqual([{ fileName: 'f-2025-01-01-00-00', stamp: '2025-05-12-13-49', seq: 1, note: undefined }]);
    // but with a note starting after the inner stamp, both readings exist
    const tricky = backupName('f-2025-01-01-00-00=n', '2025-05-12-13-49', 1);
    expect(
      parseBackupName(tricky)
        .map(r => r.fileName)
        .sort()
    ).toEqual(['f', 'f-2025-01-01-00-00=n']);
  });

  it.each([
    ['no stamp', 'app.yml'],
    ['a date without minutes', 'app.yml-2025-05-12-13'],
    ['a stamp followed by more text', 'app.yml-2025-05-12-13-49.bak'],
    ['a stamp followed by a dash', 'app.yml-2025-05-12-13-49-x'],
    ['seq _1 (never written)', 'app.yml-2025-05-12-13-49_1'],
    ['seq _0', 'app.yml-2025-05-12-13-49_0'],
    ['seq _1 with note', 'app.yml-2025-05-12-13-49_1=n'],
    ['an underscore without digits', 'app.yml-2025-05-12-13-49_'],
    ['a seq followed by text', 'app.yml-2025-05-12-13-49_2x'],
    ['a stamp at position 0', '-2025-05-12-13-49'],
    ['a stamp at position 0 with note', '-2025-05-12-13-49=n'],
    ['a stamp without its dash', 'app.yml2025-05-12-13-49'],
    ['a staging directory name', '.bkpfile-staging-0123456789abcdef']
  ])('does not read %s as a backup', (_what, name) => {
    expect(parseBackupName(name)).toEqual([]);
  });

  it('reads every name as the scan of every position (readingsOf) does', () => {
    // Every name of up to four pieces from those that matter to the rules: stamps, seqs,
    // underscores, digits, dashes, notes; 13^4 + … ≈ 31,000 names.
    const pieces = ['a', '-', '_', '_2', '_1', '_0', '7', '-2025-05-12-13-49', '2025-05-12-13-49', '-2025-05-12-13-4', '=n', '=', '_12345678901234567890'];
    let names = [''];
    const all: string[] = [];
    for (let length = 1; length <= 4; length++) {
      names = names.flatMap(name => pieces.map(piece => name + piece));
      all.push(...names);
    }
    let readable = 0;
    for (const name of all) {
      const expected = readingsOf(name);
      expect({ name, readings: parseBackupName(name) }).toEqual({ name, readings: expected });
      if (expected.length > 0) readable += 1;
    }
    expect(readable).toBeGreaterThan(2000); // the set holds many names that read as backups, not only ones that do not
  });
});

describe('compareBackupAge', () => {
  it('orders by stamp first, whatever the seq', () => {
    expect(compareBackupAge({ stamp: '2025-05-12-13-48', seq: 9 }, { stamp: '2025-05-12-13-49', seq: 1 })).toBeLessThan(0);
    expect(compareBackupAge({ stamp: '2025-05-12-13-49', seq: 1 }, { stamp: '2025-05-12-13-48', seq: 9 })).toBeGreaterThan(0);
  });

  it('orders by seq within a minute (numerically, not as text)', () => {
    expect(compareBackupAge({ stamp: '2025-05-12-13-49', seq: 2 }, { stamp: '2025-05-12-13-49', seq: 10 })).toBeLessThan(0);
    expect(compareBackupAge({ stamp: '2025-05-12-13-49', seq: 10 }, { stamp: '2025-05-12-13-49', seq: 2 })).toBeGreaterThan(0);
  });

  it('is 0 for the same stamp and seq', () => {
    expect(compareBackupAge({ stamp: '2025-05-12-13-49', seq: 3 }, { stamp: '2025-05-12-13-49', seq: 3 })).toBe(0);
  });

  it('sorts a list oldest first, across years and months', () => {
    const list = [
      { stamp: '2025-05-12-13-49', seq: 2 },
      { stamp: '2024-12-31-23-59', seq: 1 },
      { stamp: '2025-05-12-13-49', seq: 1 },
      { stamp: '2025-01-01-00-00', seq: 1 },
      { stamp: '2025-05-12-13-49', seq: 11 }
    ];
    expect([...list].sort(compareBackupAge)).toEqual([
      { stamp: '2024-12-31-23-59', seq: 1 },
      { stamp: '2025-01-01-00-00', seq: 1 },
      { stamp: '2025-05-12-13-49', seq: 1 },
      { stamp: '2025-05-12-13-49', seq: 2 },
      { stamp: '2025-05-12-13-49', seq: 11 }
    ]);
  });
});
