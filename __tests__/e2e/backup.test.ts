import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { SimulatedJob, listFiles, multiCoreOnly, nodeRuntimes, type StepResult } from './runner.js';

const STAMP = String.raw`\d{4}-\d{2}-\d{2}-\d{2}-\d{2}(_\d+)?`;

interface BackupRow {
  source: string;
  backup: string | null;
  status: string;
  bytes: number;
}

const backups = (r: StepResult): BackupRow[] => JSON.parse(r.outputs['backups']!) as BackupRow[];
const bySource = (r: StepResult): Map<string, BackupRow> => new Map(backups(r).map(b => [b.source, b]));

describe.each(nodeRuntimes())('backup action end to end on $name', ({ bin }) => {
  let job: SimulatedJob;

  beforeEach(async () => {
    job = await SimulatedJob.create({ node: bin });
    await job.write({
      'config/app.yml': 'name: demo\nport: 8080\n',
      'config/db/primary.yml': 'host: db\n',
      '.env': 'SECRET=1\n',
      '.github/workflows/ci.yml': 'on: push\n',
      'build/out.bin': Buffer.alloc(70_000, 7),
      'README.md': 'not matched\n'
    });
  });

  afterEach(async () => {
    await job.dispose();
  });

  it('names and marks beyond ASCII come out as they are, though the bundle holds them as escapes', async () => {
    const name = 'docs/naïve—résumé…✓📝.txt';
    await job.write({ [name]: 'x\n' });
    const main = await job.runMain({ path: 'docs/**', note: 'été' });
    expect(main.exitCode).toBe(0);
    const [row] = backups(main);
    expect(row!.source).toBe(name);
    expect(row!.backup).toMatch(new RegExp(`^\\.bkpfile/docs/naïve—résumé…✓📝\\.txt-${STAMP}=été$`));
    expect(existsSync(path.join(job.workspace, row!.backup!))).toBe(true);
    expect(main.summary).toContain(`<code>${name}</code>`);
    expect(main.summary).toContain('✅ created');
    expect(main.stdout).toContain(name);
  });

  it('backs up matched files (hidden ones too) into a mirrored tree, then the post step leaves only backups', async () => {
    await fs.chmod(path.join(job.workspace, 'config/app.yml'), 0o640);
    const old = new Date('2024-01-02T03:04:05Z');
    await fs.utimes(path.join(job.workspace, 'config/app.yml'), old, old);

    const main = await job.runMain({ path: 'config\n.env\n.github/**\nbuild/*.bin', note: 'pre-deploy' });
    expect(main.stderr).toBe('');
    expect(main.exitCode).toBe(0);
    expect(main.errors).toEqual([]);

    const rows = bySource(main);
    expect([...rows.keys()].sort()).toEqual(['.env', '.github/workflows/ci.yml', 'build/out.bin', 'config/app.yml', 'config/db/primary.yml']);
    for (const row of rows.values()) {
      expect(row.status).toBe('created');
      expect(row.backup).toMatch(new RegExp(`^\\.bkpfile/${row.source.replace(/[.]/g, '\\.')}-${STAMP}=pre-deploy$`));
      const [src, bak] = await Promise.all([fs.readFile(path.join(job.workspace, row.source)), fs.readFile(path.join(job.workspace, row.backup!))]);
      expect(bak.equals(src)).toBe(true);
      expect(row.bytes).toBe(src.length);
    }
    const appBackup = path.join(job.workspace, rows.get('config/app.yml')!.backup!);
    const st = await fs.stat(appBackup);
    expect(st.mode & 0o777).toBe(0o640);
    expect(st.mtime.getTime()).toBe(old.getTime());

    expect(main.outputs).toMatchObject({
      'backup-dir': path.join(job.workspace, '.bkpfile'),
      created: '5',
      identical: '0',
      failed: '0',
      'backups-truncated': 'false'
    });
    const manifest = JSON.parse(await fs.readFile(main.outputs['manifest']!, 'utf8')) as { files: BackupRow[]; outcome: string };
    expect(manifest.outcome).toBe('success');
    expect(manifest.files).toHaveLength(5);
    expect(path.dirname(main.outputs['manifest']!)).toBe(path.join(job.runnerTemp, 'bkpfile'));
    expect(main.summary).toContain('<table>');
    expect(main.summary).toContain('config/app.yml');
    expect(main.summary).toMatch(/5 created/);

    // What the post step needs was recorded in state.
    expect(main.state['staging-dir']).toMatch(/\.bkpfile\/\.bkpfile-staging-[0-9a-f]{16}$/);
    const post = await job.runPost(main.state);
    expect(post.exitCode).toBe(0);
    expect(post.warnings).toEqual([]);

    const left = await listFiles(path.join(job.workspace, '.bkpfile'));
    expect(left).toHaveLength(5);
    expect(left.every(f => new RegExp(`-${STAMP}=pre-deploy$`).test(f))).toBe(true);
    expect(await listFiles(job.runnerTemp)).toEqual([path.relative(job.runnerTemp, main.outputs['manifest']!)]);
  });

  it('skips files identical to their latest backup on a re-run, and backs up a changed one without losing the first', async () => {
    const first = await job.runMain({ path: 'config/**' });
    expect(first.exitCode).toBe(0);
    expect(first.outputs['created']).toBe('2');

    const again = await job.runMain({ path: 'config/**' });
    expect(again.exitCode).toBe(0);
    expect(again.outputs).toMatchObject({ created: '0', identical: '2', failed: '0' });
    for (const row of backups(again)) expect(row.status).toBe('identical');
    expect(await listFiles(path.join(job.workspace, '.bkpfile'))).toHaveLength(2);

    // Same size, different bytes: must not be taken as identical.
    await job.write({ 'config/app.yml': 'name: demo\nport: 9090\n' });
    const changed = await job.runMain({ path: 'config/**' });
    expect(changed.exitCode).toBe(0);
    expect(changed.outputs).toMatchObject({ created: '1', identical: '1' });
    const appBackups = (await listFiles(path.join(job.workspace, '.bkpfile/config'))).filter(f => f.startsWith('app.yml-'));
    expect(appBackups).toHaveLength(2);
    const contents = await Promise.all(appBackups.map(f => fs.readFile(path.join(job.workspace, '.bkpfile/config', f), 'utf8')));
    expect(contents.sort()).toEqual(['name: demo\nport: 8080\n', 'name: demo\nport: 9090\n']);
    const newest = bySource(changed).get('config/app.yml')!.backup!;
    expect(await fs.readFile(path.join(job.workspace, newest), 'utf8')).toBe('name: demo\nport: 9090\n');

    await job.runPost(changed.state);
    expect(await listFiles(path.join(job.workspace, '.bkpfile'))).toHaveLength(3);
  });

  it('1,500 files: worker threads share them, each backup has its file’s content, the manifest keeps the walk’s order, the post step leaves only backups', async () => {
    if (!multiCoreOnly('worker threads test')) return;
    const files: Record<string, string> = {};
    for (let i = 0; i < 1500; i++) files[i % 2 ? `many/d${i % 30}/f${i}.txt` : `many/flat/f${i}.txt`] = `file ${i}\n`;
    await job.write(files);
    const manifestOf = async (r: StepResult): Promise<BackupRow[]> =>
      (JSON.parse(await fs.readFile(r.outputs['manifest']!, 'utf8')) as { files: BackupRow[] }).files;
    // A dry run is done on one thread: its order is the walk's.
    const dry = await job.runMain({ path: 'many', 'dry-run': 'true' });
    const r = await job.runMain({ path: 'many' }, { env: { RUNNER_DEBUG: '1' } });
    expect(r.exitCode).toBe(0);
    expect(r.outputs).toMatchObject({ created: '1500', failed: '0' });
    const debug = r.commands.filter(c => c.command === 'debug').map(c => c.data);
    const byWorkers = Number(/they backed up (\d+) of 1500 files/.exec(debug.join('\n'))?.[1]);
    expect({ byWorkers, some: byWorkers > 0 && byWorkers < 1500 }).toEqual({ byWorkers, some: true });
    const rows = await manifestOf(r);
    expect(rows.map(row => row.source)).toEqual((await manifestOf(dry)).map(row => row.source));
    for (const row of rows) {
      expect(row.status).toBe('created');
      expect(await fs.readFile(path.join(job.workspace, row.backup!), 'utf8')).toBe(files[row.source]);
    }
    // Log lines in the same order too.
    const logged = r.stdout
      .split('\n')
      .filter(line => line.startsWith('created '))
      .map(line => line.split(/\s+/)[1]);
    expect(logged).toEqual(rows.map(row => row.source));
    const post = await job.runPost(r.state);
    expect(post.exitCode).toBe(0);
    expect(post.warnings).toEqual([]);
    expect(await listFiles(path.join(job.workspace, '.bkpfile'))).toHaveLength(1500);
  }, 60_000);

  it('turns V8’s optimizing compiler off once a backup has found 5,000 files, not for fewer files or a dry run', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 6000; i++) files[`many/d${i % 60}/f${i}.txt`] = `file ${i}\n`;
    await job.write(files);
    // With --trace-opt, V8 prints a line on stdout as it starts each function's TurboFan
    // compile, in order with the step's own output (a worker's trace may be written in
    // pieces around a line of the step's, so the marker is looked for anywhere in a line).
    const traced = { wrapper: ['bash', '-c', 'exec "$0" --trace-opt "$@"'] };
    const turnedOff = "files found: V8's optimizing compiler is off from here on";
    const compilesAfter = (r: StepResult, marker: string): number => {
      const lines = r.stdout.split('\n');
      const from = lines.findIndex(line => line.includes(marker));
      expect(from).toBeGreaterThanOrEqual(0);
      return lines.slice(from).filter(line => /compiling method.*TURBOFAN/.test(line)).length;
    };
    // 4,000 files (folders d10-d49): it stays on.
    const fewer = await job.runMain({ path: 'many/d[1-4]?', 'backup-dir': '.bk-fewer' }, traced);
    expect(fewer.outputs).toMatchObject({ created: '4000', failed: '0' });
    // The dry run keeps it on too, and its reporting of the 6,000 files is compiled by it
    // after the walk: the trace shows TurboFan's compiles where it is on. (A backup of
    // 4,000 files may have nothing hot enough for it on the main thread.)
    const dry = await job.runMain({ path: 'many', 'dry-run': 'true' }, traced);
    expect(dry.exitCode).toBe(0);
    const r = await job.runMain({ path: 'many' }, traced);
    expect(r.outputs).toMatchObject({ created: '6000', failed: '0' });
    expect({
      turnedOff: [fewer, dry, r].map(step => step.stdout.includes(turnedOff)),
      compilesAfterTheDryRunsWalk: compilesAfter(dry, '::debug::6000 files matched') > 0,
      compilesAfterTurningItOff: compilesAfter(r, turnedOff)
    }).toEqual({ turnedOff: [false, false, true], compilesAfterTheDryRunsWalk: true, compilesAfterTurningItOff: 0 });
  }, 60_000);

  it('turns V8’s optimizing compiler off before it reads a folder of thousands of entries, however few files it backs up, and not in a dry run', async () => {
    // 6,000 entries in one folder, 10 of them matched: fewer than 5,000 files found.
    await job.writeNames(
      Array.from({ length: 6000 }, (_, i) => `big/${i < 10 ? 'keep' : 'skip'}-${i}.txt`),
      'x\n'
    );
    const traced = { wrapper: ['bash', '-c', 'exec "$0" --trace-opt "$@"'] };
    const turnedOff = "big holds thousands of entries: V8's optimizing compiler is off from here on";
    const r = await job.runMain({ path: 'big/keep-*' }, traced);
    expect(r.outputs).toMatchObject({ created: '10', failed: '0' });
    const lines = r.stdout.split('\n');
    const at = lines.findIndex(line => line.includes(turnedOff));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(lines.slice(at).filter(line => /compiling method.*TURBOFAN/.test(line))).toEqual([]);
    const dry = await job.runMain({ path: 'big/keep-*', 'dry-run': 'true' });
    expect(dry.exitCode).toBe(0);
    expect(dry.stdout).not.toContain('optimizing compiler is off');
  }, 60_000);

  it('walks a search root with a long path without V8 compiling Node’s path normalizing before it turns that compiler off', async () => {
    // path.join normalizes with a loop over every character: joining each of the 400 folders
    // of a root this long to it made V8 compile that loop with TurboFan during the walk,
    // before 5,000 files were found, and its compiler's code and memory then stayed in the
    // step (5 MiB more at the bench's peak). A normalized root's children are joined as text.
    const root = `${'a-folder-with-a-long-name-'.repeat(4)}/many`;
    await job.writeNames(
      Array.from({ length: 6000 }, (_, i) => `${root}/d${i % 400}/f${i}.txt`),
      'x\n'
    );
    const r = await job.runMain({ path: root }, { wrapper: ['bash', '-c', 'exec "$0" --trace-opt "$@"'] });
    expect(r.outputs).toMatchObject({ created: '6000', failed: '0' });
    const compiles = r.stdout.split('\n').filter(line => /compiling method.*TURBOFAN/.test(line));
    expect(compiles.filter(line => /<JSFunction (normalizeString|normalize|join|resolve) /.test(line))).toEqual([]);
  }, 60_000);

  it('dry-run reports would-create and writes nothing, not even the backup directory', async () => {
    const r = await job.runMain({ path: '**/*.yml', 'dry-run': 'true' });
    expect(r.exitCode).toBe(0);
    const rows = backups(r);
    expect(rows.map(b => b.source).sort()).toEqual(['.github/workflows/ci.yml', 'config/app.yml', 'config/db/primary.yml']);
    expect(rows.every(b => b.status === 'would-create' && /^\.bkpfile\//.test(b.backup!))).toBe(true);
    expect(r.outputs['created']).toBe('0');
    expect(existsSync(path.join(job.workspace, '.bkpfile'))).toBe(false);
    const post = await job.runPost(r.state);
    expect(post.exitCode).toBe(0);
    expect(existsSync(path.join(job.workspace, '.bkpfile'))).toBe(false);
  });

  it('backs up a file once where two search roots reach it (`[.]/**` beside `config/**`, which @actions/glob lists twice)', async () => {
    const r = await job.runMain({ path: '[.]/**\nconfig/**' });
    expect(r.exitCode).toBe(0);
    const sources = backups(r).map(b => b.source);
    expect(sources.sort()).toEqual(['config/app.yml', 'config/db/primary.yml']);
    expect(backups(r).every(b => b.status === 'created')).toBe(true);
    expect(r.stdout).not.toMatch(/^identical /m);
  });

  it('says "1 backup created" and "1 file identical" in the singular', async () => {
    const first = await job.runMain({ path: '.env' });
    expect(first.stdout).toContain('1 backup created, 0 files identical to their latest backup');
    const again = await job.runMain({ path: '.env' });
    expect(again.stdout).toContain('0 backups created, 1 file identical to its latest backup');
    const dry = await job.runMain({ path: 'README.md', 'dry-run': 'true' });
    expect(dry.stdout).toContain('Dry run: 1 backup would be created, 0 files are identical to their latest backup');
  });

  it.each(['deploy:prod', 'v1?', 'end.', 'a|b'])('refuses a note Windows cannot have in a file name (%j), on every runner, writing nothing', async note => {
    const r = await job.runMain({ path: '.env', note });
    expect(r.exitCode).toBe(1);
    expect(r.errors).toEqual([expect.stringMatching(/^Input 'note' cannot (contain : \* \? " < > \||end with a dot or a space)/)]);
    expect(existsSync(path.join(job.workspace, '.bkpfile'))).toBe(false);
  });

  it('removes the folders it created and left empty when every file under them failed', async () => {
    // A backup name over the file system's 255 bytes: the file fails, its folders are empty.
    await job.write({ [`deep/er/${'n'.repeat(240)}`]: 'x' });
    const r = await job.runMain({ path: 'deep', note: 'a-note-of-thirty-characters-xx' });
    expect(r.exitCode).toBe(1);
    expect(backups(r).map(b => b.status)).toEqual(['error']);
    expect(existsSync(path.join(job.workspace, '.bkpfile'))).toBe(false);
    // A backup directory that existed before is left, with what it holds.
    await fs.mkdir(path.join(job.workspace, '.bkpfile/keep'), { recursive: true });
    const again = await job.runMain({ path: 'deep', note: 'a-note-of-thirty-characters-xx' });
    expect(again.exitCode).toBe(1);
    expect(await listFiles(path.join(job.workspace, '.bkpfile'))).toEqual([]);
    expect(existsSync(path.join(job.workspace, '.bkpfile/keep'))).toBe(true);
    expect(existsSync(path.join(job.workspace, '.bkpfile/deep'))).toBe(false);
  });

  it('the manifest says failure when if-no-files-found: error failed the step', async () => {
    const r = await job.runMain({ path: 'no-such-dir/**', 'if-no-files-found': 'error' });
    expect(r.exitCode).toBe(1);
    const manifest = JSON.parse(await fs.readFile(r.outputs['manifest']!, 'utf8')) as { outcome: string };
    expect(manifest.outcome).toBe('failure');
  });

  it('shows at most 10 warning annotations: 9 failed files and a 10th that says how many more', async () => {
    await job.write(Object.fromEntries(Array.from({ length: 14 }, (_, i) => [`out/l${i}`, 'x'])));
    for (let i = 0; i < 14; i++) {
      await fs.rm(path.join(job.workspace, `out/l${i}`));
      await fs.symlink('/etc/hostname', path.join(job.workspace, `out/l${i}`)); // outside-workspace, each
    }
    const r = await job.runMain({ path: 'out' });
    expect(r.exitCode).toBe(1);
    expect(r.warnings).toHaveLength(10);
    expect(r.warnings.slice(0, 9).every(w => w.startsWith('outside-workspace: out/l'))).toBe(true);
    expect(r.warnings[9]).toBe('5 more files failed; the log above and the job summary list them all.');
  });

  it('never backs up the backup directory, even with **', async () => {
    const first = await job.runMain({ path: '**' });
    expect(first.exitCode).toBe(0);
    expect(first.outputs['created']).toBe('6');
    const second = await job.runMain({ path: '**' });
    expect(second.exitCode).toBe(0);
    expect(backups(second).some(b => b.source.startsWith('.bkpfile'))).toBe(false);
    expect(second.outputs).toMatchObject({ created: '0', identical: '6' });
  });

  it.each([
    ['warn', 0, 'warning'],
    ['error', 1, 'error'],
    ['ignore', 0, 'none']
  ])('if-no-files-found: %s', async (mode, exitCode, annotation) => {
    const r = await job.runMain({ path: 'nothing/here/*.txt', 'if-no-files-found': mode });
    expect(r.exitCode).toBe(exitCode);
    const message = /No files were found with the provided path: nothing\/here\/\*\.txt/;
    if (annotation === 'warning') expect(r.warnings.some(w => message.test(w))).toBe(true);
    if (annotation === 'error') expect(r.errors.some(e => message.test(e))).toBe(true);
    if (annotation === 'none') {
      expect(r.warnings).toEqual([]);
      expect(r.errors).toEqual([]);
      expect(r.stdout).toMatch(message);
    }
    expect(r.outputs['created']).toBe('0');
    expect(existsSync(path.join(job.workspace, '.bkpfile'))).toBe(false);
  });

  it('makes its worker pool only once files are found: a step that finds none is spared it', async () => {
    if (!multiCoreOnly('worker pool test')) return;
    // The pool says, once, how many threads it may use: a debug command the runner takes
    // as one (said before the log's group, where workflow commands are off, opens).
    const says = /^up to \d+ worker threads? besides the main one/;
    const poolSaid = (r: StepResult): boolean => r.commands.some(c => c.command === 'debug' && says.test(c.data));
    const none = await job.runMain({ path: 'nothing/here/**', 'if-no-files-found': 'ignore' });
    expect(none.exitCode).toBe(0);
    expect(none.stdout).not.toMatch(/worker threads? besides the main one/);
    const some = await job.runMain({ path: 'config' });
    expect(some.outputs['created']).toBe('2');
    expect(poolSaid(some)).toBe(true);
  });

  it('warns about a file named explicitly in path that does not exist', async () => {
    const r = await job.runMain({ path: 'config/app.yml\nconfig/missing.yml' });
    expect(r.exitCode).toBe(0);
    expect(r.warnings.some(w => w.includes('config/missing.yml') && w.includes('does not exist'))).toBe(true);
    expect(r.outputs['created']).toBe('1');
  });

  it.each([
    [{ timeout: 'abc' }, /Input 'timeout'.*number of seconds/],
    [{ timeout: '-5' }, /Input 'timeout'/],
    [{ note: '../x' }, /Input 'note' cannot contain a slash or a backslash/],
    [{ note: 'two\nlines' }, /Input 'note' cannot contain a line break/],
    [{ note: '..' }, /Input 'note' cannot be "\." or "\.\."/],
    [{ 'if-no-files-found': 'maybe' }, /Input 'if-no-files-found' must be one of warn, error, ignore/],
    [{ keep: 'lots' }, /Input 'keep' must be a whole number/],
    [{ 'dry-run': 'yes' }, /Input 'dry-run' must be true or false/],
    [{ path: '' }, /Input 'path' is required/],
    [{ 'backup-dir': '.' }, /Input 'backup-dir' must be a directory of its own/],
    [{ 'backup-dir': 'config' }, /Input 'backup-dir' must be a directory of its own: .* holds what 'path' asks to back up/]
  ])('bad input %j fails clearly and writes nothing', async (inputs, message) => {
    const r = await job.runMain({ path: 'config/**', ...inputs });
    expect(r.exitCode).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(message);
    expect(r.stdout).not.toMatch(/\bat .*\.js:\d+/); // no stack trace
    expect(r.stderr).toBe('');
    expect(r.outputs).toEqual({});
    expect(existsSync(path.join(job.workspace, '.bkpfile'))).toBe(false);
    expect(await listFiles(job.runnerTemp)).toEqual([]);
  });

  it('takes backup_dir_path from .bkpfile.yml, and an explicit backup-dir wins', async () => {
    await job.write({ '.bkpfile.yml': 'backup_dir_path: backups/from-config\nuse_current_dir_name: false\n' });
    const fromConfig = await job.runMain({ path: 'config/app.yml' });
    expect(fromConfig.exitCode).toBe(0);
    expect(fromConfig.outputs['backup-dir']).toBe(path.join(job.workspace, 'backups/from-config'));
    expect(await listFiles(path.join(job.workspace, 'backups/from-config/config'))).toHaveLength(1);

    const explicit = await job.runMain({ path: 'config/app.yml', 'backup-dir': 'explicit' });
    expect(explicit.outputs['backup-dir']).toBe(path.join(job.workspace, 'explicit'));
    expect(await listFiles(path.join(job.workspace, 'explicit/config'))).toHaveLength(1);
  });

  it('keep: N deletes that file’s older backups beyond the newest N, and nothing else', async () => {
    await fs.mkdir(path.join(job.workspace, '.bkpfile/config'), { recursive: true });
    const older = ['app.yml-2020-01-01-00-00', 'app.yml-2021-01-01-00-00=old', 'app.yml-2022-01-01-00-00'];
    for (const name of older) await fs.writeFile(path.join(job.workspace, '.bkpfile/config', name), 'old\n');
    await fs.writeFile(path.join(job.workspace, '.bkpfile/config/notes.txt'), 'mine\n');
    await fs.writeFile(path.join(job.workspace, '.bkpfile/config/other.yml-2019-01-01-00-00'), 'other\n');

    const r = await job.runMain({ path: 'config/app.yml', keep: '2' });
    expect(r.exitCode).toBe(0);
    const left = await listFiles(path.join(job.workspace, '.bkpfile/config'));
    const created = bySource(r).get('config/app.yml')!.backup!.split('/').pop()!;
    expect(left.sort()).toEqual([created, 'app.yml-2022-01-01-00-00', 'notes.txt', 'other.yml-2019-01-01-00-00'].sort());
  });

  it('backs up a file outside the workspace only with allow-outside-workspace, mirrored under its absolute path in .bkpfile-outside', async () => {
    const outside = path.join(job.root, 'etc', 'nginx.conf');
    await fs.mkdir(path.dirname(outside), { recursive: true });
    await fs.writeFile(outside, 'server {}\n');

    const refused = await job.runMain({ path: outside });
    expect(refused.exitCode).toBe(1);
    expect(backups(refused)[0]!.status).toBe('outside-workspace');
    expect(refused.errors[0]).toMatch(/1 of 1 file failed: 1 outside-workspace/);

    const allowed = await job.runMain({ path: outside, 'allow-outside-workspace': 'true' });
    expect(allowed.exitCode).toBe(0);
    const row = backups(allowed)[0]!;
    expect(row.source).toBe(outside);
    expect(row.backup).toMatch(new RegExp(`^\\.bkpfile/\\.bkpfile-outside${outside.replace(/[.]/g, '\\.')}-${STAMP}$`));
  });

  it('does not follow a symlink (to a file or a directory) out of the workspace without allow-outside-workspace', async () => {
    const outside = path.join(job.root, 'outside');
    await fs.mkdir(path.join(outside, 'dir'), { recursive: true });
    await fs.writeFile(path.join(outside, 'secret.txt'), 'TOP SECRET\n');
    await fs.writeFile(path.join(outside, 'dir/inner.txt'), 'INNER SECRET\n');
    await fs.mkdir(path.join(job.workspace, 'links'));
    await fs.symlink(path.join(outside, 'secret.txt'), path.join(job.workspace, 'links/to-file'));
    await fs.symlink(path.join(outside, 'dir'), path.join(job.workspace, 'links/to-dir'));
    await fs.symlink('../config/app.yml', path.join(job.workspace, 'links/inside'));

    const r = await job.runMain({ path: 'links' });
    expect(r.exitCode).toBe(1);
    expect(Object.fromEntries(backups(r).map(b => [b.source, b.status]))).toEqual({
      'links/to-file': 'outside-workspace',
      'links/to-dir/inner.txt': 'outside-workspace',
      'links/inside': 'created'
    });
    expect(r.warnings.filter(w => w.startsWith('outside-workspace: links/to-'))).toHaveLength(2);
    expect(r.errors[0]).toMatch(/2 of 3 files failed: 2 outside-workspace/);
    // No byte of the targets was copied anywhere.
    for (const file of await listFiles(path.join(job.workspace, '.bkpfile'))) {
      expect(await fs.readFile(path.join(job.workspace, '.bkpfile', file), 'utf8')).toBe('name: demo\nport: 8080\n');
    }
    const allowed = await job.runMain({ path: 'links', 'allow-outside-workspace': 'true' });
    expect(allowed.exitCode).toBe(0);
    expect(allowed.outputs).toMatchObject({ created: '2', identical: '1' });
  });

  it('a symlink to the backup directory does not make backups of backups', async () => {
    await fs.symlink('.bkpfile', path.join(job.workspace, 'snap'));
    for (let i = 0; i < 2; i++) {
      await job.write({ 'config/app.yml': `run ${i}\n` });
      const r = await job.runMain({ path: '**' });
      expect(r.exitCode).toBe(0);
      expect(backups(r).some(b => b.source.startsWith('snap/') || b.source.startsWith('.bkpfile/'))).toBe(false);
    }
    expect((await listFiles(path.join(job.workspace, '.bkpfile'))).some(f => f.startsWith('snap'))).toBe(false);
  });

  it('a .bkpfile.yml from the pull request cannot print workflow commands (yaml warnings are not printed)', async () => {
    await job.write({ '.bkpfile.yml': 'backup_dir_path: !<##[error]injected> bk\n::warning title=pwn::from config: !<t> 1\n' });
    const r = await job.runMain({ path: 'config/app.yml' });
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.commands.filter(c => c.command === 'error' || c.command === 'warning')).toEqual([]);
    expect(r.outputs['backup-dir']).toBe(path.join(job.workspace, 'bk'));
  });
});
