import * as core from '../action/actions-core.js';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { THREADS_MIN_FILES, backupFiles, type StagingUnavailable } from '../engine/backup-engine.js';
import { WorkerPool, defaultWorkerCount } from '../engine/backup-threads.js';
import { formatStamp } from '../engine/backup-name.js';
import { errorMessage, statusForError } from '../engine/fs-errors.js';
import type { ResourceManager } from '../engine/resource-manager.js';
import { ignoresCase } from '../engine/paths.js';
import { StagingDir, newRunIdentity, oncePerDirectory, stagingPath, type RunIdentity } from '../engine/staging.js';
import type { FileResult } from '../engine/status.js';
import { findFiles, type FoundFiles, type FoundSegment } from '../action/find-files.js';
import type { LargeFolders } from '../action/walk-files.js';
import { readSettings, type BackupSettings } from '../action/input-helper.js';
import { patternLines } from '../action/patterns.js';
import { MANIFEST_VERSION, manifestPath, manifestTempPath } from '../action/manifest.js';
import { BackupReport } from '../action/backup-report.js';
import { isPlainEntry, reportEntry } from '../action/run-report.js';
import type { StepOutcome } from '../action/step-outcome.js';
import type { RunControl } from '../action/run-control.js';
import { safeText } from '../action/safe-text.js';
import { saveCleanupState, saveExtraStagingDir, saveNoStagingDir } from '../action/state-helper.js';
import { Inputs } from '../action/constants.js';
import { StepLog } from '../action/step-log.js';
import { StepRuntime } from '../action/step-runtime.js';
import {
  HEAP_GROWING_PERCENT,
  NO_OPTIMIZING_COMPILER_FILES,
  forgoOptimizingCompiler,
  limitHeapGrowth,
  optimizingCompilerForgone
} from '../action/v8-tuning.js';

/**
 * The backup step: inputs -> find files -> back them up atomically -> clean up -> report.
 * Gives the step's outcome; the entry point reports it (the step's one setFailed).
 */
export async function run(): Promise<StepOutcome> {
  const startedAt = Date.now();
  const time = new Date();
  const workspace = path.resolve(process.env['GITHUB_WORKSPACE'] || process.cwd());

  // A mistake in the inputs throws an InputError before anything is written.
  const settings = await readSettings(name => core.getInput(name), workspace);
  await using step = new StepRuntime(settings.timeoutSeconds);
  const { resources, control } = step;

  core.debug(
    safeText(
      `workspace ${workspace}; backup-dir ${settings.backupDir} (from ${settings.backupDirFrom}${settings.configFile ? `, config ${settings.configFile}` : ''})`
    )
  );
  core.debug(safeText(`note ${settings.note ?? '(none)'}; dry-run ${settings.dryRun}; timeout ${settings.timeoutSeconds} s; keep ${settings.keep}`));

  // Before anything is created: what the post step needs to clean up after a SIGKILL.
  const identity = newRunIdentity();
  const stamp = formatStamp(time);
  const manifest = manifestPath(identity.runId, stamp);
  const manifestTemp = manifestTempPath(manifest, identity.token);
  saveCleanupState({ ...identity, stagingDir: stagingPath(settings.backupDir, identity.runId), manifestTemp });

  const report = new BackupReport(
    settings,
    {
      version: MANIFEST_VERSION,
      tool: 'bkpfile-action',
      runId: identity.runId,
      time: time.toISOString(),
      stamp,
      workspace,
      backupDir: settings.backupDir,
      note: settings.note ?? null,
      dryRun: settings.dryRun
    },
    manifest,
    manifestTemp,
    resources
  );
  const { noFilesFound, staging } = await backUp(settings, time, control, resources, identity, report);
  // The report first: the manifest's temporary is one of the resources cleanup removes.
  const stopped = control.stoppedBy ? { by: control.stoppedBy, reason: control.reason ?? control.stoppedBy } : undefined;
  const outcome = report.finish({ startedAt, noFilesFound, stopped });
  await resources.cleanup();
  if (staging instanceof StagingDir) staging.removeBackupDirIfEmpty();
  return outcome;
}

/**
 * Finds the files and backs them up; every file gets a result, whatever happens. Gives the
 * staging directory it made (for what the step does after cleanup). A walk that finds more
 * than SEGMENT_FILES files hands them on in segments: each is backed up while the walk
 * waits, so the list of paths held never grows with the tree.
 */
async function backUp(
  settings: BackupSettings,
  time: Date,
  control: RunControl,
  resources: ResourceManager,
  identity: RunIdentity,
  /** Takes every file's result as it is done. */
  report: BackupReport
): Promise<{ noFilesFound?: string; staging?: StagingDir | StagingUnavailable }> {
  const { signal } = control;
  // Worker threads take tens of milliseconds to load: the first pool starts as soon as the
  // walk has found enough files for it, and loads while the walk goes on. A pool serves one
  // segment (its workers end with it); a later segment gets a new one.
  const pools: WorkerPool[] = [];
  const newPool = (): WorkerPool | undefined => {
    // Said once, before the log's group (where workflow commands are off) is open.
    const pool = settings.dryRun ? undefined : backupThreads(pools.length === 0);
    if (pool) pools.push(pool);
    return pool;
  };
  // The first pool is made once the walk has found enough files to start it, or when files
  // are backed up: a step that finds none never makes one.
  let threads: WorkerPool | undefined;
  let firstPool: WorkerPool | undefined;
  let firstPoolMade = false;
  const firstPoolNow = (): WorkerPool | undefined => {
    if (!firstPoolMade) {
      firstPoolMade = true;
      threads = firstPool = newPool();
    }
    return firstPool;
  };
  // A long backup, whose time goes to system calls, runs leaner and faster without V8's
  // optimizing compiler (see forgoOptimizingCompiler), and leaner with its heap kept closer
  // to what is live (see limitHeapGrowth): from 5,000 files found, or before the walk reads
  // a folder of thousands of entries (Node's loop over them would be compiled meanwhile; a
  // folder of 16,000 files peaked at 101-104 MiB instead of 106-110 MiB so, one of 8,000 at
  // 96-100 MiB instead of 95-103 MiB, five runs each).
  const turnOptimizerOff = (why: string): void => {
    if (!forgoOptimizingCompiler()) return;
    limitHeapGrowth();
    const message = `${why}: V8's optimizing compiler is off from here on, and its heap grows by at most ${HEAP_GROWING_PERCENT}% between full collections, for a long backup`;
    if (log) log.debug(message);
    else core.debug(message);
  };
  const onFound = settings.dryRun
    ? undefined
    : (count: number): void => {
        if (count >= THREADS_MIN_FILES) firstPoolNow()?.start();
        if (count >= NO_OPTIMIZING_COMPILER_FILES) turnOptimizerOff(`${count} files found`);
      };
  const largeFolders: LargeFolders | undefined = settings.dryRun
    ? undefined
    : { watching: () => !optimizingCompilerForgone(), before: dir => turnOptimizerOff(safeText(`${dir} holds thousands of entries`)) };

  let staging: StagingDir | StagingUnavailable | undefined;
  // Staging directories on mounts inside the backup directory: made once for the run, for
  // every segment (each would fail to make one that an earlier segment made).
  const createStaging = oncePerDirectory(dir => {
    saveExtraStagingDir(stagingPath(dir, identity.runId));
    return StagingDir.create(dir, identity, resources);
  });
  // Whether the backup directory ignores case: looked at once, when the walk meets its first
  // file, and the same answer for the walk's case clashes and every segment's engine.
  let caseIgnored: boolean | undefined;
  const backupDirIgnoresCase = (): boolean => (caseIgnored ??= ignoresCase(settings.backupDir));
  let log: StepLog | undefined;
  const reporter = {
    fileDone(result: FileResult): void {
      const entry = reportEntry(settings.workspace, result);
      // Its paths scanned once for what the log and the JSON would escape: most have nothing.
      const plain = isPlainEntry(entry);
      log!.fileDone(entry, plain);
      report.add(entry, plain);
    },
    warning: (message: string) => log!.warning(message),
    debug: (message: string) => log!.debug(message)
  };

  /** Backs up what the walk found (all of it, or one segment while the walk waits). */
  const backUpFound = async ({ files, walked, problems }: FoundSegment, walkDone: boolean): Promise<void> => {
    const matched = `${files.length} files matched${walkDone ? '' : ' (one segment: the walk goes on)'}`;
    if (log) log.debug(matched);
    else core.debug(matched);
    if (files.length > 0) firstPoolNow(); // before the log's group opens: the pool says how many threads it may use
    if (!settings.dryRun && files.length > 0 && staging === undefined) staging = await makeStaging(settings, identity, resources, signal);
    if (log) {
      log.expectMore(files.length + problems.length);
    } else {
      log = new StepLog(files.length + problems.length, settings.keep);
      const what = walkDone ? `${files.length} file${files.length === 1 ? '' : 's'}` : `files (${files.length} found so far, the walk goes on)`;
      log.open(`${settings.dryRun ? 'Dry run: ' : ''}Backing up ${what} to ${settings.backupDir}`);
    }
    for (const p of problems) reporter.fileDone(p);
    if (files.length === 0) return;
    threads ??= newPool();
    try {
      await backupFiles(
        files,
        {
          workspace: settings.workspace,
          backupDir: settings.backupDir,
          note: settings.note,
          dryRun: settings.dryRun,
          keep: settings.keep,
          allowOutsideWorkspace: settings.allowOutsideWorkspace,
          followSymbolicLinks: settings.followSymbolicLinks,
          time
        },
        {
          signal,
          resources,
          staging,
          reporter,
          walked,
          threads,
          createStaging,
          ignoresCase: backupDirIgnoresCase(),
          // Every path the step uses is absolute, and it runs one backup at a time.
          workingDirectory: true
        }
      );
    } finally {
      threads = undefined; // its workers are done
    }
  };

  try {
    let found: FoundFiles;
    try {
      // Where the backup directory ignores case, files whose backups would meet under one
      // name there are found by the walk, for the whole run (a segment's engine sees only its own).
      found = await findFiles({
        ...settings,
        signal,
        onFound,
        ...(largeFolders ? { largeFolders } : {}),
        onSegment: segment => backUpFound(segment, false),
        ignoresCase: backupDirIgnoresCase
      });
    } catch (err) {
      if (signal.aborted) return { staging };
      throw err;
    }
    for (const { pattern, reason } of found.skippedExplicit) {
      const message = `${pattern} was named in '${Inputs.Path}' but is not backed up: ${reason}.`;
      if (log) log.warning(message);
      else core.warning(safeText(message));
    }
    if (signal.aborted) return { staging }; // stopped during the walk: the headline says so
    // Paths the walk could not enter get a status of their own; the others carry on.
    if (!log && found.files.length === 0 && found.problems.length === 0) {
      return { noFilesFound: `No files were found with the provided path: ${patternLines(settings.patterns).join(', ')}. No backups were made.` };
    }
    await backUpFound(found, true);
    return { staging };
  } finally {
    try {
      log?.close();
    } finally {
      await Promise.allSettled(pools.map(pool => pool[Symbol.asyncDispose]()));
    }
  }
}

/**
 * The staging directory in the backup directory, or why there is none: then nothing of it
 * is left (create removes what it made) and the post step is told so. Files identical to
 * their latest backup need no writing and are still reported; the others fail with this
 * reason in the log.
 */
async function makeStaging(
  settings: BackupSettings,
  identity: RunIdentity,
  resources: ResourceManager,
  signal: AbortSignal
): Promise<StagingDir | StagingUnavailable> {
  try {
    return await StagingDir.create(settings.backupDir, identity, resources);
  } catch (err) {
    saveNoStagingDir();
    return {
      status: statusForError(err, signal),
      message: `cannot write to the backup directory ${settings.backupDir}: ${errorMessage(err)}`
    };
  }
}

/**
 * The worker threads the backup may use: the bundled worker beside this step's bundle
 * (dist/backup-worker/index.js), on a machine with more than one CPU. `say`: tell the
 * debug log how many.
 */
function backupThreads(say: boolean): WorkerPool | undefined {
  const workers = defaultWorkerCount();
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'backup-worker', 'index.js');
  if (workers === 0 || !existsSync(script)) return undefined;
  if (say) core.debug(`up to ${workers} worker thread${workers === 1 ? '' : 's'} besides the main one, for ${THREADS_MIN_FILES} files or more (${script})`);
  return new WorkerPool(script, workers);
}
