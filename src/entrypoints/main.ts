import * as core from '@actions/core';
import { run } from '../main.js';

// Exit explicitly: after a cancel, copies the kernel is still finishing must not hold the step.
run().then(
  () => process.exit(),
  (err: unknown) => {
    core.setFailed(err instanceof Error ? err.message : String(err));
    process.exit(1);
  }
);
