// The fixes for a term and billing cycle that do not go together: change the term, or change the
// billing cycle, or, when neither alone will do, both. Each candidate is kept only if the document
// it leads to is valid: the pair is one a term allows (reference §4.2), the SKU sells it when the
// catalog knows the line's item, and, for an order, whose billing cycle is the whole document's,
// every other line still has a pair that goes and that its SKU sells (issue 12: P2Y and P3Y were
// offered for Business Basic, which sells neither, and nothing offered to change the billing cycle).
import { jsonText } from '../diagnosticFactory';
import { catalogItemKey, type CatalogItemInfo } from '../catalog';
import { type FixSpec } from '../fixes';
import { nodeRange } from '../parsedRequest';
import { foldEnumValue } from '../schemaModel';
import { type SourceNode } from '../sourceTree';
import { canonicalBillingCycle, cyclesFor, isAllowedPair, termsAllowing } from './termPairs';
import { type LineView, lineViews, type RuleContext } from './ruleContext';

export interface TermPair {
  term: string;
  cycle: string;
  termNode: SourceNode;
  cycleNode: SourceNode;
  /** The line the term belongs to; undefined for a subscription's own term. */
  line?: LineView;
  /** Whether the billing cycle is the line's (carts, subscriptions) or the whole order's. */
  cycleIsLocal: boolean;
}

/** At most this many fixes per diagnostic: the light bulb stays readable. */
const MAX_FIXES = 6;

export function termCycleFixes(ctx: RuleContext, pair: TermPair): FixSpec[] {
  const info = pair.line ? itemOf(ctx, pair.line) : undefined;
  // An order's billing cycle is every line's: a new one must suit the other lines too.
  const cycleSuitsOthers = (cycle: string) =>
    pair.cycleIsLocal || !pair.line || linesUnsuitedTo(ctx, cycle).every((index) => index === pair.line!.index);

  const sold = info?.terms.length
    ? info.terms.map((t) => ({ term: t.duration, cycle: canonicalBillingCycle(t.billingCycle) }))
    : undefined;
  const termCandidates = unique(
    sold ? sold.filter((t) => sameCycle(t.cycle, pair.cycle)).map((t) => t.term) : termsAllowing(pair.cycle),
  );
  const cycleCandidates = unique(
    sold
      ? sold.filter((t) => t.term.toUpperCase() === pair.term.toUpperCase()).map((t) => t.cycle)
      : [...(cyclesFor(pair.term) ?? [])],
  );

  const termFixes = termCandidates
    .filter((term) => sells(term, pair.cycle, info))
    .map((term) => ({ title: `Change the term to "${term}"`, replace: [replaceTerm(ctx, pair, term)] }));
  const cycleTitle = pair.cycleIsLocal ? 'Change the billing cycle to' : "Change the order's billing cycle to";
  const cycleFixes = cycleCandidates
    .filter((cycle) => sells(pair.term, cycle, info) && cycleSuitsOthers(cycle))
    .map((cycle) => ({ title: `${cycleTitle} "${cycle}"`, replace: [replaceCycle(ctx, pair, cycle)] }));
  const fixes: FixSpec[] = pair.cycleIsLocal ? [...cycleFixes, ...termFixes] : [...termFixes, ...cycleFixes];
  if (fixes.length === 0 && sold) {
    // Neither half alone makes a pair the SKU sells: offer the pairs it does.
    for (const t of sold) {
      if (!isAllowedPair(t.term, t.cycle) || !cycleSuitsOthers(t.cycle)) continue;
      fixes.push({
        title: `Use ${t.term} billed ${t.cycle}`,
        replace: [replaceTerm(ctx, pair, t.term), replaceCycle(ctx, pair, t.cycle)],
      });
    }
  }
  return fixes.slice(0, MAX_FIXES).map((fix, i) => ({ ...fix, preferred: i === 0 }));
}

/** Whether the SKU (when the catalog knows it) sells the term billed by the cycle, and the pair is one a term allows. */
function sells(term: string, cycle: string, item: CatalogItemInfo | undefined): boolean {
  return (
    isAllowedPair(term, cycle) &&
    (!item ||
      item.terms.length === 0 ||
      item.terms.some((t) => t.duration.toUpperCase() === term.toUpperCase() && sameCycle(t.billingCycle, cycle)))
  );
}

/**
 * The lines of this pass whose term the billing cycle does not suit, worked out once per cycle and
 * pass: asking it for every mismatched line made a long order's check quadratic (a 20,000-line
 * order with 400 mismatches took seconds).
 */
const unsuitedCache = new WeakMap<RuleContext, Map<string, number[]>>();

function linesUnsuitedTo(ctx: RuleContext, cycle: string): number[] {
  let byCycle = unsuitedCache.get(ctx);
  if (!byCycle) unsuitedCache.set(ctx, (byCycle = new Map()));
  const key = foldEnumValue(cycle);
  let unsuited = byCycle.get(key);
  if (!unsuited) {
    unsuited = [];
    const lines = lineViews(ctx);
    for (let n = 0; n < lines.length; n++) {
      const line = lines[n];
      const term = line.value.termDuration;
      // Two unsuited lines are enough to rule the cycle out for any one of them.
      if (typeof term === 'string' && !sells(term, cycle, itemOf(ctx, line)) && unsuited.push(line.index) > 1) break;
    }
    byCycle.set(key, unsuited);
  }
  return unsuited;
}

/** What the catalog says about the line's item, when it knows it. */
function itemOf(ctx: RuleContext, line: LineView): CatalogItemInfo | undefined {
  // The catalog first: with it off (the command line without --endpoint) no line's id is read.
  if (!ctx.catalog.available) return undefined;
  const property = ctx.kind.lineItems?.catalogItemProperty;
  const key = property ? catalogItemKey(line.value[property]) : undefined;
  return key ? (ctx.catalog.items.get(key) ?? undefined) : undefined;
}

function replaceTerm(ctx: RuleContext, pair: TermPair, term: string) {
  return { range: nodeRange(ctx.parsed, pair.termNode), newText: jsonText(term) };
}

function replaceCycle(ctx: RuleContext, pair: TermPair, cycle: string) {
  return { range: nodeRange(ctx.parsed, pair.cycleNode), newText: jsonText(cycle) };
}

function sameCycle(a: string, b: string): boolean {
  return foldEnumValue(a) === foldEnumValue(b);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
