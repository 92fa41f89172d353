import { describe, it, expect } from '@jest/globals';
import { JsonArrayWithin, jsonArrayWithin, MAX_BACKUPS_OUTPUT_BYTES } from '../../src/action/outputs.js';
import type { ManifestEntry, Totals } from '../../src/action/run-report.js';
import { MAX_SUMMARY_BYTES, SummaryRows, renderSummary } from '../../src/action/summary.js';

const entries = (n: number, extra = ''): ManifestEntry[] =>
  Array.from({ length: n }, (_, i) => ({
    source: `dir${i % 97}/file-${i}${extra}.txt`,
    backup: `.bkpfile/dir${i % 97}/file-${i}${extra}.txt-2025-05-12-13-49=pre-deploy`,
    status: i % 5 === 0 ? 'identical' : 'created',
    bytes: i * 17
  }));

/** The `backups` output's items: each entry's four fields. */
const items = (list: readonly ManifestEntry[]): object[] => list.map(({ source, backup, status, bytes }) => ({ source, backup, status, bytes }));

describe('jsonArrayWithin (the backups output, and the restore and list outputs)', () => {
  it('lists every item when it fits', () => {
    const list = [
      { source: 'a.txt', backup: '.bkpfile/a.txt-2025-05-12-13-49', status: 'created', bytes: 3 },
      { source: 'p', backup: null, status: 'invalid-file-type', bytes: 0 }
    ];
    const { json, listed } = jsonArrayWithin(list);
    expect(listed).toBe(2);
    expect(JSON.parse(json)).toEqual(list);
  });

  it('is [] for no items', () => {
    expect(jsonArrayWithin([])).toEqual({ json: '[]', listed: 0 });
  });

  it('cuts a large input to valid JSON under the byte limit', () => {
    const all = items(entries(50_000));
    const { json, listed } = jsonArrayWithin(all);
    expect(Buffer.byteLength(json)).toBeLessThanOrEqual(MAX_BACKUPS_OUTPUT_BYTES);
    expect(MAX_BACKUPS_OUTPUT_BYTES).toBeLessThan(1_000_000);
    expect(listed).toBeLessThan(all.length);
    expect(listed).toBeGreaterThan(0);
    const parsed = JSON.parse(json) as unknown[];
    expect(parsed).toHaveLength(listed);
    expect(parsed[0]).toEqual(all[0]);
  });

  it.each([100, 500, 1000, 4096, 20_000])('stays under a limit of %d bytes and lists as many as fit', maxBytes => {
    const all = items(entries(1000, '-ünïcödé-😀')); // multi-byte: bytes, not characters, count
    const { json, listed } = jsonArrayWithin(all, maxBytes);
    expect(Buffer.byteLength(json)).toBeLessThanOrEqual(maxBytes);
    expect(JSON.parse(json)).toHaveLength(listed);
    // one more item would not have fitted
    expect(Buffer.byteLength(json) + Buffer.byteLength(JSON.stringify(all[listed])) + 1).toBeGreaterThan(maxBytes);
  });

  it('built an item at a time, lists a prefix: nothing after the first item that did not fit, even a small one', () => {
    const array = new JsonArrayWithin(30);
    expect(array.add('"0123456789"')).toBe(true);
    expect(array.add('"this one is too long"')).toBe(false);
    expect(array.add('1')).toBe(false);
    expect(array).toMatchObject({ json: '["0123456789"]', listed: 1 });
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

  it.each([
    ['fits', 3, []],
    ['is cut', 100_000, []],
    ['is cut, and shorter for a long list of removed backups under it', 100_000, Array.from({ length: 200 }, (_, i) => `.bkpfile/${'&'.repeat(4000)}${i}`)]
  ])('made from rows made as the files were done (SummaryRows), the same as from the entries when the table %s', (_what, n, removed) => {
    const all = entries(n as number);
    const rows = new SummaryRows();
    for (const entry of all) rows.add(entry);
    const input = {
      title: 't',
      headline: 'h',
      backupDir: '/w/.bkpfile',
      totals: totals(all.length),
      durationMs: 5,
      manifest: '/m.json',
      keep: 1,
      total: all.length
    };
    const fromRows = renderSummary({ ...input, entries: rows, removed: removed as string[] });
    expect(fromRows).toBe(renderSummary({ ...input, entries: all, removed: removed as string[] }));
    expect(fromRows).toContain('<tr><td>');
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
