import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { StepLog } from '../../src/action/step-log.js';
import { BackupStatus, StopMessage } from '../../src/engine/status.js';

describe('StepLog at the sizes users have', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('100,000 failed files: 10 annotations, and only those 10 are kept in memory', () => {
    const printed: string[] = [];
    jest.spyOn(process.stdout, 'write').mockImplementation(((chunk: string) => printed.push(String(chunk)) > 0) as typeof process.stdout.write);
    const log = new StepLog(100_000);
    log.open('Backing up 100000 files');
    for (let i = 0; i < 100_000; i++) {
      log.fileDone({ source: `f${i}`, backup: null, status: BackupStatus.PermissionDenied, bytes: 0, message: 'permission denied: EACCES' });
    }
    expect((log as unknown as { failures: unknown[] }).failures.length).toBeLessThanOrEqual(10);
    log.close();
    const annotations = printed
      .join('')
      .split('\n')
      .filter(line => line.startsWith('::warning::'));
    expect(annotations).toHaveLength(10);
    expect(annotations[0]).toBe('::warning::permission-denied: f0: permission denied: EACCES');
    expect(annotations[9]).toBe('::warning::99991 more files failed; the log above and the job summary list them all.');
    expect(printed.join('').match(/^permission-denied /gm)).toHaveLength(100_000);
  });

  it('50,000 files a stop left: one line with their count, after the files that were done', () => {
    const printed: string[] = [];
    jest.spyOn(process.stdout, 'write').mockImplementation(((chunk: string) => printed.push(String(chunk)) > 0) as typeof process.stdout.write);
    const log = new StepLog(50_001);
    log.open('Backing up 50001 files');
    log.fileDone({ source: 'done', backup: '.bkpfile/done-2025-05-12-13-49', status: BackupStatus.Created, bytes: 1 });
    for (let i = 0; i < 50_000; i++) {
      log.fileDone({
        source: `f${i}`,
        backup: null,
        status: BackupStatus.Cancelled,
        bytes: 0,
        message: i ? StopMessage.NotStarted : StopMessage.Unfinished
      });
    }
    log.close();
    const lines = printed.join('').split('\n');
    expect(lines.filter(line => line.includes('not started'))).toEqual(['cancelled         50000 more files were not started']);
    expect(lines.indexOf('cancelled         50000 more files were not started')).toBeGreaterThan(lines.findIndex(line => line.startsWith('created ')));
  });
});
