import { describe, it, expect } from '@jest/globals';
import { backupsJson, MAX_BACKUPS_OUTPUT_BYTES } from '../../src/action/outputs.js';
import type { ManifestEntry, Totals } from '../../src/action/run-report.js';
import { MAX_SUMMARY_BYTES, renderSummary } from '../../src/action/summary.js';

const entries = (n: number, extra = ''): ManifestEntry[] =>
  Array.from({ length: n }, (_, i) => ({
    source: `dir${i % 97}/file-${i}${extra}.txt`,
    backup: `.bkpfile/dir${i % 97}/file-${i}${extra}.txt-2025-05-12-13-49=pre-deploy`,
    status: i % 5 === 0 ? 'identical' : 'created',
    bytes: i * 17
  }));

describe('backupsJson', () => {
  it('lists every entry as {source, backup, status, bytes} when it fits', () => {
    const list: ManifestEntry[] = [
      { source: 'a.txt', backup: '.bkpfile/a.txt-2025-05-12-13-49', status: 'created', bytes: 3, message: 'dropped' },
      { source: 'p', backup: null, status: 'invalid-file-type', bytes: 0 }
    ];
    const { json, listed } = backupsJson(list);
    expect(listed).toBe(2);
    expect(JSON.parse(json)).toEqual([
      { source: 'a.txt', backup: '.bkpfile/a.txt-2025-05-12-13-49', status: 'created', bytes: 3 },
      { source: 'p', backup: null, status: 'invalid-file-type', bytes: 0 }
    ]);
  });

  it('is [] for no entries', () => {
    expect(backupsJson([])).toEqual({ json: '[]', listed: 0 });
  });

  it('cuts a large input to valid JSON under the byte limit', () => {
    const all = entries(50_000);
    const { json, listed } = backupsJson(all);
    expect(Buffer.byteLength(json)).toBeLessThanOrEqual(MAX_BACKUPS_OUTPUT_BYTES);
    expect(MAX_BACKUPS_OUTPUT_BYTES).toBeLessThan(1_000_000);
    expect(listed).toBeLessThan(all.length);
    expect(listed).toBeGreaterThan(0);
    const parsed = JSON.parse(json) as unknown[];
    expect(parsed).toHaveLength(listed);
    expect(parsed[0]).toEqual({ source: all[0]!.source, backup: all[0]!.backup, status: all[0]!.status, bytes: all[0]!.bytes });
  });

  it.each([100, 500, 1000, 4096, 20_000])('stays under a limit of %d bytes and lists as many as fit', maxBytes => {
    const all = entries(1000, '-ünïcödé-😀'); // multi-byte: bytes, not characters, count
    const { json, listed } = backupsJson(all, maxBytes);
    expect(Buffer.byteLength(json)).toBeLessThanOrEqual(maxBytes);
    expect(JSON.parse(json)).toHaveLength(listed);
    // one more entry would not have fitted
    const next = JSON.stringify({ source: all[listed]!.source, backup: all[listed]!.backup, status: all[listed]!.status, bytes: all[listed]!.bytes });
    expect(Buffer.byteLength(json) + Buffer.byteLength(next) + 1).toBeGreaterThan(maxBytes);
  });
});

describe('renderSummary', () => {
  const totals = (n: number): Totals => ({
    files: n,
    created: n,
    identical: 0,
    wouldCreate: 0,
    failed: 0,
    bytes: n * 100,
    removed: 0,
    failures: new Map()
  });

  it('stays under the runner limit with 100,000 entries and says how many are not shown', () => {
    const all = entries(100_000);
    const md = renderSummary({
      title: 'bkpfile backup',
      headline: 'Backed up 100000 files',
      backupDir: '/w/.bkpfile',
      totals: totals(all.length),
      entries: all,
      durationMs: 1234,
      manifest: '/tmp/manifest.json'
    });
    expect(Buffer.byteLength(md)).toBeLessThan(MAX_SUMMARY_BYTES);
    const rows = (md.match(/<tr><td>/g) ?? []).length;
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThan(all.length);
    expect(md).toContain(`${all.length - rows} more files not shown`);
    expect(md).toContain('/tmp/manifest.json');
  });

  it('stays under the runner limit with a full table and 200 long hostile names in the list of removed backups', () => {
    const all = entries(100_000);
    const removed = Array.from({ length: 200 }, (_, i) => `.bkpfile/${'&'.repeat(4000)}${i}-2025-05-12-13-49`);
    const md = renderSummary({
      title: 'bkpfile backup',
      headline: 'h',
      backupDir: '/w/.bkpfile',
      totals: { ...totals(all.length), removed: 250 },
      entries: all,
      durationMs: 1,
      manifest: '/tmp/manifest.json',
      keep: 1,
      removed
    });
    expect(Buffer.byteLength(md)).toBeLessThan(MAX_SUMMARY_BYTES);
    expect(md).toContain('Old backups removed (keep: 1)');
    const listed = (md.match(/<li>/g) ?? []).length;
    expect(listed).toBeGreaterThan(0);
    expect(md).toContain(`… and ${250 - listed} more; <code>/tmp/manifest.json</code> lists them all.`);
  });

  it('shows every row and no "not shown" line when it fits', () => {
    const all = entries(3);
    const md = renderSummary({
      title: 't',
      headline: 'h',
      backupDir: '/w/.bkpfile',
      totals: totals(3),
      entries: all,
      durationMs: 5,
      manifest: undefined
    });
    expect((md.match(/<tr><td>/g) ?? []).length).toBe(3);
    expect(md).not.toContain('not shown');
    for (const e of all) expect(md).toContain(e.source);
  });

  it('escapes attacker-controlled names and never prints a workflow command', () => {
    const md = renderSummary({
      title: 't',
      headline: 'h',
      backupDir: '/w/.bkpfile',
      totals: totals(1),
      entries: [{ source: '<img src=x onerror=alert(1)>\n::error::x##[set-output]', backup: null, status: 'error', bytes: 0, message: '<b onmouseover=x>' }],
      durationMs: 5,
      manifest: undefined
    });
    expect(md).not.toContain('<img');
    expect(md).not.toContain('<b onmouseover');
    expect(md).not.toContain('##[');
    for (const line of md.split('\n')) expect(line.trim().startsWith('::')).toBe(false);
  });

  it('stays under the limit with 100,000 entries of very long names', () => {
    const long = 'x'.repeat(3000);
    const all = entries(100_000, long).slice(0, 2000);
    const md = renderSummary({
      title: 't',
      headline: 'h',
      backupDir: '/w/.bkpfile',
      totals: totals(all.length),
      entries: all,
      durationMs: 5,
      manifest: undefined
    });
    expect(Buffer.byteLength(md)).toBeLessThan(MAX_SUMMARY_BYTES);
    expect(md).toMatch(/\d+ more files not shown/);
  });
});
