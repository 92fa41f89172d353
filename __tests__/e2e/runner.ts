/**
 * Runs the bundled action (dist/) the way the GitHub Actions runner does:
 * - inputs as INPUT_<NAME> (upper-cased, spaces to '_', hyphens kept), with action.yml's
 *   defaults for every input the step does not set;
 * - GITHUB_OUTPUT, GITHUB_STATE and GITHUB_STEP_SUMMARY are files that exist before the
 *   step starts, read back in the runner's `name<<DELIMITER` format;
 * - the working directory is GITHUB_WORKSPACE;
 * - the post step gets STATE_<name> for what main saved, and runs even after a cancel;
 * - cancellation is SIGINT, then SIGTERM 7.5 s later, then SIGKILL 2.5 s after that, to
 *   the node process only;
 * - stdout is parsed for workflow commands as the runner parses it (`::name::` at the
 *   start of a trimmed line, `##[name]` anywhere), honouring stop-commands.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, promises as fs, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

/** CI runs as root: tests of real permission errors, mounts and users need it. */
export const isRoot = process.getuid?.() === 0;

/** Tests that need root run on CI (root there); elsewhere they say why they did not run. */
export function rootOnly(what: string): boolean {
  if (isRoot) return true;
  if (process.env['CI']) throw new Error(`${what} needs root, and CI runs as root: this must not be skipped on CI.`);
  console.log(`SKIPPED (not root): ${what}`);
  return false;
}

/** Tests of worker threads need a second CPU (the action starts none on one); CI machines have two. */
export function multiCoreOnly(what: string): boolean {
  if (os.availableParallelism() > 1) return true;
  if (process.env['CI']) throw new Error(`${what} needs more than one CPU, and CI machines have two: this must not be skipped on CI.`);
  console.log(`SKIPPED (one CPU): ${what}`);
  return false;
}

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface ActionYml {
  inputs?: Record<string, { default?: string | number | boolean }>;
  runs: { using: string; main: string; post?: string };
}

export function readActionYml(dir = ROOT): ActionYml {
  return parseYaml(readFileSync(path.join(dir, 'action.yml'), 'utf8')) as ActionYml;
}

/**
 * Node 24 from the npm package `node`, which `npm ci` installs into .ci/node24 (the root's
 * postinstall); BKPFILE_E2E_NODE24 names another binary.
 */
const NODE24 = process.env['BKPFILE_E2E_NODE24'] || path.join(ROOT, '.ci/node24/node_modules/node/bin', process.platform === 'win32' ? 'node.exe' : 'node');

/** The Node binaries the e2e suite runs the bundle on: this one, and Node 24 (action.yml's). */
export function nodeRuntimes(): { name: string; bin: string }[] {
  const runtimes = [{ name: `node ${process.versions.node}`, bin: process.execPath }];
  if (existsSync(NODE24)) {
    runtimes.push({ name: 'node 24', bin: NODE24 });
  } else if (process.env['CI']) {
    throw new Error(`Node 24 is required on CI for the end-to-end suite but ${NODE24} does not exist (npm ci installs it).`);
  } else {
    console.log(`e2e: Node 24 not found (${NODE24}); running on ${process.execPath} only. npm ci installs it, unless run with --ignore-scripts.`);
  }
  return runtimes;
}

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  data: string;
  /** 'v2' for `::cmd::`, 'v1' for `##[cmd]`. */
  form: 'v1' | 'v2';
}

/** Commands the runner registers (and would act on). */
const REGISTERED = new Set([
  'add-mask',
  'add-path',
  'set-env',
  'set-output',
  'save-state',
  'stop-commands',
  'debug',
  'notice',
  'warning',
  'error',
  'group',
  'endgroup',
  'echo',
  'add-matcher',
  'remove-matcher',
  'internal-set-repo-path'
]);

const unescapeData = (s: string): string => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProp = (s: string): string => unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');

function parseProps(text: string): Record<string, string> {
  const props: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const eq = pair.indexOf('=');
    if (eq > 0) props[pair.slice(0, eq).trim()] = unescapeProp(pair.slice(eq + 1));
  }
  return props;
}

/** One line as the runner's ActionCommandManager reads it: V2 first, then V1 (names case-insensitive). */
function parseLine(line: string, registered: (name: string) => boolean): WorkflowCommand | undefined {
  const trimmed = line.trimStart();
  if (trimmed.startsWith('::')) {
    const end = trimmed.indexOf('::', 2);
    if (end > 0) {
      const head = trimmed.slice(2, end);
      const space = head.indexOf(' ');
      const command = (space < 0 ? head : head.slice(0, space)).toLowerCase();
      if (registered(command)) {
        return {
          command,
          properties: space < 0 ? {} : parseProps(head.slice(space + 1)),
          data: unescapeData(trimmed.slice(end + 2)),
          form: 'v2'
        };
      }
    }
  }
  const at = line.indexOf('##[');
  if (at >= 0) {
    const rb = line.indexOf(']', at);
    if (rb >= 0) {
      const start = at + 3;
      let end = line.indexOf(' ', start);
      if (end < 0 || end > rb) end = rb;
      const command = line.slice(start, end).toLowerCase();
      if (registered(command)) {
        return {
          command,
          properties: parseProps(line.slice(end + 1, rb)),
          data: line.slice(rb + 1),
          form: 'v1'
        };
      }
    }
  }
  return undefined;
}

/** The commands the runner would act on in one output stream, stop-commands honoured. */
export function parseWorkflowCommands(output: string): WorkflowCommand[] {
  const acted: WorkflowCommand[] = [];
  let stopToken: string | undefined;
  const registered = (name: string): boolean => REGISTERED.has(name) || name === stopToken;
  // The runner splits output at \n, \r\n and a bare \r.
  for (const line of output.split(/\r\n|\n|\r/)) {
    const cmd = parseLine(line, registered);
    if (!cmd) continue;
    if (stopToken !== undefined) {
      if (cmd.command === stopToken) stopToken = undefined;
      continue;
    }
    if (cmd.command === 'stop-commands') {
      stopToken = cmd.data.toLowerCase();
      acted.push(cmd);
      continue;
    }
    acted.push(cmd);
  }
  return acted;
}

/** A file command file (GITHUB_OUTPUT, GITHUB_STATE) in the runner's format. */
export function parseFileCommand(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line) continue;
    const heredoc = line.indexOf('<<');
    const eq = line.indexOf('=');
    if (heredoc > 0 && (eq < 0 || heredoc < eq)) {
      const name = line.slice(0, heredoc);
      const delimiter = line.slice(heredoc + 2);
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]!);
      if (i >= lines.length) throw new Error(`Matching delimiter not found '${delimiter}'`);
      values[name] = value.join('\n');
    } else if (eq > 0) {
      values[line.slice(0, eq)] = line.slice(eq + 1);
    } else {
      throw new Error(`Invalid file command line: ${line}`);
    }
  }
  return values;
}

export interface StepResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  state: Record<string, string>;
  summary: string;
  commands: WorkflowCommand[];
  /** Messages of ::error:: and ::warning:: commands the runner would show. */
  errors: string[];
  warnings: string[];
  durationMs: number;
}

export interface StepOptions {
  /** Extra environment (e.g. TZ). */
  env?: Record<string, string>;
  /** Run as this uid/gid (root only). */
  uid?: number;
  gid?: number;
  /** Called once the process is running (e.g. to schedule a signal). */
  onSpawn?: (step: RunningStep) => void;
  /** Run node through this command (e.g. ['bash', '-c', 'ulimit -f 2048; exec "$0" "$@"']). */
  wrapper?: string[];
  /** Kill with SIGKILL after this long, as a guard. Default 120 s. */
  guardMs?: number;
}

export interface RunningStep {
  child: ChildProcess;
  /** The step's GITHUB_OUTPUT, GITHUB_STATE and GITHUB_STEP_SUMMARY files. */
  files: { output: string; state: string; summary: string };
  /** What the step has printed so far. */
  stdout(): string;
}

export interface RunnerOptions {
  /** The Node binary (runs.using) to run the bundle with. */
  node?: string;
  /** The action's directory (its action.yml and dist/). */
  actionDir?: string;
  /** Sub-action directory relative to actionDir ('' for the root action). */
  action?: string;
}

/** A job on a simulated runner: a workspace, RUNNER_TEMP, and the steps run in it. */
export class SimulatedJob {
  readonly workspace: string;
  readonly runnerTemp: string;
  private stepCount = 0;

  private constructor(
    readonly root: string,
    private readonly options: RunnerOptions
  ) {
    this.workspace = path.join(root, 'workspace');
    this.runnerTemp = path.join(root, 'runner-temp');
  }

  static async create(options: RunnerOptions = {}, parent = os.tmpdir()): Promise<SimulatedJob> {
    const root = await fs.mkdtemp(path.join(parent, 'bkpfile-e2e-'));
    const job = new SimulatedJob(root, options);
    await fs.mkdir(job.workspace);
    await fs.mkdir(job.runnerTemp);
    await fs.mkdir(path.join(root, 'file-commands'));
    return job;
  }

  async dispose(): Promise<void> {
    await fs.rm(this.root, { recursive: true, force: true });
  }

  /** Writes files into the workspace: { 'config/app.yml': 'text' }. */
  async write(files: Record<string, string | Buffer>): Promise<void> {
    // Synchronous calls: no thread-pool round trip per file, which on a busy VM made trees of
    // thousands of files take seconds to write.
    for (const [rel, content] of Object.entries(files)) {
      const file = path.join(this.workspace, rel);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
  }

  /**
   * Makes every one of `rels` (at least one) a name of the same file, holding `content`, by
   * hard links: a tree of many names for a walk, at the cost of one inode. Making tens of
   * thousands of new inodes can take a millisecond each on ext4 shortly after many files
   * were deleted (its check for recently deleted inodes), which made tests of big trees slow.
   */
  async writeNames(rels: readonly string[], content: string | Buffer = ''): Promise<void> {
    const [first, ...rest] = rels;
    if (first === undefined) throw new Error('writeNames: no names');
    await this.write({ [first]: content });
    const target = path.join(this.workspace, first);
    const dirs = new Set<string>([path.dirname(target)]);
    for (const rel of rest) {
      const file = path.join(this.workspace, rel);
      const dir = path.dirname(file);
      if (!dirs.has(dir)) {
        mkdirSync(dir, { recursive: true });
        dirs.add(dir);
      }
      linkSync(target, file); // synchronous: no thread-pool round trip per name
    }
  }

  private actionDir(action = this.options.action ?? ''): string {
    return path.join(this.options.actionDir ?? ROOT, action);
  }

  /** The runner's env for an input: upper-cased, spaces to '_', hyphens kept. */
  static inputEnvName(name: string): string {
    return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
  }

  private inputEnv(inputs: Record<string, string>, actionDir: string): Record<string, string> {
    const env: Record<string, string> = {};
    for (const [name, spec] of Object.entries(readActionYml(actionDir).inputs ?? {})) {
      if (spec.default !== undefined) env[SimulatedJob.inputEnvName(name)] = String(spec.default);
    }
    for (const [name, value] of Object.entries(inputs)) env[SimulatedJob.inputEnvName(name)] = value;
    return env;
  }

  private baseEnv(): Record<string, string> {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) {
      if (v === undefined || k.startsWith('INPUT_') || k.startsWith('STATE_') || k.startsWith('GITHUB_') || k.startsWith('RUNNER_')) continue;
      if (k === 'NODE_OPTIONS' || k.startsWith('JEST_')) continue;
      env[k] = v;
    }
    return {
      ...env,
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      GITHUB_WORKSPACE: this.workspace,
      RUNNER_TEMP: this.runnerTemp,
      RUNNER_OS: 'Linux'
    };
  }

  /** Runs the main step with these inputs. */
  runMain(inputs: Record<string, string>, options: StepOptions = {}): Promise<StepResult> {
    return this.runActionMain(this.options.action ?? '', inputs, options);
  }

  /** Runs the post step with the state a main step saved (and the same inputs). */
  runPost(state: Record<string, string>, inputs: Record<string, string> = {}, options: StepOptions = {}): Promise<StepResult> {
    return this.runActionPost(this.options.action ?? '', state, inputs, options);
  }

  /** Runs the main step of the action in `action` ('' for the root action, 'restore', 'list'). */
  runActionMain(action: string, inputs: Record<string, string>, options: StepOptions = {}): Promise<StepResult> {
    const dir = this.actionDir(action);
    const yml = readActionYml(dir);
    return this.runStep(dir, yml.runs.main, { ...this.inputEnv(inputs, dir) }, options);
  }

  /** Runs that action's post step with the state its main step saved. */
  runActionPost(action: string, state: Record<string, string>, inputs: Record<string, string> = {}, options: StepOptions = {}): Promise<StepResult> {
    const dir = this.actionDir(action);
    const yml = readActionYml(dir);
    if (!yml.runs.post) throw new Error(`${path.join(dir, 'action.yml')} has no runs.post`);
    const stateEnv: Record<string, string> = {};
    for (const [k, v] of Object.entries(state)) stateEnv[`STATE_${k}`] = v;
    return this.runStep(dir, yml.runs.post, { ...this.inputEnv(inputs, dir), ...stateEnv }, options);
  }

  private async runStep(actionDir: string, script: string, stepEnv: Record<string, string>, options: StepOptions): Promise<StepResult> {
    this.stepCount += 1;
    const dir = path.join(this.root, 'file-commands', String(this.stepCount));
    await fs.mkdir(dir);
    const files = { output: path.join(dir, 'output'), state: path.join(dir, 'state'), summary: path.join(dir, 'summary') };
    for (const file of Object.values(files)) await fs.writeFile(file, '');
    if (options.uid !== undefined) {
      await fs.chmod(path.join(this.root, 'file-commands'), 0o755);
      await fs.chmod(dir, 0o777);
      for (const file of Object.values(files)) await fs.chmod(file, 0o666);
    }
    const env = {
      ...this.baseEnv(),
      GITHUB_OUTPUT: files.output,
      GITHUB_STATE: files.state,
      GITHUB_STEP_SUMMARY: files.summary,
      ...stepEnv,
      ...options.env
    };
    const started = Date.now();
    const node = this.options.node ?? process.execPath;
    const [command, ...args] = [...(options.wrapper ?? []), node, path.join(actionDir, script)];
    const child = spawn(command!, args, {
      cwd: this.workspace,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.uid !== undefined ? { uid: options.uid, gid: options.gid ?? options.uid } : {})
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const guard = setTimeout(() => child.kill('SIGKILL'), options.guardMs ?? 120_000);
    options.onSpawn?.({ child, files, stdout: () => stdout });
    const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code, sig) => resolve([code, sig]));
    });
    clearTimeout(guard);
    const durationMs = Date.now() - started;
    // The runner reads workflow commands on stderr as well as stdout.
    const commands = [...parseWorkflowCommands(stdout), ...parseWorkflowCommands(stderr)];
    return {
      exitCode,
      signal,
      stdout,
      stderr,
      outputs: parseFileCommand(await fs.readFile(files.output, 'utf8')),
      state: parseFileCommand(await fs.readFile(files.state, 'utf8')),
      summary: await fs.readFile(files.summary, 'utf8'),
      commands,
      errors: commands.filter(c => c.command === 'error').map(c => c.data),
      warnings: commands.filter(c => c.command === 'warning').map(c => c.data),
      durationMs
    };
  }
}

/** The runner's cancellation: SIGINT, SIGTERM 7.5 s later, SIGKILL 2.5 s after that. */
export function cancelLikeRunner(child: ChildProcess): void {
  const alive = (): boolean => child.exitCode === null && child.signalCode === null;
  child.kill('SIGINT');
  const term = setTimeout(() => alive() && child.kill('SIGTERM'), 7500);
  const kill = setTimeout(() => alive() && child.kill('SIGKILL'), 10_000);
  child.on('close', () => {
    clearTimeout(term);
    clearTimeout(kill);
  });
}

/** Every regular file below `dir`, relative, sorted ('' when dir is missing). */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    let entries;
    try {
      entries = await fs.readdir(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else out.push(path.relative(dir, p));
    }
  };
  await walk(dir);
  return out.sort();
}
