// Benchmark of the bundled action against the plain tool doing the same work: `cp -a` for
// backups (and, with no goal, for a restore), `node -e 0` for start-up; and, as floors with
// no goal, the action's system calls for small files made from Node with nothing else
// around them (bench/floor.mjs, for a first backup and for an identical re-run), and the
// start-up of the dependencies' parts every step loads (bench/startup-floor.mjs). It runs
// dist/ exactly as the GitHub runner does (a fresh `node dist/main/index.js` per step,
// inputs as INPUT_* with action.yml's defaults, fresh file-command files), on trees it
// generates in a temporary directory and removes.
//
// A measurement, not a test: it is not part of `npm test`, and it exits 0 when a goal is
// missed. It exits 1 only when a run itself failed (non-zero exit, wrong output counts),
// because a broken run must never count as a fast one.
//
// Usage: node bench/run.mjs [--case NAME]... [--pairs N] [--large-size MiB]
//        (npm run bench -- --case startup --pairs 3)
// Env:   BKPFILE_BENCH_NODE  the Node binary to run the action with (default: Node 24 from
//                            .ci/node24, which npm ci installs, else the Node running this script)
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { clearInterval, setInterval } from 'node:timers';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MiB = 1024 * 1024;

// ─── Cases ─────────────────────────────────────────────────────────────────────────────
// fs: where the case runs. 'tmpfs' needs root (the bench mounts its own); 'tmpfs-if-root'
// falls back to disk. mode: 'first' = first backup into a fresh backup-dir each run;
// 'identical' = re-run into one backup-dir that already holds every file; 'dry-run';
// 'restore' = the restore action putting back every file (and folder) of the tree, deleted
// before each run, from one backup-dir that holds a backup of each.
const SMALL = { files: 20_000, dirs: 400, bytes: 4096 };
// Memory: the contract's "at most 100 MiB whatever the sizes" for backups, 128 MiB for the
// 100,000-file dry run.
const BACKUP_CASES = {
  'small-files': { tree: SMALL, mode: 'first', fs: 'disk', goal: { ratio: 1.3, rssMiB: 100 } },
  'small-files-identical': { tree: SMALL, mode: 'identical', fs: 'disk', goal: { ratio: 1.0, rssMiB: 100 } },
  'small-files-tmpfs': { tree: SMALL, mode: 'first', fs: 'tmpfs', goal: { ratio: 1.3, rssMiB: 100 } },
  'dry-run-100k': { tree: { files: 100_000, dirs: 1000, bytes: 1 }, mode: 'dry-run', fs: 'tmpfs-if-root', goal: { ratio: 0.5, rssMiB: 128 } },
  'large-file': { tree: { large: true }, mode: 'first', fs: 'disk', goal: { ratio: 1.1, rssMiB: 100 } },
  // The contract sets restore no time goal; the row shows where it stands against `cp -a`.
  'restore-tmpfs': { tree: SMALL, mode: 'restore', fs: 'tmpfs', goal: undefined }
};
/**
 * Time linear in files and in backups per directory: first backups of N, 2N and 4N files
 * in one directory (where a per-file scan of the directory would show as growth), and
 * identical re-runs of N files with 1, 16 and 64 backups of each in their directory (steps
 * large enough that the time they add stands well above the run-to-run swing).
 */
const SCALING = { files: 4000, factors: [1, 2, 4], bytes: 1024, backups: [1, 16, 64], slack: 1.1 };
/**
 * The floor under small-files-tmpfs (and, with --identical, under small-files-identical):
 * bench/floor.mjs makes the same system calls per file as the action, on as many threads as
 * the action would use, and nothing else. No goal: it shows how much of that case's ratio is
 * the runtime's and how much the action's own.
 */
const FLOOR = { tree: SMALL, script: path.join(ROOT, 'bench', 'floor.mjs') };
/** The cases that are not BACKUP_CASES, by name, in the order they run (functions below). */
const OTHER_CASES = { floor: floorCase, 'floor-identical': floorIdenticalCase, scaling: scalingCase, startup: startupCase };
const CASE_NAMES = [...Object.keys(BACKUP_CASES), ...Object.keys(OTHER_CASES)];
const STARTUP_GOAL = { ratio: 1.6 };
/**
 * The floor under start-up, with no goal: bench/startup-floor.mjs, bundled by ncc as the
 * action is, loads the same parts of @actions/core and @actions/glob and does the least a
 * step does with them (one Pattern, one debug line, one output).
 */
const STARTUP_FLOOR = { source: path.join(ROOT, 'bench', 'startup-floor.mjs'), ncc: path.join(ROOT, 'node_modules/@vercel/ncc/dist/ncc/cli.js') };
/** Inputs for start-up runs: a pattern that matches nothing, and no complaint about it. */
const NOTHING_MATCHED = { path: 'no-such-dir/**', 'if-no-files-found': 'ignore' };

// ─── Command line ──────────────────────────────────────────────────────────────────────
const USAGE = `Usage: node bench/run.mjs [--case NAME]... [--pairs N] [--large-size MiB]
  --case NAME       run only this case (repeatable); default all: ${CASE_NAMES.join(', ')}
  --pairs N         alternating (action, yardstick) pairs per case, at least 3; default 5
  --large-size MiB  size of the large-file case's file; default 1024
Env BKPFILE_BENCH_NODE: Node binary for the action (default Node 24 from .ci/node24, which npm ci
  installs, else this Node).`;

function usageError(message) {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

let opts;
try {
  opts = parseArgs({
    options: {
      case: { type: 'string', multiple: true },
      pairs: { type: 'string', default: '5' },
      'large-size': { type: 'string', default: '1024' },
      help: { type: 'boolean', short: 'h' }
    }
  }).values;
} catch (err) {
  usageError(err.message);
}
if (opts.help) {
  console.log(USAGE);
  process.exit(0);
}
const PAIRS = Number(opts.pairs);
if (!Number.isInteger(PAIRS) || PAIRS < 3) usageError(`--pairs must be a whole number of at least 3 (a median of fewer means little), got "${opts.pairs}".`);
const LARGE_MIB = Number(opts['large-size']);
if (!Number.isInteger(LARGE_MIB) || LARGE_MIB < 1) usageError(`--large-size must be a whole number of MiB, at least 1, got "${opts['large-size']}".`);
for (const name of opts.case ?? []) if (!CASE_NAMES.includes(name)) usageError(`Unknown case "${name}".`);
const SELECTED = CASE_NAMES.filter(name => !opts.case || opts.case.includes(name)); // always in the documented order

// ─── The action as action.yml describes it ─────────────────────────────────────────────
const ACTION = parseYaml(readFileSync(path.join(ROOT, 'action.yml'), 'utf8'));
const RESTORE_ACTION = parseYaml(readFileSync(path.join(ROOT, 'restore', 'action.yml'), 'utf8'));
const MAIN_SCRIPT = path.join(ROOT, ACTION.runs?.main ?? 'dist/main/index.js');
const RESTORE_SCRIPT = path.join(ROOT, 'restore', RESTORE_ACTION.runs?.main ?? '../dist/restore/index.js');
/**
 * Every other step's bundle (post, and restore/list when they exist), timed for start-up
 * only; not the backup's worker thread, which is no step (its start is part of a backup).
 */
const OTHER_BUNDLES = readdirSync(path.join(ROOT, 'dist'), { withFileTypes: true })
  .filter(e => e.isDirectory() && e.name !== 'backup-worker' && existsSync(path.join(ROOT, 'dist', e.name, 'index.js')))
  .map(e => path.join(ROOT, 'dist', e.name, 'index.js'))
  .filter(script => script !== MAIN_SCRIPT)
  .sort();

/** INPUT_<NAME> as the runner sets it: every input's default (of `action`), then the step's `with:`. */
function inputEnv(inputs, action = ACTION) {
  const env = {};
  const all = { ...Object.fromEntries(Object.entries(action.inputs ?? {}).map(([k, spec]) => [k, spec?.default])), ...inputs };
  for (const [name, value] of Object.entries(all)) {
    if (value !== undefined && value !== null) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = String(value);
  }
  return env;
}

/**
 * The environment of every timed process: this one's, minus what the runner sets per step
 * (so nothing leaks in from an outer job), and minus NODE_* variables, which change what
 * Node does at start-up on both sides of the comparison (NODE_EXTRA_CA_CERTS reads a CA
 * bundle before any code runs: +70 ms per process where this was written; NODE_OPTIONS,
 * NODE_V8_COVERAGE…). A hosted runner sets none of them.
 */
const DROPPED_ENV = Object.keys(process.env)
  .filter(k => /^NODE_/i.test(k))
  .sort();
const BASE_ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(INPUT_|STATE_|GITHUB_|NODE_)/i.test(k) && k !== 'RUNNER_TEMP'));

/** A file command file (GITHUB_OUTPUT) in the runner's format: `name<<DELIMITER` blocks, or name=value lines. */
function parseFileCommand(text) {
  const values = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const heredoc = line.indexOf('<<');
    const eq = line.indexOf('=');
    if (heredoc > 0 && (eq < 0 || heredoc < eq)) {
      const delimiter = line.slice(heredoc + 2);
      const value = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]);
      values[line.slice(0, heredoc)] = value.join('\n');
    } else if (eq > 0) {
      values[line.slice(0, eq)] = line.slice(eq + 1);
    }
  }
  return values;
}

// ─── Tools ─────────────────────────────────────────────────────────────────────────────
function run(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return { ok: r.status === 0, out: (r.stdout ?? '').trim(), err: (r.stderr ?? r.error?.message ?? '').trim() };
}

/** Node for the action: as the brief says, BKPFILE_BENCH_NODE, then .ci/node24's, then ours. */
function pickNode() {
  if (process.env.BKPFILE_BENCH_NODE) {
    if (!existsSync(process.env.BKPFILE_BENCH_NODE)) usageError(`BKPFILE_BENCH_NODE=${process.env.BKPFILE_BENCH_NODE} does not exist.`);
    return { bin: process.env.BKPFILE_BENCH_NODE, from: 'BKPFILE_BENCH_NODE' };
  }
  const node24 = path.join(ROOT, '.ci/node24/node_modules/node/bin', process.platform === 'win32' ? 'node.exe' : 'node');
  if (existsSync(node24)) return { bin: node24, from: '.ci/node24' };
  return { bin: process.execPath, from: 'the Node running the bench; action.yml names node24, which npm ci installs in .ci/node24' };
}
const NODE = pickNode();
NODE.version = run(NODE.bin, ['--version']).out || '(unknown version)';

/**
 * Peak RSS comes from GNU time's %M (the kernel's ru_maxrss of the waited-for process, exact
 * and free). Without it, on Linux, VmHWM (the kernel's own high-water mark) is polled from
 * /proc; that can miss growth in the last few milliseconds before exit. Action and yardstick
 * both run under GNU time, so its own fork and exec (about a millisecond) falls on both.
 */
const GNU_TIME = existsSync('/usr/bin/time') && run('/usr/bin/time', ['-f', '%M', '-o', '/dev/null', 'true']).ok ? '/usr/bin/time' : undefined;
const RSS_METHOD = GNU_TIME ? 'GNU time (/usr/bin/time -f %M)' : process.platform === 'linux' ? 'polling VmHWM in /proc/<pid>/status' : 'not available';

function fsType(dir) {
  const df = run('df', ['--output=fstype', dir]); // ext4 where `stat -f` only says ext2/ext3
  if (df.ok) return df.out.split('\n').pop().trim();
  const st = run('stat', ['-f', '-c', '%T', dir]);
  return st.ok ? st.out : 'unknown';
}

/**
 * ext4 without a journal (Linux shows journals in /proc/fs/jbd2). There the kernel will not
 * reuse an inode freed less than 60 s ago (300 s while its inode table is not yet written
 * back) and scans past every such inode each time it creates a file: for a few minutes
 * after many files are deleted, creating files costs up to ten times the CPU.
 */
function noJournal(dir) {
  if (process.platform !== 'linux' || fsType(dir) !== 'ext4') return false;
  const dev = statSync(dir).dev;
  const name = path.basename(readlinkSafe(`/sys/dev/block/${Math.floor(dev / 256) & 0xfff}:${(dev & 0xff) | ((dev >> 12) & 0xfff00)}`));
  const journals = existsSync('/proc/fs/jbd2') ? readdirSync('/proc/fs/jbd2') : [];
  return Boolean(name) && !journals.some(j => j.startsWith(`${name}-`));
}
function readlinkSafe(p) {
  try {
    return readlinkSync(p);
  } catch {
    return '';
  }
}

/**
 * Flush the dirty pages of every file system before a timed run, so one run's writeback is
 * not charged to the next: a tmpfs case runs after the disk's, whose backups the kernel
 * would otherwise write back during its pairs, on one of the two CPUs.
 */
function flush() {
  run('sync', []);
}

// ─── Scratch space and clean-up (also on error and on SIGINT/SIGTERM) ──────────────────
const TMP_ROOT = mkdtempSync(path.join(os.tmpdir(), 'bkpfile-bench-'));
const mounts = new Set();
let running; // the timed child process, if any
let cleanedUp = false;

const sleepSync = ms => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function killRunning() {
  if (!running) return;
  try {
    process.kill(-running.pid, 'SIGKILL'); // its own process group: GNU time *and* the node below it
  } catch {
    // already gone
  }
  running = undefined;
}

/** Unmounts a tmpfs we mounted; a just-killed child may hold it busy for a moment. */
function unmount(dir) {
  for (let i = 0; i < 40; i++) {
    if (run('umount', [dir]).ok) return mounts.delete(dir);
    sleepSync(50);
  }
  const lazy = run('umount', ['-l', dir]);
  if (lazy.ok) mounts.delete(dir);
  else console.error(`Could not unmount ${dir}: ${lazy.err}`);
}

function cleanup() {
  if (cleanedUp) return;
  cleanedUp = true;
  killRunning();
  for (const dir of [...mounts]) unmount(dir);
  if (mounts.size) {
    console.error(`Left ${TMP_ROOT} in place: something is still mounted in it.`);
  } else {
    rmSync(TMP_ROOT, { recursive: true, force: true, maxRetries: 5 });
    flush(); // written-back inode tables shorten the slow window endCase() describes from 5 minutes to 1
  }
}

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    console.error(`\n${sig}: stopping the run in progress and cleaning up.`);
    cleanup();
    process.exit(128 + os.constants.signals[sig]);
  });
}
process.on('exit', cleanup);

/** A directory for one case: on disk under os.tmpdir(), or on a tmpfs mounted here. */
function caseDir(name, where) {
  if (where === 'disk') return { dir: mkdtempSync(path.join(TMP_ROOT, `${name}-`)), label: `disk (${os.tmpdir()}, ${fsType(TMP_ROOT)})` };
  const dir = path.join(TMP_ROOT, `${name}-tmpfs`);
  mkdirSync(dir);
  const m = run('mount', ['-t', 'tmpfs', '-o', 'size=2g', 'tmpfs', dir]);
  if (!m.ok) {
    rmSync(dir, { recursive: true, force: true });
    throw new Skip(`mount -t tmpfs failed: ${m.err}`);
  }
  mounts.add(dir);
  return { dir, label: 'tmpfs (size=2g, mounted by the bench)' };
}

/**
 * Ends a case: a tmpfs is unmounted and removed at once. A case on disk stays until the
 * bench ends (cleanup() removes it with everything else): on ext4 without a journal, as on
 * the machine this was written on, the kernel avoids reusing inodes freed in the last
 * minute or so and scans past them on every file it creates, so deleting tens of thousands
 * of files makes the next case's runs pay seconds of kernel CPU for it.
 */
function endCase({ dir }) {
  if (!mounts.has(dir)) return;
  unmount(dir);
  if (!mounts.has(dir)) rmSync(dir, { recursive: true, force: true });
}

class Skip extends Error {}
/** A run that failed: the bench exits 1 with this reason. */
class RunFailure extends Error {}

// ─── Trees ─────────────────────────────────────────────────────────────────────────────
/** `files` files of `bytes` bytes spread over `dirs` directories: one shared buffer, synchronous writes (fast). */
function makeTree(dir, { files, dirs, bytes }) {
  const data = randomBytes(bytes);
  const perDir = Math.ceil(files / dirs);
  for (let d = 0, n = 0; d < dirs && n < files; d++) {
    const sub = path.join(dir, `d${String(d).padStart(4, '0')}`);
    mkdirSync(sub, { recursive: true });
    for (let f = 0; f < perDir && n < files; f++, n++) writeFileSync(path.join(sub, `f${String(n).padStart(6, '0')}.dat`), data);
  }
}

/** Real data, not sparse: one random MiB written over and over. */
function makeLargeFile(file, mib) {
  mkdirSync(path.dirname(file), { recursive: true });
  const block = randomBytes(MiB);
  const fd = openSync(file, 'w');
  try {
    for (let i = 0; i < mib; i++) {
      for (let off = 0; off < block.length;) off += writeSync(fd, block, off, block.length - off);
    }
  } finally {
    closeSync(fd);
  }
}

// ─── Timing ────────────────────────────────────────────────────────────────────────────
/** Keeps the last `max` bytes of a stream, for error reports (a 100k-file log is megabytes). */
class Tail {
  constructor(max = 64 * 1024) {
    this.max = max;
    this.chunks = [];
    this.size = 0;
  }
  push(chunk) {
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.size - this.chunks[0].length >= this.max) this.size -= this.chunks.shift().length;
  }
  text() {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

let rssSeq = 0;
/**
 * Runs one command and measures whole-process wall time (spawn to exit, as the runner
 * waits for it) and peak RSS. Output is piped and drained, as the runner does. The child
 * gets its own process group so a signal to the bench can stop all of it.
 */
function measure(argv, { cwd, env }) {
  return new Promise((resolve, reject) => {
    const rssFile = GNU_TIME && path.join(TMP_ROOT, `rss-${++rssSeq}`);
    const full = GNU_TIME ? [GNU_TIME, '-f', '%M', '-o', rssFile, ...argv] : argv;
    const out = new Tail();
    const err = new Tail();
    let hwmKiB = 0;
    let poll;
    let end;
    const start = process.hrtime.bigint();
    const child = spawn(full[0], full.slice(1), { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    running = child;
    if (!GNU_TIME && process.platform === 'linux') {
      poll = setInterval(() => {
        try {
          const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
          if (m) hwmKiB = Math.max(hwmKiB, Number(m[1]));
        } catch {
          // exited between ticks
        }
      }, 5);
    }
    child.stdout.on('data', d => out.push(d));
    child.stderr.on('data', d => err.push(d));
    child.on('error', reject);
    child.on('exit', () => (end = process.hrtime.bigint()));
    child.on('close', (code, signal) => {
      clearInterval(poll);
      if (running === child) running = undefined;
      let rssKiB = hwmKiB || null;
      if (rssFile) {
        try {
          // The last line is %M; GNU time puts "Command exited with non-zero status N" above it.
          const last = readFileSync(rssFile, 'utf8').trim().split('\n').pop();
          rssKiB = /^\d+$/.test(last) ? Number(last) : null;
          rmSync(rssFile, { force: true });
        } catch {
          rssKiB = null;
        }
      }
      resolve({ ms: Number((end ?? process.hrtime.bigint()) - start) / 1e6, code, signal, rssKiB, stdout: out.text(), stderr: err.text() });
    });
  });
}

/** One timed copy into the fresh `dest` (`argv(dest)` makes it), which must exit 0: a failed copy is never a fast one. */
async function timedCopy(what, dir, argv, dest) {
  flush();
  const r = await measure(argv(dest), { cwd: dir, env: BASE_ENV });
  if (r.code !== 0) throw failure(what, r, 'failed');
  return r;
}

/** One step of the action: fresh GITHUB_OUTPUT/STATE/STEP_SUMMARY (existing, empty) and a fresh RUNNER_TEMP. */
async function runAction(script, { workspace, scratch, inputs, action = ACTION }) {
  const dir = mkdtempSync(path.join(scratch, 'runner-'));
  const files = {
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_STATE: path.join(dir, 'state'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md')
  };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const temp = path.join(dir, 'temp');
  mkdirSync(temp);
  const env = { ...BASE_ENV, ...inputEnv(inputs, action), ...files, GITHUB_WORKSPACE: workspace, RUNNER_TEMP: temp, GITHUB_ACTIONS: 'true' };
  flush();
  const r = await measure([NODE.bin, script], { cwd: workspace, env });
  r.outputs = parseFileCommand(readFileSync(files.GITHUB_OUTPUT, 'utf8'));
  r.runnerDir = dir;
  return r;
}

/** Why a run failed, with what it printed last (its ::error:: lines first). */
function failure(what, r, problem) {
  const errors = `${r.stdout}\n${r.stderr}`
    .split('\n')
    .filter(l => /^::error/.test(l.trim()))
    .slice(-5);
  const tail = r.stderr.trim().split('\n').slice(-10).join('\n');
  return new RunFailure(
    `${what} ${problem} (exit ${r.code ?? r.signal}).` +
      (errors.length ? `\n  ${errors.join('\n  ')}` : '') +
      (tail ? `\n  stderr:\n  ${tail.replace(/\n/g, '\n  ')}` : '')
  );
}

/** Exit 0 and the outputs the work implies; anything else means the timing is worthless. */
function check(what, r, expected) {
  if (r.code !== 0) throw failure(what, r, 'did not exit 0');
  for (const [name, value] of Object.entries(expected)) {
    if (r.outputs[name] !== String(value)) throw failure(what, r, `reported ${name}=${r.outputs[name] ?? '(nothing)'} instead of ${value}`);
  }
}

// ─── Statistics and formatting ─────────────────────────────────────────────────────────
const median = xs => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const stats = xs => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });
const fmtTime = ms => (ms < 1000 ? `${ms.toFixed(1)} ms` : `${(ms / 1000).toFixed(2)} s`);
const fmtRss = kib => (kib == null ? 'n/a' : `${(kib / 1024).toFixed(0)} MiB`);
const fmtRatio = r => `${r.toFixed(2)}×`;
const fmtGoal = g => (g ? [`≤ ${g.ratio.toFixed(1)}×`, g.rssMiB && `≤ ${g.rssMiB} MiB`].filter(Boolean).join(', ') : '—');

// ─── The pair loop ─────────────────────────────────────────────────────────────────────
/**
 * Alternates action and yardstick runs, so drift in the machine's state (other load, page
 * cache, thermal) falls on both alike. `action(i)` and `yardstick(i)` run and check one
 * timed run each, and clean up after themselves outside the timing.
 */
async function pairs(label, yardLabel, action, yardstick) {
  const a = [];
  const y = [];
  for (let i = 0; i < PAIRS; i++) {
    const ar = await action(i);
    const yr = await yardstick(i);
    a.push(ar);
    y.push(yr);
    console.log(
      `  pair ${i + 1}/${PAIRS}: ${label} ${fmtTime(ar.ms)}, peak RSS ${fmtRss(ar.rssKiB)}` +
        (ar.code ? ` (exit ${ar.code ?? ar.signal})` : '') +
        ` | ${yardLabel} ${fmtTime(yr.ms)}`
    );
  }
  const rss = a.map(r => r.rssKiB).filter(v => v != null);
  return {
    action: stats(a.map(r => r.ms)),
    yard: stats(y.map(r => r.ms)),
    rssKiB: rss.length ? median(rss) : null,
    exitCodes: [...new Set(a.map(r => r.code ?? r.signal))]
  };
}

/** Prints one case's result and returns its table row. */
function report(name, what, yardLabel, m, goal, who = 'action') {
  const ratio = m.action.median / m.yard.median;
  const timeOk = goal ? ratio <= goal.ratio : undefined;
  const rssOk = goal?.rssMiB ? m.rssKiB != null && m.rssKiB / 1024 <= goal.rssMiB : undefined;
  const line = (who, s) =>
    `  ${who.padEnd(11)} median ${fmtTime(s.median).padStart(9)}   min ${fmtTime(s.min).padStart(9)}   max ${fmtTime(s.max).padStart(9)}`;
  console.log(line(who, m.action));
  console.log(line(yardLabel, m.yard));
  console.log(`  ratio of medians ${fmtRatio(ratio)}${goal ? ` (goal ≤ ${goal.ratio.toFixed(1)}×)  ${timeOk ? 'PASS' : 'MISS'}` : ' (no goal)'}`);
  console.log(`  peak RSS of the ${who}, median ${fmtRss(m.rssKiB)}${goal?.rssMiB ? ` (goal ≤ ${goal.rssMiB} MiB)  ${rssOk ? 'PASS' : 'MISS'}` : ''}`);
  if (m.exitCodes.some(c => c !== 0)) console.log(`  exit code(s) of the ${who}: ${m.exitCodes.join(', ')}`);
  let within = '—';
  if (goal) {
    const missed = [timeOk === false && 'time', rssOk === false && 'RSS'].filter(Boolean);
    within = missed.length ? `no (${missed.join(', ')})` : 'yes';
  }
  const exit = m.exitCodes.some(c => c !== 0) ? ` (exit ${m.exitCodes.join(', ')})` : '';
  return [name, `${fmtTime(m.action.median)}${exit}`, `${fmtTime(m.yard.median)} (\`${yardLabel}\`)`, fmtRatio(ratio), fmtRss(m.rssKiB), fmtGoal(goal), within];
}

// ─── Backup cases ──────────────────────────────────────────────────────────────────────
async function backupCase(name) {
  const spec = BACKUP_CASES[name];
  const large = Boolean(spec.tree.large);
  const count = large ? 1 : spec.tree.files;
  const what = large
    ? `one ${LARGE_MIB} MiB file, first backup`
    : `${count.toLocaleString('en')} files × ${spec.tree.bytes} B in ${spec.tree.dirs} directories, ${{ identical: 'identical re-run', 'dry-run': 'dry run', restore: 'restore' }[spec.mode] ?? 'first backup'}`;

  let where = spec.fs;
  const isRoot = process.getuid?.() === 0;
  if (where === 'tmpfs' && !isRoot) throw new Skip('not root, so no tmpfs can be mounted');
  if (where === 'tmpfs-if-root') {
    where = isRoot ? 'tmpfs' : 'disk';
    if (!isRoot) console.log(`  (${name}: not root, so no tmpfs: on disk instead)`);
  }
  let place;
  try {
    place = caseDir(name, where);
  } catch (err) {
    if (!(err instanceof Skip) || spec.fs === 'tmpfs') throw err;
    console.log(`  (${err.message}; running on disk instead)`);
    place = caseDir(name, 'disk');
  }
  console.log(`${name}: ${what}; on ${place.label}`);

  try {
    // <case>/ws is GITHUB_WORKSPACE, with the files in ws/tree (input path "tree") and the
    // backup dirs in ws/.bk-N. Yardstick copies go to <case>/cp-N, on the same filesystem.
    const workspace = path.join(place.dir, 'ws');
    const tree = path.join(workspace, 'tree');
    const t0 = Date.now();
    if (large) makeLargeFile(path.join(tree, 'big.bin'), LARGE_MIB);
    else makeTree(tree, spec.tree);
    // A restore's yardstick copies the backups, the files it reads.
    const restoreBackups = path.join(workspace, '.bk-restore');
    const cpSource = large ? path.join(tree, 'big.bin') : spec.mode === 'restore' ? path.join(restoreBackups, 'tree') : tree;
    console.log(`  generated in ${fmtTime(Date.now() - t0)}`);

    // Destinations (backup dirs, cp -a copies) are fresh for every run and removed outside
    // the timing: on tmpfs (its space is memory) and for the single large file (one inode,
    // 1 GiB) at once; trees on disk only when the bench ends, for the reason endCase() gives
    // (a deletion would slow whichever run came next).
    const removeNow = where !== 'disk' || large;
    const done = dir => removeNow && rmSync(dir, { recursive: true, force: true });

    const inputs = bk => ({ path: 'tree', 'backup-dir': bk, ...(spec.mode === 'dry-run' ? { 'dry-run': 'true' } : {}) });
    const runOnce = (what, bk, expected) => async () => {
      const r = await runAction(MAIN_SCRIPT, { workspace, scratch: place.dir, inputs: inputs(bk) });
      check(what, r, expected);
      return r;
    };

    let action;
    if (spec.mode === 'identical') {
      // One untimed first backup; every timed run then finds all files identical to it.
      const bk = path.join(workspace, '.bk-identical');
      const first = await runOnce('The first (untimed) backup', bk, { created: count, identical: 0, failed: 0 })();
      rmSync(first.runnerDir, { recursive: true, force: true });
      action = async i => {
        const r = await runOnce(`Action run ${i + 1}`, bk, { created: 0, identical: count, failed: 0 })();
        rmSync(r.runnerDir, { recursive: true, force: true });
        return r;
      };
    } else if (spec.mode === 'restore') {
      // One untimed first backup; before each timed restore the tree is deleted (untimed),
      // files and folders, and every run puts all of it back.
      const first = await runOnce('The first (untimed) backup', restoreBackups, { created: count, identical: 0, failed: 0 })();
      rmSync(first.runnerDir, { recursive: true, force: true });
      action = async i => {
        rmSync(tree, { recursive: true, force: true });
        const r = await runAction(RESTORE_SCRIPT, {
          workspace,
          scratch: place.dir,
          inputs: { path: 'tree', 'backup-dir': restoreBackups },
          action: RESTORE_ACTION
        });
        check(`Restore run ${i + 1}`, r, { restored: count, identical: 0, failed: 0 });
        rmSync(r.runnerDir, { recursive: true, force: true });
        return r;
      };
    } else if (spec.mode === 'dry-run') {
      action = async i => {
        const bk = path.join(workspace, `.bk-${i}`);
        const r = await runOnce(`Action run ${i + 1}`, bk, { created: 0, identical: 0, failed: 0 })();
        // The manifest must list every file as would-create, and nothing may be written.
        if (!r.outputs.manifest || !existsSync(r.outputs.manifest)) throw failure(`Action run ${i + 1}`, r, 'wrote no manifest');
        const manifest = JSON.parse(readFileSync(r.outputs.manifest, 'utf8'));
        const would = manifest.files.filter(f => f.status === 'would-create').length;
        if (would !== count) throw failure(`Action run ${i + 1}`, r, `listed ${would} of ${count} files as would-create`);
        if (existsSync(bk)) throw failure(`Action run ${i + 1}`, r, `created ${bk} in a dry run`);
        rmSync(r.runnerDir, { recursive: true, force: true });
        return r;
      };
    } else {
      action = async i => {
        const bk = path.join(workspace, `.bk-${i}`);
        const r = await runOnce(`Action run ${i + 1}`, bk, { created: count, identical: 0, failed: 0 })();
        done(bk);
        rmSync(r.runnerDir, { recursive: true, force: true });
        return r;
      };
    }
    const yardstick = async i => {
      const dest = path.join(place.dir, `cp-${i}`);
      const r = await timedCopy(`cp -a run ${i + 1}`, place.dir, d => ['cp', '-a', cpSource, d], dest);
      done(dest);
      return r;
    };
    return [report(name, what, 'cp -a', await pairs('action', 'cp -a', action, yardstick), spec.goal)];
  } finally {
    endCase(place);
  }
}

// ─── Floor ─────────────────────────────────────────────────────────────────────────────
/** The action's threads: this one and a worker per further CPU, at most 3 (backup-threads.ts). */
const actionThreads = () => 1 + Math.max(0, Math.min(os.availableParallelism() - 1, 3));

async function floorCase() {
  if (process.getuid?.() !== 0) throw new Skip('not root, so no tmpfs can be mounted (it compares with small-files-tmpfs)');
  const place = caseDir('floor', 'tmpfs');
  const threads = actionThreads();
  const { files, dirs, bytes } = FLOOR.tree;
  console.log(
    `floor: ${files.toLocaleString('en')} files × ${bytes} B in ${dirs} directories, the action's 9 system calls per file (and a rename per folder) and nothing else, on ${threads} thread${threads === 1 ? '' : 's'}; on ${place.label}`
  );
  try {
    const tree = path.join(place.dir, 'tree');
    makeTree(tree, FLOOR.tree);
    /** One timed copy of the tree to a fresh destination, checked, then removed. */
    const copy = (what, argv, check) => async i => {
      const dest = path.join(place.dir, `${what}-${i}`);
      const r = await timedCopy(`${what} run ${i + 1}`, place.dir, argv, dest);
      check?.(r, i);
      rmSync(dest, { recursive: true, force: true });
      return r;
    };
    const floor = copy(
      'floor',
      dest => [NODE.bin, FLOOR.script, tree, dest, String(threads)],
      (r, i) => {
        if (r.stdout.trim() !== String(files)) throw failure(`floor run ${i + 1}`, r, `copied ${r.stdout.trim() || 'no'} files instead of ${files}`);
      }
    );
    const m = await pairs(
      'floor',
      'cp -a',
      floor,
      copy('cp', dest => ['cp', '-a', tree, dest])
    );
    return [report(`floor (small-files-tmpfs's calls alone, ${threads} thread${threads === 1 ? '' : 's'})`, '', 'cp -a', m, undefined, 'floor')];
  } finally {
    endCase(place);
  }
}

/**
 * The floor under the identical re-run, with no goal: bench/floor.mjs --identical makes the
 * identical re-run's 8 system calls per file (and a readdir of each folder and of its
 * backups), nothing else, against `cp -a` of the same tree, on the disk as the identical
 * row is. The backups it compares with are made by one untimed run of the action.
 */
async function floorIdenticalCase() {
  const place = caseDir('floor-identical', 'disk');
  const threads = actionThreads();
  const { files, dirs, bytes } = FLOOR.tree;
  console.log(
    `floor-identical: ${files.toLocaleString('en')} files × ${bytes} B in ${dirs} directories, the identical re-run's 8 system calls per file and nothing else, on ${threads} thread${threads === 1 ? '' : 's'}; on ${place.label}`
  );
  try {
    const workspace = path.join(place.dir, 'ws');
    const tree = path.join(workspace, 'tree');
    makeTree(tree, FLOOR.tree);
    const bk = path.join(workspace, '.bk-identical');
    const first = await runAction(MAIN_SCRIPT, { workspace, scratch: place.dir, inputs: { path: 'tree', 'backup-dir': bk } });
    check('The first (untimed) backup', first, { created: files, identical: 0, failed: 0 });
    rmSync(first.runnerDir, { recursive: true, force: true });
    const floor = async i => {
      const r = await timedCopy(
        `floor run ${i + 1}`,
        place.dir,
        () => [NODE.bin, FLOOR.script, '--identical', tree, path.join(bk, 'tree'), String(threads)],
        undefined
      );
      if (r.stdout.trim() !== String(files)) throw failure(`floor run ${i + 1}`, r, `found ${r.stdout.trim() || 'no'} files identical instead of ${files}`);
      return r;
    };
    // Copies stay until the bench ends, as the identical row's do (see endCase).
    const yardstick = i => timedCopy(`cp -a run ${i + 1}`, place.dir, d => ['cp', '-a', tree, d], path.join(place.dir, `cp-${i}`));
    const m = await pairs('floor', 'cp -a', floor, yardstick);
    return [report(`floor (small-files-identical's calls alone, ${threads} thread${threads === 1 ? '' : 's'})`, '', 'cp -a', m, undefined, 'floor')];
  } finally {
    endCase(place);
  }
}

// ─── Scaling ───────────────────────────────────────────────────────────────────────────
async function scalingCase() {
  const isRoot = process.getuid?.() === 0;
  const place = caseDir('scaling', isRoot ? 'tmpfs' : 'disk');
  const { files: N, factors, bytes, backups, slack } = SCALING;
  console.log(`scaling: ${factors.map(f => (f * N).toLocaleString('en')).join(', ')} files × ${bytes} B in one directory; on ${place.label}`);
  try {
    const rows = [];
    // ── Files: first backups of N, 2N, 4N files, each size paired with cp -a of the same tree.
    const sizes = factors.map(f => {
      const workspace = path.join(place.dir, `ws-${f}`);
      makeTree(path.join(workspace, 'tree'), { files: f * N, dirs: 1, bytes }); // all in tree/d0000
      return { count: f * N, workspace, action: [], yard: [], rss: [] };
    });
    for (let i = 0; i < PAIRS; i++) {
      for (const size of sizes) {
        const bk = path.join(size.workspace, `.bk-${i}`);
        const r = await runAction(MAIN_SCRIPT, { workspace: size.workspace, scratch: place.dir, inputs: { path: 'tree', 'backup-dir': bk } });
        check(`Action run ${i + 1} (${size.count} files)`, r, { created: size.count, identical: 0, failed: 0 });
        rmSync(r.runnerDir, { recursive: true, force: true });
        if (i > 0) rmSync(bk, { recursive: true, force: true }); // .bk-0 stays for the re-runs below
        const dest = path.join(place.dir, `cp-${size.count}-${i}`);
        const y = await timedCopy(`cp -a run ${i + 1}`, place.dir, d => ['cp', '-a', path.join(size.workspace, 'tree'), d], dest);
        rmSync(dest, { recursive: true, force: true });
        size.action.push(r.ms);
        size.yard.push(y.ms);
        if (r.rssKiB != null) size.rss.push(r.rssKiB);
        console.log(`  pair ${i + 1}/${PAIRS}, ${size.count} files: action ${fmtTime(r.ms)} | cp -a ${fmtTime(y.ms)}`);
      }
    }
    for (const size of sizes) {
      const m = { action: stats(size.action), yard: stats(size.yard), rssKiB: size.rss.length ? median(size.rss) : null, exitCodes: [0] };
      rows.push(report(`scaling: ${size.count.toLocaleString('en')} files in one directory`, '', 'cp -a', m, undefined));
    }
    const [small, , big] = sizes;
    const perFile = (size, key) => median(size[key]) / size.count;
    const growth = perFile(big, 'action') / perFile(small, 'action');
    const linearFiles = growth <= slack;
    console.log(
      `  time per file at ${big.count} files vs ${small.count}: action ${fmtRatio(growth)}, cp -a ${fmtRatio(perFile(big, 'yard') / perFile(small, 'yard'))}` +
        ` (linear or better when ≤ ${fmtRatio(slack)})  ${linearFiles ? 'PASS' : 'MISS'}`
    );
    rows.push([
      `scaling: files, ${small.count.toLocaleString('en')} → ${big.count.toLocaleString('en')}`,
      `${fmtRatio(median(big.action) / median(small.action))} the time`,
      `${fmtRatio(median(big.yard) / median(small.yard))} (\`cp -a\`)`,
      `${fmtRatio(growth)} per file`,
      '',
      `≤ ${fmtRatio(slack)} per file`,
      linearFiles ? 'yes' : 'no'
    ]);

    // ── Backups per directory: identical re-runs of N files with k backups of each file in
    // their directory (the first backup, .bk-0, plus k-1 older ones named as bkpfile would).
    const base = sizes[0];
    const bk = path.join(base.workspace, '.bk-0');
    const mirror = path.join(bk, 'tree', 'd0000');
    const older = Buffer.alloc(0); // older backups are listed, never read: empty ones will do
    const times = [];
    let present = 1;
    for (const k of backups) {
      for (; present < k; present++) {
        const stamp = `2025-01-${String(1 + Math.floor(present / 60)).padStart(2, '0')}-00-${String(present % 60).padStart(2, '0')}`;
        for (let n = 0; n < base.count; n++) writeFileSync(path.join(mirror, `f${String(n).padStart(6, '0')}.dat-${stamp}`), older);
      }
      const t = [];
      for (let i = 0; i < PAIRS; i++) {
        const r = await runAction(MAIN_SCRIPT, { workspace: base.workspace, scratch: place.dir, inputs: { path: 'tree', 'backup-dir': bk } });
        check(`Re-run ${i + 1} with ${k} backups per file`, r, { created: 0, identical: base.count, failed: 0 });
        rmSync(r.runnerDir, { recursive: true, force: true });
        t.push(r.ms);
      }
      times.push(median(t));
      console.log(
        `  identical re-run, ${base.count} files with ${k} backup${k === 1 ? '' : 's'} each (${(base.count * (k + 1)).toLocaleString('en')} entries in the directory): median ${fmtTime(median(t))}`
      );
    }
    // The cost of each further backup listed, in the first step of k and in the last: it
    // must not grow with k (a cost per backup that grows means worse than linear).
    const perBackup = backups.slice(1).map((k, j) => (times[j + 1] - times[j]) / ((k - backups[j]) * base.count));
    const [first, last] = [perBackup[0], perBackup[perBackup.length - 1]];
    // Noise floor: differences below 2 µs per backup listed are within the run-to-run swing.
    const linearBackups = last <= Math.max(2 * first, 2e-3);
    const us = ms => `${(ms * 1000).toFixed(2)} µs`;
    console.log(
      `  each further backup in the directory costs ${perBackup.map(us).join(', then ')} per file` +
        ` (linear when the last is at most twice the first, or under 2 µs)  ${linearBackups ? 'PASS' : 'MISS'}`
    );
    rows.push([
      `scaling: backups per file, ${backups[0]} → ${backups[backups.length - 1]} (${base.count.toLocaleString('en')} files)`,
      `${fmtTime(times[0])} → ${fmtTime(times[times.length - 1])}`,
      '',
      `${perBackup.map(us).join(' → ')} per backup`,
      '',
      'not growing',
      linearBackups ? 'yes' : 'no'
    ]);
    return rows;
  } finally {
    endCase(place);
  }
}

// ─── Start-up ──────────────────────────────────────────────────────────────────────────
async function startupCase() {
  const place = caseDir('startup', 'disk');
  const workspace = path.join(place.dir, 'ws');
  mkdirSync(workspace);
  console.log(`startup: nothing matched (path "${NOTHING_MATCHED.path}", if-no-files-found: ignore) vs node -e 0; on ${place.label}`);
  try {
    const yardstick = async i => {
      const r = await measure([NODE.bin, '-e', '0'], { cwd: workspace, env: BASE_ENV });
      if (r.code !== 0) throw failure(`node -e 0 run ${i + 1}`, r, 'failed');
      return r;
    };
    const bundleRun = (script, strict) => async i => {
      const r = await runAction(script, { workspace, scratch: place.dir, inputs: NOTHING_MATCHED });
      if (strict) check(`Action run ${i + 1}`, r, { created: 0, identical: 0, failed: 0 });
      rmSync(r.runnerDir, { recursive: true, force: true });
      return r;
    };
    // One untimed run of each first: the first exec of a binary pays for reading it from disk.
    await yardstick(0);
    for (const script of [MAIN_SCRIPT, ...OTHER_BUNDLES]) await bundleRun(script, false)(0);

    const rows = [report('startup', 'nothing matched', 'node -e 0', await pairs('action', 'node -e 0', bundleRun(MAIN_SCRIPT, true), yardstick), STARTUP_GOAL)];
    // After the action's row; a floor that cannot be built or run costs only its own row.
    try {
      rows.push(await startupFloorRow(workspace, place.dir, yardstick));
    } catch (err) {
      if (!(err instanceof RunFailure)) throw err;
      console.log(`startup floor: not measured: ${err.message}`);
    }
    // The other bundles: time and ratio only. They may refuse these inputs (post has no
    // state to clean up); a non-zero exit is reported, not treated as a failure.
    for (const script of OTHER_BUNDLES) {
      const rel = path.relative(ROOT, script);
      console.log(`startup (${rel}): no state, inputs as for main`);
      rows.push(report(`startup: ${rel}`, '', 'node -e 0', await pairs(rel, 'node -e 0', bundleRun(script, false), yardstick), undefined));
    }
    return rows;
  } finally {
    endCase(place);
  }
}

/** The start-up floor's row: bench/startup-floor.mjs bundled, timed against the same yardstick. */
async function startupFloorRow(workspace, scratch, yardstick) {
  const script = bundleStartupFloor(scratch);
  const floorRun = async i => {
    const r = await runAction(script, { workspace, scratch, inputs: NOTHING_MATCHED });
    if (r.code !== 0 || r.outputs.count !== '0') throw failure(`Start-up floor run ${i + 1}`, r, 'did not exit 0 with its output');
    rmSync(r.runnerDir, { recursive: true, force: true });
    return r;
  };
  await floorRun(0); // untimed, as for the bundles
  console.log(`startup floor: ${path.relative(ROOT, STARTUP_FLOOR.source)} bundled by ncc (the dependencies' parts every step loads, one output)`);
  const m = await pairs('floor', 'node -e 0', floorRun, yardstick);
  return report("startup floor (core's file-command and glob's Pattern alone)", '', 'node -e 0', m, undefined, 'floor');
}

/**
 * bench/startup-floor.mjs bundled by ncc into dir as scripts/bundle.mjs makes the action's
 * bundles (CommonJS, from a CommonJS entry that requires it); its path.
 */
function bundleStartupFloor(dir) {
  const out = path.join(dir, 'startup-floor');
  const entry = path.join(dir, 'startup-floor-entry.cjs');
  writeFileSync(entry, `require(${JSON.stringify(STARTUP_FLOOR.source)});\n`);
  const r = spawnSync(process.execPath, [STARTUP_FLOOR.ncc, 'build', entry, '-o', out, '--quiet'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0)
    throw new RunFailure(
      `Bundling ${path.relative(ROOT, STARTUP_FLOOR.source)} with ncc failed (exit ${r.status ?? r.signal}).\n  ${(r.stderr || r.error?.message || '').trim()}`
    );
  return path.join(out, 'index.cjs');
}

// ─── Main ──────────────────────────────────────────────────────────────────────────────
const cpus = os.cpus();
const machine = `${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}`;
console.log(`Machine:        ${machine}`);
console.log(
  `Load average:   ${os
    .loadavg()
    .map(l => l.toFixed(2))
    .join(' ')} (other work on the machine adds noise)`
);
console.log(`Action runtime: ${NODE.bin} ${NODE.version} (from ${NODE.from})`);
console.log(`Temp dir:       ${os.tmpdir()} (${fsType(TMP_ROOT)}${noJournal(TMP_ROOT) ? ', no journal: see the note below' : ''})`);
console.log(`Peak RSS:       ${RSS_METHOD}`);
if (DROPPED_ENV.length) console.log(`Environment:    timed processes run without ${DROPPED_ENV.join(', ')} (they slow Node's start-up)`);
console.log(`Pairs:          ${PAIRS} per case, action and yardstick alternating; cases: ${SELECTED.join(', ')}`);

if (noJournal(TMP_ROOT)) {
  console.log(
    `Note: ${os.tmpdir()} is ext4 without a journal, where creating files is up to ten times slower for a minute or`,
    'more after many files were deleted (the kernel scans past recently freed inodes). The bench deletes nothing on',
    'disk until it ends; do not start it within a minute or two of deleting many files (another bench run included).'
  );
}
console.log();

const rows = [];
const failures = [];
for (const name of SELECTED) {
  const started = Date.now();
  try {
    rows.push(...(await (OTHER_CASES[name] ?? backupCase)(name)));
  } catch (err) {
    if (err instanceof Skip) {
      console.log(`${name}: SKIPPED (${err.message})`);
      rows.push([name, 'skipped', '', '', '', fmtGoal(BACKUP_CASES[name]?.goal), err.message]);
    } else {
      console.log(`${name}: FAILED\n  ${err instanceof RunFailure ? err.message : err.stack}`);
      rows.push([name, 'FAILED', '', '', '', fmtGoal(BACKUP_CASES[name]?.goal ?? STARTUP_GOAL), 'run failed']);
      failures.push(`${name}: ${err.message}`);
    }
  }
  console.log(`  (${name} took ${fmtTime(Date.now() - started)} in all)\n`);
}

console.log(`Results (${machine}; action on Node ${NODE.version}; medians of ${PAIRS} alternating pairs):\n`);
console.log('| case | action | yardstick | ratio | peak RSS | goal | within goal |');
console.log('| --- | ---: | ---: | ---: | ---: | --- | --- |');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);

const cleanupStart = Date.now();
console.log(`\nRemoving the bench's temporary files (${TMP_ROOT})…`);
cleanup();
console.log(`(done in ${fmtTime(Date.now() - cleanupStart)})`);
if (failures.length) {
  console.error(
    `\nThe bench failed: ${failures.length} case${failures.length === 1 ? '' : 's'} had a run that failed, so ${failures.length === 1 ? 'its' : 'their'} timings mean nothing:\n${failures.map(f => `- ${f}`).join('\n')}`
  );
  process.exit(1);
}
