import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import * as path from 'node:path';
import { BackupReport } from '../../src/action/backup-report.js';
import type { BackupSettings } from '../../src/action/input-helper.js';
import { MANIFEST_VERSION, ManifestWriter, manifestTempPath, type ManifestHead } from '../../src/action/manifest.js';
import { MAX_BACKUPS_OUTPUT_BYTES } from '../../src/action/outputs.js';
import { entryJson, isPlainEntry, reportEntry, type ManifestEntry } from '../../src/action/run-report.js';
import { safeText } from '../../src/action/safe-text.js';
import { ResourceManager } from '../../src/engine/resource-manager.js';
import { BackupStatus, type FileResult } from '../../src/engine/status.js';
import { parseFileCommand } from '../e2e/runner.js';

const TOKEN = 'ab'.repeat(16);
let dir: string;
let savedEnv: NodeJS.ProcessEnv;
const head: ManifestHead = {
  version: MANIFEST_VERSION,
  tool: 'bkpfile-action',
  runId: '0123456789abcdef',
  time: '2025-05-12T13:49:00.000Z',
  stamp: '2025-05-12-13-49',
  workspace: '/ws',
  backupDir: '/ws/.bkpfile',
  note: null,
  dryRun: false
};

beforeEach(() => {
  savedEnv = { ...process.env };
  dir = mkdtempSync(path.join(os.tmpdir(), 'bkpfile-report-'));
  for (const name of ['output', 'summary']) writeFileSync(path.join(dir, name), '');
  Object.assign(process.env, { GITHUB_OUTPUT: path.join(dir, 'output'), GITHUB_STEP_SUMMARY: path.join(dir, 'summary') });
  jest.spyOn(process.stdout, 'write').mockImplementation((() => true) as typeof process.stdout.write);
});

afterEach(() => {
  jest.restoreAllMocks();
  process.env = savedEnv;
  process.exitCode = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe('ManifestWriter', () => {
  it('streams entries to a temporary, then gives it its name with the outcome last', () => {
    const file = path.join(dir, 'm', 'manifest.json');
    const temp = manifestTempPath(file, TOKEN);
    const resources = new ResourceManager();
    const writer = ManifestWriter.open(file, temp, head, resources);
    expect(existsSync(temp)).toBe(true);
    expect(resources.size).toBe(1);
    const entries = Array.from({ length: 3 }, (_, i) => ({ source: `f${i}`, backup: null, status: 'created' as const, bytes: i }));
    for (const entry of entries) writer.add(entry);
    writer.finish('success');
    expect(existsSync(temp)).toBe(false);
    expect(resources.size).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(JSON.parse(text)).toEqual({ ...head, files: entries, outcome: 'success' });
    expect(text.trimEnd().split('\n').at(-2)).toBe(' "outcome": "success"');
  });

  it('writes every entry whole: many, non-ASCII ones, and ones longer than a batch of writes', () => {
    const file = path.join(dir, 'manifest.json');
    const writer = ManifestWriter.open(file, manifestTempPath(file, TOKEN), head, new ResourceManager());
    const entries = Array.from({ length: 3000 }, (_, i) => ({
      // Some ASCII, some two- and three-byte UTF-8, a four-byte one, a run of names of three bytes
      // a character (so that one meets a batch's end), and every 1000th far longer than a batch (64 KiB).
      source:
        i % 1000 === 999 ? `long/${'ü€'.repeat(40_000)}-${i}` : i < 100 ? `${'€'.repeat(1000)}-${i}` : `dir/${i % 3 ? 'naïve—résumé' : 'plain'}-${i}📝.txt`,
      backup: null,
      status: 'created' as const,
      bytes: i
    }));
    for (const entry of entries) writer.add(entry);
    writer.finish('success');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ ...head, files: entries, outcome: 'success' });
  });

  it('writes valid JSON with no files, and names the temporary with a tag of the token', () => {
    const file = path.join(dir, 'manifest.json');
    expect(path.basename(manifestTempPath(file, TOKEN))).toMatch(/^manifest\.json\.[0-9a-f]{16}\.tmp$/);
    expect(manifestTempPath(file, TOKEN)).not.toBe(manifestTempPath(file, 'cd'.repeat(16)));
    const writer = ManifestWriter.open(file, manifestTempPath(file, TOKEN), head, new ResourceManager());
    writer.finish('cancelled');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ ...head, files: [], outcome: 'cancelled' });
  });
});

describe('BackupReport', () => {
  const settings = { workspace: '/ws', backupDir: '/ws/.bkpfile', dryRun: false, keep: 0, ifNoFilesFound: 'warn' } as BackupSettings;

  it('with 30,000 files: the manifest lists them all, the output and the summary are cut and say so', () => {
    const manifest = path.join(dir, 'manifest.json');
    const report = new BackupReport(settings, head, manifest, manifestTempPath(manifest, TOKEN), new ResourceManager());
    for (let i = 0; i < 30_000; i++) {
      const result: FileResult = { source: `/ws/dir/file-${i}.txt`, backup: `/ws/.bkpfile/dir/file-${i}.txt-2025-05-12-13-49`, status: 'created', bytes: 10 };
      report.add(reportEntry('/ws', result));
    }
    // Only what the output and the summary can show is kept, not something per file.
    const kept = report as unknown as { backupsOutput: { listed: number }; summaryRows: { rows: unknown[] } };
    for (const count of [kept.backupsOutput.listed, kept.summaryRows.rows.length]) {
      expect(count).toBeGreaterThan(0);
      expect(count).toBeLessThan(15_000);
    }
    const outcome = report.finish({ startedAt: Date.now() });
    expect(outcome).toEqual({ level: 'info', message: expect.stringMatching(/^30000 backups created/) });
    const outputs = parseFileCommand(readFileSync(path.join(dir, 'output'), 'utf8'));
    expect(outputs['created']).toBe('30000');
    expect(outputs['backups-truncated']).toBe('true');
    const listed = JSON.parse(outputs['backups']!) as { source: string }[];
    expect(listed.length).toBeLessThan(30_000);
    expect(listed[0]!.source).toBe('dir/file-0.txt');
    expect(outputs['manifest']).toBe(manifest);
    const files = (JSON.parse(readFileSync(manifest, 'utf8')) as { files: { source: string }[] }).files;
    expect(files).toHaveLength(30_000);
    expect(files[29_999]!.source).toBe('dir/file-29999.txt');
    expect(readFileSync(path.join(dir, 'summary'), 'utf8')).toMatch(/… and \d+ more files not shown/);
  });

  it('files with messages and removed backups: the output lists as many as fit of their four fields, the manifest all of them whole', () => {
    const manifest = path.join(dir, 'manifest.json');
    const report = new BackupReport({ ...settings, keep: 1 }, head, manifest, manifestTempPath(manifest, TOKEN), new ResourceManager());
    const results: FileResult[] = Array.from({ length: 12_000 }, (_, i) =>
      i % 2
        ? { source: `/ws/dir/file-${i}.txt`, backup: null, status: 'permission-denied', bytes: 0, message: `permission denied: EACCES ${'x'.repeat(300)}` }
        : {
            source: `/ws/dir/file-${i}.txt`,
            backup: `/ws/.bkpfile/dir/file-${i}.txt-2025-05-12-13-49`,
            status: 'created',
            bytes: 10,
            removed: [`/ws/.bkpfile/dir/file-${i}.txt-2025-05-11-13-49`]
          }
    );
    for (const result of results) report.add(reportEntry('/ws', result));
    report.finish({ startedAt: Date.now() });
    const outputs = parseFileCommand(readFileSync(path.join(dir, 'output'), 'utf8'));
    const listed = JSON.parse(outputs['backups']!) as Record<string, unknown>[];
    // Exactly as many as fit: the run kept every entry the output could show.
    let fit = 0;
    for (let size = 2; fit < results.length; fit++) {
      const { source, backup, status, bytes } = reportEntry('/ws', results[fit]!);
      size += Buffer.byteLength(JSON.stringify({ source, backup, status, bytes })) + (fit ? 1 : 0);
      if (size > MAX_BACKUPS_OUTPUT_BYTES) break;
    }
    expect(fit).toBeLessThan(results.length);
    expect(listed).toHaveLength(fit);
    expect(Object.keys(listed[1]!)).toEqual(['source', 'backup', 'status', 'bytes']);
    const files = (JSON.parse(readFileSync(manifest, 'utf8')) as { files: Record<string, unknown>[] }).files;
    expect(files).toHaveLength(results.length);
    expect(files[0]).toEqual({ ...reportEntry('/ws', results[0]!), removed: ['.bkpfile/dir/file-0.txt-2025-05-11-13-49'] });
    expect(files[1]!['message']).toMatch(/^permission denied: EACCES x+$/);
  });

  it('a manifest that cannot be written is a warning, and the run is still reported', () => {
    const manifest = path.join(dir, 'output', 'manifest.json'); // 'output' is a file: no directory there
    const report = new BackupReport(settings, head, manifest, manifestTempPath(manifest, TOKEN), new ResourceManager());
    report.add(reportEntry('/ws', { source: '/ws/a', backup: '/ws/.bkpfile/a-2025-05-12-13-49', status: 'created', bytes: 1 }));
    const printed: string[] = [];
    jest.spyOn(process.stdout, 'write').mockImplementation(((chunk: string) => printed.push(String(chunk)) > 0) as typeof process.stdout.write);
    expect(report.finish({ startedAt: Date.now() }).level).toBe('info');
    expect(printed.join('')).toMatch(/^::warning::Could not write the manifest .*manifest\.json: /m);
    expect(parseFileCommand(readFileSync(path.join(dir, 'output'), 'utf8'))['manifest']).toBe('');
  });
});

describe('entryJson', () => {
  // The manifest's line and the output's size come from it: it must be JSON.stringify's text
  // for every entry, also where its fast way does not apply.
  const names = [
    'tree/d0/f0',
    'a "quoted" name',
    'back\\slash',
    'line\nbreak',
    'tab\there',
    'bell\u0007',
    'del\u007f',
    'emoji 😀',
    'lone \ud800 surrogate',
    'line sep \u2028',
    'accents é ß',
    '##[cmd]',
    '::cmd::'
  ];
  const entries: ManifestEntry[] = [];
  for (const source of names) {
    entries.push({ source, backup: `.bkpfile/${source}-2025-05-12-13-49`, status: BackupStatus.Created, bytes: 4096 });
    entries.push({ source, backup: null, status: BackupStatus.NotFound, bytes: 0, message: `${source} vanished` });
    entries.push({ source, backup: '.bkpfile/x', status: BackupStatus.Identical, bytes: 0, removed: [`.bkpfile/${source}-old`] });
    entries.push({ source: 'plain', backup: source, status: BackupStatus.WouldCreate, bytes: 1 });
  }
  // Sizes JSON has no number for (null there), and numbers written in other ways.
  for (const bytes of [Number.NaN, Number.POSITIVE_INFINITY, -0, 1e21, 2 ** 53 + 2, 0.1]) {
    entries.push({ source: 'plain', backup: 'b', status: BackupStatus.Created, bytes });
  }

  it.each(entries.map(entry => [JSON.stringify(entry), entry] as const))('%s', (expected, entry) => {
    expect(entryJson(entry)).toBe(expected);
  });

  it('is written as it is where isPlainEntry says so: JSON.stringify and safeText change nothing then', () => {
    const more = ['hash#tag', 'colon:name', 'c1 \u0085 control', 'nbsp\u00a0ok'].map((source): ManifestEntry => ({
      source,
      backup: `.bkpfile/${source}`,
      status: BackupStatus.Created,
      bytes: 1
    }));
    const plain = [...entries, ...more].filter(entry => isPlainEntry(entry));
    // Paths with nothing either would escape, nor a `#` or `:`; no message, no removed backups, a finite size.
    expect(plain.map(entry => [entry.source, entry.backup, entry.bytes])).toEqual([
      ['tree/d0/f0', '.bkpfile/tree/d0/f0-2025-05-12-13-49', 4096],
      ['plain', 'tree/d0/f0', 1],
      ['accents é ß', '.bkpfile/accents é ß-2025-05-12-13-49', 4096],
      ['plain', 'accents é ß', 1],
      ['plain', 'b', -0],
      ['plain', 'b', 1e21],
      ['plain', 'b', 2 ** 53 + 2],
      ['plain', 'b', 0.1],
      ['nbsp\u00a0ok', '.bkpfile/nbsp\u00a0ok', 1]
    ]);
    for (const entry of plain) {
      expect(entryJson(entry, true)).toBe(JSON.stringify(entry));
      const line = `${entry.status.padEnd(17)} ${entry.source} -> ${entry.backup}`;
      expect(safeText(line)).toBe(line);
    }
  });
});
