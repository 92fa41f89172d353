import * as path from 'node:path';

/** True when `child` is `parent` or lies below it (both absolute and normalized). */
export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/**
 * Where the backups of `source` live: its directory relative to the workspace, below
 * `backupDir`; a file outside the workspace is mirrored under its absolute path.
 */
export function mirrorDir(backupDir: string, workspace: string, source: string): string {
  const dir = path.dirname(source);
  if (isInside(workspace, dir)) return path.join(backupDir, path.relative(workspace, dir));
  const { root } = path.parse(dir);
  // `/etc/nginx` -> `<backup-dir>/etc/nginx`; `C:\x` -> `<backup-dir>\C\x`.
  const drive = root.replace(/[:\\/]/g, '');
  return path.join(backupDir, drive, dir.slice(root.length));
}

/** How a path is shown in outputs: relative to the workspace when inside it. */
export function displayPath(workspace: string, target: string): string {
  if (!isInside(workspace, target)) return target;
  return path.relative(workspace, target).split(path.sep).join('/') || '.';
}
