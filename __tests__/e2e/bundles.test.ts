import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT, SimulatedJob, nodeRuntimes, type StepOptions, type StepResult } from './runner.js';

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

  it('every bundle is CommonJS, which Node loads without its ESM loader (scripts/bundle.mjs)', () => {
    for (const name of ['main', 'post', 'restore', 'list', 'backup-worker']) {
      expect({ name, type: (JSON.parse(readFileSync(path.join(ROOT, 'dist', name, 'package.json'), 'utf8')) as { type?: string }).type }).toEqual({
        name,
        type: 'commonjs'
      });
      const code = bundle(name);
      expect({ name, esm: /^\s*(import|export)\b[^(]|\bimport\.meta\b/m.exec(code)?.[0] }).toEqual({ name, esm: undefined });
    }
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
    // In a worker thread node:module loads Node's ESM loader, compiled without cached code
    // once the step has changed V8's flags: the worker loads Node's modules by
    // process.getBuiltinModule() instead.
    expect(code).not.toMatch(/require\("(node:)?module"\)/);
    expect(code).toContain("process.getBuiltinModule('node:child_process')");
  });
});

/**
 * node:crypto and node:assert cost 3-4 ms and about 1 ms of a step's start: @actions/core's
 * file commands and @actions/glob are given light ones (src/action/light-builtins.ts), and
 * the action's own random names come from the kernel's generator (src/engine/random.ts).
 * Node's stdout stream on a pipe (node:net) cost 1.7 ms more: a step's first 4096 bytes are
 * written by write(2) (src/action/light-stdout.ts).
 * Each step is run as the runner runs it, with a CommonJS module loaded first (--require:
 * an ESM one would load node:fs's promises and streams into the step) that writes the list
 * of Node's modules the process loaded when it exits.
 */
describe.each(nodeRuntimes())('steps on $name load neither node:crypto nor node:assert, nor node:net for a few lines', ({ bin }) => {
  let job: SimulatedJob;
  let hook: string;
  beforeAll(async () => {
    job = await SimulatedJob.create({ node: bin });
    hook = path.join(job.root, 'load-list.cjs');
    writeFileSync(hook, "process.on('exit', () => require('fs').writeFileSync(process.env.LOAD_LIST, process.moduleLoadList.join('\\n')));\n");
    await job.write({ 'config/app.yml': 'a: 1\n', 'config/db.yml': 'b: 2\n' });
  });
  afterAll(async () => {
    await job.dispose();
  });

  let runs = 0;
  /** Runs a step with the hook; what it loaded, and the delimiters of its output file's entries. */
  async function traced(run: (options: StepOptions) => Promise<StepResult>): Promise<{ r: StepResult; loaded: string[]; delimiters: string[] }> {
    const list = path.join(job.root, `loaded-${++runs}.txt`);
    let outputFile = '';
    const r = await run({
      env: { LOAD_LIST: list, LOAD_HOOK: hook },
      wrapper: ['bash', '-c', 'exec "$0" --require "$LOAD_HOOK" "$@"'],
      onSpawn: step => (outputFile = step.files.output)
    });
    const delimiters = [...readFileSync(outputFile, 'utf8').matchAll(/^[\w-]+<<(.*)$/gm)].map(m => m[1]!);
    return { r, loaded: readFileSync(list, 'utf8').split('\n'), delimiters };
  }

  function expectLight({ r, loaded, delimiters }: Awaited<ReturnType<typeof traced>>): void {
    expect(r.errors).toEqual([]);
    expect(r.exitCode).toBe(0);
    expect(loaded).toContain('NativeModule fs'); // the list is the real one
    expect(loaded.filter(m => /^NativeModule (crypto|assert)$/.test(m))).toEqual([]);
    expect(loaded).not.toContain('NativeModule net'); // what it printed went by write(2)
    expect(delimiters.length).toBeGreaterThan(0);
    for (const d of delimiters) expect(d).toMatch(/^ghadelimiter_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(delimiters).size).toBe(delimiters.length);
  }

  it('backup (nothing matched, then files), its post step, restore and list', async () => {
    expectLight(await traced(o => job.runMain({ path: 'no-such-dir/**', 'if-no-files-found': 'ignore' }, o)));
    const backup = await traced(o => job.runMain({ path: 'config' }, o));
    expectLight(backup);
    expect(backup.r.outputs['created']).toBe('2');
    const post = await traced(o => job.runPost(backup.r.state, {}, o));
    expect(post.loaded.filter(m => /^NativeModule (crypto|assert)$/.test(m))).toEqual([]);
    expect(post.r.exitCode).toBe(0);
    expectLight(await traced(o => job.runActionMain('list', { path: 'config' }, o)));
    await job.write({ 'config/app.yml': 'a: changed\n', 'config/db.yml': 'b: changed\n' });
    const restore = await traced(o => job.runActionMain('restore', { path: 'config' }, o));
    expectLight(restore);
    expect(restore.r.outputs['restored']).toBe('2');
  });

  it("a step that prints more than the light stdout's 4096 bytes prints all of it, in order, through Node's stream", async () => {
    const names = Array.from({ length: 120 }, (_, i) => `many/file-${String(i).padStart(3, '0')}.txt`);
    await job.write(Object.fromEntries(names.map(name => [name, `${name}\n`])));
    const { r, loaded } = await traced(o => job.runMain({ path: 'many' }, o));
    expect(r.exitCode).toBe(0);
    expect(r.outputs['created']).toBe('120');
    expect(r.stdout.length).toBeGreaterThan(4096);
    expect(loaded).toContain('NativeModule net');
    const lines = r.stdout.split('\n');
    const fileLines = lines.filter(line => line.startsWith('created ')).map(line => line.split(/\s+/)[1]);
    expect(fileLines).toEqual(names);
    const at = (prefix: string): number => lines.findIndex(line => line.startsWith(prefix));
    expect(at('::debug::120 files matched')).toBeLessThan(at('::group::'));
    expect(at('::group::')).toBeLessThan(at('created '));
    expect(at('::endgroup::')).toBeGreaterThan(lines.findLastIndex(line => line.startsWith('created ')));
  });

  it("a pattern @actions/glob refuses fails the step with node:assert's message, loaded only then", async () => {
    const { r, loaded } = await traced(o => job.runMain({ path: 'config/../other' }, o));
    expect(r.exitCode).toBe(1);
    expect(r.errors).toEqual([
      "Input 'path' has a pattern @actions/glob cannot use: Invalid pattern 'config/../other'. Relative pathing '.' and '..' is not allowed."
    ]);
    expect(loaded).toContain('NativeModule assert');
  });
});
