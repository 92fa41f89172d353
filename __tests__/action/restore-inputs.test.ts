import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { InputError } from '../../src/action/input-error.js';
import { parseBefore, readRestoreSettings } from '../../src/action/restore-inputs.js';
import { formatStamp } from '../../src/engine/backup-name.js';

describe('parseBefore', () => {
  // A time with a zone becomes the runner's local time (whatever TZ this runs in; the
  // end-to-end suite runs the action with TZ=Asia/Kolkata). JavaScript's own ISO parser is
  // the oracle for the instant.
  const local = (iso: string): string => formatStamp(new Date(iso));

  it.each([
    ['2025-05-12T08:19:00Z', local('2025-05-12T08:19:00Z')],
    ['2025-05-12T08:19:00z', local('2025-05-12T08:19:00Z')],
    ['2025-05-12T13:49:00+05:30', local('2025-05-12T13:49:00+05:30')],
    ['2025-05-12T00:00-0300', local('2025-05-12T00:00:00-03:00')],
    ['2025-05-12T23:59+00', local('2025-05-12T23:59:00Z')],
    ['2025-05-12T23:59:59.5+01:00', local('2025-05-12T23:59:59+01:00')]
  ])('%j is the local stamp %s', (raw, stamp) => {
    expect(parseBefore(raw)).toBe(stamp);
  });

  it.each([
    ['2025-05-12', '2025-05-12-00-00'],
    ['2025-05-12 13:49', '2025-05-12-13-49'],
    ['2025-05-12T13:49', '2025-05-12-13-49'],
    ['2025-05-12T13:49:59', '2025-05-12-13-49'],
    ['2025-05-12T13:49:59.999', '2025-05-12-13-49'],
    ['2024-02-29', '2024-02-29-00-00'],
    ['  2025-05-12 13:49  ', '2025-05-12-13-49']
  ])('%j without a zone is local already: the stamp %s', (raw, stamp) => {
    expect(parseBefore(raw)).toBe(stamp);
  });

  it.each(['yesterday', '2025-5-12', '2025-05-12 25:00', '2025-13-01', '2025-02-29', '2025-05-12T13:60', '2025-05-12T13:49+25:00', '12/05/2025', ''])(
    '%j is an input error naming before',
    raw => {
      expect(() => parseBefore(raw)).toThrow(InputError);
      expect(() => parseBefore(raw)).toThrow(/^Input 'before' must be a time/);
    }
  );
});

describe('readRestoreSettings', () => {
  let ws: string;
  beforeEach(async () => {
    ws = await fs.mkdtemp(path.join(os.tmpdir(), 'bkpfile-restore-inputs-'));
  });
  afterEach(async () => {
    await fs.rm(ws, { recursive: true, force: true });
  });
  const read = (inputs: Record<string, string>): ReturnType<typeof readRestoreSettings> => readRestoreSettings(name => inputs[name] ?? '', ws);

  it('takes the newest without a selector, and one selector at a time', async () => {
    expect((await read({ path: 'config' })).selector).toEqual({ kind: 'newest' });
    expect((await read({ path: 'config', note: 'x' })).selector).toEqual({ kind: 'note', note: 'x' });
    expect((await read({ path: 'config', before: '2025-05-12' })).selector).toMatchObject({ kind: 'before', shown: '2025-05-12' });
    await expect(read({ path: 'config', note: 'x', before: '2025-05-12', manifest: 'm' })).rejects.toThrow(
      /^Inputs 'note' and 'before' and 'manifest' cannot be used together/
    );
  });

  it('needs path unless a manifest is given', async () => {
    await expect(read({})).rejects.toThrow(/^Input 'path' is required \(unless 'manifest' is given\)/);
    await fs.writeFile(path.join(ws, 'm.json'), JSON.stringify({ version: 1, tool: 'bkpfile-action', dryRun: false, files: [] }));
    expect((await read({ manifest: 'm.json' })).selector).toMatchObject({ kind: 'manifest', files: [] });
  });

  it.each([
    [
      { version: 1, tool: 'bkpfile-action', dryRun: false, files: [{ source: 'a', status: 'created' }] },
      /files\[0\] needs a source, a backup \(or null\) and a status/
    ],
    [{ version: 2, tool: 'bkpfile-action', dryRun: false, files: [] }, /has version 2/],
    [{ version: 1, tool: 'bkpfile-action', dryRun: true, files: [] }, /is the manifest of a dry run/],
    [[1, 2, 3], /is not a bkpfile-action manifest/]
  ])('refuses a manifest that is not one: %j', async (doc, error) => {
    await fs.writeFile(path.join(ws, 'm.json'), JSON.stringify(doc));
    await expect(read({ manifest: 'm.json' })).rejects.toThrow(error);
    await expect(read({ manifest: 'm.json' })).rejects.toThrow(/^Input 'manifest': /);
  });
});
