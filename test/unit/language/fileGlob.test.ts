// File patterns from `partnerCenter.requestFiles`: a pattern that would make a regex-based glob
// matcher backtrack for ever is refused with a reason, or matched in bounded time; ordinary
// patterns match as they always did (as minimatch matched them, compared on random cases).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { minimatch } from 'minimatch';
import { compileFileGlob, fileGlobMatches } from '../../../common/src/language/fileGlob';
import { refusedFilePattern, requestKindOf } from '../../../common/src/requestKinds';

const matches = (pattern: string, path: string) => {
  const glob = compileFileGlob(pattern);
  assert.ok(!('refused' in glob), `${pattern} refused: ${'refused' in glob ? glob.refused : ''}`);
  return fileGlobMatches(glob, path);
};

test('an extglob that hangs a regex matcher is refused with a reason, and never matches', () => {
  const hostile = '*(a|a)*(a|a)*(a|a)*(a|a)b';
  assert.match(refusedFilePattern(hostile) ?? '', /extglobs such as \*\(a\|b\) are not supported/);
  const name = `file:///work/${'a'.repeat(30)}`;
  assert.equal(requestKindOf(name, '', { [hostile]: 'order' }), undefined);
  // The refused pattern does not stop the others from being used.
  assert.equal(requestKindOf(name, '', { [hostile]: 'order', 'a*': 'cart' })?.id, 'cart');
  for (const [pattern, reason] of [
    ['@(x).json', /extglobs/],
    ['orders/{a,b}.json', /braces \{a,b\} are not supported/],
    ['!x.json', /negated/],
    ['[[:alpha:]].json', /POSIX classes/],
    ['[ab.json', /not closed/],
    ['../x.json', /"\." and "\.\." are not supported/],
    ['x\\', /lone backslash/],
    ['', /empty/],
    [`${'a'.repeat(300)}*`, /longer than 256/],
  ] as const) {
    assert.match(refusedFilePattern(pattern) ?? '', reason, pattern);
  }
});

test('many stars: a simple pattern that backtracks for seconds in a regex is answered exactly', () => {
  const stars = `${'*a'.repeat(16)}*b`;
  assert.equal(refusedFilePattern(stars), undefined);
  assert.equal(matches(stars, `/work/${'a'.repeat(40)}`), false);
  assert.equal(matches(stars, `/work/${'a'.repeat(40)}b`), true);
  assert.equal(matches(stars, `/work/${'a'.repeat(15)}b`), false);
  const globstars = `${'**/a/'.repeat(12)}b`;
  assert.equal(matches(globstars, `/${'a/'.repeat(30)}c`), false);
  assert.equal(matches(globstars, `/${'a/'.repeat(30)}b`), true);
});

test('ordinary patterns match as before: file names, folders anywhere, anchored paths, case, dots, classes', () => {
  const kindOf = (path: string, extra: Record<string, string> = {}) => requestKindOf(path, '', extra)?.id;
  assert.equal(kindOf('file:///work/new.order.json'), 'order');
  assert.equal(kindOf('file:///work/New.ORDER.json'), 'order');
  assert.equal(kindOf('file:///c%3A/work/q3.cart.json'), 'cart');
  assert.equal(kindOf('file:///work/.hidden.order.json'), 'order');
  assert.equal(kindOf('file:///work/purchases/q3.json', { 'purchases/*.json': 'order' }), 'order');
  assert.equal(kindOf('file:///work/other/q3.json', { 'purchases/*.json': 'order' }), undefined);
  assert.equal(kindOf('file:///work/a/purchases/b/q3.json', { 'purchases/**/*.json': 'cart' }), 'cart');
  assert.equal(kindOf('file:///work/purchases/q3.json', { '/work/purchases/q?.json': 'cart' }), 'cart');
  assert.equal(kindOf('file:///elsewhere/work/purchases/q3.json', { '/work/purchases/q?.json': 'cart' }), undefined);
  assert.equal(kindOf('file:///work/q3.json', { 'q[0-9].json': 'customer' }), 'customer');
  assert.equal(kindOf('file:///work/qx.json', { 'q[!0-9].json': 'customer' }), 'customer');
  assert.equal(kindOf('file:///work/q3.json', { 'q[!0-9].json': 'customer' }), undefined);
});

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 2246822519) + 0x9e3779b9) >>> 0;
    return state / 2 ** 32;
  };
}

test('on random simple patterns and paths, matches exactly what minimatch matched', () => {
  const next = random(17);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const patternParts = ['a', 'b', 'A', '.', '*', '?', '[ab]', '[!a]', '[a-c]', 'x.json'];
  // No "." or ".." path segments: URIs never have them (minimatch's wildcards skip them).
  const pathParts = ['a', 'b', 'B', 'c', '.a', 'x.json', 'ab'];
  let matched = 0;
  for (let i = 0; i < 4000; i++) {
    const segment = (): string => {
      const made = Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(patternParts)).join('');
      return made === '.' || made === '..' ? segment() : made;
    };
    const segments = Array.from({ length: 1 + Math.floor(next() * 3) }, () => (next() < 0.2 ? '**' : segment()));
    const pattern = `${next() < 0.2 ? '/' : ''}${segments.join('/')}`;
    // minimatch never matched `**x/y` (a name starting with two stars, then a folder) against an
    // absolute path; it now means what `x/y` means, the end of the path.
    if (/^\*\*[^/]/.test(pattern) && pattern.includes('/')) continue;
    const path = `/${Array.from({ length: 1 + Math.floor(next() * 4) }, () => Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(pathParts)).join('')).join('/')}`;
    // The reference: how requestKinds.ts matched before, with minimatch.
    const anchored = pattern.startsWith('/') || pattern.startsWith('**') ? pattern : `**/${pattern}`;
    const expected = pattern.includes('/')
      ? minimatch(path, anchored, { nocase: true, dot: true })
      : minimatch(path, pattern, { matchBase: true, nocase: true, dot: true });
    assert.equal(matches(pattern, path), expected, `${pattern} on ${path}`);
    if (expected) matched++;
  }
  // The comparison is worth something only if both answers occur often.
  assert.ok(matched > 200 && matched < 3800, `${matched} of 4000 matched`);
});
