// First: the light `crypto` and `assert` that @actions/core and @actions/glob are given.
import '../action/light-builtins.js';
import { runAsStep } from '../action/step-runner.js';
import { run } from '../steps/restore-step.js';

runAsStep(run);
