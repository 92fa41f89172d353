// Runs the bundled action on demo/workspace the way the runner does — main step, then post
// step — and shows what it made. Inputs come from action.yml's defaults plus the ones below.
// Usage: npm run demo [-- 'INPUT=value' ...]   e.g. npm run demo -- dry-run=true
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const workspace = path.join(root, 'demo/workspace');
const runner = path.join(root, 'demo/.runner');
const action = parse(readFileSync(path.join(root, 'action.yml'), 'utf8'));

const inputs = { path: 'config\n.env\nbuild/*.bin', note: 'demo' };
for (const arg of process.argv.slice(2)) {
  const eq = arg.indexOf('=');
  if (eq > 0) inputs[arg.slice(0, eq)] = arg.slice(eq + 1);
}
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
  return { status: result.status, outputs: readFileCommand(files.GITHUB_OUTPUT), state: readFileCommand(files.GITHUB_STATE), summary: files.GITHUB_STEP_SUMMARY };
}

mkdirSync(path.join(runner, 'temp'), { recursive: true });
const main = step('main', action.runs.main, {});
const stateEnv = Object.fromEntries(Object.entries(main.state).map(([k, v]) => [`STATE_${k}`, v]));
const post = step('post', action.runs.post, stateEnv);

console.log('\nOutputs:');
for (const [k, v] of Object.entries(main.outputs)) console.log(`  ${k}: ${v.length > 300 ? `${v.slice(0, 300)}…` : v}`);
const backupDir = main.outputs['backup-dir'];
if (backupDir) {
  console.log(`\nBackups in ${path.relative(root, backupDir)}:`);
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
console.log(`\nJob summary (HTML): ${path.relative(root, main.summary)}`);
process.exit(main.status || post.status ? 1 : 0);
