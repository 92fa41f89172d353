import { existsSync, promises as fs } from 'node:fs';

/**
 * Where `cat` may be, by absolute path (never looked up in PATH, which a workflow can
 * change); the first that is GNU cat 9.1 or later is used.
 */
const CAT_PATHS = ['/usr/bin/cat', '/bin/cat'];
/** Where util-linux's `setpriv` may be, by absolute path too. */
const SETPRIV_PATHS = ['/usr/bin/setpriv', '/bin/setpriv'];
let tool: readonly string[] | null | undefined;

/**
 * The command (a program and its first arguments) that copies large files inside the
 * kernel, or undefined where there is none to use. Linux only, and GNU cat of coreutils 9.1
 * or later only: it copies a file to a file with copy_file_range, as `cp` does. Older GNU
 * cat (coreutils 8.32 on Ubuntu 22.04) and busybox's read and write through user space, as
 * the chunked copy does, so they would gain nothing. Run under parentDeathWrapper() where
 * that works. Found once per process, by running `… cat --version` (a few ms), when the
 * first large file is met.
 */
export function kernelCopyTool(): readonly string[] | undefined {
  if (tool === undefined) tool = process.platform === 'linux' ? findTool() : null;
  return tool ?? undefined;
}

/**
 * `setpriv --pdeathsig KILL --` (util-linux 2.33 and later; Ubuntu 22.04 has 2.37), by which
 * a program is sent SIGKILL when the thread that started it ends: a copy's child then ends
 * with the step, even when the step itself is killed with SIGKILL, rather than write on to
 * the end of its source into a temporary the post step has already removed. Empty where
 * there is no setpriv.
 */
export function parentDeathWrapper(): string[] {
  const setpriv = SETPRIV_PATHS.find(file => existsSync(file));
  return setpriv === undefined ? [] : [setpriv, '--pdeathsig', 'KILL', '--'];
}

function findTool(): readonly string[] | null {
  const wrapper = parentDeathWrapper();
  for (const cat of CAT_PATHS) {
    if (wrapper.length > 0) {
      // Ran: setpriv works, and the version says whether this cat will do. Did not run (a
      // setpriv without --pdeathsig, or no such cat): the cat alone is tried.
      const text = versionOf([...wrapper, cat]);
      if (text !== undefined) {
        if (isKernelCopyingCat(text)) return [...wrapper, cat];
        continue;
      }
    }
    const text = versionOf([cat]);
    if (text !== undefined && isKernelCopyingCat(text)) return [cat];
  }
  return null;
}

/** Where util-linux's `fallocate` may be, by absolute path too. */
const FALLOCATE_PATHS = ['/usr/bin/fallocate', '/bin/fallocate'];
/** statfs's f_type of ext4 (and of ext2 and ext3, which share it). */
const EXT4_SUPER_MAGIC = 0xef53;
/** `fallocate`'s path, where it and /bin/sh (which runs it before the copy) are there; looked for once. */
let fallocate: string | null | undefined;

/**
 * The command that copies `size` bytes with `tool` into the file open for it in `dir`. On
 * ext4, with util-linux's `fallocate` there, it first reserves the copy's blocks (`fallocate
 * --keep-size`, through `/proc/self/fd/1`, so the file's size stays what the copy writes)
 * and then runs `tool`'s program in the same process, under `tool`'s wrapper: ext4 then
 * writes 1 GiB into blocks already allocated in about 230 ms, where the same copy_file_range
 * that allocates them as it goes, as `cp` does, takes about 290 ms. Elsewhere `tool`
 * itself: tmpfs gained nothing, and XFS and Btrfs share the source's blocks in
 * copy_file_range, which a reservation would only waste. Where the reservation fails (no
 * space for all of it, a file the child may not open again) the copy runs without it.
 */
export async function kernelCopyCommand(tool: string | readonly string[], size: number, dir: string): Promise<readonly string[]> {
  const command = typeof tool === 'string' ? [tool] : tool;
  fallocate ??= existsSync('/bin/sh') ? (FALLOCATE_PATHS.find(file => existsSync(file)) ?? null) : null;
  if (fallocate === null) return command;
  const type = await fs.statfs(dir).then(
    s => s.type,
    () => undefined
  );
  if (type !== EXT4_SUPER_MAGIC) return command;
  const script = '"$1" --keep-size --length "$2" /proc/self/fd/1; exec "$3"';
  return [...command.slice(0, -1), '/bin/sh', '-c', script, 'sh', fallocate, String(size), command.at(-1)!];
}

/** `cat --version` of GNU coreutils 9.1 or later (9.1 was seen calling copy_file_range; 9.0 was not tried). */
export function isKernelCopyingCat(versionText: string): boolean {
  const version = /^cat \(GNU coreutils\) (\d+)\.(\d+)/.exec(versionText);
  if (version === null) return false;
  const [major, minor] = [Number(version[1]), Number(version[2])];
  return major > 9 || (major === 9 && minor >= 1);
}

/** What `<command> --version` prints, or undefined when it does not run and exit 0. */
function versionOf(command: readonly string[]): string | undefined {
  const { execFileSync } = process.getBuiltinModule('node:child_process');
  try {
    return execFileSync(command[0]!, [...command.slice(1), '--version'], {
      env: {},
      cwd: '/',
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5000
    });
  } catch {
    return undefined; // not there, not runnable, or no such option (busybox, an old setpriv)
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
 * `tool` (a `cat`, or a command that runs one) as a child process whose standard input and
 * output are the two files.
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
export function copyWithChild(tool: string | readonly string[], src: number, dst: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  const { spawn } = process.getBuiltinModule('node:child_process');
  const [file, ...args] = typeof tool === 'string' ? [tool] : tool;
  return new Promise((resolve, reject) => {
    let child: import('node:child_process').ChildProcess;
    try {
      // In `/`: the main thread's working directory may be a source folder meanwhile (see FolderOpener).
      child = spawn(file!, args, { stdio: [src, dst, 'ignore'], env: {}, cwd: '/' });
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
