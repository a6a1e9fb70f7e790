// Rules about the document as a whole: the partner-of-record attestation, legacy offers, and the
// subscription PATCH that must carry the full resource.
import { codes } from '../codes';
import { anchorRange, diagnostic } from '../diagnosticFactory';
import { nodeRange } from '../parsedRequest';
import { isCatalogItemId } from '../catalog';
import { childAt, lineViews, nodeAt, type Rule, setPathFor } from './ruleContext';

/**
 * A warning, not an error: create-an-order.md and create-a-cart.md list the property as required,
 * but their own examples (and update-a-cart.md, which does not list it) send bodies without it
 * that succeed. The message names no operation: a cart body is also sent to update a cart.
 */
export const partnerAttestationRule: Rule = (ctx) => {
  if (!ctx.kind.expectsPartnerAttestation || ctx.value.partnerOnRecordAttestationAccepted === true) return;
  const node = nodeAt(ctx, ['partnerOnRecordAttestationAccepted']);
  ctx.report(
    diagnostic(
      node ? nodeRange(ctx.parsed, node) : anchorRange(ctx.parsed, ctx.root),
      codes.partnerAttestationMissing,
      'The create-order and create-cart tables mark "partnerOnRecordAttestationAccepted": true as required (error 900206, "Partner Attestation is missing"), although most documented examples leave it out: set it to confirm the partner of record.',
      [
        {
          title: 'Set "partnerOnRecordAttestationAccepted" to true',
          preferred: true,
          set: [{ path: setPathFor(ctx.root, 'partnerOnRecordAttestationAccepted'), value: true }],
        },
      ],
    ),
  );
};

const GUID = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;

export const legacyOfferRule: Rule = (ctx) => {
  const property = ctx.kind.lineItems?.catalogItemProperty;
  if (!property) return;
  const lines = lineViews(ctx);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    const id = line.value[property];
    // A GUID (36 characters) is never a catalog item id (it has hyphens): most lines stop at the length.
    if (typeof id !== 'string' || id.length !== 36 || !GUID.test(id) || isCatalogItemId(id)) continue;
    const node = childAt(line.node, property);
    if (node) {
      ctx.report(
        diagnostic(
          nodeRange(ctx.parsed, node),
          codes.legacyOffer,
          'This is a legacy offer id. Legacy seat-based offers with a new-commerce equivalent cannot be bought since March 2022; prefer the catalog item id (PRODUCT:SKU:AVAILABILITY).',
        ),
      );
    }
  }
};

export const subscriptionPatchRule: Rule = (ctx) => {
  if (ctx.kind.id !== 'subscription') return;
  // null is "not set" (see common.schema.json): Partner Center resets it as if it were left out.
  if (ctx.value.autoRenewEnabled === undefined || ctx.value.autoRenewEnabled === null) {
    ctx.report(
      diagnostic(
        anchorRange(ctx.parsed, ctx.root),
        codes.autoRenewMissing,
        'A subscription update replaces the whole resource: without "autoRenewEnabled" Partner Center resets it (and drops scheduled changes). Copy it from the subscription as read.',
        [
          {
            title: 'Add "autoRenewEnabled": true',
            preferred: true,
            set: [{ path: setPathFor(ctx.root, 'autoRenewEnabled'), value: true }],
          },
        ],
      ),
    );
  }
  const scheduledNode = nodeAt(ctx, ['scheduledNextTermInstructions']);
  if (scheduledNode && ctx.value.autoRenewEnabled === false) {
    ctx.report(
      diagnostic(
        anchorRange(ctx.parsed, scheduledNode),
        codes.scheduledNeedsAutoRenew,
        'Scheduled changes apply at renewal, so they need "autoRenewEnabled": true.',
        [
          {
            title: 'Set "autoRenewEnabled" to true',
            preferred: true,
            set: [{ path: setPathFor(ctx.root, 'autoRenewEnabled'), value: true }],
          },
        ],
      ),
    );
  }
};
