// First: the light `crypto` and `assert` that @actions/core and @actions/glob are given.
import '../action/light-builtins.js';
import { useLightStdout } from '../action/light-stdout.js';
import { runAsStep } from '../action/step-runner.js';
import { run } from '../steps/backup-step.js';

useLightStdout(); // before anything is printed
runAsStep(run);
