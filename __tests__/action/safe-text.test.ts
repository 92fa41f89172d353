import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { htmlText, safeText } from '../../src/action/safe-text.js';

/** What the runner would take as a workflow command in one printed line. */
function looksLikeCommand(out: string): boolean {
  return out.includes('\n') || out.includes('\r') || out.includes('##[') || out.trim().startsWith('::');
}

/** Every character the runner (.NET) or JavaScript treats as a line break. */
const LINE_BREAKS = /[\n\r\u0085\u2028\u2029\u000b\u000c]/;

const NASTY = [
  'a##[save-state name=x;]y',
  'b##[stop-commands]t',
  '##[set-output name=x;]y',
  '###[group]x',
  '#\u0000#[x',
  'x\n::warning::w',
  'x\r\n::error::e',
  'x\r::debug::d',
  '::error::e',
  '   ::error::e',
  '\t::error::e',
  '\u00a0::error::e',
  '\ufeff::error::e',
  '\u3000::add-mask::x',
  '\u2028',
  '\u2028::error::e',
  '\u2029::error::e',
  '\u0085::error::e',
  'a\u000b::error::e',
  'a\u000c::error::e',
  '::',
  ':::',
  '\\n::error::e',
  'file-2025-05-12-13-49=x\n##[error]boom'
];

describe('safeText', () => {
  it.each(NASTY)('neutralises %j', nasty => {
    const out = safeText(nasty);
    expect(looksLikeCommand(out)).toBe(false);
    expect(out).not.toMatch(LINE_BREAKS);
  });

  it('leaves ordinary names alone', () => {
    expect(safeText('config/app.yml-2025-05-12-13-49=pre-deploy')).toBe('config/app.yml-2025-05-12-13-49=pre-deploy');
    expect(safeText('naïve file (1).txt')).toBe('naïve file (1).txt');
    expect(safeText('a:b::c')).toBe('a:b::c');
  });

  it('keeps line breaks visible and distinguishable from a literal backslash-n', () => {
    expect(safeText('a\nb')).toBe('a\\nb');
    expect(safeText('a\\nb')).not.toBe(safeText('a\nb'));
  });

  it('never prints a workflow command, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), s => {
        const out = safeText(s);
        return !looksLikeCommand(out) && !LINE_BREAKS.test(out);
      }),
      { numRuns: 2000 }
    );
  });

  it('never prints a workflow command, for strings built from command pieces', () => {
    const piece = fc.constantFrom('#', '##', '[', '::', ':', '\n', '\r', ' ', '\t', '\u2028', '\u00a0', '\\', 'x', 'save-state', ']');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), parts => {
        const out = safeText(parts.join(''));
        return !looksLikeCommand(out) && !LINE_BREAKS.test(out);
      }),
      { numRuns: 3000 }
    );
  });

  it('is injective enough to tell different names apart', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => a === b || safeText(a) !== safeText(b)),
      { numRuns: 1000 }
    );
  });
});

describe('htmlText', () => {
  it('escapes < > & " \'', () => {
    const out = htmlText(`<script>alert("x" & 'y')</script>`);
    expect(out).not.toMatch(/[<>"']/);
    expect(out).not.toMatch(/&(?!#\d+;)/);
    expect(out).toBe('&#60;script&#62;alert(&#34;x&#34; &#38; &#39;y&#39;)&#60;/script&#62;');
  });

  it('is also safe as a log line', () => {
    for (const nasty of NASTY) {
      const out = htmlText(nasty);
      expect(looksLikeCommand(out)).toBe(false);
    }
  });

  it('never holds raw HTML special characters or line breaks, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), s => {
        const out = htmlText(s);
        return !/[<>"'\n\r]/.test(out) && !/&(?!#\d+;)/.test(out);
      }),
      { numRuns: 1000 }
    );
  });
});
