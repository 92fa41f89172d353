import { closeSync, mkdirSync, openSync, promises as fs, renameSync, writeSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { errorMessage } from '../engine/fs-errors.js';
import type { ResourceManager } from '../engine/resource-manager.js';
import { InputError } from './input-error.js';
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

/** Where a restore run journals its temporaries (see RestoreJournal). */
export function restoreJournalPath(runId: string): string {
  return path.join(manifestDir(), `restore-${runId}.journal`);
}

/**
 * The manifest's temporary: its name carries a tag of the run's token, so a post step
 * handed a tampered token never matches (and never removes) the real one.
 */
export function manifestTempPath(manifest: string, token: string): string {
  return `${manifest}.${manifestTempTag(token)}.tmp`;
}

/**
 * The token's first half. It was a hash of the token, to keep all of the token out of a
 * file name; but the token is no more secret than the state file the runner keeps it in,
 * in the same RUNNER_TEMP, and a hash meant loading node:crypto (3-4 ms) at every start.
 */
export function manifestTempTag(token: string): string {
  return token.slice(0, 16);
}

/** The manifest's fields other than its files and its outcome (known only at the end). */
export type ManifestHead = Omit<Manifest, 'files' | 'outcome'>;

/** Entries are written out in batches of about this many bytes. */
const FLUSH_BYTES = 64 * 1024;

/**
 * Writes a manifest as a stream, one file's entry per line as each file is done, so the run
 * keeps none of them: through a temporary (registered for cleanup, and named in the step's
 * state for the post step) that is renamed into place when the run ends. Writes are
 * synchronous: the end comes on the way out, also after a cancel, when libuv's threads may
 * be stuck in uninterruptible copies.
 */
export class ManifestWriter {
  private pending: string[] = [];
  private pendingBytes = 0;
  private entries = 0;
  /** The first write that failed; nothing more is written after it. */
  private failure: unknown;

  private constructor(
    readonly file: string,
    private readonly temp: string,
    private fd: number | undefined,
    private readonly resources: ResourceManager
  ) {}

  static open(file: string, temp: string, head: ManifestHead, resources: ResourceManager): ManifestWriter {
    mkdirSync(path.dirname(file), { recursive: true });
    resources.addTempFile(temp);
    const writer = new ManifestWriter(file, temp, openSync(temp, 'w', 0o644), resources);
    const text = JSON.stringify({ ...head, files: [] }, null, 1);
    writer.write(`${text.slice(0, text.lastIndexOf('[]'))}[`);
    return writer;
  }

  add(entry: ManifestEntry): void {
    this.addJson(JSON.stringify(entry));
  }

  /** An entry already written as JSON (JSON.stringify of a ManifestEntry). */
  addJson(json: string): void {
    const line = `${this.entries++ ? ',' : ''}\n  ${json}`;
    this.pending.push(line);
    this.pendingBytes += line.length;
    if (this.pendingBytes > FLUSH_BYTES) this.flush();
  }

  /** Writes the outcome and gives the manifest its name; throws what failed on the way. */
  finish(outcome: Manifest['outcome']): void {
    this.pending.push(`${this.entries ? '\n ' : ''}],\n "outcome": ${JSON.stringify(outcome)}\n}\n`);
    this.flush();
    this.close();
    if (this.failure !== undefined) throw this.failure;
    renameSync(this.temp, this.file);
    this.resources.removeTempFile(this.temp);
  }

  /** Closes the temporary without naming it (the resources remove it). */
  close(): void {
    if (this.fd === undefined) return;
    try {
      closeSync(this.fd);
    } catch (err) {
      this.failure ??= err;
    }
    this.fd = undefined;
  }

  private flush(): void {
    this.write(this.pending.join(''));
    this.pending = [];
    this.pendingBytes = 0;
  }

  private write(text: string): void {
    if (this.failure !== undefined || this.fd === undefined) return;
    try {
      const buffer = Buffer.from(text);
      for (let offset = 0; offset < buffer.length;) offset += writeSync(this.fd, buffer, offset);
    } catch (err) {
      this.failure = err; // ENOSPC in RUNNER_TEMP, say: reported at the end, the run goes on
    }
  }
}

/** What restore takes from a manifest: each file's source, backup and status, nothing else. */
export interface ManifestFile {
  source: string;
  backup: string | null;
  status: string;
}

const MAX_MANIFEST_BYTES = 512 * 1024 * 1024;

/**
 * Reads a backup step's manifest for restore. Anything that is not one (not JSON, another
 * tool's, another version, a dry run's) is an input error naming `input`. Its paths are
 * only hints: restore checks every one against the backup-dir input.
 */
export async function readManifestFiles(file: string, input: string): Promise<ManifestFile[]> {
  const bad = (why: string): InputError => new InputError(`Input '${input}': ${file} ${why}`);
  let text: string;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw bad('is not a regular file.');
    if (stat.size > MAX_MANIFEST_BYTES) throw bad('is larger than 512 MiB: it is not a manifest of this action.');
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw bad(`cannot be read: ${errorMessage(err)}`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw bad("is not JSON: give the 'manifest' output of a bkpfile-action backup step.");
  }
  const record = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!record(doc) || doc['tool'] !== 'bkpfile-action' || !Array.isArray(doc['files'])) {
    throw bad("is not a bkpfile-action manifest: give the 'manifest' output of a backup step.");
  }
  if (doc['version'] !== MANIFEST_VERSION) throw bad(`has version ${JSON.stringify(doc['version'])}; this action reads version ${MANIFEST_VERSION}.`);
  if (doc['dryRun'] !== false) {
    throw bad('is the manifest of a dry run: it names backups that were never made. Give the manifest of a backup step that ran without dry-run.');
  }
  return (doc['files'] as unknown[]).map((entry, i) => {
    if (
      !record(entry) ||
      typeof entry['source'] !== 'string' ||
      entry['source'] === '' ||
      entry['source'].includes('\0') ||
      (entry['backup'] !== null && typeof entry['backup'] !== 'string') ||
      typeof entry['status'] !== 'string'
    ) {
      throw bad(`is not a valid manifest: files[${i}] needs a source, a backup (or null) and a status.`);
    }
    return { source: entry['source'], backup: entry['backup'] as string | null, status: entry['status'] };
  });
}
