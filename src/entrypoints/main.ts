import { runAsStep } from '../action/step-runner.js';
import { run } from '../steps/backup-step.js';

runAsStep(run);
