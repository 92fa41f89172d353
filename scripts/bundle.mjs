// Builds one self-contained bundle per entry point into dist/<entry>/index.js: the runner
// runs these without installing anything, so dist/ is committed.
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });

rmSync(path.join(root, 'build'), { recursive: true, force: true });
run(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json']);

const entries = readdirSync(path.join(root, 'build/entrypoints')).filter(f => f.endsWith('.js'));
rmSync(path.join(root, 'dist'), { recursive: true, force: true });
for (const entry of entries) {
  const name = entry.replace(/\.js$/, '');
  run(process.execPath, [
    path.join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js'),
    'build',
    `build/entrypoints/${entry}`,
    '-o',
    `dist/${name}`,
    '--license',
    'licenses.txt',
    '--quiet'
  ]);
}
