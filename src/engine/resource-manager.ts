import { rmSync } from 'node:fs';
import { errorMessage } from './fs-errors.js';

export type CleanupWarning = (message: string) => void;

/**
 * Tracks temporary files and directories and removes whatever is still registered when
 * `cleanup()` runs (bkpfile's ResourceManager). Register a path before creating it and
 * unregister it once it has been renamed into place. `cleanup()` carries on past failures,
 * reports them through `warn`, and never throws; it is safe to call concurrently and
 * again later. `await using rm = new ResourceManager(...)` runs it on every exit path.
 */
export class ResourceManager implements AsyncDisposable {
  private readonly files = new Set<string>();
  private readonly dirs = new Set<string>();

  constructor(private readonly warn: CleanupWarning = () => undefined) {}

  addTempFile(file: string): void {
    this.files.add(file);
  }

  addTempDir(dir: string): void {
    this.dirs.add(dir);
  }

  removeTempFile(file: string): void {
    this.files.delete(file);
  }

  removeTempDir(dir: string): void {
    this.dirs.delete(dir);
  }

  /**
   * Removes a temporary now, synchronously, and unregisters it: on a full disk the next
   * file needs the space, and after an abort libuv's threads may be busy with copies that
   * cannot be interrupted. If it cannot be removed it stays registered for cleanup().
   */
  discardTempFile(file: string): void {
    try {
      rmSync(file, { force: true });
      this.files.delete(file);
    } catch {
      // left registered: cleanup() retries and warns
    }
  }

  get size(): number {
    return this.files.size + this.dirs.size;
  }

  /** Removes everything still registered: files first, then directories. */
  async cleanup(): Promise<void> {
    // Whatever is registered while this runs is picked up by the next pass.
    while (this.size > 0) {
      const files = [...this.files];
      const dirs = [...this.dirs];
      this.files.clear();
      this.dirs.clear();
      for (const file of files) this.removePath(file, false);
      for (const dir of dirs) this.removePath(dir, true);
    }
    await Promise.resolve();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.cleanup();
  }

  // Synchronous on purpose: after a cancel, libuv's thread pool may be busy with copies
  // that cannot be interrupted, and cleanup must not queue behind them.
  private removePath(target: string, recursive: boolean): void {
    try {
      rmSync(target, { force: true, recursive, maxRetries: recursive ? 3 : 0 });
    } catch (err) {
      try {
        this.warn(`Could not remove temporary ${recursive ? 'directory' : 'file'} ${target}: ${errorMessage(err)}`);
      } catch {
        // A failing warn must not make cleanup throw.
      }
    }
  }
}
