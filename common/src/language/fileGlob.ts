// File patterns (the request kinds' own and `partnerCenter.requestFiles` from the settings) matched
// without regular expressions. Glob libraries (minimatch, picomatch) compile a pattern to a
// backtracking regular expression, and a pattern from a workspace's settings can make that take
// forever: `*(a|a)*(a|a)*(a|a)*(a|a)b` hung the language server on a 30-character file name, and
// even with extglobs off, `*a*a*a*a*a*a*a*a*a*a*a*b` took 2 s (16 stars: over 30 s). So patterns
// are limited to the simple forms file associations use (`*`, `?`, `[...]`, `**` as a whole
// segment), anything else is refused with a reason, and matching backtracks only to the last
// star: time at most pattern length × path length.
//
// As in VS Code, a pattern without a slash matches the file name anywhere; one with a slash
// matches the end of the path (`orders/*.json`: an orders folder anywhere) unless it starts with
// `/` or `**`. Letters match without regard to case, and wildcards match names starting with a dot.

/** Longer patterns are refused; file associations are short. */
export const MAX_PATTERN_LENGTH = 256;

type CharToken = { chars: string } | { ranges: [string, string][]; negated: boolean };
type Token = '*' | '?' | CharToken;
type Segment = '**' | Token[];

export interface FileGlob {
  readonly segments: readonly Segment[];
}

/** The pattern ready to match, or why it is refused. */
export function compileFileGlob(pattern: string): FileGlob | { refused: string } {
  if (pattern.length === 0) return { refused: 'it is empty' };
  if (pattern.length > MAX_PATTERN_LENGTH) return { refused: `it is longer than ${MAX_PATTERN_LENGTH} characters` };
  if (pattern.startsWith('!')) return { refused: 'negated patterns (!) are not supported' };
  // (A pattern such as `**x/y.json` starts with a name, not with `**`: it matches the end of the path too.)
  const anchored = !pattern.includes('/') || pattern.startsWith('/') || pattern.startsWith('**/') ? pattern : `**/${pattern}`;
  const parts = anchored.split('/').filter((part) => part !== '');
  const segments: Segment[] = pattern.includes('/') ? [] : ['**'];
  for (const part of parts) {
    if (part === '**') {
      // Consecutive globstars match what one does.
      if (segments[segments.length - 1] !== '**') segments.push('**');
      continue;
    }
    if (part === '.' || part === '..') return { refused: '"." and ".." are not supported in patterns' };
    const tokens = tokenize(part);
    if (typeof tokens === 'string') return { refused: tokens };
    segments.push(tokens);
  }
  // `folder/**` is what is inside the folder, not the folder itself: at least one more name.
  if (parts[parts.length - 1] === '**') segments.push(['*']);
  return { segments };
}

/** Whether a path (a URI's path: `/`-separated) matches. */
export function fileGlobMatches(glob: FileGlob, path: string): boolean {
  const names = path
    .toLowerCase()
    .split('/')
    .filter((name) => name !== '');
  return matchSequence(
    glob.segments,
    names.length,
    (segment, i) => segment !== '**' && matchName(segment, names[i]),
    (segment) => segment === '**',
  );
}

/** A segment's tokens, or why the segment is refused. */
function tokenize(part: string): Token[] | string {
  const tokens: Token[] = [];
  for (let i = 0; i < part.length; i++) {
    const c = part[i];
    if ('?*+@!'.includes(c) && part[i + 1] === '(') return `extglobs such as ${c}(a|b) are not supported`;
    if (c === '{' || c === '}') return 'braces {a,b} are not supported: add one pattern per alternative';
    if (c === '*') {
      // `**` inside a name is one star, as in minimatch; consecutive stars match what one does.
      if (tokens[tokens.length - 1] !== '*') tokens.push('*');
    } else if (c === '?') {
      tokens.push('?');
    } else if (c === '\\') {
      if (i + 1 >= part.length) return 'it ends with a lone backslash';
      tokens.push({ chars: part[++i].toLowerCase() });
    } else if (c === '[') {
      const parsed = characterClass(part, i);
      if (typeof parsed === 'string') return parsed;
      tokens.push(parsed.token);
      i = parsed.end;
    } else {
      tokens.push({ chars: c.toLowerCase() });
    }
  }
  return tokens;
}

/** `[abc]`, `[a-z]`, `[!a]` or `[^a]` starting at `start`; `end` is the index of its `]`. */
function characterClass(part: string, start: number): { token: CharToken; end: number } | string {
  let i = start + 1;
  const negated = part[i] === '!' || part[i] === '^';
  if (negated) i++;
  const ranges: [string, string][] = [];
  // A `]` right after the opening (or its negation) is a member, as in POSIX.
  for (let first = true; i < part.length && (part[i] !== ']' || first); first = false) {
    if (part[i] === '[' && part[i + 1] === ':') return 'POSIX classes such as [[:alpha:]] are not supported';
    let low = part[i];
    if (low === '\\' && i + 1 < part.length) low = part[++i];
    let high = low;
    if (part[i + 1] === '-' && i + 2 < part.length && part[i + 2] !== ']') {
      high = part[i + 2];
      i += 2;
    }
    ranges.push([low, high]);
    i++;
  }
  if (i >= part.length) return 'a [ is not closed';
  return { token: { ranges, negated }, end: i };
}

function matchName(tokens: readonly Token[], name: string): boolean {
  return matchSequence(
    tokens,
    name.length,
    (token, i) => token !== '*' && matchChar(token, name[i]),
    (token) => token === '*',
  );
}

function matchChar(token: Exclude<Token, '*'>, c: string): boolean {
  if (token === '?') return true;
  if ('chars' in token) return token.chars === c;
  const upper = c.toUpperCase();
  const inClass = token.ranges.some(([low, high]) => (low <= c && c <= high) || (low <= upper && upper <= high));
  return inClass !== token.negated;
}

/**
 * Matches a pattern of units and stars against `length` subject units: a star takes any number of
 * units, every other element exactly one. Greedy, returning only to the most recent star, which
 * is exact for this kind of pattern and takes at most pattern × subject steps.
 */
function matchSequence<T>(
  pattern: readonly T[],
  length: number,
  matchesAt: (element: T, index: number) => boolean,
  isStar: (element: T) => boolean,
): boolean {
  let p = 0;
  let s = 0;
  let starAt = -1;
  let resumeAt = 0;
  while (s < length) {
    if (p < pattern.length && isStar(pattern[p])) {
      starAt = p++;
      resumeAt = s;
    } else if (p < pattern.length && matchesAt(pattern[p], s)) {
      p++;
      s++;
    } else if (starAt >= 0) {
      p = starAt + 1;
      s = ++resumeAt;
    } else {
      return false;
    }
  }
  while (p < pattern.length && isStar(pattern[p])) p++;
  return p === pattern.length;
}
