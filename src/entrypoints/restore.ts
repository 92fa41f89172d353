import { runAsStep } from '../action/step-runner.js';
import { run } from '../steps/restore-step.js';

runAsStep(run);
