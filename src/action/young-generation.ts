/** How large V8's new space (its two semi-spaces) may grow, in MiB. */
export const NEW_SPACE_CAP_MIB = 8;
const CHECK_EVERY_MS = 20;

/**
 * Keeps V8's young generation small, so that memory does not grow with the number of files.
 * Left alone, V8 doubles the new space whenever enough objects have survived collections
 * since it last grew, which a long walk of many files always ends up doing: up to 64 MiB
 * of a 100,000-file dry run's peak. `--max-semi-space-size` would cap it, but an action
 * cannot pass Node flags (`runs.using` takes none), and V8 reads that one only when the
 * heap is set up. It reads the growth factor each time it grows the new space, though: once
 * the new space reaches the cap, a factor of 1 stops it growing. Measured on the 100,000-file
 * dry run: a peak of 113 MiB instead of 166 with a cap of 16 MiB, 92-94 MiB with 8 (and 20,000
 * small files backed up with a worker thread: 108-115 MiB instead of 120-122), in the same
 * time; a cap of 4 saved little more and made the backup a little slower.
 *
 * The factor is one for the whole process. Worker threads started after it is set keep the
 * new space they start with (the backup measured no slower for it); on Node 20, starting a
 * worker sets the factor back to 2, so it is set again at every check that finds the new
 * space at the cap. Checked every few ms while the process runs, by a timer that never
 * keeps it alive; `node:v8` is loaded at the first check, so a step that is over sooner
 * never loads it.
 */
export function capYoungGeneration(): void {
  let v8: typeof import('node:v8') | undefined;
  const timer = setInterval(check, CHECK_EVERY_MS);
  timer.unref();

  function check(): void {
    v8 ??= process.getBuiltinModule('node:v8');
    const newSpace = v8.getHeapSpaceStatistics().find(space => space.space_name === 'new_space');
    if (!newSpace) return clearInterval(timer); // another V8: leave it be
    if (newSpace.space_size >= NEW_SPACE_CAP_MIB * 1024 * 1024) v8.setFlagsFromString('--semi-space-growth-factor=1');
  }
}
