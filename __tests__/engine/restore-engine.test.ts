import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ResourceManager } from '../../src/engine/resource-manager.js';
import { restoreFiles } from '../../src/engine/restore-engine.js';
import { RestoreJournal } from '../../src/engine/restore-journal.js';
import type { RestorePlan, RestoreResult } from '../../src/engine/restore-status.js';

/**
 * Restore resolves each file's folder for each file, so a folder swapped, moved or removed
 * while a restore runs is seen by the next file: the name decides, as a path does.
 */
describe('restore engine: the folder a file is restored into', () => {
  let root: string;
  let ws: string;
  let outside: string;
  let backupDir: string;

  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'bkpfile-restore-engine-'));
    ws = path.join(root, 'ws');
    outside = path.join(root, 'outside');
    backupDir = path.join(ws, '.bkpfile');
    mkdirSync(path.join(ws, 'cfg'), { recursive: true });
    mkdirSync(outside);
    mkdirSync(path.join(backupDir, 'cfg'), { recursive: true });
    for (const name of ['a.txt', 'b.txt', 'c.txt']) {
      writeFileSync(path.join(ws, 'cfg', name), 'broken\n');
      writeFileSync(path.join(backupDir, 'cfg', `${name}-2025-01-01-00-00`), `good ${name}\n`);
    }
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  const plan = (name: string): RestorePlan => ({ target: path.join(ws, 'cfg', name), backup: path.join(backupDir, 'cfg', `${name}-2025-01-01-00-00`) });

  /** Restores a, b and c of cfg; `between` runs once a's result is in. */
  async function restoreThree(between: () => void): Promise<RestoreResult[]> {
    const journal = RestoreJournal.create(path.join(root, 'journal'), { runId: '0123456789abcdef', token: 'f'.repeat(32) });
    let first = true;
    try {
      return await restoreFiles(
        [plan('a.txt'), plan('b.txt'), plan('c.txt')],
        { workspace: ws, backupDir, allowOutsideWorkspace: false, dryRun: false, runId: '0123456789abcdef' },
        {
          signal: new AbortController().signal,
          resources: new ResourceManager(),
          journal,
          reporter: {
            fileDone: () => {
              if (first) between();
              first = false;
            }
          }
        }
      );
    } finally {
      journal.close();
    }
  }

  it('restores every file of a folder, and leaves no temporary', async () => {
    const results = await restoreThree(() => undefined);
    expect(results.map(r => r.status)).toEqual(['restored', 'restored', 'restored']);
    for (const name of ['a.txt', 'b.txt', 'c.txt']) expect(readFileSync(path.join(ws, 'cfg', name), 'utf8')).toBe(`good ${name}\n`);
    expect(readdirSync(path.join(ws, 'cfg')).sort()).toEqual(['a.txt', 'b.txt', 'c.txt']);
  });

  it('a folder moved out of the workspace and replaced by a symlink to it, after its first file: the others are refused, nothing is written outside', async () => {
    const results = await restoreThree(() => {
      renameSync(path.join(ws, 'cfg'), path.join(outside, 'cfg'));
      symlinkSync(path.join(outside, 'cfg'), path.join(ws, 'cfg'));
    });
    expect(results.map(r => r.status)).toEqual(['restored', 'outside-workspace', 'outside-workspace']);
    expect(results[1]!.message).toMatch(/resolves to .*outside\/cfg, outside the workspace/);
    expect(readFileSync(path.join(outside, 'cfg', 'b.txt'), 'utf8')).toBe('broken\n');
    expect(readFileSync(path.join(outside, 'cfg', 'c.txt'), 'utf8')).toBe('broken\n');
  });

  it('a folder renamed inside the workspace and its name made a symlink out, after its first file: the name decides, as a path would', async () => {
    // The folder held is still inside (cfg-old), but the name cfg now leads outside: the
    // file is not restored into cfg-old under cfg's name, and not outside either.
    mkdirSync(path.join(outside, 'elsewhere'));
    const results = await restoreThree(() => {
      renameSync(path.join(ws, 'cfg'), path.join(ws, 'cfg-old'));
      symlinkSync(path.join(outside, 'elsewhere'), path.join(ws, 'cfg'));
    });
    expect(results.map(r => r.status)).toEqual(['restored', 'outside-workspace', 'outside-workspace']);
    expect(readFileSync(path.join(ws, 'cfg-old', 'b.txt'), 'utf8')).toBe('broken\n');
    expect(readdirSync(path.join(outside, 'elsewhere'))).toEqual([]);
  });

  it('a folder removed after its first file is made again for the others', async () => {
    const results = await restoreThree(() => rmSync(path.join(ws, 'cfg'), { recursive: true }));
    expect(results.map(r => r.status)).toEqual(['restored', 'restored', 'restored']);
    expect(readdirSync(path.join(ws, 'cfg')).sort()).toEqual(['b.txt', 'c.txt']);
    expect(existsSync(path.join(ws, 'cfg', 'a.txt'))).toBe(false);
  });
});
