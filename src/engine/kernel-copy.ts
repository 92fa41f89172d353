import { accessSync, constants as fsConstants } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Where `cat` may be, by absolute path (never looked up in PATH, which a workflow can
 * change); the first that can be run is used.
 */
const CAT_PATHS = ['/usr/bin/cat', '/bin/cat'];
let cat: string | null | undefined;

/**
 * The `cat` that copies large files inside the kernel, or undefined where there is none to
 * use: Linux only, where GNU cat (coreutils 9.0 and later) copies a file to a file with
 * copy_file_range, as `cp` does, and the process running it can be killed at any moment.
 */
export function kernelCopyTool(): string | undefined {
  if (cat === undefined) {
    cat = process.platform === 'linux' ? (CAT_PATHS.find(canRun) ?? null) : null;
  }
  return cat ?? undefined;
}

function canRun(file: string): boolean {
  try {
    accessSync(file, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Copies the open file `src`, from its offset, to the open file `dst`, from its offset, with
 * `tool` (a `cat`) as a child process whose standard input and output are the two files.
 *
 * Why a child process: the kernel's copy (copy_file_range) takes a third less time than
 * reading and writing the bytes from Node, but Node offers it only as one copyFile call per
 * file, which cannot be stopped, and a process cannot exit while one is still running in
 * libuv's threads. A child process can be killed at any moment: on `signal`, the child is
 * sent SIGKILL, and the copy rejects with the signal's reason once it has exited (the
 * kernel stops a copy_file_range at a fatal signal, within a millisecond here).
 *
 * True when the child copied it all (exit status 0). False when it could not be started or
 * did not succeed (a read or write error, disk full, killed by someone else): the caller
 * copies the file again itself, and so meets any error with its errno, which the child's
 * exit status does not carry.
 */
export function copyWithChild(tool: string, src: number, dst: number, signal: AbortSignal): Promise<boolean> {
  signal.throwIfAborted();
  const { spawn } = createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process');
  return new Promise((resolve, reject) => {
    const child = spawn(tool, [], { stdio: [src, dst, 'ignore'], env: {} });
    const kill = (): void => {
      child.kill('SIGKILL');
    };
    signal.addEventListener('abort', kill, { once: true });
    let settled = false;
    const settle = (copied: boolean): void => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', kill);
      if (signal.aborted) reject(signal.reason);
      else resolve(copied);
    };
    // 'error' without a pid: the child never started. With one (a failed kill), the child
    // is still there until its 'exit'.
    child.once('error', () => {
      if (child.pid === undefined) settle(false);
    });
    child.once('exit', code => settle(code === 0));
  });
}
