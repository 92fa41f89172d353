import { describe, it, expect, beforeEach, afterEach } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, promises as fs, readdirSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BackupEngine, WalkedAs, backupFiles, type BackupOptions } from '../../src/engine/backup-engine.js';
import { AbortReason } from '../../src/engine/abort.js';
import { WorkerPool } from '../../src/engine/backup-threads.js';
import { chunkQueue, currentChunk, planChunks, sequentialQueue, type SharedChunks } from '../../src/engine/work-queue.js';
import { ResourceManager } from '../../src/engine/resource-manager.js';
import { newRunIdentity, STAGING_MARKER, StagingDir } from '../../src/engine/staging.js';
import type { FileResult } from '../../src/engine/status.js';

const TIME = new Date(2025, 4, 12, 13, 49);
const STAMP = '2025-05-12-13-49';

interface Run {
  results: FileResult[];
  reported: FileResult[];
  warnings: string[];
  stagingDir: string | undefined;
  /** Files in the staging directory after the run, before cleanup. */
  stagingLeft: string[] | undefined;
  resources: ResourceManager;
}

describe('backupFiles', () => {
  let root: string;
  let ws: string;
  let backupDir: string;
  let outside: string;

  beforeEach(async () => {
    root = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'bkpfile-engine-')));
    ws = path.join(root, 'ws');
    outside = path.join(root, 'outside');
    backupDir = path.join(ws, '.bkpfile');
    await fs.mkdir(ws);
    await fs.mkdir(outside);
  });

  afterEach(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  const write = async (rel: string, content: string | Buffer, base = ws): Promise<string> => {
    const file = path.join(base, rel);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, content);
    return file;
  };

  const options = (overrides: Partial<BackupOptions> = {}): BackupOptions => ({
    workspace: ws,
    backupDir,
    note: undefined,
    dryRun: false,
    keep: 0,
    allowOutsideWorkspace: false,
    followSymbolicLinks: true,
    time: TIME,
    ...overrides
  });

  /** Runs a backup as the main step does; cleans up afterwards unless told not to. */
  const run = async (
    sources: string[],
    overrides: Partial<BackupOptions> = {},
    {
      signal = new AbortController().signal,
      cleanup = true,
      ignoresCase,
      threads,
      debug,
      walked
    }: {
      signal?: AbortSignal;
      cleanup?: boolean;
      ignoresCase?: boolean;
      threads?: { script: string; workers: number } | WorkerPool;
      debug?: string[];
      /** What the walk knew of each source (WalkedAs flags), as the step passes it on. */
      walked?: number[];
    } = {}
  ): Promise<Run> => {
    const opts = options(overrides);
    const resources = new ResourceManager();
    const staging = opts.dryRun ? undefined : await StagingDir.create(opts.backupDir, newRunIdentity(), resources);
    const reported: FileResult[] = [];
    const warnings: string[] = [];
    await backupFiles(sources, opts, {
      signal,
      resources,
      staging,
      reporter: { fileDone: r => void reported.push(r), warning: m => void warnings.push(m), debug: m => void debug?.push(m) },
      ...(ignoresCase === undefined ? {} : { ignoresCase }),
      ...(walked === undefined ? {} : { walked: Uint8Array.from(walked) }),
      ...(threads === undefined ? {} : { threads: threads instanceof WorkerPool ? threads : new WorkerPool(threads.script, threads.workers) })
    });
    const stagingLeft = staging ? await fs.readdir(staging.dir) : undefined;
    if (cleanup) await resources.cleanup();
    // Reported one by one, in the order of the sources: that is the run's whole result.
    const results = reported;
    return { results, reported, warnings, stagingDir: staging?.dir, stagingLeft, resources };
  };

  /** The chunks of a plan, as lists of source indices. */
  const chunksOf = ({ order, bounds }: SharedChunks): number[][] =>
    Array.from({ length: bounds.length - 1 }, (_, c) => [...order.subarray(bounds[c], bounds[c + 1])]);

  /** Every file below `dir`, relative, sorted; staging directories excluded. */
  const tree = async (dir: string): Promise<string[]> => {
    if (!existsSync(dir)) return [];
    const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
    return entries
      .filter(e => !e.isDirectory())
      .map(e => path.relative(dir, path.join(e.parentPath, e.name)))
      .filter(p => !p.startsWith('.bkpfile-staging-'))
      .sort();
  };

  it('creates the first backup under the mirrored directory with the same content', async () => {
    const src = await write('config/app.yml', 'port: 8080\n');
    const { results, reported } = await run([src], { note: 'pre-deploy' });
    const expected = path.join(ws, '.bkpfile', 'config', `app.yml-${STAMP}=pre-deploy`);
    expect(results).toEqual([{ source: src, backup: expected, status: 'created', bytes: 11 }]);
    expect(reported).toEqual(results);
    expect(await fs.readFile(expected, 'utf8')).toBe('port: 8080\n');
    expect(await tree(backupDir)).toEqual([`config/app.yml-${STAMP}=pre-deploy`]);
    // the source is untouched
    expect(await fs.readFile(src, 'utf8')).toBe('port: 8080\n');
  });

  it('lets go of a folder once its last file is done: its backups, its mirror and the names claimed in it', async () => {
    const sources = [await write('a/1.txt', '1'), await write('a/2.txt', '2'), await write('b/1.txt', '3'), await write('c/1.txt', '4')];
    const held = async (walked: number[]): Promise<number[]> => {
      await fs.rm(backupDir, { recursive: true, force: true });
      // Mirror folders that exist already: a new one is staged, and let go of once in place.
      for (const dir of ['a', 'b', 'c']) await fs.mkdir(path.join(backupDir, dir), { recursive: true });
      const resources = new ResourceManager();
      const staging = await StagingDir.create(backupDir, newRunIdentity(), resources);
      const ctx = { signal: new AbortController().signal, resources, staging, reporter: { fileDone: (): void => undefined, warning: (): void => undefined } };
      const engine = new BackupEngine(options(), { ...ctx, walked: Uint8Array.from(walked), ignoresCase: true });
      const statuses: string[] = [];
      await engine.run(sources, sequentialQueue(sources.length), (_, result) => void statuses.push(result.status));
      await resources.cleanup();
      expect(statuses).toEqual(['created', 'created', 'created', 'created']);
      const inside = engine as unknown as { mirrors: Map<string, string>; index: { dirs: Map<string, unknown> }; namesByCase: Map<string, unknown> };
      return [inside.mirrors.size, inside.index.dirs.size, inside.namesByCase.size];
    };
    const { Regular, InWorkspace, LastInDirectory } = WalkedAs;
    const file = Regular | InWorkspace;
    // Without the walk's marks every folder is held to the end; with them, none is.
    expect(await held([file, file, file, file])).toEqual([3, 3, 3]);
    expect(await held([file, file | LastInDirectory, file | LastInDirectory, file | LastInDirectory])).toEqual([0, 0, 0]);
  });

  describe('a new mirror folder, staged and renamed into place whole', () => {
    /** A BackupEngine on its own, whose queue calls `before(i)` before it hands out index i (and `before(-1)` at the end). */
    const engineRun = async (
      sources: string[],
      before: (i: number, staging: StagingDir) => void,
      controller = new AbortController()
    ): Promise<{ results: [number, FileResult][]; staging: StagingDir; resources: ResourceManager }> => {
      const resources = new ResourceManager();
      const staging = await StagingDir.create(backupDir, newRunIdentity(), resources);
      const ctx = { signal: controller.signal, resources, staging, reporter: { fileDone: (): void => undefined, warning: (): void => undefined } };
      const engine = new BackupEngine(options(), ctx);
      let i = 0;
      const queue = {
        next: (): number => {
          const index = i < sources.length ? i++ : -1;
          before(index, staging);
          return index;
        }
      };
      const results: [number, FileResult][] = [];
      await engine.run(sources, queue, (index, result) => void results.push([index, result]));
      return { results, staging, resources };
    };
    const stagedFolders = (staging: StagingDir): string[] =>
      readdirSync(staging.dir)
        .filter(name => /^\d+\.dir$/.test(name))
        .flatMap(name => readdirSync(path.join(staging.dir, name)).map(file => `${name}/${file}`));

    it('appears only with every backup in it complete, and its backups are reported once it is there', async () => {
      const sources = [await write('a/1.txt', 'one'), await write('a/2.txt', 'two'), await write('b/1.txt', 'three')];
      const seen: string[] = [];
      const { results, resources } = await engineRun(sources, (i, staging) => {
        const staged = stagedFolders(staging).map(entry => entry.replace(/^\d+/, 'N'));
        seen.push(
          `${i}: a ${existsSync(path.join(backupDir, 'a')) ? 'is there' : 'is not'}, b ${existsSync(path.join(backupDir, 'b')) ? 'is there' : 'is not'}; staged ${staged.join(' ')}`
        );
      });
      await resources.cleanup();
      expect(seen).toEqual([
        '0: a is not, b is not; staged ',
        `1: a is not, b is not; staged N.dir/1.txt-${STAMP}`,
        `2: a is not, b is not; staged N.dir/1.txt-${STAMP} N.dir/2.txt-${STAMP}`,
        // b's first backup put a in place first
        `-1: a is there, b is not; staged N.dir/1.txt-${STAMP}`
      ]);
      expect(results.map(([i, r]) => [i, r.status, path.relative(backupDir, r.backup!)])).toEqual([
        [0, 'created', `a/1.txt-${STAMP}`],
        [1, 'created', `a/2.txt-${STAMP}`],
        [2, 'created', `b/1.txt-${STAMP}`]
      ]);
      expect(await tree(backupDir)).toEqual([`a/1.txt-${STAMP}`, `a/2.txt-${STAMP}`, `b/1.txt-${STAMP}`]);
      expect(await fs.readFile(path.join(backupDir, `a/2.txt-${STAMP}`), 'utf8')).toBe('two');
    });

    it('keeps the mode and modification time of each file, as a backup linked into place does', async () => {
      const src = await write('m/run.sh', '#!/bin/sh\n');
      await fs.chmod(src, 0o750);
      await fs.utimes(src, new Date(2020, 1, 2), new Date(2021, 3, 4, 5, 6, 7));
      const { results, resources } = await engineRun([src], () => undefined);
      await resources.cleanup();
      const backup = results[0]![1].backup!;
      const [a, b] = [await fs.stat(src), await fs.stat(backup)];
      expect((b.mode & 0o7777).toString(8)).toBe((a.mode & 0o7777).toString(8));
      expect(b.mtimeMs).toBe(a.mtimeMs);
    });

    it('made by someone else meanwhile: its backups go in one by one, never replacing a name', async () => {
      const sources = [await write('c/x.txt', 'mine'), await write('c/y.txt', 'same')];
      const { results, resources } = await engineRun(sources, i => {
        if (i !== -1) return;
        // Another run's backups of the same minute, put there while this run's were staged.
        mkdirSync(path.join(backupDir, 'c'), { recursive: true });
        writeFileSync(path.join(backupDir, 'c', `x.txt-${STAMP}`), 'theirs');
        writeFileSync(path.join(backupDir, 'c', `y.txt-${STAMP}`), 'same');
      });
      await resources.cleanup();
      expect(results.map(([i, r]) => [i, r.status, path.relative(backupDir, r.backup!)])).toEqual([
        [0, 'created', `c/x.txt-${STAMP}_2`],
        [1, 'identical', `c/y.txt-${STAMP}`]
      ]);
      expect(await fs.readFile(path.join(backupDir, 'c', `x.txt-${STAMP}`), 'utf8')).toBe('theirs');
      expect(await fs.readFile(path.join(backupDir, 'c', `x.txt-${STAMP}_2`), 'utf8')).toBe('mine');
      expect(await tree(backupDir)).toEqual([`c/x.txt-${STAMP}`, `c/x.txt-${STAMP}_2`, `c/y.txt-${STAMP}`]);
    });

    it('an empty folder made by someone else meanwhile is not replaced: the backups go into it', async () => {
      const sources = [await write('e/x.txt', 'mine')];
      let inode = 0;
      const { results, resources } = await engineRun(sources, i => {
        if (i !== -1) return;
        mkdirSync(path.join(backupDir, 'e'), { recursive: true });
        inode = statSync(path.join(backupDir, 'e')).ino;
      });
      await resources.cleanup();
      expect(results.map(([, r]) => r.status)).toEqual(['created']);
      expect((await fs.stat(path.join(backupDir, 'e'))).ino).toBe(inode);
      expect(await tree(backupDir)).toEqual([`e/x.txt-${STAMP}`]);
    });

    it('after a stop, a folder someone made meanwhile still gets the backups complete so far, one by one', async () => {
      const sources = [await write('t/x.txt', 'x'), await write('t/y.txt', 'y'), await write('t/z.txt', 'z')];
      const controller = new AbortController();
      const { results, resources } = await engineRun(
        sources,
        i => {
          if (i !== 2) return;
          // Another run (or this run's other thread, with another chunk of t's files) made t.
          mkdirSync(path.join(backupDir, 't'), { recursive: true });
          controller.abort(new AbortReason('cancelled', 'the job was cancelled'));
        },
        controller
      );
      await resources.cleanup();
      expect(results.map(([i, r]) => [i, r.status])).toEqual([
        [2, 'cancelled'],
        [0, 'created'],
        [1, 'created']
      ]);
      expect(await tree(backupDir)).toEqual([`t/x.txt-${STAMP}`, `t/y.txt-${STAMP}`]);
    });

    it(`goes into place once it holds ${1000} backups; the rest of its files go in one by one`, async () => {
      const sources: string[] = [];
      for (let i = 0; i < 1005; i++) sources.push(await write(`full/f${i}`, `${i}`));
      const there: boolean[] = [];
      const { results, resources } = await engineRun(sources, i => {
        if (i === 1000 || i === 1001) there.push(existsSync(path.join(backupDir, 'full')));
      });
      await resources.cleanup();
      // Not there before the 1,001st file; put in place as it came.
      expect(there).toEqual([false, true]);
      expect(results.filter(([, r]) => r.status !== 'created')).toEqual([]);
      expect(new Set(results.map(([i]) => i)).size).toBe(1005);
      expect(await tree(backupDir)).toHaveLength(1005);
    });

    it('a full disk: the backups made before it filled stay and are reported created, the later ones fail disk-full', async () => {
      if (process.getuid?.() !== 0) {
        if (process.env['CI']) throw new Error('mounting a tmpfs needs root, and CI runs as root');
        console.log('SKIPPED (not root): a full disk (a tmpfs with few inodes)');
        return;
      }
      const sources: string[] = [];
      for (let i = 0; i < 10; i++) sources.push(await write(`a/b/f${i}.txt`, `content ${i}`));
      // Inodes for the backup directory, its staging directory and marker, the folders and a few files.
      await fs.mkdir(backupDir, { recursive: true });
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m,nr_inodes=12', 'tmpfs', backupDir]);
      try {
        const { results } = await run(sources);
        const statuses = results.map(r => r.status);
        const created = statuses.filter(st => st === 'created').length;
        expect(created).toBeGreaterThan(0);
        // In order: every file copied while there was room, then disk-full; none lost in between.
        expect(statuses).toEqual([...Array<string>(created).fill('created'), ...Array<string>(10 - created).fill('disk-full')]);
        expect(await tree(backupDir)).toEqual(results.filter(r => r.status === 'created').map(r => path.relative(backupDir, r.backup!)));
      } finally {
        execFileSync('umount', [backupDir]);
      }
    });

    it('is not staged under a set-group-ID folder whose group the staging directory does not give: made there, it gets that group', async () => {
      if (process.getuid?.() !== 0) {
        if (process.env['CI']) throw new Error('giving a folder another group needs root, and CI runs as root');
        console.log('SKIPPED (not root): a set-group-ID folder of another group');
        return;
      }
      const src = await write('shared/new/f.txt', 'x');
      const shared = path.join(backupDir, 'shared');
      mkdirSync(shared, { recursive: true });
      await fs.chown(shared, 0, 1);
      await fs.chmod(shared, 0o2755);
      const { results, resources } = await engineRun([src], () => undefined);
      await resources.cleanup();
      expect(results[0]![1].status).toBe('created');
      const made = statSync(path.join(shared, 'new'));
      expect(made.gid).toBe(1);
      expect(made.mode & 0o2000).toBe(0o2000);
    });

    it("across a mount, the thread takes no new chunk before the last one's backups are in place and reported", async () => {
      if (process.getuid?.() !== 0) {
        if (process.env['CI']) throw new Error('mounting a tmpfs needs root, and CI runs as root');
        console.log('SKIPPED (not root): a mount inside the backup directory');
        return;
      }
      const mount = path.join(backupDir, 'mnt');
      mkdirSync(mount, { recursive: true });
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mount]);
      try {
        const sources: string[] = [];
        for (let i = 0; i < 70; i++) sources.push(await write(`mnt/sub/f${i}.txt`, `a${i}`));
        for (let i = 0; i < 70; i++) sources.push(await write(`other/g${i}.txt`, `b${i}`));
        const chunks = planChunks(sources, false);
        expect(chunksOf(chunks)).toHaveLength(2);
        const resources = new ResourceManager();
        const staging = await StagingDir.create(backupDir, newRunIdentity(), resources);
        const engine = new BackupEngine(options(), {
          signal: new AbortController().signal,
          resources,
          staging,
          reporter: { fileDone: () => undefined, warning: () => undefined },
          createStaging: dir => StagingDir.create(dir, newRunIdentity(), resources)
        });
        const reported = new Set<number>();
        const unanswered: number[] = [];
        const inner = chunkQueue(chunks, { slot: 1, beforeClaim: () => engine.publishStaged() });
        let on = 0;
        const queue = {
          next: (): number => {
            const i = inner.next();
            const chunk = Atomics.load(chunks.current, 1);
            if (chunk !== on) {
              on = chunk;
              // Were the thread to stop now, only the chunk it is on would be answered for.
              const answered = new Set(currentChunk(chunks, 1));
              unanswered.push(sources.filter((_, k) => !reported.has(k) && !answered.has(k) && k < chunks.bounds[chunk - 1]!).length);
            }
            return i;
          }
        };
        await engine.run(sources, queue, index => void reported.add(index));
        await resources.cleanup();
        expect(reported.size).toBe(sources.length);
        expect(unanswered).toEqual([0, 0]);
        expect((await tree(mount)).filter(f => f.startsWith('sub/'))).toHaveLength(70);
      } finally {
        execFileSync('umount', [mount]);
      }
    });

    it('after a stop, the backups complete so far go into place and are reported', async () => {
      const sources = [await write('s/1.txt', '1'), await write('s/2.txt', '2'), await write('s/3.txt', '3')];
      const controller = new AbortController();
      const { results, staging, resources } = await engineRun(
        sources,
        i => {
          if (i === 2) controller.abort(new AbortReason('cancelled', 'the job was cancelled'));
        },
        controller
      );
      expect(stagedFolders(staging)).toEqual([]);
      await resources.cleanup();
      // The file not started is reported at once; the staged ones once their folder is in place.
      expect(results.map(([i, r]) => [i, r.status])).toEqual([
        [2, 'cancelled'],
        [0, 'created'],
        [1, 'created']
      ]);
      expect(await tree(backupDir)).toEqual([`s/1.txt-${STAMP}`, `s/2.txt-${STAMP}`]);
    });
  });

  it('hands on for removal at the end only the mirror folders it created and put no backup in', async () => {
    // A backup name over the file system's 255 bytes: that file fails, its folders stay empty.
    // A large one: a new folder's small files are staged, and its folder is never made when
    // they all fail.
    const long = await write(`deep/er/${'n'.repeat(250)}`, '');
    await fs.truncate(long, 9 * 1024 * 1024);
    const sources = [await write('a/b/ok.txt', 'ok'), long, await write('a/b/c/ok.txt', 'ok')];
    const resources = new ResourceManager();
    const staging = await StagingDir.create(backupDir, newRunIdentity(), resources);
    const ctx = { signal: new AbortController().signal, resources, staging, reporter: { fileDone: (): void => undefined, warning: (): void => undefined } };
    const engine = new BackupEngine(options(), ctx);
    const statuses: string[] = [];
    // By index: a staged folder's backups are reported once it is in place, after later files' results.
    await engine.run(sources, sequentialQueue(sources.length), (index, result) => void (statuses[index] = result.status));
    await resources.cleanup();
    expect(statuses).toEqual(['created', 'error', 'created']);
    expect(engine.takeCreatedDirectories()).toEqual([[path.join(backupDir, 'deep/er'), path.join(backupDir, 'deep')]]);
  });

  describe('a backup directory on a file system that ignores case (macOS, Windows)', () => {
    it('two files that differ only in case: the second is reported, never merged into the first one’s backup', async () => {
      const upper = await write('docs/README.md', 'upper\n');
      const lower = await write('docs/readme.md', 'lower\n');
      const { results } = await run([upper, lower], {}, { ignoresCase: true });
      expect(results[0]).toMatchObject({ source: upper, status: 'created' });
      expect(results[1]).toMatchObject({ source: lower, status: 'error', backup: null });
      expect(results[1]!.message).toMatch(/^its name differs only in case from README\.md, and the backup directory's file system ignores case/);
      expect(await tree(backupDir)).toEqual([`docs/README.md-${STAMP}`]);
    });

    it('in a dry run too; a file renamed in case since an earlier run is backed up (its old backups carry other stamps)', async () => {
      const upper = await write('README.md', 'upper\n');
      const lower = await write('readme.md', 'lower\n');
      const dry = await run([upper, lower], { dryRun: true }, { ignoresCase: true });
      expect(dry.results.map(r => r.status)).toEqual(['would-create', 'error']);
      await run([upper], {}, { ignoresCase: true });
      await fs.rm(upper); // git mv README.md readme.md
      const later = await run([lower], { time: new Date(2025, 4, 12, 14, 0) }, { ignoresCase: true });
      expect(later.results[0]).toMatchObject({ status: 'created', backup: path.join(backupDir, 'readme.md-2025-05-12-14-00') });
    });

    it('a link refused for another reason (an immutable folder) fails that file alone; the run keeps making links', async () => {
      if (process.getuid?.() !== 0) {
        if (process.env['CI']) throw new Error('chattr +i needs root, and CI runs as root');
        console.log('SKIPPED (not root): an immutable folder (chattr +i)');
        return;
      }
      const locked = await write('locked/a.txt', 'a');
      const open = await write('open/b.txt', 'b');
      const lockedMirror = path.join(backupDir, 'locked');
      await fs.mkdir(lockedMirror, { recursive: true });
      execFileSync('chattr', ['+i', lockedMirror]);
      try {
        const { results, stagingLeft, resources } = await run([locked, open], {}, { cleanup: false });
        expect(results.map(r => r.status)).toEqual(['permission-denied', 'created']);
        // No switch to the way without hard links: no reservation journal was started.
        expect(stagingLeft).not.toContain('.bkpfile-reservations');
        await resources.cleanup();
      } finally {
        execFileSync('chattr', ['-i', lockedMirror]);
      }
    });

    it('on a file system where case counts, both are backed up', async () => {
      const upper = await write('README.md', 'upper\n');
      const lower = await write('readme.md', 'lower\n');
      const { results } = await run([upper, lower], {}, { ignoresCase: false });
      expect(results.map(r => r.status)).toEqual(['created', 'created']);
      expect(await tree(backupDir)).toEqual([`README.md-${STAMP}`, `readme.md-${STAMP}`]);
    });

    it('is found out by looking when not given: this machine’s temporary directory counts case', async () => {
      const upper = await write('A.txt', 'a');
      const lower = await write('a.txt', 'b');
      const { results } = await run([upper, lower]);
      expect(results.map(r => r.status)).toEqual(['created', 'created']);
    });
  });

  it('names a backup without a note FILE-STAMP', async () => {
    const src = await write('app.yml', 'x');
    const { results } = await run([src]);
    expect(results[0]!.backup).toBe(path.join(backupDir, `app.yml-${STAMP}`));
    expect(existsSync(path.join(backupDir, `app.yml-${STAMP}`))).toBe(true);
  });

  it('mirrors nested directories, dot-directories and the workspace root', async () => {
    const sources = [
      await write('top.txt', 'top'),
      await write('a/b/c/deep.txt', 'deep'),
      await write('.github/workflows/ci.yml', 'ci'),
      await write('.env', 'SECRET=1'),
      await write('a/b/other.txt', 'other')
    ];
    const { results } = await run(sources);
    expect(results.map(r => r.status)).toEqual(['created', 'created', 'created', 'created', 'created']);
    expect(await tree(backupDir)).toEqual(
      [`top.txt-${STAMP}`, `a/b/c/deep.txt-${STAMP}`, `.github/workflows/ci.yml-${STAMP}`, `.env-${STAMP}`, `a/b/other.txt-${STAMP}`].sort()
    );
    expect(await fs.readFile(path.join(backupDir, 'a/b/c', `deep.txt-${STAMP}`), 'utf8')).toBe('deep');
    // results are in source order, whatever the completion order
    expect(results.map(r => r.source)).toEqual(sources);
  });

  it('keeps the permission bits and the modification time of the source', async () => {
    const readable = await write('conf/secret.conf', 'secret');
    const script = await write('bin/run.sh', '#!/bin/sh\necho hi\n');
    await fs.chmod(readable, 0o640);
    await fs.chmod(script, 0o755);
    const old = new Date(2001, 1, 3, 4, 5, 6);
    await fs.utimes(readable, old, old);
    await fs.utimes(script, old, new Date(2010, 6, 7, 8, 9, 10));
    const { results } = await run([readable, script]);
    expect(results.map(r => r.status)).toEqual(['created', 'created']);
    const b1 = await fs.stat(results[0]!.backup!);
    const b2 = await fs.stat(results[1]!.backup!);
    expect(b1.mode & 0o7777).toBe(0o640);
    expect(b2.mode & 0o7777).toBe(0o755);
    expect(Math.floor(b1.mtimeMs / 1000)).toBe(Math.floor(old.getTime() / 1000));
    expect(Math.floor(b2.mtimeMs / 1000)).toBe(Math.floor(new Date(2010, 6, 7, 8, 9, 10).getTime() / 1000));
  });

  it('reports identical and writes nothing new when the content has not changed', async () => {
    const src = await write('config/app.yml', 'same\n');
    const first = await run([src], { note: 'pre-deploy' });
    const backup = first.results[0]!.backup!;
    const before = await fs.stat(backup);
    const second = await run([src], { note: 'pre-deploy', time: new Date(2025, 4, 12, 14, 0) });
    expect(second.results).toEqual([{ source: src, backup, status: 'identical', bytes: 0 }]);
    expect(await tree(backupDir)).toEqual([`config/app.yml-${STAMP}=pre-deploy`]);
    const after = await fs.stat(backup);
    expect(after.ino).toBe(before.ino);
    expect(after.mtimeMs).toBe(before.mtimeMs);
  });

  it('compares with the newest backup whatever its note', async () => {
    const src = await write('app.yml', 'current');
    await write(`.bkpfile/app.yml-2025-05-12-13-40=zzz`, 'old');
    await write(`.bkpfile/app.yml-2025-05-12-13-45=aaa`, 'current');
    const { results } = await run([src]);
    expect(results[0]!.status).toBe('identical');
    expect(results[0]!.backup).toBe(path.join(backupDir, 'app.yml-2025-05-12-13-45=aaa'));
  });

  it('creates a backup when the size is the same but the bytes differ', async () => {
    const src = await write('app.yml', 'aaaa');
    await run([src]);
    await fs.writeFile(src, 'aaab');
    const { results } = await run([src], { time: new Date(2025, 4, 12, 13, 50) });
    expect(results[0]!.status).toBe('created');
    expect(await fs.readFile(path.join(backupDir, 'app.yml-2025-05-12-13-50'), 'utf8')).toBe('aaab');
    expect(await fs.readFile(path.join(backupDir, `app.yml-${STAMP}`), 'utf8')).toBe('aaaa');
  });

  it('keeps both backups of a file changed within the same minute, then finds the newest identical', async () => {
    const src = await write('config/app.yml', 'v1');
    const first = await run([src], { note: 'pre-deploy' });
    const firstBackup = path.join(backupDir, 'config', `app.yml-${STAMP}=pre-deploy`);
    expect(first.results[0]!.backup).toBe(firstBackup);
    const firstStat = await fs.stat(firstBackup);

    await fs.writeFile(src, 'v2');
    const second = await run([src], { note: 'pre-deploy' });
    const secondBackup = path.join(backupDir, 'config', `app.yml-${STAMP}_2=pre-deploy`);
    expect(second.results).toEqual([{ source: src, backup: secondBackup, status: 'created', bytes: 2 }]);
    expect(await fs.readFile(secondBackup, 'utf8')).toBe('v2');
    // the first is untouched
    expect(await fs.readFile(firstBackup, 'utf8')).toBe('v1');
    expect((await fs.stat(firstBackup)).ino).toBe(firstStat.ino);

    const third = await run([src], { note: 'pre-deploy' });
    expect(third.results).toEqual([{ source: src, backup: secondBackup, status: 'identical', bytes: 0 }]);

    // back to v1: differs from the latest (_2), so it is a third backup in that minute
    await fs.writeFile(src, 'v1');
    const fourth = await run([src], { note: 'other' });
    expect(fourth.results[0]!.status).toBe('created');
    expect(fourth.results[0]!.backup).toBe(path.join(backupDir, 'config', `app.yml-${STAMP}_3=other`));
    expect(await tree(backupDir)).toEqual(
      [`config/app.yml-${STAMP}=pre-deploy`, `config/app.yml-${STAMP}_2=pre-deploy`, `config/app.yml-${STAMP}_3=other`].sort()
    );
  });

  it('dry-run reports would-create and writes nothing at all, not even the backup directory', async () => {
    const a = await write('config/app.yml', 'a');
    const b = await write('b.txt', 'bbb');
    const { results, stagingDir } = await run([a, b], { dryRun: true, note: 'n' });
    expect(stagingDir).toBeUndefined();
    expect(results).toEqual([
      { source: a, backup: path.join(backupDir, 'config', `app.yml-${STAMP}=n`), status: 'would-create', bytes: 1 },
      { source: b, backup: path.join(backupDir, `b.txt-${STAMP}=n`), status: 'would-create', bytes: 3 }
    ]);
    expect(existsSync(backupDir)).toBe(false);
    expect((await fs.readdir(ws)).sort()).toEqual(['b.txt', 'config']);
  });

  it('dry-run decides the files the walk found regular at once, and every other kind as before, in order', async () => {
    const fresh = await write('config/app.yml', 'fresh');
    const gone = await write('config/gone.yml', 'x');
    const same = await write('same.txt', 'same');
    const reserved = await write('.bkpfile-outside/etc/hosts', 'h');
    await run([same]);
    await fs.rm(gone); // after the walk found it
    const found = WalkedAs.Regular | WalkedAs.InWorkspace;
    const before = await tree(backupDir);
    const { results } = await run([fresh, gone, same, reserved], { dryRun: true }, { walked: [found, found, found, found | WalkedAs.LastInDirectory] });
    expect(results.map(r => [r.source, r.status, r.bytes])).toEqual([
      [fresh, 'would-create', 5],
      [gone, 'error', 0],
      [same, 'identical', 0],
      [reserved, 'error', 0]
    ]);
    expect(results[0]!.backup).toBe(path.join(backupDir, 'config', `app.yml-${STAMP}`));
    expect(results[1]!.message).toMatch(/ENOENT|no such file/i);
    expect(results[3]!.message).toMatch(/is reserved/);
    expect(await tree(backupDir)).toEqual(before);
  });

  it('dry-run reports identical files as identical and a changed one with the next seq', async () => {
    const same = await write('same.txt', 'same');
    const changed = await write('changed.txt', 'old');
    await run([same, changed]);
    await fs.writeFile(changed, 'new');
    const before = await tree(backupDir);
    const { results } = await run([same, changed], { dryRun: true, keep: 1 });
    expect(results.map(r => r.status)).toEqual(['identical', 'would-create']);
    expect(results[1]!.backup).toBe(path.join(backupDir, `changed.txt-${STAMP}_2`));
    expect(await tree(backupDir)).toEqual(before);
  });

  it('retention keeps the newest N backups of that file only', async () => {
    const src = await write('config/app.yml', 'v4');
    const dir = path.join(backupDir, 'config');
    await write('config/app.yml-2025-05-12-13-46', 'v1', backupDir);
    await write('config/app.yml-2025-05-12-13-47=note', 'v2', backupDir);
    await write('config/app.yml-2025-05-12-13-48', 'v3', backupDir);
    const unrelated = [
      'config/other.yml-2020-01-01-00-00', // another file's old backup
      'config/app.yml.old-2020-01-01-00-00', // a file whose name starts the same
      'config/app.yml-2025-01-01-00-00-2020-01-01-00-00', // a backup of `app.yml-2025-01-01-00-00`
      'config/app.yml-2020-01-01-00-00=x-2020-01-01-00-01', // ambiguous: maybe another file's
      'config/app.yml', // not a backup
      'config/notes.txt',
      `app.yml-2020-01-01-00-00` // a backup of another app.yml, in another directory
    ];
    for (const name of unrelated) await write(name, 'unrelated', backupDir);

    const { results, warnings } = await run([src], { keep: 2 });
    expect(results[0]!.status).toBe('created');
    expect(warnings).toEqual([]);
    const left = await tree(backupDir);
    expect(left).toEqual([...unrelated, `config/app.yml-${STAMP}`, 'config/app.yml-2025-05-12-13-48'].sort());
    expect(await fs.readFile(path.join(dir, `app.yml-${STAMP}`), 'utf8')).toBe('v4');
  });

  it('retention counts backups of the same minute by seq', async () => {
    const src = await write('f.txt', 'v3');
    await write(`f.txt-${STAMP}`, 'v1', backupDir);
    await write(`f.txt-${STAMP}_2`, 'v2', backupDir);
    const { results } = await run([src], { keep: 2 });
    expect(results[0]!.backup).toBe(path.join(backupDir, `f.txt-${STAMP}_3`));
    expect(await tree(backupDir)).toEqual([`f.txt-${STAMP}_2`, `f.txt-${STAMP}_3`]);
  });

  it('retention never deletes the backup just made, even when a backup is stamped in the future', async () => {
    const src = await write('app.yml', 'v2');
    await write('app.yml-2099-01-01-00-00', 'v1 (made with another TZ, or a skewed clock)', backupDir);
    const { results } = await run([src], { keep: 1 });
    expect(results[0]!.status).toBe('created');
    expect(await fs.readFile(results[0]!.backup!, 'utf8')).toBe('v2');
    expect(await tree(backupDir)).toEqual([`app.yml-${STAMP}`]);
  });

  it('a name that also reads as another file’s backup neither counts for keep nor serves as the latest backup', async () => {
    // A pull request adds `app.yml-2099-12-31-23-59=x`; its backup also reads as one of app.yml.
    const src = await write('app.yml', 'real v2');
    await write('app.yml-2025-05-12-13-40', 'real v1', backupDir);
    const planted = 'app.yml-2099-12-31-23-59=x-2025-05-12-13-40';
    await write(planted, 'real v2', backupDir);
    const { results } = await run([src], { keep: 1 });
    // Not `identical` to the planted name: the real latest backup differs, so a backup is made.
    expect(results[0]!.status).toBe('created');
    expect(await tree(backupDir)).toEqual([`app.yml-${STAMP}`, planted].sort());
  });

  it('keep: 0 keeps every backup', async () => {
    const src = await write('f.txt', 'v4');
    await write('f.txt-2025-05-12-13-46', 'v1', backupDir);
    await write('f.txt-2025-05-12-13-47', 'v2', backupDir);
    await write('f.txt-2025-05-12-13-48', 'v3', backupDir);
    await run([src], { keep: 0 });
    expect(await tree(backupDir)).toHaveLength(4);
  });

  it('gives a FIFO invalid-file-type without blocking on it', async () => {
    const fifo = path.join(ws, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const regular = await write('regular.txt', 'r');
    const { results } = await run([fifo, regular]);
    expect(results[0]).toMatchObject({ source: fifo, backup: null, status: 'invalid-file-type', bytes: 0 });
    expect(results[0]!.message).toMatch(/FIFO/);
    expect(results[1]!.status).toBe('created');
    expect(await tree(backupDir)).toEqual([`regular.txt-${STAMP}`]);
  });

  it('a FIFO holding the backup name of this minute is never opened to compare: the backup takes the next name', async () => {
    const src = await write('empty.txt', '');
    await fs.mkdir(backupDir, { recursive: true });
    // The backup directory's listing leaves the FIFO out (not a regular file), so the name
    // is found taken only when the link fails. Its size, 0, is the empty file's: opened for
    // a compare without O_NONBLOCK it would wait for a writer for ever.
    execFileSync('mkfifo', [path.join(backupDir, `empty.txt-${STAMP}`)]);
    const { results } = await run([src]);
    expect(results).toEqual([{ source: src, backup: path.join(backupDir, `empty.txt-${STAMP}_2`), status: 'created', bytes: 0 }]);
  });

  it('gives a directory invalid-file-type', async () => {
    await fs.mkdir(path.join(ws, 'somedir'));
    const { results } = await run([path.join(ws, 'somedir')]);
    expect(results[0]!.status).toBe('invalid-file-type');
    expect(await tree(backupDir)).toEqual([]);
  });

  it('gives a symlink to a file outside the workspace outside-workspace', async () => {
    const target = await write('secret.txt', 'outside', outside);
    const link = path.join(ws, 'link.txt');
    await fs.symlink(target, link);
    const { results } = await run([link]);
    expect(results[0]).toMatchObject({ source: link, backup: null, status: 'outside-workspace', bytes: 0 });
    expect(await tree(backupDir)).toEqual([]);
  });

  it('gives a file in a symlinked directory that leads outside outside-workspace', async () => {
    await write('secret.txt', 'outside', outside);
    await fs.symlink(outside, path.join(ws, 'linked-dir'));
    const { results } = await run([path.join(ws, 'linked-dir', 'secret.txt')]);
    expect(results[0]!.status).toBe('outside-workspace');
    expect(await tree(backupDir)).toEqual([]);
  });

  it('backs up a symlink to a file outside the workspace with allowOutsideWorkspace', async () => {
    const target = await write('secret.txt', 'outside', outside);
    const link = path.join(ws, 'link.txt');
    await fs.symlink(target, link);
    const { results } = await run([link], { allowOutsideWorkspace: true });
    expect(results[0]!.status).toBe('created');
    expect(results[0]!.backup).toBe(path.join(backupDir, `link.txt-${STAMP}`));
    expect(await fs.readFile(results[0]!.backup!, 'utf8')).toBe('outside');
    // the backup is a copy, not a link
    expect((await fs.lstat(results[0]!.backup!)).isFile()).toBe(true);
  });

  it('mirrors a file outside the workspace under its absolute path with allowOutsideWorkspace', async () => {
    const src = await write('nginx/nginx.conf', 'server {}', outside);
    const { results } = await run([src], { allowOutsideWorkspace: true });
    const expectedDir = path.join(backupDir, '.bkpfile-outside', outside.slice(1), 'nginx');
    expect(results[0]).toEqual({ source: src, backup: path.join(expectedDir, `nginx.conf-${STAMP}`), status: 'created', bytes: 9 });
    expect(await fs.readFile(path.join(expectedDir, `nginx.conf-${STAMP}`), 'utf8')).toBe('server {}');
  });

  it('backs up a symlink to a file inside the workspace', async () => {
    const target = await write('real.txt', 'inside');
    const link = path.join(ws, 'link.txt');
    await fs.symlink(target, link);
    const { results } = await run([link]);
    expect(results[0]!.status).toBe('created');
    expect(await fs.readFile(path.join(backupDir, `link.txt-${STAMP}`), 'utf8')).toBe('inside');
  });

  it('gives a symlink invalid-file-type when followSymbolicLinks is false', async () => {
    const target = await write('real.txt', 'inside');
    const link = path.join(ws, 'link.txt');
    await fs.symlink(target, link);
    const { results } = await run([link, target], { followSymbolicLinks: false });
    expect(results[0]).toMatchObject({ source: link, status: 'invalid-file-type', backup: null });
    expect(results[1]!.status).toBe('created');
    expect(await tree(backupDir)).toEqual([`real.txt-${STAMP}`]);
  });

  it('gives a missing source error and carries on with the others', async () => {
    const ok = await write('ok.txt', 'ok');
    const { results } = await run([path.join(ws, 'missing.txt'), ok]);
    expect(results[0]!.status).toBe('error');
    expect(results[0]!.message).toBeTruthy();
    expect(results[1]!.status).toBe('created');
  });

  it('marks every file timeout and writes nothing when the signal is aborted before the run', async () => {
    const sources = [await write('a.txt', 'a'), await write('b/b.txt', 'b'), await write('c.txt', 'c')];
    const controller = new AbortController();
    controller.abort(new AbortReason('timeout', 'x'));
    const { results, reported, stagingLeft } = await run(sources, {}, { signal: controller.signal });
    expect(results.map(r => r.status)).toEqual(['timeout', 'timeout', 'timeout']);
    expect(results.every(r => r.backup === null && r.bytes === 0)).toBe(true);
    expect(reported).toHaveLength(3);
    expect(await tree(backupDir)).toEqual([]);
    expect(stagingLeft).toEqual([STAGING_MARKER]);
  });

  it('marks every file cancelled when the signal is aborted as a cancel', async () => {
    const sources = [await write('a.txt', 'a')];
    const controller = new AbortController();
    controller.abort(new AbortReason('cancelled', 'x'));
    const { results } = await run(sources, {}, { signal: controller.signal });
    expect(results.map(r => r.status)).toEqual(['cancelled']);
    expect(await tree(backupDir)).toEqual([]);
  });

  it('leaves only the marker in staging after a run, and cleanup removes staging', async () => {
    const sources = await Promise.all(Array.from({ length: 20 }, (_, i) => write(`d${i % 3}/f${i}.txt`, `content ${i}`)));
    const { results, stagingDir, stagingLeft, resources } = await run(sources, {}, { cleanup: false });
    expect(results.every(r => r.status === 'created')).toBe(true);
    expect(stagingLeft).toEqual([STAGING_MARKER]);
    expect(resources.size).toBe(1); // the staging directory itself
    await resources.cleanup();
    expect(existsSync(stagingDir!)).toBe(false);
    expect(await tree(backupDir)).toHaveLength(20);
  });

  it('leaves only the marker in staging after a run with identical and failed files', async () => {
    const same = await write('same.txt', 'same');
    await run([same]);
    const fifo = path.join(ws, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const changed = await write('changed.txt', 'x');
    const { results, stagingDir, stagingLeft, resources } = await run([same, fifo, changed, path.join(ws, 'missing')], {}, { cleanup: false });
    expect(results.map(r => r.status)).toEqual(['identical', 'invalid-file-type', 'created', 'error']);
    expect(stagingLeft).toEqual([STAGING_MARKER]);
    await resources.cleanup();
    expect(existsSync(stagingDir!)).toBe(false);
  });

  it('handles many files in one directory', async () => {
    const sources = await Promise.all(Array.from({ length: 50 }, (_, i) => write(`many/f${i}.txt`, `${i}`)));
    const { results } = await run(sources);
    expect(results.map(r => r.source)).toEqual(sources);
    expect(results.every(r => r.status === 'created')).toBe(true);
    const again = await run(sources);
    expect(again.results.every(r => r.status === 'identical')).toBe(true);
  });

  it('applies retention when the file is identical to its latest backup (as action.yml says)', async () => {
    const src = await write('f.txt', 'v3');
    await write('f.txt-2025-05-12-13-46', 'v1', backupDir);
    await write('f.txt-2025-05-12-13-47', 'v2', backupDir);
    await write('f.txt-2025-05-12-13-48', 'v3', backupDir);
    const { results } = await run([src], { keep: 1 });
    expect(results[0]!.status).toBe('identical');
    expect(await tree(backupDir)).toEqual(['f.txt-2025-05-12-13-48']);
  });

  it('fails a file whose backup name is too long for the file system, leaving no temporary', async () => {
    // 200 characters is a valid note, but 400 bytes: no file system takes such a name
    const src = await write('f.txt', 'x');
    const other = await write('g.txt', 'y');
    const { results, stagingLeft } = await run([src], { note: 'é'.repeat(200) });
    expect(results[0]).toMatchObject({ source: src, backup: null, status: 'error' });
    expect(results[0]!.message).toBeTruthy();
    expect(stagingLeft).toEqual([STAGING_MARKER]);
    expect(await tree(backupDir)).toEqual([]);
    // the next run with a sane note works
    expect((await run([other])).results[0]!.status).toBe('created');
  });

  it('on an abort during the run, every file is either completely backed up or timeout, with no temporary left', async () => {
    const content = Buffer.alloc(256 * 1024, 0x41);
    // A folder each: a new folder's backups are reported once it is in place, so the abort comes mid-run.
    const sources = await Promise.all(Array.from({ length: 40 }, (_, i) => write(`big/d${i}/f.bin`, content)));
    const opts = options();
    const resources = new ResourceManager();
    const staging = await StagingDir.create(opts.backupDir, newRunIdentity(), resources);
    const controller = new AbortController();
    const results: FileResult[] = [];
    // The abort comes once a few files are done.
    await backupFiles(sources, opts, {
      signal: controller.signal,
      resources,
      staging,
      reporter: {
        fileDone: result => void (results.push(result) === 5 && controller.abort(new AbortReason('timeout', 'timed out'))),
        warning: () => undefined
      }
    });
    expect(results.map(r => r.source)).toEqual(sources); // every file, once, in order
    const statuses = new Set(results.map(r => r.status));
    expect([...statuses].every(s => s === 'created' || s === 'timeout')).toBe(true);
    expect(statuses.has('timeout')).toBe(true);
    for (const r of results.filter(r => r.status === 'created')) {
      expect((await fs.readFile(r.backup!)).equals(content)).toBe(true);
    }
    // every backup on disk is a complete one that the results name
    const created = results.filter(r => r.status === 'created').map(r => path.relative(backupDir, r.backup!));
    expect(await tree(backupDir)).toEqual(created.sort());
    // give the uninterruptible copies a moment, then clean up as main does
    await new Promise(resolve => setTimeout(resolve, 50));
    await resources.cleanup();
    expect(existsSync(staging.dir)).toBe(false);
  });

  it('refuses to run without staging unless dry-run', async () => {
    const src = await write('a.txt', 'a');
    await expect(
      backupFiles([src], options(), {
        signal: new AbortController().signal,
        resources: new ResourceManager(),
        staging: undefined,
        reporter: { fileDone: () => undefined, warning: () => undefined }
      })
    ).rejects.toThrow(/staging/);
  });

  describe('with worker threads', () => {
    // The bundled worker, as the action runs it (npm run bundle builds it from src/).
    const WORKER = path.resolve('dist/backup-worker/index.js');
    const many = async (count: number): Promise<string[]> => {
      const files: string[] = [];
      for (let i = 0; i < count; i++) {
        // Spread over directories, and a big one that chunks split between threads.
        const rel = i % 3 === 0 ? `big/f${i}.txt` : `d${i % 40}/f${i}.txt`;
        files.push(await write(rel, `file ${i}\n`));
      }
      return files;
    };

    it('a worker is made with a stdin of its own (so that its stdio streams are not made as it loads), and its stdin is never written', async () => {
      const pool = new WorkerPool(WORKER, 1);
      pool.start();
      try {
        const { worker } = pool.threads[0]!;
        expect(worker.stdin).not.toBeNull();
        expect(worker.stdin!.writableLength).toBe(0);
      } finally {
        await pool.terminate();
      }
    });

    it('share the files: every one created with its content, results in the order of the sources, the worker backed up some', async () => {
      const sources = await many(6000);
      await fs.chmod(sources[7]!, 0o600);
      const debug: string[] = [];
      const { results, stagingLeft } = await run(sources, {}, { threads: { script: WORKER, workers: 1 }, debug });
      expect(results.map(r => r.source)).toEqual(sources);
      expect(results.filter(r => r.status !== 'created')).toEqual([]);
      const byWorker = Number(/they backed up (\d+) of 6000 files/.exec(debug.join('\n'))?.[1]);
      expect({ debug, someByWorker: byWorker > 0 && byWorker < 6000 }).toEqual({ debug, someByWorker: true });
      for (const i of [0, 7, 2999, 5999]) {
        const r = results[i]!;
        expect(path.basename(r.backup!)).toBe(`${path.basename(sources[i]!)}-${STAMP}`);
        expect(await fs.readFile(r.backup!, 'utf8')).toBe(`file ${i}\n`);
      }
      expect((await fs.stat(results[7]!.backup!)).mode & 0o777).toBe(0o600);
      expect(stagingLeft!.filter(name => name.endsWith('.tmp') || name.endsWith('.dir'))).toEqual([]);
      // The re-run finds every file identical, with threads too.
      const again = await run(sources, {}, { threads: { script: WORKER, workers: 1 } });
      expect(again.results.filter(r => r.status !== 'identical')).toEqual([]);
      expect(again.results.map(r => r.backup)).toEqual(results.map(r => r.backup));
    });

    it('a worker that cannot start leaves its share to this thread', async () => {
      const sources = await many(1200);
      const debug: string[] = [];
      const { results } = await run(sources, {}, { threads: { script: path.join(root, 'no-such-worker.js'), workers: 1 }, debug });
      expect(results.filter(r => r.status !== 'created')).toEqual([]);
      expect(results.map(r => r.source)).toEqual(sources);
      expect(debug.join('\n')).toMatch(/backed up 0 of 1200 files/);
    });

    /** Backups on disk under the backup directory (not in staging). */
    const backupsOnDisk = async (): Promise<string[]> => (await tree(backupDir)).filter(rel => /-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}$/.test(rel));

    it('a run stopped before it starts gives the workers nothing: no backup is made, every file is cancelled', async () => {
      const sources = await many(3000);
      const controller = new AbortController();
      controller.abort(new AbortReason('cancelled', 'the run was cancelled'));
      const debug: string[] = [];
      const pool = new WorkerPool(WORKER, 1);
      pool.start(); // as the step does during the walk
      const { results } = await run(sources, {}, { signal: controller.signal, threads: pool, debug });
      expect(results.filter(r => r.status !== 'cancelled')).toEqual([]);
      expect(await backupsOnDisk()).toEqual([]);
      expect(debug.join('\n')).toMatch(/0 worker threads started/);
    });

    it('a worker that dies holding files: the others do not wait for its results, its files fail saying why, and what it left that cannot be cleaned is said', async () => {
      const sources = await many(6000);
      // A worker that takes a chunk of files at once and dies without a word about them,
      // leaving in its thread folder a journal of backup names that is not a file.
      const crasher = path.join(root, 'crashing-worker.mjs');
      await fs.writeFile(
        crasher,
        `import { mkdirSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
parentPort.once('message', ({ start }) => {
  mkdirSync(start.stagingDir + '/t' + start.slot + '/.bkpfile-reservations', { recursive: true });
  // Takes the next chunk as chunkQueue does (and says which), then dies.
  const chunk = Atomics.add(start.chunks.claimed, 0, 1);
  Atomics.store(start.chunks.current, start.slot, chunk + 1);
  throw new Error('worker crashed');
});`
      );
      const pool = new WorkerPool(crasher, 1);
      pool.start();
      await new Promise(resolve => setTimeout(resolve, 300)); // loaded, waiting for its work
      // Were the others to wait for ever, this stop ends the run (and the test fails).
      const guard = new AbortController();
      const timer = setTimeout(() => guard.abort(new AbortReason('timeout', 'waited for ever')), 30_000);
      const { results, warnings } = await run(sources, {}, { threads: pool, signal: guard.signal });
      clearTimeout(timer);
      expect(guard.signal.aborted).toBe(false);
      expect(warnings).toEqual([
        expect.stringMatching(
          /^A backup thread stopped before it finished, and what it left could not all be cleaned up: .*t1\/\.bkpfile-reservations: not a journal of this run$/
        )
      ]);
      expect(results.map(r => r.source)).toEqual(sources);
      const failedOnes = results.filter(r => r.status !== 'created');
      expect(failedOnes.length).toBeGreaterThan(0);
      expect(failedOnes.length).toBeLessThanOrEqual(256); // one chunk
      for (const r of failedOnes) expect(r).toMatchObject({ status: 'error', message: expect.stringMatching(/a backup thread failed: .*worker crashed/) });
    }, 60_000);

    it('on an abort, every file is created or cancelled, in order, and no thread leaves a temporary', async () => {
      const sources = await many(6000);
      const controller = new AbortController();
      const seen: FileResult[] = [];
      const resources = new ResourceManager();
      const staging = await StagingDir.create(backupDir, newRunIdentity(), resources);
      await backupFiles(sources, options(), {
        signal: controller.signal,
        resources,
        staging,
        threads: new WorkerPool(WORKER, 1),
        reporter: {
          fileDone: r => {
            seen.push(r);
            if (seen.length === 1500) controller.abort(new AbortReason('cancelled', 'the run was cancelled'));
          },
          warning: () => undefined
        }
      });
      expect(seen.map(r => r.source)).toEqual(sources);
      expect(seen.filter(r => r.status !== 'created' && r.status !== 'cancelled')).toEqual([]);
      expect(seen.filter(r => r.status === 'cancelled').length).toBeGreaterThan(0);
      // No temporary, and no folder of new backups (N.dir) left staged.
      const temps = (await fs.readdir(staging.dir, { recursive: true })).filter(name => name.endsWith('.tmp') || /\.dir(\/|$)/.test(name));
      expect(temps).toEqual([]);
      // The workers were told at once: none made a backup after the stop that it did not report.
      const created = seen.filter(r => r.status === 'created');
      for (const r of created) expect(existsSync(r.backup!)).toBe(true);
      expect((await backupsOnDisk()).length).toBe(created.length);
      await resources.cleanup();
    });
  });
});
