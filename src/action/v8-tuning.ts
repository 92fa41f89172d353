/** A backup turns V8's optimizing compiler off, and limits its heap growth, once the walk has found this many files. */
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
 * that many, or before it reads a folder of thousands of entries (see LargeFolders): a
 * changed V8 flag makes Node compile each of its own modules loaded later without their
 * cached code, so a worker thread still loading then (and each later segment's) takes about
 * 78 ms to load instead of 38. A longer backup gains more than that; in a shorter one
 * TurboFan has little time to compile anything, and the worker should start as soon as it
 * can.
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
  v8().setFlagsFromString('--no-turbofan');
  return true;
}

/** Whether forgoOptimizingCompiler has turned the optimizing compiler off. */
export function optimizingCompilerForgone(): boolean {
  return forgone;
}

/** How much V8's old generation may grow between full collections, in percent (see limitHeapGrowth). */
export const HEAP_GROWING_PERCENT = 20;

/**
 * Lets V8's old generation grow by at most HEAP_GROWING_PERCENT between full collections,
 * on every thread, for the rest of the process. Left alone, V8 sets the next full
 * collection's limit at up to four times what the last one left when collections cost
 * little, as a backup's do: results, log lines and messages that live just long enough to
 * be promoted then build up in the old generation for the whole run. A backup of 100,000
 * files made one full collection, early, on the main thread; its heap grew from 19 to
 * 35 MB after it, and a worker's from 13 to 20 MB.
 *
 * Measured on tmpfs, Node 24, one worker thread, alternating runs: a first backup of
 * 100,000 one-byte files peaks at 126-128 MiB instead of 136-139, one of 300,000 empty
 * files at 142-147 MiB instead of 164-173, 1-3% slower; 20,000 files of 4 KiB and the
 * 100,000-file dry run are unchanged (no full collection falls due in them). 10% gave no
 * more.
 *
 * Set with the optimizing compiler's flag (at NO_OPTIMIZING_COMPILER_FILES), so that Node
 * loses its cached code for its own modules only once, and only in a long backup. V8 reads
 * the factor each time it sets a new limit, after a full collection; the end-to-end suite
 * checks on Node 20 and 24 that the main thread's full collections come more often.
 */
export function limitHeapGrowth(): void {
  v8().setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

/** `node:v8`, loaded when first needed: a step that never tunes V8 never loads it. */
function v8(): typeof import('node:v8') {
  return process.getBuiltinModule('node:v8');
}
