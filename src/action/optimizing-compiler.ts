import { createRequire } from 'node:module';

/** A backup turns V8's optimizing compiler off once the walk has found this many files. */
export const NO_OPTIMIZING_COMPILER_FILES = 5000;

let forgone = false;

/**
 * Turns V8's optimizing compiler (TurboFan) off for the rest of the process, on every
 * thread; code still gets V8's baseline tier (Sparkplug) and, on Node 22 and later (Node 20
 * has it off), Maglev. True the first time it is called (it was on until then). `node:v8`
 * is loaded only then.
 *
 * For a backup of many files, on one thread or more, whose time goes to system calls:
 * TurboFan's compiles run on threads of their own that compete with the backup's for the
 * CPUs, and the memory they take (the compiler's own code, its zones) is not given back
 * before the process ends. Measured on 20,000 files of 4 KiB on two CPUs (one worker
 * thread), alternating runs: a first backup 0.51-0.52 s instead of 0.55-0.57 s at a peak of
 * 95-98 MiB instead of 105-108; an identical re-run 0.42-0.43 s instead of 0.46-0.48 s at
 * 94-95 MiB instead of 106-110. The dry run does no system call but an `lstat` per file,
 * and its pattern matching and reporting gain from TurboFan: it keeps it (7% slower
 * without).
 *
 * Only for a backup of NO_OPTIMIZING_COMPILER_FILES files or more, once the walk has found
 * that many: a changed V8 flag makes Node compile each of its own modules loaded later
 * without their cached code, so a worker thread still loading then (and each later
 * segment's) takes about 78 ms to load instead of 38. A longer backup gains more than that;
 * in a shorter one TurboFan has little time to compile anything, and the worker should
 * start as soon as it can.
 *
 * Node's documentation warns that changing V8's flags once it runs may do nothing or worse,
 * as flags are read without locks. This one is a yes-or-no that V8 reads each time it
 * decides whether to optimize a function: a thread that reads it a moment too early
 * optimizes one function more. The end-to-end suite checks on Node 20 and 24 that no
 * TurboFan compile starts after it is turned off (the step run under `--trace-opt`).
 */
export function forgoOptimizingCompiler(): boolean {
  if (forgone) return false;
  forgone = true;
  const v8 = createRequire(import.meta.url)('node:v8') as typeof import('node:v8');
  v8.setFlagsFromString('--no-turbofan');
  return true;
}
