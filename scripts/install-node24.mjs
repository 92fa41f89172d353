// postinstall: puts Node 24, the runtime action.yml names, in .ci/node24 for the end-to-end
// suite, so `npm ci` is the only install step. Node 24 is the npm package `node`, pinned by
// .ci/node24/package-lock.json. It is installed there, in a tree of its own, because the
// package links node_modules/.bin/node (under an alias too): in the root's node_modules it
// would run every npm script on Node 24 instead of the machine's Node.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dir = path.join(root, '.ci/node24');
const bin = path.join(dir, 'node_modules/node/bin', process.platform === 'win32' ? 'node.exe' : 'node');

// npm runs this after `npm install --package-lock-only` and `--dry-run` too, which install nothing.
if (process.env.npm_config_package_lock_only === 'true' || process.env.npm_config_dry_run === 'true') process.exit(0);

const locked = JSON.parse(readFileSync(path.join(dir, 'package-lock.json'), 'utf8')).packages['node_modules/node'].version;
if (existsSync(bin) && spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout?.trim() === `v${locked}`) process.exit(0);

const npmCli = process.env.npm_execpath; // the npm running this postinstall
const args = ['ci', '--prefix', '.ci/node24', '--no-audit', '--no-fund'];
const result = npmCli
  ? spawnSync(process.execPath, [npmCli, ...args], { cwd: root, stdio: 'inherit' })
  : spawnSync('npm', args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
if (result.status !== 0) {
  console.error(`Could not install Node ${locked} into ${path.relative(root, dir)} (npm ci exited with ${result.status ?? result.signal}).`);
  process.exit(1);
}
