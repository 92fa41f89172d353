import { describe, expect, it } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './runner.js';

/**
 * Start-up is paid by every step of every job, so each bundle carries only what its step
 * uses (the benchmark measures the time): no @actions/core index with its OIDC and HTTP
 * clients, no @actions/glob globber, and a post step without any pattern matching.
 */
describe('the bundles load only what their step uses', () => {
  const bundle = (name: string): string => readFileSync(path.join(ROOT, 'dist', name, 'index.js'), 'utf8');

  it.each(['main', 'post', 'restore', 'list'])('dist/%s has no OIDC or HTTP client and no globber', name => {
    const code = bundle(name);
    expect(code).not.toMatch(/class OidcClient|getIDToken|class HttpClient|ProxyAgent/);
    expect(code).not.toContain('DefaultGlobber');
  });

  it('the post step has no pattern matching and no YAML parser in its main bundle', () => {
    const code = bundle('post');
    expect(code).not.toContain('minimatch');
    expect(code).not.toMatch(/class Composer|YAMLParseError/);
  });

  it('main, restore and list load the YAML parser only when a config file exists', () => {
    for (const name of ['main', 'restore', 'list']) expect(bundle(name)).not.toMatch(/class Composer|YAMLParseError/);
  });

  it('every bundle and chunk is ASCII alone, so that V8 reads it one byte a character (scripts/bundle.mjs escapes the rest)', () => {
    const files = readdirSync(path.join(ROOT, 'dist')).flatMap(name =>
      readdirSync(path.join(ROOT, 'dist', name))
        .filter(file => file.endsWith('.js'))
        .map(file => path.join(ROOT, 'dist', name, file))
    );
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) expect({ file, outsideAscii: /[^\x00-\x7f]/.exec(readFileSync(file, 'latin1'))?.[0] }).toEqual({ file, outsideAscii: undefined });
  });

  it('the backup worker thread carries only the engine: no workflow commands, no pattern matching, no YAML parser', () => {
    const code = bundle('backup-worker');
    expect(code).toContain('serveBackupThread');
    expect(code).not.toMatch(/issueCommand|minimatch|class Composer|YAMLParseError/);
  });
});
