/** Anything safeText changes: a character it escapes, `##[`, or `::` after leading blanks. */
const NEEDS_ESCAPING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\\]|##\[|^\s*::/;

/**
 * File names and notes are attacker-controlled (a pull request can add any file name).
 * The runner reads `::name::` at the start of a trimmed line and `##[name]` anywhere in a
 * line as workflow commands, so anything we print that holds such text is escaped first:
 * control characters (line breaks above all) become visible `\n`, `\u001b`, …; `##[`
 * becomes `#\u0023[`; a leading `::` cannot occur because every line starts with our text.
 */
export function safeText(text: string): string {
  if (!NEEDS_ESCAPING.test(text)) return text; // most names: one scan, no copy
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\\]/g, ch => {
      switch (ch) {
        case '\\':
          return '\\\\';
        case '\n':
          return '\\n';
        case '\r':
          return '\\r';
        case '\t':
          return '\\t';
        default:
          return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
      }
    })
    .replace(/##\[/g, '#\\u0023[')
    .replace(/^(\s*)::/, '$1:\\u003a');
}

/** For the job summary (HTML): escaped for HTML and free of line breaks. */
export function htmlText(text: string): string {
  return safeText(text).replace(/[&<>"']/g, ch => `&#${ch.charCodeAt(0)};`);
}
