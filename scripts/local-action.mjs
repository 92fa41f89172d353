// npm run local-action: runs the backup action's main step and then its post step with
// @github/local-action, from the TypeScript in src/ (a run() that reports the backup step's outcome, not the
// dist/ bundles), on demo/workspace, with the inputs in .env.example.
// Usage: npm run local-action [-- DOTENV_FILE]   (default .env.example)
//
// As the runner does, the working directory is the workspace, GITHUB_WORKSPACE names it and
// RUNNER_TEMP is a scratch folder (demo/.runner/local-action, git-ignored, with the job
// summary). local-action runs both steps in one process and exits non-zero when either
// fails (a failed step sets the exit code; an error thrown out of run() ends the process).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const workspace = path.join(root, 'demo/workspace');
const runnerDir = path.join(root, 'demo/.runner/local-action');
const localAction = path.join(root, 'node_modules/@github/local-action/bin/local-action.js');

const args = process.argv.slice(2);
if (args.length > 1 || args[0]?.startsWith('-')) {
  console.error('Usage: npm run local-action [-- DOTENV_FILE]   (default .env.example)');
  process.exit(2);
}
const dotenvFile = path.resolve(args[0] ?? path.join(root, '.env.example'));
if (!existsSync(dotenvFile)) {
  console.error(`${dotenvFile} does not exist.`);
  process.exit(2);
}

rmSync(runnerDir, { recursive: true, force: true });
mkdirSync(path.join(runnerDir, 'temp'), { recursive: true });
const summary = path.join(runnerDir, 'summary.md');
writeFileSync(summary, '');

// local-action joins its arguments into a shell command unquoted, so they are passed
// relative to the workspace: a space in the path of the clone cannot split them. It reads
// the main entry point relative to the action, but --post (an option, parsed before the
// action's path) relative to the working directory.
const rel = p => path.relative(workspace, p) || '.';
const result = spawnSync(
  process.execPath,
  [localAction, 'run', rel(root), 'src/local-action/backup.ts', rel(dotenvFile), '--post', rel(path.join(root, 'src/steps/cleanup-step.ts'))],
  {
    cwd: workspace,
    stdio: 'inherit',
    env: { ...process.env, GITHUB_WORKSPACE: workspace, RUNNER_TEMP: path.join(runnerDir, 'temp'), GITHUB_STEP_SUMMARY: summary }
  }
);
if (result.error) {
  console.error(`Could not start local-action: ${result.error.message}`);
  process.exit(1);
}
// The action writes its outputs and state as workflow commands itself (src/action/actions-core.ts),
// not through @actions/core, so they are the ::set-output and ::save-state lines above and
// local-action's own table of outputs stays empty.
console.log(`Outputs: the ::set-output lines above. Job summary: ${path.relative(root, summary)}`);
console.log(`local-action exited with ${result.status ?? result.signal}`);
process.exit(result.status === 0 ? 0 : 1);
