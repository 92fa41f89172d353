import * as core from '@actions/core';
import { randomBytes } from 'node:crypto';
import type { BackupReporter } from '../engine/backup-engine.js';
import { displayPath } from '../engine/paths.js';
import { isFailure, type FileResult } from '../engine/status.js';
import { formatBytes } from './run-report.js';
import { safeText } from './safe-text.js';

const PROGRESS_EVERY_MS = 5000;

/** The log whose group is open, so a crash can turn workflow commands back on first. */
let resumeOpenLog: (() => void) | undefined;

/** Closes an open file group and resumes workflow commands (a crash's error must be seen). */
export function closeOpenLog(): void {
  resumeOpenLog?.();
}
/** Failures also become annotations, up to this many (the rest are in the log and summary). */
const MAX_ANNOTATIONS = 10;

/**
 * The main step's log: one line per file inside a group, a progress line every few
 * seconds, failures as annotations after the group. While the group is open, workflow
 * commands are switched off with a random token, and every name is escaped (safeText).
 */
export class StepLog implements BackupReporter {
  private done = 0;
  private bytes = 0;
  private readonly failures: FileResult[] = [];
  private readonly warnings: string[] = [];
  private progress: NodeJS.Timeout | undefined;
  private stopToken: string | undefined;

  constructor(
    private readonly workspace: string,
    private readonly total: number
  ) {}

  open(title: string): void {
    core.startGroup(safeText(title));
    resumeOpenLog = () => this.resumeCommands();
    this.stopToken = randomBytes(16).toString('hex');
    core.info(`::stop-commands::${this.stopToken}`);
    this.progress = setInterval(() => {
      core.info(`progress: ${this.done} of ${this.total} files done, ${formatBytes(this.bytes)} copied`);
    }, PROGRESS_EVERY_MS);
    this.progress.unref();
  }

  fileDone(result: FileResult): void {
    this.done += 1;
    this.bytes += result.bytes;
    if (isFailure(result.status)) this.failures.push(result);
    const source = displayPath(this.workspace, result.source);
    const backup = result.backup ? ` -> ${displayPath(this.workspace, result.backup)}` : '';
    const why = result.message ? ` (${result.message})` : '';
    core.info(safeText(`${result.status.padEnd(17)} ${source}${backup}${why}`));
  }

  warning(message: string): void {
    if (this.stopToken) this.warnings.push(message);
    else core.warning(safeText(message));
  }

  resumeCommands(): void {
    if (this.progress) clearInterval(this.progress);
    if (this.stopToken) {
      core.info(`::${this.stopToken}::`);
      core.endGroup();
    }
    this.stopToken = undefined;
    resumeOpenLog = undefined;
  }

  /** Closes the group and turns commands back on, then annotates failures. */
  close(): void {
    this.resumeCommands();
    for (const message of this.warnings) core.warning(safeText(message));
    for (const result of this.failures.slice(0, MAX_ANNOTATIONS)) {
      core.warning(safeText(`${result.status}: ${displayPath(this.workspace, result.source)}: ${result.message ?? ''}`));
    }
    if (this.failures.length > MAX_ANNOTATIONS) {
      core.warning(`${this.failures.length - MAX_ANNOTATIONS} more files failed; the log above and the job summary list them all.`);
    }
  }
}
