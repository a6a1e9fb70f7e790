// "Did you mean" suggestions: the closest candidate by edit distance, ignoring case, when it is
// close enough to be a likely typo rather than a different word. The candidates are a schema's
// few names; the word is whatever the document says, so it can be very long, and a candidate
// whose length alone puts it out of reach is skipped before the quadratic distance is computed.

function distance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length];
}

export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  // A third of the word's length (at least 2 edits) keeps "quantiy" → "quantity" and drops "foo" → "id".
  const limit = Math.max(2, Math.floor(word.length / 3));
  const folded = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const foldedCandidate = candidate.toLowerCase();
    // The distance is at least the difference in length: no need to compute it when that alone is too far.
    if (Math.abs(folded.length - foldedCandidate.length) > Math.min(limit, bestDistance - 1)) continue;
    const d = distance(folded, foldedCandidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= limit ? best : undefined;
}
