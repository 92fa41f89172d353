import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { saveExtraStagingDir } from '../../src/action/state-helper.js';

describe('saveExtraStagingDir', () => {
  let dir: string;
  let stateFile: string;
  const saved = process.env['GITHUB_STATE'];

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'bkpfile-state-'));
    stateFile = path.join(dir, 'state');
    writeFileSync(stateFile, '');
    process.env['GITHUB_STATE'] = stateFile;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env['GITHUB_STATE'];
    else process.env['GITHUB_STATE'] = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it('records each directory once, however often its creation is tried (the state file does not grow with tries)', () => {
    saveExtraStagingDir('/ws/.bkpfile/deep/.bkpfile-staging-0123456789abcdef');
    const once = readFileSync(stateFile, 'utf8').length;
    for (let i = 0; i < 100; i++) saveExtraStagingDir('/ws/.bkpfile/deep/.bkpfile-staging-0123456789abcdef');
    expect(readFileSync(stateFile, 'utf8').length).toBe(once);
    saveExtraStagingDir('/ws/.bkpfile/other/.bkpfile-staging-0123456789abcdef');
    const text = readFileSync(stateFile, 'utf8');
    expect(text.match(/^extra-staging-dirs<</gm)).toHaveLength(2);
    expect(text).toContain('/ws/.bkpfile/deep/.bkpfile-staging-0123456789abcdef\n/ws/.bkpfile/other/.bkpfile-staging-0123456789abcdef');
  });
});
