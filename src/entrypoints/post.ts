// First: the light `crypto` and `assert` that @actions/core and @actions/glob are given.
import '../action/light-builtins.js';
import { useLightStdout } from '../action/light-stdout.js';
import { endProcess } from '../action/step-runner.js';
import { run } from '../steps/cleanup-step.js';

useLightStdout(); // before anything is printed
// The post step never fails the job: its own problems are reported as warnings.
void run().finally(() => endProcess(0));
