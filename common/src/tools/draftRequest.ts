// partnercenter_draft_request: writes a request document for a person to read and send, checked
// with the language core before it is handed over. It never sends anything: sending is Run Request
// in VS Code, with its confirmation, and is not offered over MCP at all. Term and billing cycle are
// filled in from the catalog only when the item sells exactly one pair that fits what was asked;
// otherwise the draft says what is missing and which pairs the catalog sells.
import { type CatalogItemInfo } from '../language/catalog';
import { requestKindById, type RequestKind } from '../requestKinds';
import { type AgentTool, type JsonSchema, type ToolContext, ToolInputError } from './toolTypes';
import { customerIdSchema, forCustomer } from './customerInput';
import { checkDocument, describeDiagnostics, type ToolDiagnostic } from './checkDocument';
import { plural } from './format';

interface LineInput {
  catalogItemId: string;
  quantity: number;
  termDuration?: string;
  billingCycle?: string;
  friendlyName?: string;
}

interface Input {
  kind: 'order' | 'cart' | 'subscription';
  customerId?: string;
  lines?: LineInput[];
  subscriptionId?: string;
  quantity?: number;
  autoRenewEnabled?: boolean;
}

const lineSchema: JsonSchema = {
  type: 'object',
  properties: {
    catalogItemId: {
      type: 'string',
      minLength: 1,
      maxLength: 100,
      description: 'PRODUCT:SKU:AVAILABILITY, from partnercenter_search_catalog.',
    },
    quantity: { type: 'integer', minimum: 1, maximum: 1_000_000, description: 'Seats or units.' },
    termDuration: {
      type: 'string',
      minLength: 1,
      maxLength: 10,
      description: 'P1M, P1Y or P3Y; filled from the catalog when only one fits.',
    },
    billingCycle: {
      type: 'string',
      enum: ['monthly', 'annual', 'triennial', 'one_time'],
      description: 'Filled from the catalog when only one fits.',
    },
    friendlyName: { type: 'string', maxLength: 200, description: 'A name for the subscription the line creates.' },
  },
  required: ['catalogItemId', 'quantity'],
  additionalProperties: false,
};

export const draftRequest: AgentTool<Input> = {
  name: 'partnercenter_draft_request',
  title: 'Draft a Partner Center request',
  description:
    'Drafts a Partner Center request document for a person to review and send themselves: an `order` or a `cart` of `lines` ' +
    '(catalog item ids from partnercenter_search_catalog, with quantities) for a customer, or a `subscription` update ' +
    '(new `quantity` and/or `autoRenewEnabled` for a `subscriptionId`). The draft is checked like the editor checks it, against ' +
    'the live catalog, and the answer says whether it is ready or what is missing. It NEVER sends or buys anything.',
  inputSchema: {
    type: 'object',
    properties: {
      kind: { type: 'string', enum: ['order', 'cart', 'subscription'], description: 'What to draft.' },
      customerId: { ...customerIdSchema, description: `${customerIdSchema.description} Required for order and subscription.` },
      lines: { type: 'array', minItems: 1, maxItems: 50, items: lineSchema, description: 'What to buy (order, cart).' },
      subscriptionId: { type: 'string', minLength: 1, maxLength: 100, description: 'The subscription to change (subscription).' },
      quantity: { type: 'integer', minimum: 1, maximum: 1_000_000, description: 'The new seat count (subscription).' },
      autoRenewEnabled: { type: 'boolean', description: 'Turn auto-renew on or off (subscription).' },
    },
    required: ['kind'],
    additionalProperties: false,
  },
  readsPartnerCenter: true,
  async run(input, ctx) {
    const kind = requestKindById(input.kind) as RequestKind;
    const draft = input.kind === 'subscription' ? await subscriptionDraft(input, ctx) : await purchaseDraft(input, ctx);
    const text = JSON.stringify(draft.document, null, 2) + '\n';
    const diagnostics = await checkDocument(text, kind, draft.fileName, ctx);
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const ready = errors.length === 0 && draft.missing.length === 0;
    const summary = ready
      ? `Drafted ${draft.fileName}${draft.about}; it checks clean. It has NOT been sent: a person must review it and run it (Partner Center: Run Request), which asks them to confirm.`
      : `Drafted ${draft.fileName}${draft.about}, but it is not ready: ${plural(errors.length + draft.missing.length, 'problem')}. Nothing was sent.`;
    const notes = [...draft.missing.map((m) => `- missing: ${m}`), describeDiagnostics(diagnostics)].filter(Boolean).join('\n');
    return {
      text: `${summary}\n${notes ? `${notes}\n` : ''}\n${text.trimEnd()}`,
      structured: {
        kind: kind.id,
        fileName: draft.fileName,
        document: text,
        ready,
        missing: draft.missing,
        diagnostics: diagnostics as ToolDiagnostic[],
      },
    };
  },
};

interface Draft {
  fileName: string;
  about: string;
  document: Record<string, unknown>;
  missing: string[];
}

function slug(text: string | undefined): string {
  return (
    (text ?? 'draft')
      .split('.')[0]
      .replace(/[^a-z0-9-]+/gi, '-')
      .toLowerCase() || 'draft'
  );
}

async function purchaseDraft(input: Input, ctx: ToolContext): Promise<Draft> {
  if (!input.lines) throw new ToolInputError(`lines is required for ${input.kind === 'order' ? 'an order' : 'a cart'}.`);
  if (input.kind === 'order' && !input.customerId) throw new ToolInputError('customerId is required for an order.');
  for (const name of ['subscriptionId', 'quantity', 'autoRenewEnabled'] as const) {
    if (input[name] !== undefined) throw new ToolInputError(`${name} is for a subscription draft; an ${input.kind} takes lines.`);
  }
  const customer = input.customerId
    ? await forCustomer(ctx, input.customerId, () =>
        ctx.host.client().customers.get(input.customerId as string, { signal: ctx.signal }),
      )
    : undefined;
  const answer = await ctx.catalog.resolveItems(input.lines.map((l) => l.catalogItemId));
  const missing: string[] = [];
  const lines = input.lines.map((line, i) => {
    const info = answer.items[line.catalogItemId];
    const filled = fillTerm(line, info ?? undefined);
    if (info === null) {
      missing.push(`line ${i}: the catalog has no item ${line.catalogItemId}; find one with partnercenter_search_catalog.`);
    }
    if (filled.problem) missing.push(`line ${i}: ${filled.problem}`);
    return { ...line, termDuration: filled.termDuration, billingCycle: filled.billingCycle };
  });
  if (!answer.available) {
    missing.push(`the catalog could not be asked (${answer.reason ?? 'no answer'}), so terms were not filled in.`);
  }
  const name = slug(customer?.companyProfile?.domain ?? customer?.id);
  const about = customer
    ? ` for ${customer.companyProfile?.companyName ?? customer.id} (${customer.companyProfile?.domain ?? customer.id})`
    : '';
  if (input.kind === 'order') {
    const cycles = [...new Set(lines.map((l) => l.billingCycle).filter(Boolean))];
    if (cycles.length > 1) {
      throw new ToolInputError(
        `An order has one billing cycle for all its lines, and these lines have ${cycles.join(' and ')}: draft one order per billing cycle, or a cart.`,
      );
    }
    return {
      fileName: `${name}.order.json`,
      about,
      missing,
      document: {
        $schema: kind('order').schemaId,
        referenceCustomerId: input.customerId,
        partnerOnRecordAttestationAccepted: true,
        billingCycle: cycles[0],
        lineItems: lines.map((l, i) => ({
          lineItemNumber: i,
          offerId: l.catalogItemId,
          friendlyName: l.friendlyName,
          quantity: l.quantity,
          termDuration: l.termDuration,
          ...attestation(answer.items[l.catalogItemId]),
        })),
      },
    };
  }
  return {
    fileName: `${name}.cart.json`,
    about,
    missing,
    document: {
      $schema: kind('cart').schemaId,
      partnerOnRecordAttestationAccepted: true,
      lineItems: lines.map((l, i) => ({
        id: i,
        catalogItemId: l.catalogItemId,
        friendlyName: l.friendlyName,
        quantity: l.quantity,
        termDuration: l.termDuration,
        billingCycle: l.billingCycle,
        ...attestation(answer.items[l.catalogItemId]),
      })),
    },
  };
}

function kind(id: 'order' | 'cart' | 'subscription'): RequestKind {
  return requestKindById(id) as RequestKind;
}

/** Lines buying a SKU that enforces attestation must say so; the person reads it in the draft. */
function attestation(info: CatalogItemInfo | null | undefined): { attestationAccepted?: true } {
  return info?.enforceAttestation ? { attestationAccepted: true } : {};
}

/** The term and billing cycle asked for, completed from the catalog when exactly one pair fits. */
function fillTerm(
  line: LineInput,
  info: CatalogItemInfo | undefined,
): { termDuration?: string; billingCycle?: string; problem?: string } {
  if (line.termDuration && line.billingCycle) return line;
  if (!info) return { ...line, problem: line.termDuration ? 'billingCycle is missing.' : 'termDuration is missing.' };
  if (info.terms.length === 0) return line; // perpetual software: no term to fill
  const fits = info.terms.filter(
    (t) =>
      (!line.termDuration || t.duration === line.termDuration) && (!line.billingCycle || t.billingCycle === line.billingCycle),
  );
  if (fits.length === 1) return { ...line, termDuration: fits[0].duration, billingCycle: fits[0].billingCycle };
  const offered = info.terms.map((t) => `${t.duration}/${t.billingCycle}`).join(', ');
  return {
    ...line,
    problem: `choose termDuration and billingCycle for ${info.productTitle} (${info.catalogItemId}); the catalog sells ${offered}.`,
  };
}

async function subscriptionDraft(input: Input, ctx: ToolContext): Promise<Draft> {
  if (!input.customerId || !input.subscriptionId) {
    throw new ToolInputError('customerId and subscriptionId are required for a subscription draft.');
  }
  if (input.lines) {
    throw new ToolInputError('lines are for an order or a cart; a subscription draft takes quantity or autoRenewEnabled.');
  }
  if (input.quantity === undefined && input.autoRenewEnabled === undefined) {
    throw new ToolInputError('Say what to change: quantity, autoRenewEnabled, or both.');
  }
  const customerId = input.customerId;
  const subscriptionId = input.subscriptionId;
  const client = ctx.host.client();
  const current = await forCustomer(ctx, customerId, () =>
    client.subscriptions.get(customerId, subscriptionId, { signal: ctx.signal }),
  );
  const changes = [
    input.quantity === undefined ? undefined : `quantity ${current.quantity ?? '—'} → ${input.quantity}`,
    input.autoRenewEnabled === undefined
      ? undefined
      : `auto-renew ${current.autoRenewEnabled ? 'on' : 'off'} → ${input.autoRenewEnabled ? 'on' : 'off'}`,
  ].filter(Boolean);
  return {
    fileName: `${slug(current.offerName ?? subscriptionId)}.subscription.json`,
    about: ` changing ${current.offerName ?? subscriptionId}: ${changes.join(', ')}`,
    missing: [],
    // Like the pc-subscription-quantity snippet: what is changed plus what identifies the subscription;
    // Run Request merges it over the current subscription, so nothing left out is reset.
    document: {
      $schema: kind('subscription').schemaId,
      id: current.id,
      offerId: current.offerId,
      quantity: input.quantity ?? current.quantity,
      status: current.status,
      autoRenewEnabled: input.autoRenewEnabled ?? current.autoRenewEnabled,
      billingCycle: current.billingCycle,
      termDuration: current.termDuration,
    },
  };
}
