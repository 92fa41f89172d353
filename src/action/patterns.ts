import * as os from 'node:os';
import * as path from 'node:path';

/** The characters that make a glob segment a wildcard in @actions/glob. */
const WILDCARD = /[*?[\]]/;

/** The pattern lines of `path`: trimmed, without blank lines and `#` comments. */
export function patternLines(patterns: string): string[] {
  return patterns
    .split(/\r?\n/)
    .map(line => line.trim())
    .filter(line => line && !line.startsWith('#'));
}

/** The lines that add files (not `!` excludes). */
export function includePatterns(patterns: string): string[] {
  return patternLines(patterns).filter(line => !line.startsWith('!'));
}

/** A pattern that names one path, without wildcards. */
export function isLiteral(pattern: string): boolean {
  return !WILDCARD.test(pattern);
}

/** A leading `~` means the home directory, as @actions/glob reads it. */
export function expandHome(pattern: string): string {
  return /^~(?=$|[\\/])/.test(pattern) ? os.homedir() + pattern.slice(1) : pattern;
}

/** The directory a glob pattern searches from: its segments before the first wildcard. */
export function patternRoot(rawPattern: string, workspace: string): string {
  const pattern = expandHome(rawPattern);
  const literal: string[] = [];
  for (const segment of pattern.split(/[\\/]/)) {
    if (!isLiteral(segment)) break;
    literal.push(segment);
  }
  const prefix = literal.join('/');
  return path.resolve(workspace, prefix === '' && pattern.startsWith('/') ? '/' : prefix || '.');
}
