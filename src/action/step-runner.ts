import { failed, reportOutcome, type StepOutcome } from './step-outcome.js';
import { capYoungGeneration } from './young-generation.js';

/**
 * Runs a step's `run()` as an entry point does and reports the outcome it gives. A thrown
 * error fails the step with its message and no stack trace: an InputError (a user's
 * mistake, thrown before anything is written) or anything unexpected. The process then
 * ends as endProcess says.
 */
export function runAsStep(run: () => Promise<StepOutcome>, exitCode?: number): void {
  capYoungGeneration();
  run().then(
    outcome => {
      reportOutcome(outcome);
      endProcess(exitCode);
    },
    (err: unknown) => {
      reportOutcome(failed(err instanceof Error ? err.message : String(err)));
      endProcess(exitCode ?? 1);
    }
  );
}

/**
 * How long anything still holding the event loop once a step has reported its outcome (a
 * worker thread still inside a system call after a cancel, say) may keep the process.
 */
export const STRAGGLER_MS = 200;

/**
 * Ends the process with `code` (or the exit code already set) once stdout has taken
 * everything printed, by letting the event loop empty rather than by `process.exit()`. On
 * Node 24, `process.exit()` can hang for ever: it joins V8's background threads, and a
 * compile job among them may be waiting for a garbage collection that only the exiting main
 * thread could make (nodejs/node#54918, #64274). Here 3 of 60 backups of a 1 GiB file hung
 * so. A process whose loop empties disposes of its V8 isolate first, which releases such a
 * job. Whatever still holds the loop after STRAGGLER_MS gets `process.exit()`.
 */
export function endProcess(code?: number): void {
  if (code !== undefined) process.exitCode = code;
  process.stdout.write('', () => setTimeout(() => process.exit(), STRAGGLER_MS).unref());
}
