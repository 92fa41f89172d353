// The parts of @actions/core this action uses, and only those. Importing the package's
// index loads its OIDC client, HTTP client and undici (about 70 ms at every start of every
// step); these functions need only its command and file-command modules, which do the
// escaping and the GITHUB_OUTPUT / GITHUB_STATE file format. The package exports only its
// index, so the modules are imported by file; ncc bundles them. Each function below is
// @actions/core's own, line for line (see node_modules/@actions/core/lib/core.js), and
// __tests__/action/actions-core.test.ts holds them to it; setOutputs and saveStates, which
// write several at once, to what setOutput and saveState write one by one.
import * as os from 'node:os';
import { issue, issueCommand } from '../../node_modules/@actions/core/lib/command.js';
import { issueFileCommand, prepareKeyValueMessage } from '../../node_modules/@actions/core/lib/file-command.js';
import { toCommandValue } from '../../node_modules/@actions/core/lib/utils.js';

/** The step's input as the runner passes it (INPUT_<NAME>), trimmed; '' when not set. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim();
}

export function setOutput(name: string, value: unknown): void {
  if (process.env['GITHUB_OUTPUT']) return issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
  process.stdout.write(os.EOL);
  issueCommand('set-output', { name }, toCommandValue(value));
}

export function saveState(name: string, value: unknown): void {
  if (process.env['GITHUB_STATE']) return issueFileCommand('STATE', prepareKeyValueMessage(name, value));
  issueCommand('save-state', { name }, toCommandValue(value));
}

/**
 * setOutput of each of `outputs`, in order, in one append to GITHUB_OUTPUT: the same
 * entries (@actions/core's prepareKeyValueMessage), written by @actions/core's
 * issueFileCommand once rather than once each (a check that the file exists, then an
 * open, a write and a close, every time).
 */
export function setOutputs(outputs: readonly (readonly [string, unknown])[]): void {
  if (process.env['GITHUB_OUTPUT']) return issueFileCommand('OUTPUT', outputs.map(([name, value]) => prepareKeyValueMessage(name, value)).join(os.EOL));
  for (const [name, value] of outputs) setOutput(name, value);
}

/** saveState of each of `states`, in order, in one append to GITHUB_STATE (as setOutputs). */
export function saveStates(states: readonly (readonly [string, unknown])[]): void {
  if (process.env['GITHUB_STATE']) return issueFileCommand('STATE', states.map(([name, value]) => prepareKeyValueMessage(name, value)).join(os.EOL));
  for (const [name, value] of states) saveState(name, value);
}

export function getState(name: string): string {
  return process.env[`STATE_${name}`] || '';
}

/** Fails the step: exit code 1 and an error annotation. */
export function setFailed(message: string): void {
  process.exitCode = 1;
  issueCommand('error', {}, message);
}

export function debug(message: string): void {
  issueCommand('debug', {}, message);
}

export function warning(message: string): void {
  issueCommand('warning', {}, message);
}

export function info(message: string): void {
  process.stdout.write(message + os.EOL);
}

export function startGroup(name: string): void {
  issue('group', name);
}

export function endGroup(): void {
  issue('endgroup');
}
