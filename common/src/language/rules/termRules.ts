// Term × billing cycle (reference §4.2) and renewal terms, checked without the catalog.
import { codes } from '../codes';
import { diagnostic, jsonText } from '../diagnosticFactory';
import { type FixSpec } from '../fixes';
import { nodeRange } from '../parsedRequest';
import { cyclesFor, isAllowedPair, RENEWAL_TERMS } from './termPairs';
import { termCycleFixes, type TermPair } from './termFixes';
import { childAt, isObject, type LineView, lineViews, nodeAt, type Rule, type RuleContext } from './ruleContext';

export const termBillingRule: Rule = (ctx) => {
  const cycleIsLocal = ctx.kind.lineItems?.billingCycleOn === 'line';
  // The pair checked last and its answer: the lines of a long order repeat a handful of pairs.
  let lastTerm: string | undefined;
  let lastCycle: string | undefined;
  let allowed = true;
  const lines = lineViews(ctx);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    const term = line.value.termDuration;
    const cycle = line.billingCycle;
    if (typeof term !== 'string' || typeof cycle !== 'string') continue;
    if (term !== lastTerm || cycle !== lastCycle) {
      lastTerm = term;
      lastCycle = cycle;
      allowed = isAllowedPair(term, cycle);
    }
    if (allowed) continue;
    // From the line's own node: walking from the root for each line re-read the path to it.
    const termNode = childAt(line.node, 'termDuration');
    const cycleNode = cycleIsLocal ? childAt(line.node, 'billingCycle') : nodeAt(ctx, ['billingCycle']);
    if (termNode && cycleNode) reportPair(ctx, { term, cycle, termNode, cycleNode, line, cycleIsLocal });
  }
  if (ctx.kind.id === 'subscription') {
    checkPair(ctx, ['termDuration'], ['billingCycle']);
    checkPair(
      ctx,
      ['scheduledNextTermInstructions', 'product', 'termDuration'],
      ['scheduledNextTermInstructions', 'product', 'billingCycle'],
    );
  }
};

/** Checks a subscription's term and billing cycle, both its own. */
function checkPair(ctx: RuleContext, termPath: (string | number)[], cyclePath: (string | number)[]): void {
  // Values first: nearly every pair is allowed, and then the nodes (for ranges) are not needed.
  const term = valueAt(ctx, termPath);
  const cycle = valueAt(ctx, cyclePath);
  if (typeof term !== 'string' || typeof cycle !== 'string' || isAllowedPair(term, cycle)) return;
  const termNode = nodeAt(ctx, termPath);
  const cycleNode = nodeAt(ctx, cyclePath);
  if (termNode && cycleNode) reportPair(ctx, { term, cycle, termNode, cycleNode, cycleIsLocal: true });
}

/**
 * Reports a term and billing cycle that cannot go together. The diagnostic sits on the value that
 * belongs to the line: the billing cycle when the line has its own, else the term.
 */
function reportPair(ctx: RuleContext, pair: TermPair): void {
  const { term, cycle } = pair;
  const fixes = ctx.fixes ? termCycleFixes(ctx, pair) : [];
  ctx.report(
    diagnostic(
      nodeRange(ctx.parsed, pair.cycleIsLocal ? pair.cycleNode : pair.termNode),
      codes.billingCycleMismatch,
      `A ${term} term cannot be billed "${cycle}": the billing period may not be longer than the term. ${term} allows ${(cyclesFor(term) ?? []).join(', ')}.`,
      fixes,
    ),
  );
}

function valueAt(ctx: RuleContext, path: readonly (string | number)[]): unknown {
  let value: unknown = ctx.value;
  for (const segment of path) {
    if (Array.isArray(value) && typeof segment === 'number') value = value[segment];
    else if (isObject(value)) value = value[segment];
    else return undefined;
  }
  return value;
}

/** renewsTo is one object in the examples and "an array of RenewsTo resources" in the request tables: both are read. */
export const renewsToRule: Rule = (ctx) => {
  const lines = lineViews(ctx);
  for (let n = 0; n < lines.length; n++) {
    const renewsTo = lines[n].value.renewsTo;
    // Most lines have none: then no entry list is made for them.
    if (typeof renewsTo === 'object' && renewsTo !== null) checkRenewsTo(ctx, lines[n], renewsTo);
  }
};

/** One line's renewsTo. Apart from the loop, which then holds no closure (see checkContext in provisioningRules.ts). */
function checkRenewsTo(ctx: RuleContext, line: LineView, renewsTo: object): void {
  const entries: [unknown, (string | number)[]][] = Array.isArray(renewsTo)
    ? renewsTo.map((entry, i) => [entry, ['renewsTo', i]])
    : [[renewsTo, ['renewsTo']]];
  for (const [entry, path] of entries) {
    if (!isObject(entry) || typeof entry.termDuration !== 'string' || RENEWAL_TERMS.includes(entry.termDuration)) continue;
    const node = childAt(line.node, ...path, 'termDuration');
    if (!node) continue;
    const fixes = RENEWAL_TERMS.map((term, i): FixSpec => ({
      title: `Renew to "${term}"`,
      preferred: i === 0,
      replace: [{ range: nodeRange(ctx.parsed, node), newText: jsonText(term) }],
    }));
    ctx.report(
      diagnostic(
        nodeRange(ctx.parsed, node),
        codes.renewsToTerm,
        `A subscription can only renew to a ${RENEWAL_TERMS.join(' or ')} term, not ${entry.termDuration}.`,
        fixes,
      ),
    );
  }
}

/**
 * "unknown" is the initial value of BillingCycleType (product-resources.md), which the docs list
 * among the billing cycles and the indirect-reseller order example sends (answered with a monthly
 * order). It is accepted; this says what it does.
 */
export const unknownBillingCycleRule: Rule = (ctx) => {
  const paths: (string | number)[][] =
    ctx.kind.id === 'subscription'
      ? [
          ['billingCycle'],
          ['scheduledNextTermInstructions', 'product', 'billingCycle'],
          ['nextChargeInstructions', 'product', 'billingCycle'],
        ]
      : ctx.kind.lineItems?.billingCycleOn === 'document'
        ? [['billingCycle']]
        : lineViews(ctx).map((line) => line.billingCyclePath);
  for (const path of paths) {
    if (valueAt(ctx, path) !== 'unknown') continue;
    const node = nodeAt(ctx, path);
    if (!node) continue;
    ctx.report(
      diagnostic(
        nodeRange(ctx.parsed, node),
        codes.billingCycleUnknown,
        '"unknown" is the initial value of BillingCycleType, not a billing cycle: Partner Center applies its default, as when the billing cycle is left out (for an order, monthly, or one_time for one-time purchases).',
      ),
    );
  }
};
