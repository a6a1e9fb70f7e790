// Rules that need the live catalog: the item exists and is for sale, the term and billing cycle
// are among the availability's terms, the quantity fits the SKU, the SKU's provisioning variables
// and attestation are given, and a custom term end date is allowed for it.
import { type SourceNode } from '../sourceTree';
import { codes } from '../codes';
import { anchorRange, diagnostic, jsonText } from '../diagnosticFactory';
import { type FixSpec } from '../fixes';
import { nodeRange } from '../parsedRequest';
import { catalogItemKey, type CatalogItemInfo } from '../catalog';
import { foldEnumValue } from '../schemaModel';
import { canonicalBillingCycle, isAllowedPair } from './termPairs';
import { termCycleFixes } from './termFixes';
import { childAt, isObject, type LineView, lineViews, nodeAt, type Rule, type RuleContext, setPathFor } from './ruleContext';

/** `Scope` → `scope`: the catalog names variables in PascalCase, the context keys are camelCase. */
export function provisioningKey(variable: string): string {
  return variable.charAt(0).toLowerCase() + variable.slice(1);
}

export const catalogRules: Rule = (ctx) => {
  const property = ctx.kind.lineItems?.catalogItemProperty;
  if (!property) return;
  let firstIdNode: SourceNode | undefined;
  const lines = lineViews(ctx);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    const id = line.value[property];
    if (typeof id !== 'string') continue;
    const key = catalogItemKey(id);
    if (key === undefined) continue;
    if (!ctx.catalog.available) {
      // Only the first id is reported (below): the other lines need not be read.
      firstIdNode = childAt(line.node, property);
      if (firstIdNode) break;
      continue;
    }
    const info = ctx.catalog.items.get(key);
    // The node (for ranges) only when there is something to say about the item.
    const idNode = info === undefined ? undefined : childAt(line.node, property);
    if (info === undefined || !idNode) continue;
    if (info === null) {
      ctx.report(
        diagnostic(
          nodeRange(ctx.parsed, idNode),
          codes.catalogItemNotFound,
          `The catalog has no item ${id}. Catalog item ids change over time: look it up again.`,
        ),
      );
      continue;
    }
    checkItem(ctx, line, idNode, info);
  }
  if (!ctx.catalog.available && firstIdNode) {
    // Said once per document, not per line: the reason is the same for all of them.
    ctx.report(
      diagnostic(
        nodeRange(ctx.parsed, firstIdNode),
        codes.catalogUnavailable,
        `Catalog checks are off: ${ctx.catalog.reason ?? 'sign in to Partner Center (or use the emulator) to check items, terms, quantities and attestation.'}`,
      ),
    );
  }
};

function checkItem(ctx: RuleContext, line: LineView, idNode: SourceNode, info: CatalogItemInfo): void {
  const name = info.skuTitle.includes(info.productTitle) ? info.skuTitle : `${info.productTitle} (${info.skuTitle})`;
  if (!info.isPurchasable) {
    ctx.report(
      diagnostic(nodeRange(ctx.parsed, idNode), codes.catalogNotPurchasable, `${name} cannot be bought in this market.`),
    );
  }
  checkQuantity(ctx, line, info, name);
  checkTerm(ctx, line, idNode, info, name);
  checkProvisioning(ctx, line, idNode, info, name);
  if (info.enforceAttestation && line.value.attestationAccepted !== true) {
    ctx.report(
      diagnostic(
        nodeRange(ctx.parsed, idNode),
        codes.catalogAttestationRequired,
        `${name} requires attestation${info.attestationType ? ` (${info.attestationType})` : ''}: set "attestationAccepted": true on the line.`,
        [
          {
            title: 'Set "attestationAccepted" to true',
            preferred: true,
            set: [{ path: setPathFor(line.node, 'attestationAccepted'), value: true }],
          },
        ],
      ),
    );
  }
  const endDateNode = childAt(line.node, 'customTermEndDate');
  const licenseBased = info.terms.some((t) => t.billingCycle !== 'one_time' && t.billingCycle !== 'none');
  if (endDateNode && (info.isTrial || !licenseBased)) {
    ctx.report(
      diagnostic(
        anchorRange(ctx.parsed, endDateNode),
        codes.catalogCustomTermEndDate,
        `${name} cannot take a custom term end date: only new-commerce license subscriptions (not trials, reservations or software) can.`,
      ),
    );
  }
}

function checkQuantity(ctx: RuleContext, line: LineView, info: CatalogItemInfo, name: string): void {
  const quantity = line.value.quantity;
  const node = childAt(line.node, 'quantity');
  if (typeof quantity !== 'number' || !node) return;
  const { minimumQuantity: min, maximumQuantity: max } = info;
  const bound = min !== undefined && quantity < min ? min : max !== undefined && quantity > max ? max : undefined;
  if (bound === undefined) return;
  ctx.report(
    diagnostic(
      nodeRange(ctx.parsed, node),
      codes.catalogQuantity,
      `${name} is sold in quantities from ${min ?? 1} to ${max ?? 'any'}; ${quantity} is outside that range.`,
      [
        {
          title: `Change the quantity to ${bound}`,
          preferred: true,
          replace: [{ range: nodeRange(ctx.parsed, node), newText: String(bound) }],
        },
      ],
    ),
  );
}

function checkTerm(ctx: RuleContext, line: LineView, idNode: SourceNode, info: CatalogItemInfo, name: string): void {
  if (info.terms.length === 0) return;
  const term = line.value.termDuration;
  // "unknown" is no billing cycle: Partner Center applies its default, as when there is none.
  const cycle = line.billingCycle === 'unknown' ? undefined : line.billingCycle;
  const termNode = childAt(line.node, 'termDuration');
  const cycleNode = nodeAt(ctx, line.billingCyclePath);
  const cycleOnLine = ctx.kind.lineItems?.billingCycleOn === 'line';
  const offered = info.terms.map((t) => `${t.duration}/${canonicalBillingCycle(t.billingCycle)}`).join(', ');
  if (term === undefined) {
    const durations = [
      ...new Set(
        info.terms
          .filter((t) => typeof cycle !== 'string' || foldEnumValue(t.billingCycle) === foldEnumValue(cycle))
          .map((t) => t.duration),
      ),
    ];
    ctx.report(
      diagnostic(
        nodeRange(ctx.parsed, idNode),
        codes.catalogTermMissing,
        `${name} is sold with a term (${offered}); add "termDuration".`,
        durations.map((duration, i): FixSpec => ({
          title: `Add "termDuration": "${duration}"`,
          preferred: i === 0,
          set: [{ path: setPathFor(line.node, 'termDuration'), value: duration }],
        })),
      ),
    );
    return;
  }
  if (typeof term !== 'string' || typeof cycle !== 'string' || !termNode || !cycleNode) return;
  // The static rule already reports impossible pairs; repeating it here would say the same twice.
  if (!isAllowedPair(term, cycle)) return;
  const matches = (t: { duration: string; billingCycle: string }) =>
    t.duration.toUpperCase() === term.toUpperCase() && foldEnumValue(t.billingCycle) === foldEnumValue(cycle);
  if (info.terms.some(matches)) return;
  const fixes = ctx.fixes ? termCycleFixes(ctx, { term, cycle, termNode, cycleNode, line, cycleIsLocal: cycleOnLine }) : [];
  ctx.report(
    diagnostic(
      nodeRange(ctx.parsed, cycleOnLine ? cycleNode : termNode),
      codes.catalogTermNotOffered,
      `${name} is not sold as ${term} billed ${cycle}. It is sold as: ${offered}.`,
      fixes,
    ),
  );
}

function checkProvisioning(ctx: RuleContext, line: LineView, idNode: SourceNode, info: CatalogItemInfo, name: string): void {
  const context = isObject(line.value.provisioningContext) ? line.value.provisioningContext : {};
  const present = new Set(Object.keys(context).map((k) => k.toLowerCase()));
  const missing = info.provisioningVariables.map(provisioningKey).filter((key) => !present.has(key.toLowerCase()));
  const contextNode = childAt(line.node, 'provisioningContext');
  if (missing.length > 0) {
    // The SKU's own duration when it has one; never a guess, which would choose a reservation's length.
    const defaults: Record<string, string> = { scope: 'shared', duration: info.reservationDuration ?? '' };
    const set =
      contextNode?.type === 'object'
        ? missing.map((key) => ({ path: setPathFor(contextNode, key), value: defaults[key] ?? '' }))
        : [
            {
              path: setPathFor(line.node, 'provisioningContext'),
              value: Object.fromEntries(missing.map((key) => [key, defaults[key] ?? ''])),
            },
          ];
    ctx.report(
      diagnostic(
        contextNode ? anchorRange(ctx.parsed, contextNode) : nodeRange(ctx.parsed, idNode),
        codes.catalogProvisioningMissing,
        `${name} needs ${missing.map((k) => `"${k}"`).join(', ')} in "provisioningContext".`,
        [{ title: `Add ${missing.join(', ')} to the provisioning context`, preferred: true, set }],
      ),
    );
  }
  const durationNode = childAt(line.node, 'provisioningContext', 'duration');
  if (
    info.reservationDuration &&
    typeof context.duration === 'string' &&
    durationNode &&
    !sameReservationDuration(context.duration, info.reservationDuration)
  ) {
    // Not preferred: the SKU or the duration may be the mistake, and an automatic fix would turn
    // the reservation the document asks for (say three years) into the SKU's (one year).
    ctx.report(
      diagnostic(
        nodeRange(ctx.parsed, durationNode),
        codes.catalogDurationMismatch,
        `${name} is a ${info.reservationDuration} reservation, but the provisioning duration says ${context.duration}: choose the SKU for that length, or the SKU's duration.`,
        [
          {
            title: `Change to "${info.reservationDuration}" (the SKU's duration)`,
            replace: [{ range: nodeRange(ctx.parsed, durationNode), newText: jsonText(info.reservationDuration) }],
          },
        ],
      ),
    );
  }
}

/** "3Year" (product-resources.md) and "3Years" (SDK samples, catalogs) are the same length. */
export function sameReservationDuration(a: string, b: string): boolean {
  const years = (value: string) => /^\s*(\d+)\s*years?\s*$/i.exec(value)?.[1];
  const [ya, yb] = [years(a), years(b)];
  return ya !== undefined && yb !== undefined ? Number(ya) === Number(yb) : a.trim().toLowerCase() === b.trim().toLowerCase();
}
