// Runs the bundled action on demo/workspace (or another workspace) the way the runner does —
// main step, then post step — and shows what it made. Inputs come from action.yml's defaults
// plus the ones below and the ones given as arguments.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const runner = path.join(root, 'demo/.runner');
const action = parse(readFileSync(path.join(root, 'action.yml'), 'utf8'));
// npm runs scripts in the package's folder; paths the user gives or reads are relative to
// where they typed the command.
const userDir = process.env.INIT_CWD || process.cwd();

const DEMO_PATH = 'config\n.env';
const OTHER_PATH = '**\n!.git/**\n!node_modules/**';
const USAGE = `usage: npm run demo -- [--workspace DIR] [INPUT=VALUE ...]
  --workspace DIR  run on the files in DIR instead of demo/workspace; backups go to DIR/.bkpfile,
                   and path defaults to ${OTHER_PATH.split('\n').join(', ')} (all but .git and node_modules)
  INPUT=VALUE      an input of action.yml: ${Object.keys(action.inputs).join(', ')}
                   e.g. npm run demo -- dry-run=true, npm run demo -- note=second keep=1`;

function usageError(message) {
  console.error(`demo: ${message}\n${USAGE}`);
  process.exit(2);
}

const args = process.argv.slice(2);
let workspace = path.join(root, 'demo/workspace');
let otherWorkspace = false;
const given = {};
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--help' || arg === '-h') {
    console.log(USAGE);
    process.exit(0);
  }
  if (arg === '--workspace' || arg.startsWith('--workspace=')) {
    const dir = arg === '--workspace' ? args[++i] : arg.slice('--workspace='.length);
    if (!dir) usageError('--workspace needs a directory');
    workspace = path.resolve(userDir, dir);
    otherWorkspace = true;
    let isDir = false;
    try {
      isDir = statSync(workspace).isDirectory();
    } catch {
      // reported below
    }
    if (!isDir) usageError(`--workspace: ${dir} is not a directory`);
    continue;
  }
  const eq = arg.indexOf('=');
  const name = eq > 0 ? arg.slice(0, eq) : '';
  if (!name || arg.startsWith('-')) usageError(`unknown argument ${JSON.stringify(arg)}`);
  if (!Object.hasOwn(action.inputs, name)) usageError(`${JSON.stringify(name)} is not an input of action.yml`);
  given[name] = arg.slice(eq + 1);
}
const inputs = { path: otherWorkspace ? OTHER_PATH : DEMO_PATH, note: 'demo', ...given };
const inputEnv = {};
for (const [name, spec] of Object.entries(action.inputs)) {
  const value = inputs[name] ?? spec.default;
  if (value !== undefined) inputEnv[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = String(value);
}

/** `name<<DELIMITER` blocks (and name=value lines) of a file command. */
function readFileCommand(file) {
  const values = {};
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (!m) continue;
    const value = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]);
    values[m[1]] = value.join('\n');
  }
  return values;
}

/** Shows the log roughly as the runner's log view does: debug hidden, annotations labelled. */
function render(stdout) {
  let stopToken;
  for (const line of stdout.split('\n')) {
    const cmd = /^::([a-z-]+|[0-9a-f]{32})(?: [^:]*)?::(.*)$/.exec(line.trim());
    if (stopToken) {
      if (cmd && cmd[1] === stopToken) stopToken = undefined;
      else console.log(`  ${line}`);
      continue;
    }
    if (!cmd) {
      if (line) console.log(line);
      continue;
    }
    const data = cmd[2].replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
    if (cmd[1] === 'group') console.log(`▸ ${data}`);
    else if (cmd[1] === 'stop-commands') stopToken = data;
    else if (cmd[1] === 'warning' || cmd[1] === 'error' || cmd[1] === 'notice') console.log(`${cmd[1].toUpperCase()}: ${data}`);
    else if (cmd[1] === 'debug' && process.env.RUNNER_DEBUG) console.log(`debug: ${data}`);
  }
}

function step(name, script, extraEnv) {
  const dir = path.join(runner, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = { GITHUB_OUTPUT: 'output', GITHUB_STATE: 'state', GITHUB_STEP_SUMMARY: 'summary.md' };
  for (const [key, file] of Object.entries(files)) writeFileSync((files[key] = path.join(dir, file)), '');
  console.log(`\n──── ${name} step: node ${path.relative(root, path.join(root, script))}`);
  const result = spawnSync(process.execPath, [path.join(root, script)], {
    cwd: workspace,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: workspace, RUNNER_TEMP: path.join(runner, 'temp'), ...files, ...inputEnv, ...extraEnv }
  });
  render(result.stdout);
  console.log(`──── ${name} step exited with ${result.status}`);
  return {
    status: result.status,
    outputs: readFileCommand(files.GITHUB_OUTPUT),
    state: readFileCommand(files.GITHUB_STATE),
    summary: files.GITHUB_STEP_SUMMARY
  };
}

mkdirSync(path.join(runner, 'temp'), { recursive: true });
const main = step('main', action.runs.main, {});
const stateEnv = Object.fromEntries(Object.entries(main.state).map(([k, v]) => [`STATE_${k}`, v]));
const post = step('post', action.runs.post, stateEnv);

/** A path as the user can type it: relative to where they are when it is below, else absolute. */
function shown(p) {
  const rel = path.relative(userDir, p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}
const shellWord = word => (/^[\w./=:@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);

console.log('\nOutputs:');
for (const [k, v] of Object.entries(main.outputs)) console.log(`  ${k}: ${v.length > 300 ? `${v.slice(0, 300)}…` : v}`);
const backupDir = main.outputs['backup-dir'];
if (backupDir) {
  console.log(`\nBackups in ${shown(backupDir)}:`);
  const walk = dir => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else console.log(`  ${path.relative(backupDir, p)}  (${statSync(p).size} bytes)`);
    }
  };
  try {
    walk(backupDir);
  } catch {
    console.log('  (none)');
  }
}
console.log(`\nJob summary (HTML): ${shown(main.summary)}`);

// What to try next: a second run finds unchanged files identical, so say how to get a second backup.
const npmRun = path.relative(root, userDir).startsWith('..') ? `npm --prefix ${shellWord(shown(root))} run` : 'npm run';
const again = `${npmRun} demo${args.length ? ` -- ${args.map(shellWord).join(' ')}` : ''}`;
let backups = [];
try {
  backups = JSON.parse(main.outputs.backups ?? '[]');
} catch {
  // cut to fit (backups-truncated): no example file then
}
const example = backups.find(b => b.status === 'created' || b.status === 'identical');
if (main.status === 0 && example) {
  const file = shellWord(shown(path.resolve(workspace, example.source)));
  console.log('');
  if (Number(main.outputs.created) > 0) console.log(`Run \`${again}\` again and every unchanged file is reported identical: no new backup.`);
  else console.log('Every file was identical to its latest backup, so no backup was written.');
  console.log('To see a second backup, change a file first, then run it again:');
  console.log(`  echo changed >> ${file} && ${again}`);
  console.log('(A second backup made in the same minute gets _2 after the time in its name.)');
  if (!otherWorkspace) console.log('`git checkout demo/workspace` puts the demo files back afterwards.');
} else if (main.status === 0 && backups.some(b => b.status === 'would-create')) {
  console.log('\nA dry run: nothing was written. Run it without dry-run=true to make the backups.');
}
process.exit(main.status || post.status ? 1 : 0);
