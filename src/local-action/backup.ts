import { reportOutcome } from '../action/step-outcome.js';
import { run as backUp } from '../steps/backup-step.js';

/**
 * The backup step for `npm run local-action`. @github/local-action calls an exported run()
 * and reads a failure from the exit code a failed step sets, so the outcome run() gives back
 * is reported here as the bundled entry point reports it.
 */
export async function run(): Promise<void> {
  reportOutcome(await backUp());
}
