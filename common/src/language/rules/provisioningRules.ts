// Provisioning context (reference §4.8): known keys only, and the scope names the subscription it
// applies to. Which key names it depends on the purchase (see isSavingsPlan).
import { codes } from '../codes';
import { closestMatch } from '../didYouMean';
import { diagnostic, jsonText, keyRange } from '../diagnosticFactory';
import { type FixSpec } from '../fixes';
import { nodeRange } from '../parsedRequest';
import { rootSchema, schemaAtPath } from '../schemaModel';
import { containerOf, writtenPath } from '../sourceTree';
import {
  childAt,
  isObject,
  type JsonObject,
  type LineView,
  lineViews,
  type Rule,
  type RuleContext,
  setPathFor,
} from './ruleContext';

export const provisioningContextRule: Rule = (ctx) => {
  const shape = ctx.kind.lineItems;
  if (!shape) return;
  const contextSchema = schemaAtPath(rootSchema(ctx.kind.id), [shape.property, 0, 'provisioningContext']);
  const knownKeys = Object.keys(contextSchema?.properties ?? {});
  const lines = lineViews(ctx);
  for (let n = 0; n < lines.length; n++) {
    const context = lines[n].value.provisioningContext;
    // Values first: most lines have no context, and then the node is not needed.
    if (isObject(context)) checkContext(ctx, lines[n], context, knownKeys);
  }
};

/**
 * One line's provisioning context. A function of its own so that the loop over the lines holds no
 * closure: one that captured the loop's variables made V8 allocate a scope for every line, with or
 * without a context (a long order's 20,000 lines: ~1 MB and most of the rule's time).
 */
function checkContext(ctx: RuleContext, line: LineView, context: JsonObject, knownKeys: string[]): void {
  const contextNode = childAt(line.node, 'provisioningContext');
  const contextObject = containerOf(contextNode);
  if (!contextNode || contextObject?.type !== 'object') return;

  const savingsPlan = isSavingsPlan(line.value);
  const scopeNode = typeof context.scope === 'string' ? childAt(line.node, 'provisioningContext', 'scope') : undefined;
  if (scopeNode && context.scope === 'single' && !context.entitlementId && (savingsPlan || !context.subscriptionId)) {
    ctx.report(
      diagnostic(
        nodeRange(ctx.parsed, scopeNode),
        codes.entitlementIdRequired,
        savingsPlan
          ? 'A single-scope savings plan applies to one Azure subscription: add "entitlementId" with that subscription\'s id.'
          : 'A single-scope purchase applies to one Azure subscription: name it ("entitlementId"; the reservation examples write "subscriptionId").',
        [
          {
            title: 'Add "entitlementId"',
            preferred: true,
            set: [{ path: setPathFor(contextNode, 'entitlementId'), value: '' }],
          },
        ],
      ),
    );
  }
  if (scopeNode && savingsPlan && context.scope === 'shared' && !context.subscriptionId) {
    ctx.report(
      diagnostic(
        nodeRange(ctx.parsed, scopeNode),
        codes.subscriptionIdRequired,
        'A shared-scope savings plan is billed to an Azure plan: add "subscriptionId" with the Azure plan\'s id.',
        [
          {
            title: 'Add "subscriptionId"',
            preferred: true,
            set: [{ path: setPathFor(contextNode, 'subscriptionId'), value: '' }],
          },
        ],
      ),
    );
  }

  contextObject.keyList().forEach((key, slot) => {
    if (knownKeys.some((known) => known.toLowerCase() === key.toLowerCase())) return;
    const suggestion = closestMatch(
      key,
      knownKeys.filter((known) => !(known in context)),
    );
    const range = keyRange(ctx.parsed, contextObject, slot);
    const fixes: FixSpec[] = [];
    if (suggestion) {
      fixes.push({ title: `Rename to "${suggestion}"`, preferred: true, replace: [{ range, newText: jsonText(suggestion) }] });
    }
    fixes.push({ title: `Remove "${key}"`, remove: writtenPath(contextObject, slot) });
    ctx.report(
      diagnostic(
        range,
        codes.unknownProvisioningKey,
        `"${key}" is not a provisioning-context key Partner Center knows (${knownKeys.join(', ')}).${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
        fixes,
      ),
    );
  });
}

/**
 * An Azure savings plan line: the only purchase with a purchase commitment (azure-purchase-savings-plan.md:
 * "Azure savings plans require a provisioning context … and a purchase commitment"). Its page says
 * "EntitlementId: Azure subscription ID, required for single scope; SubscriptionId: Azure plan ID,
 * required for shared scope". Reservations differ: their SKUs ask for Scope and SubscriptionId
 * (product-resources.md), and create-a-cart.md buys a single-scope reservation with subscriptionId.
 */
export function isSavingsPlan(line: Record<string, unknown>): boolean {
  return isObject(line.purchaseCommitment);
}
