import * as core from './actions-core.js';
import { randomHex } from '../engine/random.js';
import { StopMessage, isFailure } from '../engine/status.js';
import { formatBytes, type ManifestEntry } from './run-report.js';
import { Inputs } from './constants.js';
import { safeText } from './safe-text.js';

const PROGRESS_EVERY_MS = 5000;

/** The log whose group is open, so a crash can turn workflow commands back on first. */
let resumeOpenLog: (() => void) | undefined;

/** Closes an open file group and resumes workflow commands (a crash's error must be seen). */
export function closeOpenLog(): void {
  resumeOpenLog?.();
}
/**
 * GitHub shows at most 10 warning annotations per step: failures get 9 of them at most,
 * and the 10th says how many more there are and where they are listed.
 */
const MAX_ANNOTATIONS = 10;
/** Per-file lines are written in batches of about this many characters. */
const FLUSH_BYTES = 32 * 1024;

/** How one step's per-file results read in the log. */
export interface ResultFormat<R> {
  /** The file's line in the group (escaped by the log). */
  line(result: R): string;
  /** Lines that follow the file's line (e.g. old backups `keep` removed), if any. */
  moreLines?(result: R): string[] | undefined;
  /** The annotation for a failed file; undefined when the file did not fail. */
  failure(result: R): string | undefined;
  /** Bytes the file accounts for, for the progress line. */
  bytes(result: R): number;
  /**
   * For a file the run never got to after a stop: its status. Such files are counted, not
   * listed: tens of thousands of "not started" lines would bury the stop message.
   */
  notStarted?(result: R): string | undefined;
}

/** Whether a file's message is one the engines give a file a stop left (see StopMessage). */
export function isNotStarted(message: string | undefined): boolean {
  return message === StopMessage.Unfinished || message === StopMessage.NotStarted;
}

/**
 * A step's log: one line per file inside a group, a progress line every few seconds,
 * failures as annotations after the group. While the group is open, workflow commands
 * are switched off with a random token, and every name is escaped (safeText).
 */
export class FileLog<R> {
  private done = 0;
  private bytes = 0;
  /** The first failures' annotations (no more are ever shown), and how many failed in all. */
  private readonly failures: string[] = [];
  private failed = 0;
  private readonly warnings: string[] = [];
  private readonly debugs: string[] = [];
  private progress: NodeJS.Timeout | undefined;
  private stopToken: string | undefined;
  /** Files never started after a stop, by status. */
  private readonly notStarted = new Map<string, number>();
  /** Lines not yet written: one write per batch, not one system call per file. */
  private pending: string[] = [];
  private pendingBytes = 0;

  constructor(
    private total: number,
    private readonly format: ResultFormat<R>
  ) {}

  /** `more` files beyond those the log was opened for (the walk found them since). */
  expectMore(more: number): void {
    this.total += more;
  }

  open(title: string): void {
    core.startGroup(safeText(title));
    resumeOpenLog = () => this.resumeCommands();
    this.stopToken = randomHex(16);
    core.info(`::stop-commands::${this.stopToken}`);
    this.progress = setInterval(() => {
      this.flush();
      core.info(`progress: ${this.done} of ${this.total} files done, ${formatBytes(this.bytes)} copied`);
    }, PROGRESS_EVERY_MS);
    this.progress.unref();
  }

  /** One file's result; `plain` when its line is known to need no escaping (see isPlainEntry). */
  fileDone(result: R, plain = false): void {
    this.done += 1;
    const notStarted = this.format.notStarted?.(result);
    if (notStarted !== undefined) {
      this.notStarted.set(notStarted, (this.notStarted.get(notStarted) ?? 0) + 1);
      return;
    }
    this.bytes += this.format.bytes(result);
    const failure = this.format.failure(result);
    if (failure !== undefined && ++this.failed <= MAX_ANNOTATIONS) this.failures.push(failure);
    this.addLine(this.format.line(result), plain);
    const more = this.format.moreLines?.(result);
    if (more) for (const text of more) this.addLine(text);
    if (this.pendingBytes > FLUSH_BYTES) this.flush();
  }

  private addLine(text: string, plain = false): void {
    const line = plain ? text : safeText(text);
    this.pending.push(line);
    this.pendingBytes += line.length;
  }

  /** Writes the lines gathered so far (before anything else is printed, and on the way out). */
  flush(): void {
    if (this.pending.length === 0) return;
    core.info(this.pending.join('\n'));
    this.pending = [];
    this.pendingBytes = 0;
  }

  warning(message: string): void {
    if (this.stopToken) this.warnings.push(message);
    else core.warning(safeText(message));
  }

  /** A debug message, written once commands are on again (it is a workflow command). */
  debug(message: string): void {
    if (this.stopToken) this.debugs.push(message);
    else core.debug(safeText(message));
  }

  resumeCommands(): void {
    for (const [status, n] of this.notStarted) {
      this.pending.push(`${status.padEnd(17)} ${n} more file${n === 1 ? ' was' : 's were'} not started`);
    }
    this.notStarted.clear();
    this.flush();
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
    for (const message of this.debugs) core.debug(safeText(message));
    for (const message of this.warnings) core.warning(safeText(message));
    const shown = this.failed <= MAX_ANNOTATIONS ? this.failed : MAX_ANNOTATIONS - 1;
    for (const failure of this.failures.slice(0, shown)) core.warning(safeText(failure));
    if (this.failed > shown) {
      core.warning(`${this.failed - shown} more files failed; the log above and the job summary list them all.`);
    }
  }
}

/**
 * The backup step's log. It takes each file's entry as the manifest has it (paths already
 * shown relative to the workspace), so a path is made fit to show once per file, not once
 * for the log and again for the report.
 */
export class StepLog extends FileLog<ManifestEntry> {
  constructor(total: number, keep = 0) {
    super(total, {
      line: entry => {
        const backup = entry.backup ? ` -> ${entry.backup}` : '';
        const why = entry.message ? ` (${entry.message})` : '';
        return `${entry.status.padEnd(17)} ${entry.source}${backup}${why}`;
      },
      failure: entry => (isFailure(entry.status) ? `${entry.status}: ${entry.source}: ${entry.message ?? ''}` : undefined),
      moreLines: entry => entry.removed?.map(file => `${'removed'.padEnd(17)} ${file} (${Inputs.Keep}: ${keep})`),
      bytes: entry => entry.bytes,
      notStarted: entry => (isNotStarted(entry.message) ? entry.status : undefined)
    });
  }
}
