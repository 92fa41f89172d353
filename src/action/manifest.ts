import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ResourceManager } from '../engine/resource-manager.js';
import type { ManifestEntry } from './run-report.js';

export const MANIFEST_VERSION = 1;

export interface Manifest {
  version: typeof MANIFEST_VERSION;
  tool: 'bkpfile-action';
  runId: string;
  /** ISO time the run started. */
  time: string;
  /** The minute stamp every backup of this run carries. */
  stamp: string;
  workspace: string;
  backupDir: string;
  note: string | null;
  dryRun: boolean;
  outcome: 'success' | 'failure' | 'cancelled' | 'timeout';
  files: ManifestEntry[];
}

/** Manifests live in RUNNER_TEMP (the job's scratch space), one per run. */
export function manifestDir(): string {
  return path.resolve(process.env['RUNNER_TEMP'] || os.tmpdir(), 'bkpfile');
}

export function manifestPath(runId: string, stamp: string): string {
  return path.join(manifestDir(), `manifest-${stamp}-${runId}.json`);
}

export function manifestTempPath(manifest: string): string {
  return `${manifest}.tmp`;
}

/**
 * Writes the manifest through a temporary and a rename, synchronously: it runs on the way
 * out, also after a cancel, when libuv's threads may be stuck in uninterruptible copies.
 */
export function writeManifest(file: string, manifest: Manifest, resources: ResourceManager): void {
  const temp = manifestTempPath(file);
  mkdirSync(path.dirname(file), { recursive: true });
  resources.addTempFile(temp);
  writeFileSync(temp, `${JSON.stringify(manifest, null, 1)}\n`, { mode: 0o644 });
  renameSync(temp, file);
  resources.removeTempFile(temp);
}
