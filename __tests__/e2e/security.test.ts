/**
 * Issue #4, through the bundled action as the runner runs it:
 * - workflow-command injection: attacker-named files and notes never become commands (as
 *   runner.ts parses stdout, and also line by line with every line break the runner's
 *   reader splits on), never inject outputs or state, and are still backed up; the job
 *   summary escapes them;
 * - tampered state: the post step deletes nothing the main step did not create, and does
 *   delete what a SIGKILLed main step left (positive control);
 * - size limits: 100,000 files keep the outputs under 1 MB and the summary under 1 MiB;
 * - a fast-check property over whole input sets: exit 0 or 1, one clear error, no stack
 *   trace, nothing written outside the reported backup directory and RUNNER_TEMP/bkpfile.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SourceVersions, assertOnlySourcesBackupsManifests, fileHash } from './invariants.js';
import { SimulatedJob, nodeRuntimes, parseWorkflowCommands, rootOnly, type StepResult, type WorkflowCommand } from './runner.js';

const MiB = 1024 * 1024;
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

const OUTPUT_NAMES = ['backup-dir', 'backups', 'backups-truncated', 'created', 'failed', 'identical', 'manifest'];
const STATE_NAMES = ['manifest-temp', 'run-id', 'staging-dir', 'token'];
/** What the action itself issues; annotations only where a test expects them. */
const PLAIN_COMMANDS = ['debug', 'group', 'endgroup', 'stop-commands'];
const ANNOTATIONS = ['warning', 'error', 'notice'];
const STACK_TRACE = /^\s+at .*:\d+:\d+\)?$/m;

interface Row {
  source: string;
  backup: string | null;
  status: string;
  bytes: number;
}
const rowsOf = (r: StepResult): Row[] => JSON.parse(r.outputs['backups'] ?? '[]') as Row[];

/** The runner's reader (.NET ReadLine) ends a line at \r\n, \n and a bare \r. */
const runnerLines = (text: string): string[] => text.split(/\r\n|\r|\n/);
/** .NET's Trim() also drops U+0085 (NEL), which JavaScript's trim() keeps. */
const runnerTrim = (line: string): string => line.replace(/^[\s\u0085]+|[\s\u0085]+$/g, '');

/**
 * Asserts that the runner would act on no command but the action's own: in `r.commands`
 * (runner.ts's parse), in the same parse with a bare \r as a line break, and on stderr
 * (the runner reads both streams). Then, independent of stop-commands, that no printed
 * line could be a command at all: no `##[` anywhere, and every line starting with `::` is
 * one of the action's own commands or its stop-commands resume token.
 */
function assertOnlyOwnCommands(r: StepResult, annotations: readonly string[] = []): WorkflowCommand[] {
  const allowed = new Set([...PLAIN_COMMANDS, ...annotations]);
  const views = {
    'runner.ts': r.commands,
    'bare CR as a line break': parseWorkflowCommands(r.stdout.replace(/\r(?!\n)/g, '\n')),
    stderr: parseWorkflowCommands(r.stderr.replace(/\r(?!\n)/g, '\n'))
  };
  expect(views.stderr).toEqual([]);
  for (const [view, commands] of Object.entries(views)) {
    const foreign = commands.filter(c => c.form !== 'v2' || !allowed.has(c.command));
    expect({ view, foreign }).toEqual({ view, foreign: [] });
    commands.forEach((c, i) => {
      if (c.command !== 'stop-commands') return;
      // The action's own: a random token, resumed by a `::token::` line before the group ends.
      expect(c.data).toMatch(/^[0-9A-Za-z_-]{16,}$/);
      expect(runnerLines(r.stdout).map(runnerTrim)).toContain(`::${c.data}::`);
      expect(commands[i + 1]?.command).toBe('endgroup');
    });
    expect(commands.filter(c => c.command === 'group').length).toBe(commands.filter(c => c.command === 'endgroup').length);
  }
  expect(r.commands).toEqual(views['bare CR as a line break']);

  const tokens = r.commands.filter(c => c.command === 'stop-commands').map(c => c.data);
  const own = new RegExp(`^::(?:(?:${[...allowed].join('|')})(?: [^:]*)?::|(?:${tokens.join('|') || '(?!)'})::$)`);
  const suspicious = [...runnerLines(r.stdout), ...runnerLines(r.stderr)].filter(line => {
    const t = runnerTrim(line);
    return line.includes('##[') || (t.startsWith('::') && !own.test(t));
  });
  expect(suspicious).toEqual([]);
  return r.commands;
}

/** An annotation's text as the action writes it: one line, no control characters, no `##[`. */
function expectPlainText(message: string): void {
  expect(message).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
  expect(message).not.toContain('##[');
  expect(runnerTrim(message).startsWith('::')).toBe(false);
}

/** No HTML from file names, and every table row on one line. */
function expectSafeSummary(summary: string, rows: number): void {
  const ownTags = /<\/?(?:h2|p|b|br|code|table|thead|tbody|tr|th|td)(?: align="right")?>/g;
  expect(summary.replace(ownTags, '')).not.toMatch(/[<>]/);
  expect(summary).toMatch(/(?:&lt;|&#60;|&#x3c;)img src=x onerror=alert\(1\)(?:&gt;|&#62;|&#x3e;)\.txt/i);
  expect(summary).not.toMatch(/[\r\u2028\u2029\u0085]/);
  const lines = summary.split('\n');
  const count = (line: string, tag: RegExp): number => (line.match(tag) ?? []).length;
  expect(lines.filter(l => count(l, /<tr>/g) !== count(l, /<\/tr>/g) || count(l, /<td[ >]/g) !== count(l, /<\/td>/g))).toEqual([]);
  expect(lines.filter(l => l.startsWith('<tr><td>'))).toHaveLength(rows);
}

/** Every entry below `root` (not following symlinks): type, mode and content hash. */
async function snapshot(root: string, skip: readonly string[] = []): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (dir: string): Promise<void> => {
    for (const e of await fs.readdir(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (skip.includes(p)) continue;
      const rel = path.relative(root, p);
      const st = await fs.lstat(p);
      const mode = (st.mode & 0o7777).toString(8);
      if (st.isDirectory()) {
        out[rel] = `dir ${mode}`;
        await walk(p);
      } else if (st.isSymbolicLink()) out[rel] = `link ${await fs.readlink(p)}`;
      else if (st.isFile()) out[rel] = `file ${mode} ${await fileHash(p)}`;
      else out[rel] = `other ${mode}`;
    }
  };
  await walk(root);
  return out;
}

/** What changed between two snapshots, one line per path. */
function diff(before: Record<string, string>, after: Record<string, string>): string[] {
  const out: string[] = [];
  for (const [rel, entry] of Object.entries(before)) {
    if (!(rel in after)) out.push(`deleted ${rel} (${entry})`);
    else if (after[rel] !== entry) out.push(`changed ${rel} (${entry} -> ${after[rel]})`);
  }
  for (const rel of Object.keys(after)) if (!(rel in before)) out.push(`added ${rel} (${after[rel]})`);
  return out;
}

const jobSnapshot = (job: SimulatedJob): Promise<Record<string, string>> => snapshot(job.root, [path.join(job.root, 'file-commands')]);

/** A sparse file: no disk for the source, real bytes for every copy of it. */
async function sparse(file: string, size: number): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const handle = await fs.open(file, 'w');
  await handle.truncate(size);
  await handle.write(path.basename(file));
  await handle.close();
}

const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms));

/** Files a pull request could add: each name is (or hides) a workflow command. */
const NASTY: readonly string[] = [
  'a##[save-state name=x;]y',
  'b##[stop-commands]t',
  'c##[add-mask]m',
  'd##[set-output name=created;]99',
  'nl\n::warning::w',
  '::error::e',
  'pct%0A::error::x',
  'e##[group]g/inside.txt',
  'cr\r::notice::n',
  'crlf\r\n::set-output name=failed::0',
  'ls\u2028::error::ls',
  'nel\u0085::error::nel',
  '  ::add-mask::leading-spaces',
  'up##[SAVE-STATE name=token;]0',
  'tab\t##[add-path]evil',
  '::stop-commands::pwned',
  '<img src=x onerror=alert(1)>.txt',
  'pipe|`tick`|&amp;.txt'
];
const contentOf = (name: string): string => `content of ${JSON.stringify(name)}\n`;

describe.each(nodeRuntimes())('security end to end on $name', ({ bin }) => {
  let job: SimulatedJob;

  beforeEach(async () => {
    job = await SimulatedJob.create({ node: bin });
  });

  afterEach(async () => {
    await job.dispose();
  });

  describe('workflow-command injection from file names and notes', () => {
    beforeEach(async () => {
      await job.write(Object.fromEntries(NASTY.map(name => [name, contentOf(name)])));
    });

    /** Every nasty file was backed up: status created and a backup with identical bytes. */
    async function expectAllBackedUp(r: StepResult, note?: string): Promise<void> {
      const rows = new Map(rowsOf(r).map(row => [row.source, row]));
      expect([...rows.keys()].sort()).toEqual([...NASTY].sort());
      for (const name of NASTY) {
        const row = rows.get(name)!;
        expect({ name, status: row.status }).toEqual({ name, status: 'created' });
        expect(row.backup!.startsWith(`.bkpfile/${name}-`)).toBe(true);
        if (note) expect(row.backup!.endsWith(`=${note}`)).toBe(true);
        expect(await fs.readFile(path.join(job.workspace, row.backup!), 'utf8')).toBe(contentOf(name));
      }
    }

    it.each([
      ['no note', ''],
      ['a note holding ##[add-mask]', 'n##[add-mask]x']
    ])('a clean run (%s): every file backed up, no command but the action’s own, no injected output or state', async (_what, note) => {
      const main = await job.runMain({ path: '**', note });
      expect(main.stderr).toBe('');
      expect(main.exitCode).toBe(0);
      expect(main.errors).toEqual([]);
      expect(main.warnings).toEqual([]);
      const commands = assertOnlyOwnCommands(main);
      expect(commands.filter(c => c.command === 'stop-commands')).toHaveLength(1);
      await expectAllBackedUp(main, note || undefined);

      expect(Object.keys(main.outputs).sort()).toEqual(OUTPUT_NAMES);
      expect(main.outputs).toMatchObject({ created: String(NASTY.length), identical: '0', failed: '0', 'backups-truncated': 'false' });
      expect(main.outputs['backup-dir']).toBe(path.join(job.workspace, '.bkpfile'));
      expect(Object.keys(main.state).sort()).toEqual(STATE_NAMES);
      expectSafeSummary(main.summary, NASTY.length);

      const post = await job.runPost(main.state);
      expect(post.exitCode).toBe(0);
      expect(post.warnings).toEqual([]);
      assertOnlyOwnCommands(post);
      await expectAllBackedUp(main, note || undefined);
    });

    it('a failing run: nasty names in warnings and the error stay text, and the other files are still backed up', async () => {
      // A symlink leading outside the workspace (outside-workspace), its target nasty-named too.
      const outsideDir = path.join(job.root, 'outside');
      const target = path.join(outsideDir, 't##[add-mask]s\n::warning::target');
      await fs.mkdir(outsideDir);
      await fs.writeFile(target, 'outside\n');
      const link = 'link##[save-state name=token;]0\n::error::l';
      await fs.symlink(target, path.join(job.workspace, link));
      // An unreadable file (permission-denied): root ignores modes, so run as nobody then.
      const unreadable = 'c##[add-mask]m';
      await fs.chmod(path.join(job.workspace, unreadable), 0o000);
      let options = {};
      if (isRoot) {
        const backupDir = path.join(job.workspace, '.bkpfile');
        await fs.mkdir(backupDir);
        for (const dir of [job.root, job.workspace, outsideDir, path.join(job.workspace, 'e##[group]g')]) await fs.chmod(dir, 0o755);
        await fs.chown(backupDir, NOBODY, NOBODY);
        await fs.chown(job.runnerTemp, NOBODY, NOBODY);
        options = { uid: NOBODY, gid: NOBODY };
      }

      const main = await job.runMain({ path: '**' }, options);
      expect(main.exitCode).toBe(1);
      assertOnlyOwnCommands(main, ['warning', 'error']);
      const status = new Map(rowsOf(main).map(row => [row.source, row.status]));
      expect(status.get(link)).toBe('outside-workspace');
      expect(status.get(unreadable)).toBe('permission-denied');
      for (const name of NASTY.filter(n => n !== unreadable)) expect({ name, status: status.get(name) }).toEqual({ name, status: 'created' });

      expect(main.errors).toHaveLength(1);
      expect(main.errors[0]).toMatch(
        new RegExp(`^2 of ${NASTY.length + 1} files failed: 1 (outside-workspace|permission-denied), 1 (outside-workspace|permission-denied)`)
      );
      expect(main.warnings).toHaveLength(2);
      expect(main.warnings.filter(w => w.startsWith('outside-workspace: link#'))).toHaveLength(1);
      expect(main.warnings.filter(w => w.startsWith('permission-denied: c#'))).toHaveLength(1);
      for (const message of [...main.errors, ...main.warnings]) expectPlainText(message);

      expect(Object.keys(main.outputs).sort()).toEqual(OUTPUT_NAMES);
      expect(main.outputs).toMatchObject({ created: String(NASTY.length - 1), failed: '2' });
      expect(Object.keys(main.state).sort()).toEqual(STATE_NAMES);
      expectSafeSummary(main.summary, NASTY.length + 1);
      expect(main.summary).not.toContain(target); // the raw target name (with its line break)

      const post = await job.runPost(main.state, {}, options);
      expect(post.exitCode).toBe(0);
      assertOnlyOwnCommands(post);
    });
  });

  describe('tampered state: the post step deletes nothing the main step did not create', () => {
    it('leaves everything alone for every tampered state', async () => {
      await job.write({ 'src/app.txt': 'app\n', 'src/lib/util.txt': 'util\n', 'docs/guide.md': 'guide\n' });
      const main = await job.runMain({ path: 'src\ndocs' });
      expect(main.exitCode).toBe(0);
      const genuine = main.state;
      const runId = genuine['run-id']!;
      const token = genuine['token']!;
      expect(runId).toMatch(/^[0-9a-f]+$/);
      expect(token).toMatch(/^[0-9a-f]+$/);
      const backupDir = path.join(job.workspace, '.bkpfile');
      const stagingName = path.basename(genuine['staging-dir']!);
      expect(genuine['staging-dir']).toBe(path.join(backupDir, stagingName));
      expect(existsSync(genuine['staging-dir']!)).toBe(false); // main cleaned up after itself

      // The marker format of src/engine/staging.ts.
      const marker = (t: string): string => `bkpfile-action staging ${t}\n`;
      const otherToken = token.replace(/./g, c => (c === 'a' ? 'b' : 'a'));
      const fill = async (dir: string, markerText?: string): Promise<void> => {
        await fs.mkdir(dir, { recursive: true });
        await fs.writeFile(path.join(dir, '1.tmp'), `not yours: ${dir}\n`);
        await fs.writeFile(path.join(dir, '2.tmp'), `not yours either: ${dir}\n`);
        if (markerText !== undefined) await fs.writeFile(path.join(dir, '.bkpfile-owner'), markerText);
      };

      // Temporaries and (genuine!) markers in places that are not the staging directory, so
      // only the post step's checks of the path stand between them and deletion.
      await fill(job.workspace, marker(token));
      await fill(path.join(job.workspace, 'src'), marker(token));
      await fill(backupDir, marker(token));
      const sibling = path.join(job.workspace, 'sibling');
      await fill(sibling, marker(otherToken));
      const namedSibling = path.join(job.workspace, stagingName); // named right, beside the backup dir
      await fill(namedSibling, marker(otherToken));
      const linkTarget = path.join(job.root, 'link-target');
      await fill(linkTarget, marker(token));
      const unmarkedElsewhere = path.join(job.root, 'elsewhere', stagingName);
      await fill(unmarkedElsewhere);
      // Directories named like this run's staging directory but not in its backup directory:
      // empty, or holding only an empty marker, or a marker that stops before the token.
      const emptyElsewhere = path.join(job.root, 'empty', stagingName);
      await fs.mkdir(emptyElsewhere, { recursive: true });
      const emptyMarkerElsewhere = path.join(job.root, 'empty-marker', stagingName);
      await fs.mkdir(emptyMarkerElsewhere, { recursive: true });
      await fs.writeFile(path.join(emptyMarkerElsewhere, '.bkpfile-owner'), '');
      const tokenlessMarkerElsewhere = path.join(job.root, 'tokenless-marker', stagingName);
      await fs.mkdir(tokenlessMarkerElsewhere, { recursive: true });
      await fs.writeFile(path.join(tokenlessMarkerElsewhere, '.bkpfile-owner'), marker('').trimEnd());
      // run-id and token swapped: a directory made to match the swapped values.
      const swapped = path.join(backupDir, `.bkpfile-staging-${token}`);
      await fill(swapped, marker(runId));
      // Malformed run-id and an empty token: a directory made to match them.
      const malformed = path.join(job.root, 'malformed', '.bkpfile-staging-zz');
      await fill(malformed, marker(''));

      // Manifest temporaries that are not this run's, some shaped exactly like its own.
      const manifest = main.outputs['manifest']!;
      const manifestName = path.basename(genuine['manifest-temp']!);
      // Tagged with the run's token: a post step handed another token never matches it.
      expect(manifestName).toMatch(new RegExp(`^${path.basename(manifest).replace(/[.]/g, '\\.')}\\.[0-9a-f]{16}\\.tmp$`));
      const shapedSource = path.join(job.workspace, 'bkpfile', manifestName);
      const shapedOutside = path.join(job.root, 'elsewhere', 'bkpfile', manifestName);
      const otherRunTemp = path.join(
        job.runnerTemp,
        'bkpfile',
        manifestName.replace(
          runId,
          runId.replace(/./g, c => (c === '0' ? '1' : '0'))
        )
      );
      const manifestLink = genuine['manifest-temp']!;
      for (const file of [shapedSource, shapedOutside, otherRunTemp]) {
        await fs.mkdir(path.dirname(file), { recursive: true });
        await fs.writeFile(file, `not yours: ${file}\n`);
      }

      const state = (over: Record<string, string>): Record<string, string> => ({ ...genuine, ...over });
      const cases: [string, Record<string, string>, (() => Promise<void>)?][] = [
        ['staging-dir = the workspace', state({ 'staging-dir': job.workspace })],
        ['staging-dir = a source directory', state({ 'staging-dir': path.join(job.workspace, 'src') })],
        ['staging-dir = /', state({ 'staging-dir': '/' })],
        ['staging-dir = the backup directory', state({ 'staging-dir': backupDir })],
        ['staging-dir = a sibling of the backup directory (marker with another token)', state({ 'staging-dir': sibling })],
        ['staging-dir = a sibling named like the staging directory (marker with another token)', state({ 'staging-dir': namedSibling })],
        [
          'staging-dir = a symlink named like the staging directory, to a directory with temporaries and the genuine marker',
          state({}),
          () => fs.symlink(linkTarget, genuine['staging-dir']!)
        ],
        ['the same symlink, with a trailing slash', state({ 'staging-dir': `${genuine['staging-dir']}/` })],
        ['staging-dir = a directory named like the staging directory elsewhere, without a marker', state({ 'staging-dir': unmarkedElsewhere })],
        ['staging-dir = an empty directory named like the staging directory elsewhere', state({ 'staging-dir': emptyElsewhere })],
        ['staging-dir = a directory named like it elsewhere, holding only an empty marker', state({ 'staging-dir': emptyMarkerElsewhere })],
        ['staging-dir = a directory named like it elsewhere, holding only a marker without the token', state({ 'staging-dir': tokenlessMarkerElsewhere })],
        [
          'staging-dir = a real directory at the staging path, without a marker',
          state({}),
          async () => {
            await fs.unlink(genuine['staging-dir']!);
            await fill(genuine['staging-dir']!);
          }
        ],
        [
          'the same directory with the genuine marker, and another token in state',
          state({ token: otherToken }),
          () => fs.writeFile(path.join(genuine['staging-dir']!, '.bkpfile-owner'), marker(token))
        ],
        ['run-id and token swapped', state({ 'run-id': token, token: runId, 'staging-dir': swapped })],
        ['malformed run-id and an empty token', state({ 'run-id': 'zz', token: '', 'staging-dir': malformed })],
        ['run-id with a path in it', state({ 'run-id': `../${runId}`, 'staging-dir': path.join(job.workspace, 'src', `.bkpfile-staging-../${runId}`) })],
        [
          'manifest-temp = a source file',
          state({ 'manifest-temp': path.join(job.workspace, 'src/app.txt') }),
          // The genuine staging path held the genuine marker above: that directory would now be ours.
          () => fs.rm(genuine['staging-dir']!, { recursive: true })
        ],
        ['manifest-temp = the run’s manifest itself', state({ 'manifest-temp': manifest })],
        ['manifest-temp = a source shaped like this run’s manifest temporary, in a directory named bkpfile', state({ 'manifest-temp': shapedSource })],
        ['manifest-temp = a file shaped like it outside RUNNER_TEMP/bkpfile', state({ 'manifest-temp': shapedOutside })],
        [
          'manifest-temp = RUNNER_TEMP/bkpfile/../../elsewhere/bkpfile/<its shape>',
          state({ 'manifest-temp': path.join(job.runnerTemp, 'bkpfile', '..', '..', 'elsewhere', 'bkpfile', manifestName) }),
          () => fs.writeFile(shapedOutside, `not yours: ${shapedOutside}\n`) // again, should the case above have lost it
        ],
        ['manifest-temp = another run’s manifest temporary', state({ 'manifest-temp': otherRunTemp })],
        [
          'manifest-temp = a symlink (to a source) at this run’s manifest temporary',
          state({}),
          () => fs.symlink(path.join(job.workspace, 'src/app.txt'), manifestLink)
        ]
      ];

      // Every case runs, and every change any of them made is reported together.
      const changes: string[] = [];
      for (const [what, tampered, setup] of cases) {
        await setup?.();
        const before = await jobSnapshot(job);
        const post = await job.runPost(tampered);
        expect({ what, exitCode: post.exitCode, errors: post.errors }).toEqual({ what, exitCode: 0, errors: [] });
        expect({ what, stack: STACK_TRACE.test(post.stdout + post.stderr) }).toEqual({ what, stack: false });
        assertOnlyOwnCommands(post, ['warning']);
        changes.push(...diff(before, await jobSnapshot(job)).map(change => `${what}: ${change}`));
      }
      expect(changes).toEqual([]);
    });

    it('positive control: removes the temporaries a SIGKILLed main step left, with the genuine state only', async () => {
      for (let i = 0; i < 4; i++) await sparse(path.join(job.workspace, `big/part${i}.bin`), 64 * MiB);
      const versions = new SourceVersions();
      await versions.record(job);
      const backupDir = path.join(job.workspace, '.bkpfile');
      const temps = async (): Promise<string[]> => {
        const found: string[] = [];
        for (const name of await fs.readdir(backupDir).catch(() => [] as string[])) {
          if (!name.startsWith('.bkpfile-staging-')) continue;
          for (const e of await fs.readdir(path.join(backupDir, name)).catch(() => [] as string[])) if (e.endsWith('.tmp')) found.push(`${name}/${e}`);
        }
        return found;
      };
      let tempsAtKill: string[] = [];
      const main = await job.runMain(
        { path: 'big' },
        {
          onSpawn: step => {
            void (async () => {
              while (step.child.exitCode === null && step.child.signalCode === null) {
                if ((tempsAtKill = await temps()).length > 0) return void step.child.kill('SIGKILL');
                await sleep(2);
              }
            })();
          }
        }
      );
      expect(main.signal).toBe('SIGKILL');
      expect(tempsAtKill.length).toBeGreaterThan(0);
      const left = await temps();
      expect(left.length).toBeGreaterThan(0);
      const stagingDir = main.state['staging-dir']!;
      expect(existsSync(path.join(stagingDir, '.bkpfile-owner'))).toBe(true);
      // Wrong token, or another run's id: refused, and nothing changes.
      const otherToken = main.state['token']!.replace(/./g, c => (c === 'a' ? 'b' : 'a'));
      const overrides: Record<string, string>[] = [{ token: otherToken }, { 'run-id': main.state['run-id']!.replace(/./g, c => (c === '0' ? '1' : '0')) }];
      for (const over of overrides) {
        const before = await jobSnapshot(job);
        const post = await job.runPost({ ...main.state, ...over });
        expect(post.exitCode).toBe(0);
        expect(diff(before, await jobSnapshot(job))).toEqual([]);
      }

      // A manifest temporary where this run would have written it.
      const manifestTemp = main.state['manifest-temp']!;
      await fs.mkdir(path.dirname(manifestTemp), { recursive: true });
      await fs.writeFile(manifestTemp, '{"partial":');

      const post = await job.runPost(main.state);
      expect(post.exitCode).toBe(0);
      expect(post.warnings).toEqual([]);
      assertOnlyOwnCommands(post);
      expect(post.stdout).toMatch(new RegExp(`Removed ${left.length} temporary file`));
      expect(existsSync(stagingDir)).toBe(false);
      expect(existsSync(manifestTemp)).toBe(false);
      await fs.rmdir(path.dirname(manifestTemp));
      await assertOnlySourcesBackupsManifests(job, versions);
    });
  });

  describe('a file is opened by its name in its folder, held open', () => {
    it('a file that cannot be read fails with its own path in the message, never the folder descriptor it was opened through', async () => {
      if (!rootOnly('running the step as uid 65534')) return;
      await job.write({ 'app/a.txt': 'a\n', 'app/locked.txt': 'locked\n' });
      for (const dir of [job.root, job.workspace, path.join(job.workspace, 'app')]) await fs.chmod(dir, 0o755);
      await fs.chmod(path.join(job.workspace, 'app/locked.txt'), 0o600); // root's
      const backupDir = path.join(job.root, 'backups');
      await fs.mkdir(backupDir);
      await fs.chown(backupDir, NOBODY, NOBODY);
      await fs.chown(job.runnerTemp, NOBODY, NOBODY);

      const inputs = { path: 'app/*.txt', 'backup-dir': backupDir };
      const r = await job.runMain(inputs, { uid: NOBODY, gid: NOBODY });
      expect(r.exitCode).toBe(1);
      const status = Object.fromEntries(rowsOf(r).map(row => [row.source, row.status]));
      expect(status).toEqual({ 'app/a.txt': 'created', 'app/locked.txt': 'permission-denied' });
      const locked = path.join(job.workspace, 'app/locked.txt');
      expect(r.warnings).toEqual([`permission-denied: app/locked.txt: permission denied: EACCES: permission denied, open '${locked}'`]);
      expect(r.stdout + r.stderr + r.summary).not.toContain('/proc/self/fd');
      const post = await job.runPost(r.state, inputs, { uid: NOBODY, gid: NOBODY });
      expect(post.exitCode).toBe(0);
    });
  });

  describe('size limits', () => {
    let parent: string | undefined;
    let mounted = false;

    afterEach(async () => {
      if (mounted) execFileSync('umount', [parent!]);
      else if (parent) execFileSync('rm', ['-rf', parent]); // much faster than fs.rm for 100,000 files
      if (parent) await fs.rmdir(parent).catch(() => undefined);
      parent = undefined;
      mounted = false;
    });

    it('100,000 files: the outputs stay under 1 MB and the summary under 1 MiB, each saying what was cut; the manifest has everything; the dry run peaks under 128 MiB', async () => {
      const started = Date.now();
      const DIRS = 200;
      const PER_DIR = 500;
      const FILES = DIRS * PER_DIR;
      // On a tmpfs when root (as on CI): creating 100,000 inodes on a throttled disk can take
      // 20 s on its own, and this test is about what the action reports, not about the disk.
      parent = await fs.mkdtemp(path.join(os.tmpdir(), 'bkpfile-100k-'));
      if (isRoot) {
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1g', 'tmpfs', parent]);
        mounted = true;
      }
      const big = await SimulatedJob.create({ node: bin }, parent);
      // Empty files, made by touch: a dry run reads none of them.
      execFileSync(
        'bash',
        ['-c', `for d in $(seq 0 ${DIRS - 1}); do mkdir -p many/d$d && (cd many/d$d && seq -f 'f%g.txt' 0 ${PER_DIR - 1} | xargs touch); done`],
        {
          cwd: big.workspace
        }
      );
      const created = Date.now();

      // Its peak memory too (the goal is 128 MiB): GNU time writes it to a file.
      const rssFile = path.join(parent, 'peak-rss');
      const time = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-o', rssFile, '-f', '%M'] : undefined;
      if (!time && process.env['CI']) throw new Error('/usr/bin/time is needed to measure the peak memory, and CI has it');
      const r = await big.runMain({ path: 'many', 'dry-run': 'true' }, { guardMs: 170_000, ...(time ? { wrapper: time } : {}) });
      const ran = Date.now();
      console.log(`100,000 files: created in ${created - started} ms, main step (dry run) took ${r.durationMs} ms`);
      if (time) {
        const peakMiB = Number((await fs.readFile(rssFile, 'utf8')).trim().split('\n').pop()) / 1024;
        expect({ peakMiB, under: peakMiB < 128 }).toEqual({ peakMiB, under: true });
      } else {
        console.log('SKIPPED (no /usr/bin/time): the peak memory of the 100,000-file dry run');
      }
      expect(r.stderr).toBe('');
      expect(r.exitCode).toBe(0);
      assertOnlyOwnCommands(r, ['warning']);

      const backups = r.outputs['backups']!;
      expect(Buffer.byteLength(backups)).toBeLessThan(1_000_000);
      const listed = JSON.parse(backups) as Row[];
      expect(listed.length).toBeGreaterThan(0);
      expect(listed.length).toBeLessThan(FILES);
      expect(listed.every(row => row.status === 'would-create')).toBe(true);
      expect(r.outputs['backups-truncated']).toBe('true');
      for (const [name, value] of Object.entries(r.outputs)) expect({ name, big: Buffer.byteLength(value) >= 1_000_000 }).toEqual({ name, big: false });
      const manifest = r.outputs['manifest']!;
      expect(r.warnings.filter(w => w.includes('backups') && w.includes(manifest))).toHaveLength(1);

      expect(Buffer.byteLength(r.summary)).toBeLessThan(MiB);
      const shown = r.summary.split('\n').filter(l => l.startsWith('<tr><td>')).length;
      expect(shown).toBeGreaterThan(0);
      expect(shown).toBeLessThan(FILES);
      expect(r.summary).toMatch(new RegExp(`\\b${FILES - shown}\\b[^<]*not shown`));

      const doc = JSON.parse(await fs.readFile(manifest, 'utf8')) as { files: Row[] };
      expect(doc.files).toHaveLength(FILES);
      expect(new Set(doc.files.map(f => f.source)).size).toBe(FILES);
      expect(doc.files.every(f => f.status === 'would-create' && /^many\/d\d+\/f\d+\.txt$/.test(f.source))).toBe(true);
      expect(existsSync(path.join(big.workspace, '.bkpfile'))).toBe(false);
      console.log(`100,000 files: checks took ${Date.now() - ran} ms; whole test ${Date.now() - started} ms`);
    }, 180_000);

    it('130,000 files, more than one segment of the walk: each segment is backed up while the walk waits, every file once, and the log says the walk went on', async () => {
      const DIRS = 260;
      const PER_DIR = 500;
      const FILES = DIRS * PER_DIR;
      parent = await fs.mkdtemp(path.join(os.tmpdir(), 'bkpfile-130k-'));
      if (isRoot) {
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2g', 'tmpfs', parent]);
        mounted = true;
      }
      const big = await SimulatedJob.create({ node: bin }, parent);
      execFileSync(
        'bash',
        ['-c', `for d in $(seq 0 ${DIRS - 1}); do mkdir -p many/d$d && (cd many/d$d && seq -f 'f%g.txt' 0 ${PER_DIR - 1} | xargs touch); done`],
        { cwd: big.workspace }
      );
      // Under --trace-gc, V8 prints a line on stdout for each collection, with its isolate's
      // address: the main thread's is the first to collect, long before a worker starts.
      const traced = { guardMs: 170_000, wrapper: ['bash', '-c', 'exec "$0" --trace-gc "$@"'] };
      const r = await big.runMain({ path: 'many' }, traced);
      expect(r.stderr).toBe('');
      expect(r.exitCode).toBe(0);
      assertOnlyOwnCommands(r, ['warning']);
      expect(r.outputs).toMatchObject({ created: String(FILES), identical: '0', failed: '0' });
      // Once the walk has found 5,000 files, the old generation grows by at most 20% between
      // full collections: the main thread then makes 6-9 here; left to V8, it made 2.
      const lines = r.stdout.split('\n');
      const mainThread = /^\[\d+:0x[0-9a-f]+\]/.exec(lines.find(line => /^\[\d+:0x[0-9a-f]+\].*(Scavenge|Mark-Compact)/.test(line)) ?? '')?.[0];
      const from = lines.findIndex(line => line.includes("files found: V8's optimizing compiler is off from here on, and its heap grows by at most 20"));
      const fullCollections = lines.slice(from).filter(line => line.startsWith(`${mainThread} `) && line.includes('Mark-Compact')).length;
      expect({ mainThread: Boolean(mainThread), from: from >= 0, atLeastFour: fullCollections >= 4, fullCollections }).toEqual({
        mainThread: true,
        from: true,
        atLeastFour: true,
        fullCollections
      });
      // The group opened on the first segment, before the walk had found every file.
      expect(r.stdout).toMatch(/^::group::Backing up files \(\d+ found so far, the walk goes on\) to /m);
      const doc = JSON.parse(await fs.readFile(r.outputs['manifest']!, 'utf8')) as { files: Row[] };
      expect(doc.files).toHaveLength(FILES);
      expect(new Set(doc.files.map(f => f.source)).size).toBe(FILES);
      expect(doc.files.every(f => f.status === 'created')).toBe(true);
      // Every backup is there, once; no staging directory is left.
      const backupDir = path.join(big.workspace, '.bkpfile');
      const made = execFileSync('bash', ['-c', 'find . -type f | wc -l'], { cwd: backupDir, encoding: 'utf8' });
      expect(Number(made.trim())).toBe(FILES);
      expect((await fs.readdir(backupDir)).filter(name => name.startsWith('.bkpfile-staging-'))).toEqual([]);
      // A second run finds every file identical to its backup, across segments too.
      const again = await big.runMain({ path: 'many' }, { guardMs: 170_000 });
      expect(again.outputs).toMatchObject({ created: '0', identical: String(FILES), failed: '0' });
      const post = await big.runPost(again.state);
      expect(post.exitCode).toBe(0);
      expect(post.warnings).toEqual([]);
    }, 180_000);
  });

  describe('whole input sets (fast-check)', () => {
    const INPUT_NAMES = [
      'path',
      'backup-dir',
      'note',
      'dry-run',
      'timeout',
      'if-no-files-found',
      'follow-symbolic-links',
      'allow-outside-workspace',
      'keep',
      'config'
    ] as const;
    type Inputs = Record<(typeof INPUT_NAMES)[number], string>;
    /** Any text an environment variable can hold (no NUL), short. */
    const text = fc.string({ unit: 'binary', maxLength: 16 }).filter(s => !s.includes('\0'));
    const nastyText = fc.constantFrom('##[add-mask]x', '::error::e', 'a\n::warning::w', 'x\r::notice::n', '%0A', '..', '/', '.', ' ', '', '\u2028', '<b>');
    /** A bad value: a known-bad one, any text, or a nasty one. */
    const bad = (...values: string[]): fc.Arbitrary<string> => fc.oneof(fc.constantFrom(...values), text, nastyText);
    /** Patterns that stay in the workspace: no absolute lines, no '..', no '~'. */
    const patternLine = fc.oneof(
      {
        weight: 3,
        arbitrary: fc.constantFrom(
          'src',
          'src/**',
          '**/*.txt',
          '!src/skip.txt',
          'docs',
          'missing',
          'missing##[add-mask]m',
          '*',
          '.',
          'link-out',
          '# comment',
          '**',
          'cfg/*.yml'
        )
      },
      fc.stringMatching(/^!?[a-z*?.# ]{0,8}$/).filter(l => l.replace(/^!/, '').trim() !== '' && !/(^|\/)\.\.?(\/|$)/.test(l))
    );
    const pathArb = fc
      .array(patternLine, { minLength: 1, maxLength: 4 })
      .map(lines => lines.join('\n'))
      .filter(p => p.split('\n').every(l => !l.includes('..') && !/^\s*!?\s*[/~]/.test(l)));
    /** backup-dir stays in the job root: relative without '..', or an absolute placeholder inside it. */
    const inJobRoot = (s: string): boolean => !s.includes('..') && !s.trim().startsWith('/');
    const valid: { [K in keyof Inputs]: fc.Arbitrary<string> } = {
      path: pathArb,
      'backup-dir': fc.oneof(
        {
          weight: 3,
          arbitrary: fc.constantFrom(
            '',
            '.bkpfile',
            'backups',
            'deep/er/bk',
            'src',
            '@ROOT/abs-backups',
            '@WS/.bk2',
            '@TEMP/bk',
            'a b##[add-mask]x',
            'nl\n::error::x'
          )
        },
        fc.stringMatching(/^[a-z._ -]{1,10}$/).filter(inJobRoot)
      ),
      note: fc.constantFrom('', 'pre-deploy', 'n##[add-mask]x', 'ünïcödé ✓ &b'),
      'dry-run': fc.constantFrom('true', 'false', '', 'TRUE', 'False'),
      timeout: fc.constantFrom('0', '', '1.5', '3600', '30'),
      'if-no-files-found': fc.constantFrom('warn', 'error', 'ignore', '', 'WARN'),
      'follow-symbolic-links': fc.constantFrom('true', 'false', ''),
      'allow-outside-workspace': fc.constantFrom('true', 'false', ''),
      keep: fc.constantFrom('0', '1', '2', ''),
      config: fc.constantFrom('', '.bkpfile.yml', 'cfg/good.yml', 'cfg/abs.yml')
    };
    const invalid: { [K in keyof Inputs]: fc.Arbitrary<string> } = {
      path: fc.constantFrom('', '  ', '# only a comment', '\n\n', 'src\n!', '! ', 'src/./app.txt', 'docs/..'),
      'backup-dir': fc.oneof(fc.constantFrom('.', '@WS', '@ROOT'), text.filter(inJobRoot), nastyText.filter(inJobRoot)),
      note: bad('x'.repeat(201), 'a/b', '.', '..', 'a\\b', 'tab\there', '::warning::x', 'a<b>', 'end.'),
      'dry-run': bad('yes', '1', 'on'),
      timeout: bad('-1', 'abc', '1e3', '99999999999', 'Infinity', '0x10'),
      'if-no-files-found': bad('fail', 'warning', 'none'),
      'follow-symbolic-links': bad('yes', '0'),
      'allow-outside-workspace': bad('yes', '1'),
      keep: bad('-1', '1.5', '99999999999', '1e3'),
      config: bad('cfg/bad.yml', 'cfg/list.yml', 'cfg/dot.yml', 'missing.yml', 'cfg')
    };
    /** Valid inputs, with none (half the time), one or two of them made bad. */
    const scenarioArb = fc.record({
      inputs: fc.record(valid),
      badInputs: fc.record(invalid),
      which: fc.oneof(fc.constant([] as string[]), fc.uniqueArray(fc.constantFrom(...INPUT_NAMES), { minLength: 1, maxLength: 2 })),
      defaultConfig: fc.boolean()
    });

    // Found by the property above; pinned here so they fail every time, not only when generated.
    it.each([
      ['a lone "!" line', 'src\n!'],
      ['a "!" followed by spaces', '! '],
      ['a "." segment', 'src/./app.txt'],
      ['a ".." segment that stays in the workspace', 'docs/..']
    ])('a path @actions/glob rejects (%s) either works or is one clear error naming the input, and then writes nothing', async (_what, pattern) => {
      await job.write({ 'src/app.txt': 'app\n', 'docs/readme.md': 'readme\n' });
      const before = await jobSnapshot(job);
      const r = await job.runMain({ path: pattern });
      expect(STACK_TRACE.test(r.stdout) || STACK_TRACE.test(r.stderr)).toBe(false);
      assertOnlyOwnCommands(r, ANNOTATIONS);
      if (r.exitCode !== 0) {
        expect(r.exitCode).toBe(1);
        expect(r.errors).toHaveLength(1);
        expect(r.errors[0]).toMatch(/Input 'path'/);
        expect(diff(before, await jobSnapshot(job))).toEqual([]);
      }
    });

    it('a timeout that expires during the search, when nothing matches and if-no-files-found is error, is one error', async () => {
      for (let d = 0; d < 40; d++) await job.write(Object.fromEntries(Array.from({ length: 50 }, (_, f) => [`tree/d${d}/f${f}.txt`, `${d}/${f}\n`])));
      const r = await job.runMain({ path: '**/nothing-*', timeout: '0.001', 'if-no-files-found': 'error' });
      expect(r.exitCode).toBe(1);
      expect(r.errors).toHaveLength(1);
      expect(existsSync(path.join(job.workspace, '.bkpfile'))).toBe(false);
    });

    it('exit 0 or 1, one clear error, no stack trace, nothing written outside the backup directory and RUNNER_TEMP/bkpfile', async () => {
      await fc.assert(
        fc.asyncProperty(scenarioArb, async ({ inputs: good, badInputs, which, defaultConfig }) => {
          const raw: Inputs = { ...good };
          for (const name of which as (keyof Inputs)[]) raw[name] = badInputs[name];
          const run = await SimulatedJob.create({ node: bin });
          try {
            const outside = path.join(run.root, 'outside', 'secret.txt');
            await fs.mkdir(path.dirname(outside));
            await fs.writeFile(outside, 'secret\n');
            await run.write({
              'src/app.txt': 'app\n',
              'src/lib/util.txt': 'util\n',
              'src/skip.txt': 'skip\n',
              'docs/readme.md': 'readme\n',
              'nasty##[add-mask]n\n::error::x.txt': 'nasty\n',
              'cfg/good.yml': 'backup_dir_path: from-good-config\n',
              'cfg/bad.yml': 'backup_dir_path: [unclosed\n',
              'cfg/list.yml': '- a\n- b\n',
              'cfg/dot.yml': 'backup_dir_path: .\n',
              'cfg/abs.yml': `backup_dir_path: ${run.root}/from-abs-config\nuse_current_dir_name: true\n`,
              ...(defaultConfig ? { '.bkpfile.yml': 'backup_dir_path: from-default-config\n' } : {})
            });
            await fs.symlink(outside, path.join(run.workspace, 'link-out'));
            const inputs = {
              ...raw,
              'backup-dir': raw['backup-dir']
                .replace(/^@ROOT/, run.root)
                .replace(/^@WS/, run.workspace)
                .replace(/^@TEMP/, run.runnerTemp)
            };

            const before = await jobSnapshot(run);
            const r = await run.runMain(inputs, { guardMs: 30_000 });
            const after = await jobSnapshot(run);
            const context = { inputs, exitCode: r.exitCode, errors: r.errors, stderr: r.stderr };

            expect({ ...context, ok: r.exitCode === 0 || r.exitCode === 1 }).toEqual({ ...context, ok: true });
            expect({ ...context, stack: STACK_TRACE.test(r.stdout) || STACK_TRACE.test(r.stderr) }).toEqual({ ...context, stack: false });
            assertOnlyOwnCommands(r, ANNOTATIONS);
            for (const message of [...r.errors, ...r.warnings]) expectPlainText(message);
            if (r.exitCode === 0) expect(r.errors).toEqual([]);
            else {
              expect(r.errors).toHaveLength(1);
              const inputNamed = INPUT_NAMES.some(name => r.errors[0]!.includes(`Input '${name}'`)) || /\bconfig\b|backup_dir_path/.test(r.errors[0]!);
              const perFile = /^\d+ of \d+ files? failed: /.test(r.errors[0]!);
              const noFiles = /^No files were found with the provided path: /.test(r.errors[0]!);
              const stopped = /^Stopped: .*timed out/.test(r.errors[0]!);
              expect({ ...context, clear: inputNamed || perFile || noFiles || stopped }).toEqual({ ...context, clear: true });
            }

            // Sources untouched; anything new or changed is in the backup directory (or on
            // the way to it) or under RUNNER_TEMP/bkpfile.
            for (const [rel, entry] of Object.entries(before)) expect({ rel, entry: after[rel] }).toEqual({ rel, entry });
            const written = Object.keys(after)
              .filter(rel => after[rel] !== before[rel])
              .map(rel => path.join(run.root, rel));
            const backupDir = r.outputs['backup-dir'];
            if (backupDir === undefined) {
              expect({ ...context, written }).toEqual({ ...context, written: [] });
            } else {
              expect(path.isAbsolute(backupDir)).toBe(true);
              const tempDir = path.join(run.runnerTemp, 'bkpfile');
              const inside = (dir: string, p: string): boolean => p === dir || p.startsWith(dir + path.sep);
              const stray = written.filter(p => !inside(backupDir, p) && !inside(tempDir, p) && !inside(p, backupDir));
              expect({ ...context, stray }).toEqual({ ...context, stray: [] });
              if (rowsOf(r).some(row => row.status === 'would-create')) {
                // dry-run writes nothing, not even directories.
                expect({ ...context, dryRunWrote: written.filter(p => !inside(tempDir, p)) }).toEqual({ ...context, dryRunWrote: [] });
              }
            }
          } finally {
            await run.dispose();
          }
        }),
        { numRuns: 15, endOnFailure: true }
      );
    }, 120_000);
  });
});
