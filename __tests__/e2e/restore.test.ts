/**
 * The way back, through the bundled restore action (restore/action.yml) as the runner runs
 * it, after real backups by the bundled backup action: every selector, mode and mtime back,
 * deleted files and folders back, dry-run, missing backups, bad inputs, forged manifests and
 * symlinks that try to steer the restore out of the workspace.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { SimulatedJob, listFiles, nodeRuntimes, type StepResult } from './runner.js';
import { CHILD_COPY_MIN } from '../../src/engine/copy-file.js';
import { writeDenseFile } from '../dense-file.js';

interface FileRow {
  path: string;
  backup: string | null;
  status: string;
}
const files = (r: StepResult): FileRow[] => JSON.parse(r.outputs['files'] ?? '[]') as FileRow[];
const byPath = (r: StepResult): Map<string, FileRow> => new Map(files(r).map(f => [f.path, f]));

/**
 * Content, mode bits and mtime of every file in the workspace outside the backup
 * directory. Times go through utimes() as seconds in a double, so they are kept to the
 * microsecond: the mtime is shown in whole microseconds, rounded down to 10 µs steps only
 * when that is what the two readings agree on (see sameFiles).
 */
type Snapshot = Map<string, { what: string; mode: string; mtimeMs: number }>;
async function snapshot(job: SimulatedJob): Promise<Snapshot> {
  const out: Snapshot = new Map();
  for (const rel of await listFiles(job.workspace)) {
    if (rel.startsWith(`.bkpfile${path.sep}`)) continue;
    const file = path.join(job.workspace, rel);
    const st = await fs.lstat(file);
    const what = st.isSymbolicLink() ? `link:${await fs.readlink(file)}` : (await fs.readFile(file)).toString('utf8');
    out.set(rel, { what, mode: (st.mode & 0o7777).toString(8), mtimeMs: st.mtimeMs });
  }
  return out;
}

/** Same files, content and mode; mtimes equal to within 10 µs. */
function expectSameFiles(actual: Snapshot, expected: Snapshot): void {
  const strip = (s: Snapshot): Record<string, { what: string; mode: string }> =>
    Object.fromEntries([...s].map(([rel, { what, mode }]) => [rel, { what, mode }]));
  expect(strip(actual)).toEqual(strip(expected));
  for (const [rel, { mtimeMs }] of expected) {
    const got = actual.get(rel)!.mtimeMs;
    expect({ rel, close: Math.abs(got - mtimeMs) < 0.01 }).toEqual({ rel, close: true });
  }
}

/** Files named like restore temporaries anywhere in the job. */
async function restoreTemps(job: SimulatedJob): Promise<string[]> {
  return (await listFiles(job.root)).filter(rel => path.basename(rel).startsWith('.bkpfile-restore-'));
}

describe.each(nodeRuntimes())('restore end to end on $name', ({ bin }) => {
  let job: SimulatedJob;
  const restore = (inputs: Record<string, string>, env?: Record<string, string>): Promise<StepResult> =>
    job.runActionMain('restore', inputs, env ? { env } : {});
  const backup = (inputs: Record<string, string>): Promise<StepResult> => job.runMain(inputs);
  const ws = (rel: string): string => path.join(job.workspace, rel);

  beforeEach(async () => {
    job = await SimulatedJob.create({ node: bin });
    await job.write({
      'config/app.yml': 'name: demo\nport: 8080\n',
      'config/db/primary.yml': 'host: db\n',
      '.env': 'SECRET=1\n',
      'docs/readme.md': 'docs\n'
    });
    await fs.chmod(ws('config/app.yml'), 0o640);
    await fs.chmod(ws('.env'), 0o600);
    const old = new Date('2024-01-02T03:04:05.123Z');
    await fs.utimes(ws('config/app.yml'), old, old);
  });

  afterEach(async () => {
    await job.dispose();
  });

  it('backup -> change and delete -> restore gives back byte-identical files with mode and mtime, deleted folders too', async () => {
    const before = await snapshot(job);
    const b = await backup({ path: 'config\n.env', note: 'pre-deploy' });
    expect(b.exitCode).toBe(0);

    // The "deploy": rewrite one file (other mode, new time), delete another and a whole folder.
    await fs.writeFile(ws('config/app.yml'), 'broken\n');
    await fs.chmod(ws('config/app.yml'), 0o666);
    await fs.rm(ws('config/db'), { recursive: true });
    await fs.rm(ws('.env'));

    const r = await restore({ path: 'config\n.env' });
    expect(r.stderr).toBe('');
    expect(r.errors).toEqual([]);
    expect(r.exitCode).toBe(0);
    expect(r.outputs).toMatchObject({ restored: '3', identical: '0', failed: '0', 'files-truncated': 'false' });
    expect(
      files(r)
        .map(f => [f.path, f.status])
        .sort()
    ).toEqual([
      ['.env', 'restored'],
      ['config/app.yml', 'restored'],
      ['config/db/primary.yml', 'restored']
    ]);
    expect(byPath(r).get('config/app.yml')!.backup).toMatch(/^\.bkpfile\/config\/app\.yml-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}=pre-deploy$/);
    expectSameFiles(await snapshot(job), before);
    expect(r.summary).toContain('<table>');
    expect(r.summary).toContain('config/db/primary.yml');
    expect(await restoreTemps(job)).toEqual([]);
    expect(await listFiles(job.runnerTemp)).toEqual([expect.stringMatching(/^bkpfile\/manifest-.*\.json$/)]);

    // Nothing needs writing now: identical means content, mode and mtime equal.
    const again = await restore({ path: 'config\n.env' });
    expect(again.exitCode).toBe(0);
    expect(again.outputs).toMatchObject({ restored: '0', identical: '3', failed: '0' });

    // A file whose content matches but whose mode or mtime differ is not identical.
    await fs.chmod(ws('.env'), 0o644);
    const modeOnly = await restore({ path: '.env' });
    expect(byPath(modeOnly).get('.env')!.status).toBe('restored');
    expect((await fs.stat(ws('.env'))).mode & 0o777).toBe(0o600);

    const post = await job.runActionPost('restore', r.state);
    expect(post.exitCode).toBe(0);
    expect(post.warnings).toEqual([]);
  });

  it('a file over 8 MiB (chunked) and a small one (synchronous calls) that differ only in their last byte are restored whole, then identical', async () => {
    // Same size, mode and mtime as their backups: only the bytes tell them apart, and the
    // difference is in the last chunk of each.
    const small = Buffer.alloc(4096, 7);
    const big = Buffer.alloc(9 * 1024 * 1024 + 5, 9);
    await job.write({ 'art/small.bin': small, 'art/big.bin': big });
    const when = new Date('2024-05-06T07:08:09.250Z');
    for (const rel of ['art/small.bin', 'art/big.bin']) await fs.utimes(ws(rel), when, when);
    const before = await snapshot(job);
    expect((await backup({ path: 'art' })).outputs['created']).toBe('2');

    for (const [rel, data] of [
      ['art/small.bin', small],
      ['art/big.bin', big]
    ] as const) {
      const changed = Buffer.from(data);
      changed[changed.length - 1] = 1;
      await fs.writeFile(ws(rel), changed);
      await fs.utimes(ws(rel), when, when);
    }
    const r = await restore({ path: 'art' });
    expect(r.errors).toEqual([]);
    expect(r.outputs).toMatchObject({ restored: '2', identical: '0', failed: '0' });
    expect((await fs.readFile(ws('art/big.bin'))).equals(big)).toBe(true);
    expect((await fs.readFile(ws('art/small.bin'))).equals(small)).toBe(true);
    expectSameFiles(await snapshot(job), before);
    expect(await restoreTemps(job)).toEqual([]);

    const again = await restore({ path: 'art' });
    expect(again.outputs).toMatchObject({ restored: '0', identical: '2', failed: '0' });
  });

  it('a file of CHILD_COPY_MIN bytes or more (on Linux, copied by the kernel in a child process) is backed up and restored whole', async () => {
    const MiB = 1024 * 1024;
    const size = CHILD_COPY_MIN + MiB + 7;
    const file = ws('art/huge.bin');
    await writeDenseFile(file, size);
    await fs.chmod(file, 0o640);
    const when = new Date('2024-05-06T07:08:09.250Z');
    await fs.utimes(file, when, when);
    const digest = async (): Promise<string> =>
      createHash('sha256')
        .update(await fs.readFile(file))
        .digest('hex');
    const original = await digest();
    expect((await backup({ path: 'art' })).outputs['created']).toBe('1');
    // Same size, mode and time; other bytes in its first MiB and its last 7 bytes.
    const change = await fs.open(file, 'r+');
    await change.write(Buffer.alloc(MiB, 8), 0, MiB, 0);
    await change.write(Buffer.alloc(7, 8), 0, 7, size - 7);
    await change.close();
    await fs.utimes(file, when, when);
    expect(await digest()).not.toBe(original);
    const r = await restore({ path: 'art' });
    expect(r.errors).toEqual([]);
    expect(r.outputs).toMatchObject({ restored: '1', identical: '0', failed: '0' });
    expect(await digest()).toBe(original);
    const stat = await fs.stat(file);
    expect({ size: stat.size, mode: stat.mode & 0o7777, mtimeClose: Math.abs(stat.mtimeMs - when.getTime()) < 0.01 }).toEqual({
      size,
      mode: 0o640,
      mtimeClose: true
    });
    expect(await restoreTemps(job)).toEqual([]);
  }, 60_000);

  it('note takes the newest backup with that note; no selector takes the newest of all', async () => {
    const versions = ['v1\n', 'v2\n', 'v3\n'];
    const notes = ['a', 'b', 'a'];
    const states: Snapshot[] = [];
    for (let i = 0; i < 3; i++) {
      await fs.writeFile(ws('config/app.yml'), versions[i]!);
      await fs.chmod(ws('config/app.yml'), [0o600, 0o640, 0o644][i]!);
      const t = new Date(Date.UTC(2024, 0, i + 1, 12, 0, 0, 250));
      await fs.utimes(ws('config/app.yml'), t, t);
      states.push(await snapshot(job));
      expect((await backup({ path: 'config/app.yml', note: notes[i]! })).outputs['created']).toBe('1');
    }
    await fs.writeFile(ws('config/app.yml'), 'v4\n');
    await fs.chmod(ws('config/app.yml'), 0o777);
    const read = (): Promise<string> => fs.readFile(ws('config/app.yml'), 'utf8');

    expect((await restore({ path: 'config/app.yml', note: 'b' })).exitCode).toBe(0);
    expectSameFiles(await snapshot(job), states[1]!); // content, mode and mtime of v2
    const newest = await restore({ path: 'config/app.yml' });
    expect(byPath(newest).get('config/app.yml')!.backup).toMatch(/=a$/);
    expect(await read()).toBe('v3\n');
    expect((await restore({ path: 'config/app.yml', note: 'a' })).outputs['identical']).toBe('1');

    const none = await restore({ path: 'config/app.yml', note: 'c' });
    expect(none.exitCode).toBe(1);
    expect(byPath(none).get('config/app.yml')!.status).toBe('missing-backup');
    expect(none.errors.join('\n')).toMatch(/1 of 1 file could not be restored: 1 missing-backup/);
  });

  it('before takes the newest backup at or before a time: local names, dates, ISO 8601 with and without a zone', async () => {
    // Backups as bkpfile names them, in the runner's local time (TZ below: +05:30).
    const dir = ws('.bkpfile/config');
    await fs.mkdir(dir, { recursive: true });
    const made: [string, string][] = [
      ['2025-05-12-10-00', 'A\n'],
      ['2025-05-12-13-49', 'B\n'],
      ['2025-05-13-08-00', 'C\n']
    ];
    for (const [stamp, text] of made) await fs.writeFile(path.join(dir, `app.yml-${stamp}`), text);
    const env = { TZ: 'Asia/Kolkata' };
    const cases: [string, string][] = [
      ['2025-05-12 13:48', 'A\n'],
      ['2025-05-12 13:49', 'B\n'],
      ['2025-05-13', 'B\n'], // that day at 00:00
      ['2025-05-12T08:19:00Z', 'B\n'], // 13:49 in +05:30
      ['2025-05-12T08:18:59Z', 'A\n'],
      ['2025-05-12T13:49:59', 'B\n'], // no zone: local, like the names
      ['2025-05-13T02:30+00:00', 'C\n'], // 08:00 in +05:30
      ['2099-01-01', 'C\n']
    ];
    // Each backup with its own mode and mtime, which come back with it.
    const modes: Record<string, number> = { 'A\n': 0o600, 'B\n': 0o640, 'C\n': 0o604 };
    const mtimes: Record<string, number> = { 'A\n': 1_700_000_000_000, 'B\n': 1_700_100_000_000, 'C\n': 1_700_200_000_000 };
    for (const [stamp, text] of made) {
      await fs.chmod(path.join(dir, `app.yml-${stamp}`), modes[text]!);
      await fs.utimes(path.join(dir, `app.yml-${stamp}`), new Date(mtimes[text]!), new Date(mtimes[text]!));
    }
    for (const [before, want] of cases) {
      const r = await restore({ path: 'config/app.yml', before }, env);
      expect({ before, exit: r.exitCode, errors: r.errors }).toEqual({ before, exit: 0, errors: [] });
      expect({ before, content: await fs.readFile(ws('config/app.yml'), 'utf8') }).toEqual({ before, content: want });
      const st = await fs.stat(ws('config/app.yml'));
      expect({ before, mode: st.mode & 0o7777, mtime: Math.round(st.mtimeMs) }).toEqual({ before, mode: modes[want], mtime: mtimes[want] });
    }
    const early = await restore({ path: 'config/app.yml', before: '2025-05-12' }, env);
    expect(early.exitCode).toBe(1);
    expect(byPath(early).get('config/app.yml')).toMatchObject({ status: 'missing-backup', backup: null });
  });

  it('manifest restores exactly what that backup step made or found identical, narrowed by path when given', async () => {
    const first = await backup({ path: 'config\n.env\ndocs' });
    expect(first.exitCode).toBe(0);
    const before = await snapshot(job);
    for (const rel of ['config/app.yml', 'config/db/primary.yml', '.env', 'docs/readme.md']) await fs.appendFile(ws(rel), 'second\n');
    expect((await backup({ path: 'config\n.env\ndocs' })).outputs['created']).toBe('4');
    for (const rel of ['config/app.yml', 'config/db/primary.yml', '.env']) await fs.appendFile(ws(rel), 'third\n');
    await fs.rm(ws('docs'), { recursive: true });

    const narrowed = await restore({ manifest: first.outputs['manifest']!, path: 'config/app.yml' });
    expect(narrowed.exitCode).toBe(0);
    expect(files(narrowed).map(f => f.path)).toEqual(['config/app.yml']);

    const r = await restore({ manifest: first.outputs['manifest']! });
    expect(r.errors).toEqual([]);
    expect(r.exitCode).toBe(0);
    expect(r.outputs).toMatchObject({ restored: '3', identical: '1', failed: '0' });
    // The first run's versions, not the newest backups.
    expectSameFiles(await snapshot(job), before);
  });

  it('manifest: a dry run manifest, a file that is no manifest, or JSON of another shape is an input error, and nothing changes', async () => {
    const dry = await backup({ path: 'config', 'dry-run': 'true' });
    await job.write({ 'not-json.json': '{oops', 'other.json': JSON.stringify({ tool: 'something-else', files: [] }) });
    const before = await snapshot(job);
    const cases: [string, RegExp][] = [
      [dry.outputs['manifest']!, /^Input 'manifest': .* is the manifest of a dry run/],
      [ws('not-json.json'), /^Input 'manifest': .* is not JSON/],
      [ws('other.json'), /^Input 'manifest': .* is not a bkpfile-action manifest/],
      ['missing.json', /^Input 'manifest': .* cannot be read/]
    ];
    for (const [manifest, error] of cases) {
      const r = await restore({ manifest });
      expect(r.exitCode).toBe(1);
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]).toMatch(error);
      expect(r.stderr).toBe('');
    }
    expectSameFiles(await snapshot(job), before);
  });

  it('a forged manifest cannot make restore read outside the backup directory, a symlink, or another file’s backup', async () => {
    const real = await backup({ path: 'config\n.env' });
    const made = JSON.parse(await fs.readFile(real.outputs['manifest']!, 'utf8')) as { files: { source: string; backup: string }[] };
    const appBackup = made.files.find(f => f.source === 'config/app.yml')!.backup;
    const envBackup = made.files.find(f => f.source === '.env')!.backup;
    const secret = path.join(job.root, 'secret.txt');
    await fs.writeFile(secret, 'do not read\n');
    // A symlink named like a backup of docs/readme.md, pointing at the secret.
    await fs.mkdir(ws('.bkpfile/docs'), { recursive: true });
    await fs.symlink(secret, ws('.bkpfile/docs/readme.md-2025-01-01-00-00'));
    await fs.writeFile(ws('config/app.yml'), 'changed\n');
    const forged = {
      ...made,
      files: [
        { source: 'config/app.yml', backup: appBackup, status: 'created', bytes: 1 }, // the one real entry
        { source: 'a.txt', backup: secret, status: 'created', bytes: 1 },
        { source: 'b.txt', backup: `.bkpfile/config/../../secret.txt`, status: 'created', bytes: 1 },
        { source: 'c.txt', backup: envBackup.replace('.env', 'c.txt'), status: 'created', bytes: 1 }, // not there
        { source: 'config/db/primary.yml', backup: appBackup, status: 'created', bytes: 1 }, // another file's backup
        { source: 'docs/readme.md', backup: '.bkpfile/docs/readme.md-2025-01-01-00-00', status: 'created', bytes: 1 },
        { source: '../outside.txt', backup: envBackup, status: 'created', bytes: 1 }
      ]
    };
    const file = path.join(job.runnerTemp, 'forged.json');
    await fs.writeFile(file, JSON.stringify(forged));
    const before = await snapshot(job);
    const r = await restore({ manifest: file });
    expect(r.exitCode).toBe(1);
    const rows = byPath(r);
    expect(rows.get('config/app.yml')!.status).toBe('restored');
    expect(rows.get('a.txt')!.status).toBe('invalid-backup');
    expect(rows.get('b.txt')!.status).toBe('invalid-backup');
    expect(rows.get('c.txt')!.status).toBe('missing-backup'); // well formed, but no such backup
    expect(rows.get('config/db/primary.yml')!.status).toBe('invalid-backup');
    expect(rows.get('docs/readme.md')!.status).toBe('invalid-backup');
    expect(rows.get(path.join(job.root, 'outside.txt'))!.status).toBe('outside-workspace');
    expect(r.outputs['failed']).toBe('6');
    // Only the real entry changed anything.
    const after = await snapshot(job);
    before.delete('config/app.yml');
    after.delete('config/app.yml');
    expectSameFiles(after, before);
    expect(await fs.readFile(ws('config/app.yml'), 'utf8')).toBe('name: demo\nport: 8080\n');
    await expect(fs.access(path.join(job.root, 'outside.txt'))).rejects.toThrow();
  });

  it('a file named in path without a backup is an error naming it; a file matched only by a wildcard is left alone', async () => {
    expect((await backup({ path: 'config' })).exitCode).toBe(0);
    await fs.writeFile(ws('config/added-by-deploy.yml'), 'new\n');
    await fs.writeFile(ws('config/app.yml'), 'broken\n');

    const wildcard = await restore({ path: 'config/**' });
    expect(wildcard.exitCode).toBe(0);
    expect(wildcard.errors).toEqual([]);
    expect(byPath(wildcard).get('config/added-by-deploy.yml')).toMatchObject({ status: 'no-backup', backup: null });
    expect(await fs.readFile(ws('config/added-by-deploy.yml'), 'utf8')).toBe('new\n');
    expect(await fs.readFile(ws('config/app.yml'), 'utf8')).toBe('name: demo\nport: 8080\n');

    await fs.writeFile(ws('config/app.yml'), 'broken again\n');
    const named = await restore({ path: 'config/added-by-deploy.yml\nconfig/app.yml\nnever-existed.txt' });
    expect(named.exitCode).toBe(1);
    expect(byPath(named).get('config/added-by-deploy.yml')!.status).toBe('missing-backup');
    expect(byPath(named).get('never-existed.txt')!.status).toBe('missing-backup');
    expect(byPath(named).get('config/app.yml')!.status).toBe('restored'); // the others are still restored
    expect(named.errors.join('\n')).toMatch(/2 of 3 files could not be restored: 2 missing-backup/);
    expect(named.warnings.join('\n')).toContain('config/added-by-deploy.yml');
    expect(named.warnings.join('\n')).toContain('never-existed.txt');
  });

  it('a rollback that can restore nothing follows if-no-files-found, and says when the backup directory is missing', async () => {
    expect((await backup({ path: 'config' })).exitCode).toBe(0);
    const typo = await restore({ path: 'config/**', 'backup-dir': '.bkpfiel', 'if-no-files-found': 'error' });
    expect(typo.exitCode).toBe(1);
    expect(typo.errors).toEqual([
      expect.stringMatching(
        /^None of the 2 files the provided path matches has a backup: .*Nothing was restored\. The backup directory .*\.bkpfiel does not exist\.$/
      )
    ]);
    const wrongNote = await restore({ path: 'config/**', note: 'no-such-note' });
    expect(wrongNote.exitCode).toBe(0);
    expect(wrongNote.warnings).toEqual([expect.stringMatching(/^None of the 2 files .* has a backup that fits the selector/)]);
    expect(files(wrongNote).map(f => f.status)).toEqual(['no-backup', 'no-backup']);
  });

  it('a folder reached through a symlink as well is backed up twice and restored once, without an error', async () => {
    await fs.symlink('config', ws('config-link'));
    expect((await backup({ path: '**' })).outputs['failed']).toBe('0');
    await fs.writeFile(ws('config/app.yml'), 'broken\n');
    const r = await restore({ path: '**' });
    expect(r.errors).toEqual([]);
    expect(r.exitCode).toBe(0);
    expect(byPath(r).get('config/app.yml')!.status).toMatch(/^(restored|identical)$/);
    expect(byPath(r).get('config-link/app.yml')!.status).toMatch(/^(restored|identical)$/);
    expect(await fs.readFile(ws('config/app.yml'), 'utf8')).toBe('name: demo\nport: 8080\n');
    const again = await restore({ path: '**' });
    expect(again.exitCode).toBe(0);
    expect(again.outputs['restored']).toBe('0');
  });

  it('does not follow a symlinked folder out of the workspace when looking for files without a backup', async () => {
    const outside = path.join(job.root, 'system');
    await fs.mkdir(outside);
    await fs.writeFile(path.join(outside, 'private-name.txt'), 'x');
    await fs.symlink(outside, ws('sys'));
    expect((await backup({ path: 'config' })).exitCode).toBe(0);
    const r = await restore({ path: '**' });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).not.toContain('private-name');
    expect(r.outputs['files']).not.toContain('private-name');
  });

  it('newest between two same-minute bkpfile backups (with and without a note) is the one list shows first', async () => {
    const dir = ws('.bkpfile/config');
    await fs.mkdir(dir, { recursive: true });
    const made: [string, string, string][] = [
      ['app.yml-2025-05-12-13-49=after fix', 'fixed\n', '2025-05-12T13:49:41Z'],
      ['app.yml-2025-05-12-13-49', 'old\n', '2025-05-12T13:48:02Z']
    ];
    for (const [name, text, mtime] of made) {
      await fs.writeFile(path.join(dir, name), text);
      await fs.utimes(path.join(dir, name), new Date(mtime), new Date(mtime));
    }
    const l = await job.runActionMain('list', { path: 'config/app.yml' });
    const first = (JSON.parse(l.outputs['backups']!) as { path: string }[])[0]!.path;
    expect(first).toBe('.bkpfile/config/app.yml-2025-05-12-13-49=after fix');
    const r = await restore({ path: 'config/app.yml' });
    expect(byPath(r).get('config/app.yml')!.backup).toBe(first);
    expect(await fs.readFile(ws('config/app.yml'), 'utf8')).toBe('fixed\n');
  });

  it('a manifest cannot reach another folder’s backup through a symlinked folder inside the backup directory', async () => {
    const real = await backup({ path: 'config' });
    const made = JSON.parse(await fs.readFile(real.outputs['manifest']!, 'utf8')) as { files: { source: string; backup: string }[] };
    const name = path.basename(made.files.find(f => f.source === 'config/app.yml')!.backup);
    // .bkpfile/docs -> .bkpfile/config: docs/app.yml's "backup" would be config's.
    await fs.symlink('config', ws('.bkpfile/docs'));
    const forged = { ...made, files: [{ source: 'docs/app.yml', backup: `.bkpfile/docs/${name}`, status: 'created', bytes: 1 }] };
    const file = path.join(job.runnerTemp, 'forged.json');
    await fs.writeFile(file, JSON.stringify(forged));
    const r = await restore({ manifest: file });
    expect(r.exitCode).toBe(1);
    expect(files(r)).toEqual([{ path: 'docs/app.yml', backup: `.bkpfile/docs/${name}`, status: 'invalid-backup' }]);
    await expect(fs.access(ws('docs/app.yml'))).rejects.toThrow();
  });

  it('nothing matched follows if-no-files-found', async () => {
    const warn = await restore({ path: 'nothing/**' });
    expect(warn.exitCode).toBe(0);
    expect(warn.warnings.join('\n')).toMatch(/Nothing was restored/);
    const error = await restore({ path: 'nothing/**', 'if-no-files-found': 'error' });
    expect(error.exitCode).toBe(1);
    expect(error.errors.join('\n')).toMatch(/Nothing was restored/);
    const ignore = await restore({ path: 'nothing/**', 'if-no-files-found': 'ignore' });
    expect(ignore.exitCode).toBe(0);
    expect([...ignore.warnings, ...ignore.errors]).toEqual([]);
  });

  it('dry-run reports would-restore and changes nothing, not even missing folders', async () => {
    expect((await backup({ path: 'config' })).exitCode).toBe(0);
    await fs.writeFile(ws('config/app.yml'), 'broken\n');
    await fs.rm(ws('config/db'), { recursive: true });
    const before = await snapshot(job);
    const r = await restore({ path: 'config', 'dry-run': 'true' });
    expect(r.exitCode).toBe(0);
    expect(files(r).map(f => f.status)).toEqual(['would-restore', 'would-restore']);
    expectSameFiles(await snapshot(job), before);
    await expect(fs.access(ws('config/db'))).rejects.toThrow();
    expect(r.state).toEqual({}); // nothing to clean up
  });

  it('a symlinked folder leading out of the workspace is refused; a symlink at the target is replaced, never written through', async () => {
    expect((await backup({ path: 'config\ndocs' })).exitCode).toBe(0);
    const outside = path.join(job.root, 'ssh');
    await fs.mkdir(outside);
    await fs.writeFile(path.join(outside, 'readme.md'), 'authorized keys\n');
    // The "pull request" swaps docs/ for a link to a folder outside the workspace.
    await fs.rm(ws('docs'), { recursive: true });
    await fs.symlink(outside, ws('docs'));
    // And config/app.yml for a link to a file outside.
    const victim = path.join(job.root, 'victim.txt');
    await fs.writeFile(victim, 'victim\n');
    await fs.rm(ws('config/app.yml'));
    await fs.symlink(victim, ws('config/app.yml'));

    const r = await restore({ path: 'config/app.yml\ndocs/readme.md' });
    expect(r.exitCode).toBe(1);
    expect(byPath(r).get('docs/readme.md')).toMatchObject({ status: 'outside-workspace' });
    expect(byPath(r).get('config/app.yml')).toMatchObject({ status: 'restored' });
    expect(await fs.readFile(path.join(outside, 'readme.md'), 'utf8')).toBe('authorized keys\n');
    expect(await fs.readFile(victim, 'utf8')).toBe('victim\n');
    const st = await fs.lstat(ws('config/app.yml'));
    expect(st.isFile()).toBe(true);
    expect(await fs.readFile(ws('config/app.yml'), 'utf8')).toBe('name: demo\nport: 8080\n');
    expect(await restoreTemps(job)).toEqual([]);
  });

  it('restores a file outside the workspace only with allow-outside-workspace, to the path its backup mirrors', async () => {
    const outside = path.join(job.root, 'etc', 'app.conf');
    await fs.mkdir(path.dirname(outside));
    await fs.writeFile(outside, 'listen 80\n');
    expect((await backup({ path: outside, 'allow-outside-workspace': 'true' })).exitCode).toBe(0);
    // A workspace file with the same path below the workspace has backups of its own.
    await job.write({ [path.join(path.relative('/', path.dirname(outside)), 'app.conf')]: 'workspace copy\n' });
    await fs.writeFile(outside, 'broken\n');

    const refused = await restore({ path: outside });
    expect(refused.exitCode).toBe(1);
    expect(files(refused)[0]).toMatchObject({ status: 'outside-workspace' });
    expect(await fs.readFile(outside, 'utf8')).toBe('broken\n');

    const allowed = await restore({ path: outside, 'allow-outside-workspace': 'true' });
    expect(allowed.exitCode).toBe(0);
    expect(files(allowed)).toEqual([{ path: outside, backup: expect.stringMatching(/^\.bkpfile\/\.bkpfile-outside\//), status: 'restored' }]);
    expect(await fs.readFile(outside, 'utf8')).toBe('listen 80\n');
  });

  it.each([
    [{ path: 'config', note: 'a', before: '2025-01-01' }, /^Inputs 'note' and 'before' cannot be used together/],
    [{ path: 'config', before: '2025-01-01', manifest: 'm.json' }, /^Inputs 'before' and 'manifest' cannot be used together/],
    [{ path: 'config', before: 'yesterday' }, /^Input 'before' must be a time: .*got "yesterday"/],
    [{ path: 'config', before: '2025-02-30' }, /^Input 'before' must be a time: .*no such date/],
    [{ path: '' }, /^Input 'path' is required \(unless 'manifest' is given\)/],
    [{ path: 'config', note: 'a/b' }, /^Input 'note' cannot contain a slash or a backslash/],
    [{ path: 'config', timeout: 'soon' }, /^Input 'timeout' must be a number/],
    [{ path: 'config', 'dry-run': 'yes' }, /^Input 'dry-run' must be true or false/],
    [{ path: 'config', 'backup-dir': 'docs/readme.md' }, /^Input 'backup-dir' must be a directory, but .* is an existing file/]
  ])('bad input %j is a clear error naming it, and nothing changes', async (inputs, error) => {
    expect((await backup({ path: 'config' })).exitCode).toBe(0);
    await fs.writeFile(ws('config/app.yml'), 'broken\n');
    const before = await snapshot(job);
    const r = await restore(inputs);
    expect(r.exitCode).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(error);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toMatch(/\n\s+at /); // no stack trace
    expectSameFiles(await snapshot(job), before);
  });

  it('hostile file names are printed safely by restore and list', async () => {
    const names = ['::error::pwned.txt', 'x##[error]y.txt', '::set-output name=restored::99'];
    await job.write(Object.fromEntries(names.map(n => [`evil/${n}`, 'x\n'])));
    expect((await backup({ path: 'evil' })).exitCode).toBe(0);
    await fs.rm(ws('evil'), { recursive: true });
    const r = await restore({ path: 'evil' });
    const l = await job.runActionMain('list', { path: 'evil' });
    for (const step of [r, l]) {
      expect(step.exitCode).toBe(0);
      expect(step.errors).toEqual([]);
      expect(step.warnings).toEqual([]);
      expect(step.commands.map(c => c.command).filter(c => !['group', 'endgroup', 'stop-commands', 'debug'].includes(c))).toEqual([]);
    }
    expect(r.outputs['restored']).toBe('3');
    expect(l.outputs['count']).toBe('3');
    for (const n of names) expect(await fs.readFile(ws(`evil/${n}`), 'utf8')).toBe('x\n');
  });
});
