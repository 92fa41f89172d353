import { failed, reportOutcome, type StepOutcome } from './step-outcome.js';
import { capYoungGeneration } from './young-generation.js';

/**
 * Runs a step's `run()` as an entry point does and reports the outcome it gives. A thrown
 * error fails the step with its message and no stack trace: an InputError (a user's
 * mistake, thrown before anything is written) or anything unexpected. The process then exits explicitly (after a cancel, copies the kernel is
 * still finishing must not hold the step), but only once stdout has taken everything
 * printed: `process.exit()` drops writes still queued to a pipe.
 */
export function runAsStep(run: () => Promise<StepOutcome>, exitCode?: number): void {
  capYoungGeneration();
  run().then(
    outcome => {
      reportOutcome(outcome);
      exitAfterFlush(exitCode);
    },
    (err: unknown) => {
      reportOutcome(failed(err instanceof Error ? err.message : String(err)));
      exitAfterFlush(exitCode ?? 1);
    }
  );
}

function exitAfterFlush(code: number | undefined): void {
  // An empty write's callback runs after every earlier write has been handed to the OS.
  // process.exit(undefined) would exit 0 and lose the exit code setFailed() set.
  process.stdout.write('', () => (code === undefined ? process.exit() : process.exit(code)));
}
