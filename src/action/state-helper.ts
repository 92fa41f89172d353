import * as core from './actions-core.js';
import type { RunIdentity } from '../engine/staging.js';
import { State } from './constants.js';

/**
 * The only place that talks to saveState/getState. The main step records its staging
 * directory (and the secret that proves it) before the first temporary exists, so a post
 * step after a SIGKILL can still find and verify it. The state file is appended to
 * synchronously, so what is saved survives a kill.
 */
export interface CleanupState extends RunIdentity {
  stagingDir: string;
  /** Staging directories on file systems mounted inside the backup directory. */
  extraStagingDirs: string[];
  /** The manifest's temporary name, removed if a kill left it behind. */
  manifestTemp: string;
}

export function saveCleanupState(state: Omit<CleanupState, 'extraStagingDirs'>): void {
  core.saveStates([
    [State.RunId, state.runId],
    [State.Token, state.token],
    [State.StagingDir, state.stagingDir],
    [State.ManifestTemp, state.manifestTemp]
  ]);
}

const extraStagingDirs: string[] = [];

/** Records another staging directory (on a mount inside the backup directory) before it exists. */
export function saveExtraStagingDir(dir: string): void {
  if (extraStagingDirs.includes(dir)) return; // tried again after a failure: known already
  extraStagingDirs.push(dir);
  core.saveState(State.ExtraStagingDirs, extraStagingDirs.join('\n'));
}

/**
 * The staging directory could not be created, and nothing of it is left: the post step must
 * not look for it (the last value saved for a name is the one the post step gets).
 */
export function saveNoStagingDir(): void {
  core.saveState(State.StagingDir, '');
}

/**
 * What the post step was handed; undefined when main never got as far as saving it.
 * `stagingDir` is '' when main could not create one.
 */
export function readCleanupState(): CleanupState | undefined {
  const runId = core.getState(State.RunId);
  if (!runId) return undefined;
  return {
    stagingDir: core.getState(State.StagingDir),
    extraStagingDirs: core.getState(State.ExtraStagingDirs).split('\n').filter(Boolean),
    runId,
    token: core.getState(State.Token),
    manifestTemp: core.getState(State.ManifestTemp)
  };
}

/** What the restore step hands its post step: the journal of its temporaries. */
export interface RestoreCleanupState extends RunIdentity {
  journal: string;
}

export function saveRestoreCleanupState(state: RestoreCleanupState): void {
  core.saveStates([
    [State.RunId, state.runId],
    [State.Token, state.token],
    [State.RestoreJournal, state.journal]
  ]);
}

export function readRestoreCleanupState(): RestoreCleanupState | undefined {
  const journal = core.getState(State.RestoreJournal);
  if (!journal) return undefined;
  return { journal, runId: core.getState(State.RunId), token: core.getState(State.Token) };
}
