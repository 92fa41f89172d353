import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { closeSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FileResult } from '../../src/engine/status.js';
import { backupFiles } from '../../src/engine/backup-engine.js';
import { openSourceSync } from '../../src/engine/open-source.js';
import { ResourceManager } from '../../src/engine/resource-manager.js';
import { StagingDir, newRunIdentity } from '../../src/engine/staging.js';

describe('the source is checked as opened, not by a name that can be swapped', () => {
  let root: string;
  let ws: string;
  let secret: string;

  beforeEach(async () => {
    root = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'bkpfile-open-')));
    ws = path.join(root, 'ws');
    await fs.mkdir(ws);
    secret = path.join(root, 'secret.txt');
    await fs.writeFile(secret, 'TOP SECRET\n');
  });

  afterEach(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  it('a file swapped for a symlink after it was opened is still the file that was opened', async () => {
    const file = path.join(ws, 'config.yml');
    await fs.writeFile(file, 'harmless\n');
    const opened = openSourceSync(file, true);
    try {
      await fs.rm(file);
      await fs.symlink(secret, file);
      expect(opened.realPath()).toBe(file);
      expect(await fs.readFile(opened.readPath, 'utf8')).toBe('harmless\n');
    } finally {
      closeSync(opened.fd);
    }
  });

  it('a symlink to outside swapped for a plain file after it was opened is still reported outside', async () => {
    const file = path.join(ws, 'config.yml');
    await fs.symlink(secret, file);
    const opened = openSourceSync(file, true);
    try {
      await fs.rm(file);
      await fs.writeFile(file, 'harmless\n');
      expect(opened.realPath()).toBe(secret);
    } finally {
      closeSync(opened.fd);
    }
  });

  it('with follow-symbolic-links false a symlink cannot be opened at all', async () => {
    const file = path.join(ws, 'link');
    await fs.symlink(secret, file);
    expect(() => openSourceSync(file, false)).toThrow(expect.objectContaining({ code: 'ELOOP' }));
  });

  it('a name swapped between a file and a symlink to outside while backups run never leaks the target', async () => {
    const file = path.join(ws, 'app.env');
    const staged = path.join(ws, 'staged');
    await fs.writeFile(file, 'SAFE=1\n');
    let swapping = true;
    // Renames are atomic: the name is always either the plain file or the symlink.
    const swapper = (async () => {
      await fs.symlink(secret, path.join(ws, 'evil'));
      while (swapping) {
        await fs.writeFile(staged, 'SAFE=1\n');
        await fs.rename(staged, file);
        await fs.symlink(secret, staged);
        await fs.rename(staged, file);
      }
    })();
    const backupDir = path.join(root, 'backups');
    const statuses = new Set<string>();
    try {
      for (let round = 0; round < 150; round++) {
        // The swapper runs only while this loop waits: let it swap between rounds (the
        // staging directory, made synchronously, no longer gives it a turn).
        await new Promise(resolve => setImmediate(resolve));
        await using resources = new ResourceManager();
        const staging = await StagingDir.create(backupDir, newRunIdentity(), resources);
        let result: FileResult | undefined;
        await backupFiles(
          [file],
          {
            workspace: ws,
            backupDir,
            note: `r${round}`,
            dryRun: false,
            keep: 0,
            allowOutsideWorkspace: false,
            followSymbolicLinks: true,
            time: new Date(2025, 4, 12, 13, 49)
          },
          { signal: new AbortController().signal, resources, staging, reporter: { fileDone: r => void (result = r), warning: () => undefined } }
        );
        statuses.add(result!.status);
      }
    } finally {
      swapping = false;
      await swapper;
    }
    // Both sides of the race were seen, and no backup ever holds the secret.
    expect(statuses.has('outside-workspace')).toBe(true);
    expect(statuses.has('created') || statuses.has('identical')).toBe(true);
    for (const name of await fs.readdir(backupDir)) {
      if (name.startsWith('.bkpfile-staging-')) continue;
      expect(await fs.readFile(path.join(backupDir, name), 'utf8')).toBe('SAFE=1\n');
    }
  });
});
