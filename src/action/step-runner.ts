import * as core from './actions-core.js';

/**
 * Runs a step's `run()` as an entry point does: an unexpected error fails the step with
 * its message. The process then exits explicitly (after a cancel, copies the kernel is
 * still finishing must not hold the step), but only once stdout has taken everything
 * printed: `process.exit()` drops writes still queued to a pipe.
 */
export function runAsStep(run: () => Promise<void>, exitCode?: number): void {
  run().then(
    () => exitAfterFlush(exitCode),
    (err: unknown) => {
      core.setFailed(err instanceof Error ? err.message : String(err));
      exitAfterFlush(exitCode ?? 1);
    }
  );
}

function exitAfterFlush(code: number | undefined): void {
  // An empty write's callback runs after every earlier write has been handed to the OS.
  // process.exit(undefined) would exit 0 and lose the exit code setFailed() set.
  process.stdout.write('', () => (code === undefined ? process.exit() : process.exit(code)));
}
