import { runAsStep } from '../action/step-runner.js';
import { run } from '../steps/list-step.js';

runAsStep(run);
