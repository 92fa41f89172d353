/**
 * The bundled list action (list/action.yml) as the runner runs it, on backups made by the
 * bundled backup action and on backups named as the bkpfile command-line tool names them.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { SimulatedJob, nodeRuntimes, type StepResult } from './runner.js';

interface Listed {
  path: string;
  source: string;
  time: string;
  note: string | null;
  size: number;
  modified: string;
}
const listed = (r: StepResult): Listed[] => JSON.parse(r.outputs['backups'] ?? '[]') as Listed[];

const pad = (n: number): string => String(n).padStart(2, '0');
/** Go's 2006-01-02 15:04:05 in UTC: the action runs with TZ=UTC in these tests. */
const goTime = (d: Date): string =>
  `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;

/**
 * What `bkpfile --list FILE` prints, as the tool does it (cmd/bkpfile/main.go and
 * ListBackups in internal/bkpfile/backup.go of github.com/fareedst/bkpfile): the entries
 * of the file's mirrored directory whose names start with `FILE-`, newest first by their
 * modification time, each as `<path relative to the working directory> (created:
 * <modification time as 2006-01-02 15:04:05>)`. The tool itself is Go and is not
 * installed here; this is its documented behaviour, used as the oracle.
 */
async function bkpfileList(workspace: string, backupDir: string, file: string): Promise<string[]> {
  const dir = path.join(backupDir, path.dirname(file));
  const name = path.basename(file);
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const backups = [];
  for (const e of entries) {
    if (e.isDirectory() || !e.name.startsWith(`${name}-`)) continue;
    const full = path.join(dir, e.name);
    backups.push({ full, mtime: (await fs.stat(full)).mtime });
  }
  backups.sort((a, b) => b.mtime.getTime() - a.mtime.getTime());
  return backups.map(b => `${path.relative(workspace, b.full)} (created: ${goTime(b.mtime)})`);
}

describe.each(nodeRuntimes())('list end to end on $name', ({ bin }) => {
  let job: SimulatedJob;
  const list = (inputs: Record<string, string>, env?: Record<string, string>): Promise<StepResult> => job.runActionMain('list', inputs, env ? { env } : {});

  beforeEach(async () => {
    job = await SimulatedJob.create({ node: bin });
  });

  afterEach(async () => {
    await job.dispose();
  });

  it('prints what bkpfile --list prints, in its order, for backups the bkpfile tool made', async () => {
    // As bkpfile makes them over time: each copy keeps the source's mtime, which moves on.
    const dir = path.join(job.workspace, '.bkpfile/config');
    await fs.mkdir(dir, { recursive: true });
    const made: [string, string][] = [
      ['app.yml-2025-05-10-09-00', '2025-05-10T08:59:30Z'],
      ['app.yml-2025-05-11-10-30=pre-deploy', '2025-05-11T10:29:10Z'],
      ['app.yml-2025-05-12-13-49', '2025-05-12T13:48:02Z'],
      ['app.yml-2025-05-12-13-49=after fix', '2025-05-12T13:49:41Z'], // same minute, with a note
      ['app.yml-2025-05-12-13-49_2', '2025-05-12T13:49:50Z'], // the backup action's same-minute counter
      ['app.yml-2025-05-12-13-49_10=x', '2025-05-12T13:49:55Z'], // ordered by number, not as text
      ['db.yml-2025-05-12-13-49', '2025-05-12T13:40:00Z']
    ];
    for (const [name, mtime] of made) {
      await fs.writeFile(path.join(dir, name), name);
      await fs.utimes(path.join(dir, name), new Date(mtime), new Date(mtime));
    }
    const env = { TZ: 'UTC' };
    const r = await list({ path: 'config/app.yml' }, env);
    expect(r.exitCode).toBe(0);
    expect(r.errors).toEqual([]);
    const expected = await bkpfileList(job.workspace, path.join(job.workspace, '.bkpfile'), 'config/app.yml');
    expect(expected).toHaveLength(6);
    expect(r.outputs['text']!.split('\n')).toEqual(expected);
    expect(r.outputs['text']!.split('\n').slice(0, 3)).toEqual([
      '.bkpfile/config/app.yml-2025-05-12-13-49_10=x (created: 2025-05-12 13:49:55)',
      '.bkpfile/config/app.yml-2025-05-12-13-49_2 (created: 2025-05-12 13:49:50)',
      '.bkpfile/config/app.yml-2025-05-12-13-49=after fix (created: 2025-05-12 13:49:41)'
    ]);
    // The log has the same lines.
    for (const line of r.outputs['text']!.split('\n')) expect(r.stdout).toContain(line);
    expect(r.outputs['count']).toBe('6');
    expect(listed(r)[3]).toEqual({
      path: '.bkpfile/config/app.yml-2025-05-12-13-49',
      source: 'config/app.yml',
      time: '2025-05-12T13:49:00.000Z',
      note: null,
      size: 'app.yml-2025-05-12-13-49'.length,
      modified: '2025-05-12T13:48:02.000Z'
    });
    expect(listed(r)[2]!.note).toBe('after fix');
    expect(r.summary).toContain('<table>');
    expect(r.summary).toContain('pre-deploy');
  });

  it('keeps bkpfile --list’s order when a modification time went backwards (a backup made after a restore)', async () => {
    const dir = path.join(job.workspace, '.bkpfile');
    await fs.mkdir(dir, { recursive: true });
    const made: [string, string][] = [
      ['app.yml-2025-05-10-09-00', '2025-05-12T10:00:00Z'],
      ['app.yml-2025-05-11-10-30', '2025-05-11T10:00:00Z'],
      ['app.yml-2025-05-12-08-00=restored-v1', '2025-05-09T12:00:00Z']
    ];
    for (const [name, mtime] of made) {
      await fs.writeFile(path.join(dir, name), name);
      await fs.utimes(path.join(dir, name), new Date(mtime), new Date(mtime));
    }
    const r = await list({ path: 'app.yml' }, { TZ: 'UTC' });
    expect(r.outputs['text']!.split('\n')).toEqual(await bkpfileList(job.workspace, dir, 'app.yml'));
    expect(r.outputs['text']!.split('\n')[0]).toMatch(/^\.bkpfile\/app\.yml-2025-05-10-09-00 /);
  });

  it('lists backups made by the backup action newest first, all files when path is empty', async () => {
    await job.write({ 'config/app.yml': 'v1\n', '.env': 'A=1\n' });
    expect((await job.runMain({ path: 'config\n.env', note: 'one' })).exitCode).toBe(0);
    await job.write({ 'config/app.yml': 'v2\n' });
    expect((await job.runMain({ path: 'config', note: 'two' })).exitCode).toBe(0);
    await job.write({ 'config/app.yml': 'v3\n' });
    expect((await job.runMain({ path: 'config' })).exitCode).toBe(0);

    const all = await list({});
    expect(all.exitCode).toBe(0);
    const rows = listed(all);
    expect(rows.map(row => [row.source, row.note])).toEqual([
      ['.env', 'one'],
      ['config/app.yml', null],
      ['config/app.yml', 'two'],
      ['config/app.yml', 'one']
    ]);
    // Three runs, in one minute (`_2`, `_3`) or across a minute boundary: newest first either way.
    expect(rows[2]!.path).toMatch(/=two$/);
    expect(all.outputs['text']!.split('\n')).toHaveLength(4);
    expect(all.outputs['text']!.split('\n')[0]).toMatch(
      /^\.bkpfile\/\.env-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}=one \(created: \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\)$/
    );

    // The first backup listed for a file is the one restore takes by default.
    const restore = await job.runActionMain('restore', { path: 'config/app.yml', 'dry-run': 'true' });
    expect((JSON.parse(restore.outputs['files']!) as { backup: string }[])[0]!.backup).toBe(rows[1]!.path);

    const one = await list({ path: '**/*.yml' });
    expect(listed(one).map(row => row.source)).toEqual(['config/app.yml', 'config/app.yml', 'config/app.yml']);
  });

  it('no backups follows if-no-files-found; a backup-dir that is a file is an input error', async () => {
    const warn = await list({ path: 'config/**' });
    expect(warn.exitCode).toBe(0);
    expect(warn.outputs['count']).toBe('0');
    expect(warn.warnings.join('\n')).toMatch(/No backups found/);
    const error = await list({ 'if-no-files-found': 'error' });
    expect(error.exitCode).toBe(1);
    expect(error.errors.join('\n')).toMatch(/No backups found/);
    const ignore = await list({ 'if-no-files-found': 'ignore' });
    expect(ignore.exitCode).toBe(0);
    expect([...ignore.warnings, ...ignore.errors]).toEqual([]);

    await job.write({ 'not-a-dir': 'x' });
    const bad = await list({ 'backup-dir': 'not-a-dir' });
    expect(bad.exitCode).toBe(1);
    expect(bad.errors).toEqual([expect.stringMatching(/^Input 'backup-dir' must be a directory/)]);
    const badMode = await list({ 'if-no-files-found': 'sometimes' });
    expect(badMode.errors).toEqual([expect.stringMatching(/^Input 'if-no-files-found' must be one of warn, error, ignore/)]);
  });
});
