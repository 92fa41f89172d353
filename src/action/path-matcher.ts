// @actions/glob's own pattern and matching rules, applied to paths that need not exist
// (restore matches files that a failed deploy deleted). The package exports only its
// globber, so its modules are imported by file; ncc bundles them.
import { MatchKind } from '../../node_modules/@actions/glob/lib/internal-match-kind.js';
import { Pattern } from '../../node_modules/@actions/glob/lib/internal-pattern.js';
import { match, partialMatch } from '../../node_modules/@actions/glob/lib/internal-pattern-helper.js';
import { patternLines } from './patterns.js';

/**
 * Matches paths against `path` patterns exactly as `@actions/glob` does with
 * `implicitDescendants` (a matched directory stands for the files below it), `!` excludes,
 * hidden files included, relative patterns against the working directory (the workspace).
 */
export class PathMatcher {
  private readonly patterns: Pattern[] = [];

  constructor(patterns: string) {
    for (const line of patternLines(patterns)) {
      const pattern = new Pattern(line);
      this.patterns.push(pattern);
      // As the globber does for implicitDescendants.
      if (pattern.trailingSeparator || pattern.segments[pattern.segments.length - 1] !== '**') {
        this.patterns.push(new Pattern(pattern.negate, true, pattern.segments.concat('**')));
      }
    }
  }

  get empty(): boolean {
    return this.patterns.length === 0;
  }

  /** True when the file at `file` (absolute) is matched. */
  matchesFile(file: string): boolean {
    return (match(this.patterns, file) & MatchKind.File) !== 0;
  }

  /** True when files at or below the directory `dir` may be matched (prunes walks). */
  mayMatchBelow(dir: string): boolean {
    return partialMatch(this.patterns, dir) || (match(this.patterns, dir) & MatchKind.Directory) !== 0;
  }
}
