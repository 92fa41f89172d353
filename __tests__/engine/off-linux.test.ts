/**
 * The code paths that only run off Linux, run here: no `/proc/self/fd` (macOS, Windows),
 * no `O_NOFOLLOW` (Windows), no `process.getuid` (Windows), a file system that ignores case
 * (macOS, Windows). `node:fs` is replaced by the real one with those parts taken away (and,
 * below one folder, `lstatSync` finding a name in any case), and the engine modules are
 * loaded against it.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import * as realFs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const refuseProc = (p: unknown): boolean => typeof p === 'string' && p.startsWith('/proc/self/fd');
const enoent = (p: string): NodeJS.ErrnoException => Object.assign(new Error(`ENOENT: no such file or directory, readlink '${p}'`), { code: 'ENOENT' });
const { O_NOFOLLOW: _noFollow, ...constantsWithoutNoFollow } = realFs.constants;
/** Every flag an open used, to see that none asked for O_NOFOLLOW. */
const openFlags: number[] = [];
/** Below this folder, lstatSync finds an entry under any case of its name, as APFS and NTFS do. */
let caseInsensitiveRoot = '\0';
function foldCase(p: string): string {
  if (!p.startsWith(caseInsensitiveRoot + path.sep)) return p;
  let at = caseInsensitiveRoot;
  for (const part of path.relative(caseInsensitiveRoot, p).split(path.sep)) {
    const names = realFs.existsSync(at) ? realFs.readdirSync(at) : [];
    at = path.join(at, names.find(name => name.toLowerCase() === part.toLowerCase()) ?? part);
  }
  return at;
}

jest.unstable_mockModule('node:fs', () => {
  const readlinkSync = ((p: string, ...rest: never[]) => {
    if (refuseProc(p)) throw enoent(p);
    return (realFs.readlinkSync as (...a: unknown[]) => unknown)(p, ...rest);
  }) as typeof realFs.readlinkSync;
  const openSync = ((p: realFs.PathLike, flags: number, ...rest: never[]) => {
    openFlags.push(flags);
    return (realFs.openSync as (...a: unknown[]) => number)(p, flags, ...rest);
  }) as typeof realFs.openSync;
  const lstatSync = ((p: realFs.PathLike, ...rest: never[]) =>
    (realFs.lstatSync as (...a: unknown[]) => unknown)(foldCase(String(p)), ...rest)) as typeof realFs.lstatSync;
  const fs = { ...realFs, constants: constantsWithoutNoFollow, readlinkSync, openSync, lstatSync };
  return { ...fs, default: fs };
});

const { openSourceSync } = await import('../../src/engine/open-source.js');
const { removeStagingDir, StagingDir, newRunIdentity } = await import('../../src/engine/staging.js');
const { ResourceManager } = await import('../../src/engine/resource-manager.js');
const { ignoresCase } = await import('../../src/engine/paths.js');
const { backupFiles } = await import('../../src/engine/backup-engine.js');
const { run: backupStep } = await import('../../src/steps/backup-step.js');
const { CaseClashes } = await import('../../src/action/case-clashes.js');
const { parseFileCommand } = await import('../e2e/runner.js');

let root: string;
beforeAll(() => {
  root = realFs.realpathSync(realFs.mkdtempSync(path.join(os.tmpdir(), 'bkpfile-off-linux-')));
});
afterAll(() => realFs.rmSync(root, { recursive: true, force: true }));

describe('without /proc/self/fd and without O_NOFOLLOW', () => {
  it('openSourceSync reads through the name and proves the real path is still the file it holds', () => {
    const file = path.join(root, 'a.txt');
    realFs.writeFileSync(file, 'a');
    const link = path.join(root, 'link-to-a');
    realFs.symlinkSync(file, link);
    openFlags.length = 0;
    const opened = openSourceSync(link, false);
    try {
      expect(openFlags).toHaveLength(1);
      expect(openFlags.every(flags => (flags & (_noFollow ?? 0)) === 0)).toBe(true);
      expect(opened.readPath).toBe(link); // no /proc/self/fd to read through
      expect(opened.realPath()).toBe(file);
      // The name now leads to another file: the real path is refused, never misreported.
      realFs.renameSync(file, path.join(root, 'a.old'));
      realFs.writeFileSync(file, 'another');
      expect(() => opened.realPath()).toThrow(expect.objectContaining({ code: 'ECHANGED' }));
    } finally {
      realFs.closeSync(opened.fd);
    }
  });
});

describe('without process.getuid (Windows)', () => {
  it('the post step still removes a killed run’s staging directory, proven by its marker alone', async () => {
    const identity = newRunIdentity();
    const resources = new ResourceManager();
    const staging = await StagingDir.create(path.join(root, 'backups'), identity, resources);
    realFs.writeFileSync(staging.tempPath(), 'half');
    const getuid = process.getuid;
    try {
      delete process.getuid;
      expect(process.getuid).toBeUndefined();
      const report = await removeStagingDir(staging.dir, identity, true);
      expect(report).toEqual({ removed: 1, problems: [] });
      expect(realFs.existsSync(staging.dir)).toBe(false);
      // A directory whose marker is another run's is still refused.
      const other = await StagingDir.create(path.join(root, 'backups'), newRunIdentity(), new ResourceManager());
      const refused = await removeStagingDir(other.dir, { ...identity, runId: path.basename(other.dir).slice(-16) }, false);
      expect(refused.refused).toBe('its marker does not match this run');
    } finally {
      process.getuid = getuid;
    }
  });
});

describe('on a file system that ignores case', () => {
  it('finds it out by looking, and reports two files that differ only in case instead of merging their backups', async () => {
    caseInsensitiveRoot = path.join(root, 'case-insensitive');
    const ws = path.join(caseInsensitiveRoot, 'ws');
    const backupDir = path.join(ws, '.bkpfile');
    realFs.mkdirSync(path.join(ws, 'docs'), { recursive: true });
    for (const name of ['README.md', 'readme.md']) realFs.writeFileSync(path.join(ws, 'docs', name), name);
    expect(ignoresCase(ws)).toBe(true);
    expect(ignoresCase(path.join(root, 'elsewhere'))).toBe(false);
    // Not made yet: judged by the folder it would be made in, by that folder's own entries
    // (a mount point's name is looked up in its parent, on another file system).
    expect(ignoresCase(path.join(caseInsensitiveRoot, 'not-yet', 'backups'))).toBe(true);
    // Only names whose case swaps letter for letter are asked (`ß` is `SS` in upper case,
    // which no file system takes for it): here the folder's own name in its parent tells.
    realFs.mkdirSync(path.join(caseInsensitiveRoot, 'mixed'));
    realFs.writeFileSync(path.join(caseInsensitiveRoot, 'mixed', 'ß'), 'x');
    expect(ignoresCase(path.join(caseInsensitiveRoot, 'mixed', 'backups'))).toBe(true);
    // Another spelling of one folder of such a source is that folder, not a clash.
    const clashes = new CaseClashes(ws);
    expect(clashes.check(path.join(ws, 'docs', 'README.md'), path.join(ws, 'docs'))).toBeUndefined();
    expect(clashes.check(path.join(ws, 'DOCS', 'other.md'), path.join(ws, 'DOCS'))).toBeUndefined();

    const resources = new ResourceManager();
    const staging = await StagingDir.create(backupDir, newRunIdentity(), resources);
    const results: { status: string; message?: string }[] = [];
    await backupFiles(
      [path.join(ws, 'docs', 'README.md'), path.join(ws, 'docs', 'readme.md')],
      {
        workspace: ws,
        backupDir,
        note: undefined,
        dryRun: false,
        keep: 0,
        allowOutsideWorkspace: false,
        followSymbolicLinks: true,
        time: new Date(2025, 4, 12, 13, 49)
      },
      { signal: new AbortController().signal, resources, staging, reporter: { fileDone: r => void results.push(r), warning: () => undefined } }
    );
    await resources.cleanup();
    expect(results.map(r => r.status)).toEqual(['created', 'error']);
    expect(results[1]!.message).toMatch(/differs only in case from README\.md/);
  });
});

describe('the backup step, where the backup directory ignores case', () => {
  it('refuses the files of a folder whose path differs only in case from an earlier one (their backups would share a folder), and backs up the rest', async () => {
    // A source where case counts (both folders are there), backed up into a folder that ignores case.
    caseInsensitiveRoot = path.join(root, 'case-insensitive-step');
    realFs.mkdirSync(path.join(caseInsensitiveRoot, 'Existing'), { recursive: true });
    const ws = path.join(root, 'case-sensitive-ws');
    for (const rel of ['Docs/a.md', 'Docs/b.md', 'docs/c.md', 'other/d.md']) {
      realFs.mkdirSync(path.dirname(path.join(ws, rel)), { recursive: true });
      realFs.writeFileSync(path.join(ws, rel), rel);
    }
    const runner = path.join(root, 'runner');
    realFs.mkdirSync(path.join(runner, 'temp'), { recursive: true });
    for (const name of ['output', 'state', 'summary']) realFs.writeFileSync(path.join(runner, name), '');
    const saved = { ...process.env };
    const cwd = process.cwd();
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((() => true) as typeof process.stdout.write);
    try {
      Object.assign(process.env, {
        GITHUB_WORKSPACE: ws,
        RUNNER_TEMP: path.join(runner, 'temp'),
        GITHUB_OUTPUT: path.join(runner, 'output'),
        GITHUB_STATE: path.join(runner, 'state'),
        GITHUB_STEP_SUMMARY: path.join(runner, 'summary'),
        INPUT_PATH: '**',
        'INPUT_BACKUP-DIR': path.join(caseInsensitiveRoot, 'backups'),
        'INPUT_IF-NO-FILES-FOUND': 'warn',
        INPUT_KEEP: '0',
        'INPUT_FOLLOW-SYMBOLIC-LINKS': 'true'
      });
      process.chdir(ws);
      const outcome = await backupStep();
      expect(outcome.level).toBe('failure');
      const manifestFile = parseFileCommand(realFs.readFileSync(path.join(runner, 'output'), 'utf8'))['manifest']!;
      const rows = (JSON.parse(realFs.readFileSync(manifestFile, 'utf8')) as { files: { source: string; status: string; message?: string }[] }).files;
      expect(rows.map(r => r.source).sort()).toEqual(['Docs/a.md', 'Docs/b.md', 'docs/c.md', 'other/d.md']);
      // Which of Docs and docs the walk met first is up to the directory order: that one is
      // backed up, every file of the other is refused, naming it.
      const refused = rows.filter(r => r.status !== 'created');
      expect(refused.length).toBeGreaterThan(0);
      const later = refused[0]!.source.split('/')[0]!;
      const first = later === 'docs' ? 'Docs' : 'docs';
      for (const row of rows) {
        if (row.source.startsWith(`${later}/`)) {
          expect(row).toMatchObject({
            status: 'error',
            message: expect.stringMatching(new RegExp(`^its folder differs only in case from ${first}, and the backup directory's file system ignores case`))
          });
        } else {
          expect(row.status).toBe('created');
        }
      }
    } finally {
      write.mockRestore();
      process.chdir(cwd);
      process.env = saved;
      process.exitCode = undefined;
    }
  });
});
