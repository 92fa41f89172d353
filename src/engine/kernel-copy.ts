import { createRequire } from 'node:module';

/**
 * Where `cat` may be, by absolute path (never looked up in PATH, which a workflow can
 * change); the first that is GNU cat 9.1 or later is used.
 */
const CAT_PATHS = ['/usr/bin/cat', '/bin/cat'];
let cat: string | null | undefined;

/**
 * The `cat` that copies large files inside the kernel, or undefined where there is none to
 * use. Linux only, and GNU cat of coreutils 9.1 or later only: it copies a file to a file
 * with copy_file_range, as `cp` does. Older GNU cat (coreutils 8.32 on Ubuntu 22.04) and
 * busybox's read and write through user space, as the chunked copy does, so they would gain
 * nothing. Found once per process, by running `cat --version` (a few ms), when the first
 * large file is met.
 */
export function kernelCopyTool(): string | undefined {
  if (cat === undefined) {
    cat = process.platform === 'linux' ? (CAT_PATHS.find(copiesInKernel) ?? null) : null;
  }
  return cat ?? undefined;
}

/** `cat --version` of GNU coreutils 9.1 or later (9.1 was seen calling copy_file_range; 9.0 was not tried). */
export function isKernelCopyingCat(versionText: string): boolean {
  const version = /^cat \(GNU coreutils\) (\d+)\.(\d+)/.exec(versionText);
  if (version === null) return false;
  const [major, minor] = [Number(version[1]), Number(version[2])];
  return major > 9 || (major === 9 && minor >= 1);
}

function copiesInKernel(file: string): boolean {
  const { execFileSync } = createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process');
  try {
    const text = execFileSync(file, ['--version'], { env: {}, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 });
    return isKernelCopyingCat(text);
  } catch {
    return false; // not there, not runnable, or no such option (busybox)
  }
}

/**
 * How long after its SIGKILL a child may take to exit before the copy rejects anyway. A
 * process in an uninterruptible wait (a hung network file system) dies only when the call
 * returns; it writes only through the descriptor it was given, never to a name, so it is
 * left to end alone rather than hold the step past its stop.
 */
const KILL_GRACE_MS = 500;

/**
 * Copies the open file `src`, from its offset, to the open file `dst`, from its offset, with
 * `tool` (a `cat`) as a child process whose standard input and output are the two files.
 *
 * Why a child process: the kernel's copy (copy_file_range) takes a third less time than
 * reading and writing the bytes from Node, but Node offers it only as one copyFile call per
 * file, which cannot be stopped, and a process cannot exit while one is still running in
 * libuv's threads. A child process can be killed at any moment: on `signal`, the child is
 * sent SIGKILL, and the copy rejects with the signal's reason once it has exited (the
 * kernel stops a copy_file_range at a fatal signal, within a millisecond here), or after
 * KILL_GRACE_MS if it has not.
 *
 * True when the child exited with status 0 (the caller checks the copy's size). False when
 * it could not be started or did not succeed (a read or write error, disk full, killed by
 * someone else): the caller copies the file again itself, and so meets any error with its
 * errno, which the child's exit status does not carry.
 */
export function copyWithChild(tool: string, src: number, dst: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  const { spawn } = createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process');
  return new Promise((resolve, reject) => {
    let child: import('node:child_process').ChildProcess;
    try {
      child = spawn(tool, [], { stdio: [src, dst, 'ignore'], env: {} });
    } catch {
      resolve(false); // refused at once (EPERM, ENOMEM, ENOEXEC, …): copied in chunks
      return;
    }
    let settled = false;
    let grace: NodeJS.Timeout | undefined;
    const settle = (copied: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(grace);
      signal.removeEventListener('abort', kill);
      if (signal.aborted) reject(signal.reason);
      else resolve(copied);
    };
    const kill = (): void => {
      if (child.pid === undefined) return; // never started: its 'error' settles
      child.kill('SIGKILL');
      grace = setTimeout(() => {
        child.unref();
        settle(false);
      }, KILL_GRACE_MS);
    };
    signal.addEventListener('abort', kill, { once: true });
    // 'error' without a pid: the child never started. With one (a failed kill), the child
    // is still there until its 'exit'.
    child.once('error', () => {
      if (child.pid === undefined) settle(false);
    });
    child.once('exit', code => settle(code === 0));
  });
}
