// The floor under start-up: what every backup step must load and do from its two
// dependencies, and nothing else. The bench bundles this file with ncc, as the action's
// bundles are made (CommonJS), and times it as the `startup` case's floor row against
// `node -e 0`: the part of the start-up ratio that is Node's and the dependencies', not the
// action's.
//
// It loads the same modules of @actions/core and @actions/glob as the action, as they load
// themselves (core's command and file-command, which load node:crypto for the output's
// delimiter; glob's Pattern and its helper, which load node:assert), makes the Pattern of
// the `path` input, looks for its search path, writes one debug line and sets one output.
// The action does more (its other inputs, four state values, seven outputs, the manifest,
// the summary), but gives the two packages light versions of node:crypto and node:assert
// (src/action/light-builtins.ts) and writes a step's first lines to stdout itself
// (src/action/light-stdout.ts), which this floor pays for in full.
import { statSync } from 'node:fs';
import path from 'node:path';
import { issueCommand } from '../node_modules/@actions/core/lib/command.js';
import { issueFileCommand, prepareKeyValueMessage } from '../node_modules/@actions/core/lib/file-command.js';
import { getSearchPaths } from '../node_modules/@actions/glob/lib/internal-pattern-helper.js';
import { Pattern } from '../node_modules/@actions/glob/lib/internal-pattern.js';

const workspace = process.env['GITHUB_WORKSPACE'] || process.cwd();
const pattern = new Pattern(path.resolve(workspace, (process.env['INPUT_PATH'] || '').trim()));
const found = getSearchPaths([pattern]).filter(dir => statSync(dir, { throwIfNoEntry: false }) !== undefined);
issueCommand('debug', {}, `${found.length} search paths exist`);
issueFileCommand('OUTPUT', prepareKeyValueMessage('count', '0'));
