/**
 * The promise every fault test checks afterwards: in the backup directory, the workspace
 * and RUNNER_TEMP there are only sources, complete backups (content equal to a version of
 * their own source) and manifests — no temporaries, no staging directories, nothing partial.
 */
import { expect } from '@jest/globals';
import { createHash } from 'node:crypto';
import { promises as fs, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parseBackupName } from '../../src/engine/backup-name.js';
import { listFiles, type SimulatedJob } from './runner.js';

const MiB = 1024 * 1024;

/**
 * A content fingerprint: the whole file's SHA-1 up to 64 MiB; above that, the size and the
 * SHA-1 of 1 MiB samples every 32 MiB and at the end. A partial copy differs in size, so
 * this tells complete backups from partial ones without reading gigabytes.
 */
export async function fileHash(file: string): Promise<string> {
  const { size } = statSync(file);
  const hash = createHash('sha1');
  // Read whole with synchronous calls: a stream, or even one readFile, per file took up to
  // 0.3-0.4 ms each on a VM where waking libuv's threads is slow (10 s for a tree of 25,000).
  if (size <= 64 * MiB) return hash.update(readFileSync(file)).digest('hex');
  const handle = await fs.open(file, 'r');
  try {
    const buffer = Buffer.alloc(MiB);
    const offsets = [];
    for (let at = 0; at < size; at += 32 * MiB) offsets.push(at);
    offsets.push(size - MiB);
    for (const at of offsets) {
      const { bytesRead } = await handle.read(buffer, 0, MiB, at);
      hash.update(buffer.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
  }
  return `${size}:${hash.digest('hex')}`;
}

/** Every version each source has had, by path relative to the workspace. */
export class SourceVersions {
  private readonly versions = new Map<string, Set<string>>();

  /** Hashes every file now in the workspace (outside `exclude`). */
  async record(job: SimulatedJob, exclude = path.join(job.workspace, '.bkpfile')): Promise<void> {
    for (const rel of await listFiles(job.workspace)) {
      const abs = path.join(job.workspace, rel);
      if (abs.startsWith(exclude + path.sep)) continue;
      const set = this.versions.get(rel) ?? new Set<string>();
      set.add(await fileHash(abs));
      this.versions.set(rel, set);
    }
  }

  get sources(): string[] {
    return [...this.versions.keys()].sort();
  }

  has(rel: string, hash: string): boolean {
    return this.versions.get(rel)?.has(hash) ?? false;
  }
}

export interface CleanState {
  /** Backups found, by source (relative to the workspace). */
  backups: Map<string, string[]>;
}

/** Asserts the invariant and returns what backups exist. */
export async function assertOnlySourcesBackupsManifests(
  job: SimulatedJob,
  versions: SourceVersions,
  backupDir = path.join(job.workspace, '.bkpfile')
): Promise<CleanState> {
  const backupInWorkspace = backupDir.startsWith(job.workspace + path.sep);
  const workspaceFiles = (await listFiles(job.workspace)).filter(rel => !(backupInWorkspace && path.join(job.workspace, rel).startsWith(backupDir + path.sep)));
  expect(workspaceFiles).toEqual(versions.sources);
  for (const rel of workspaceFiles) {
    expect(versions.has(rel, await fileHash(path.join(job.workspace, rel)))).toBe(true); // sources untouched
  }

  const backups = new Map<string, string[]>();
  const strays: string[] = [];
  for (const rel of await listFiles(backupDir)) {
    if (rel.split(path.sep).some(part => part.startsWith('.bkpfile-staging-'))) {
      strays.push(rel);
      continue;
    }
    const reading = parseBackupName(path.basename(rel))[0];
    const source = reading ? path.join(path.dirname(rel), reading.fileName) : undefined;
    if (!source || !versions.has(source, await fileHash(path.join(backupDir, rel)))) {
      strays.push(rel);
      continue;
    }
    backups.set(source, [...(backups.get(source) ?? []), rel]);
  }
  expect(strays).toEqual([]);
  const stagingDirs = (await fs.readdir(backupDir).catch(() => [] as string[])).filter(n => n.startsWith('.bkpfile-staging-'));
  expect(stagingDirs).toEqual([]);

  const temp = await listFiles(job.runnerTemp);
  expect(temp.filter(rel => !/^bkpfile\/manifest-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-[0-9a-f]{16}\.json$/.test(rel))).toEqual([]);
  return { backups };
}
