// Provisioning context (reference §4.8): known keys only, and single scope names its subscription.
import { codes } from '../codes';
import { closestMatch } from '../didYouMean';
import { diagnostic, jsonText } from '../diagnosticFactory';
import { type FixSpec } from '../fixes';
import { nodeRange, ownPath } from '../parsedRequest';
import { rootSchema, schemaAtPath } from '../schemaModel';
import { isObject, lineViews, nodeAt, type Rule, setPathFor } from './ruleContext';

export const provisioningContextRule: Rule = (ctx) => {
  const shape = ctx.kind.lineItems;
  if (!shape) return;
  const contextSchema = schemaAtPath(rootSchema(ctx.kind.id), [shape.property, 0, 'provisioningContext']);
  const knownKeys = Object.keys(contextSchema?.properties ?? {});
  for (const line of lineViews(ctx)) {
    const context = line.value.provisioningContext;
    const contextNode = nodeAt(ctx, [...line.path, 'provisioningContext']);
    if (!isObject(context) || contextNode?.type !== 'object') continue;

    if (typeof context.scope === 'string' && context.scope === 'single' && !context.entitlementId) {
      const scopeNode = nodeAt(ctx, [...line.path, 'provisioningContext', 'scope']);
      if (scopeNode) {
        ctx.report(diagnostic(nodeRange(ctx.parsed, scopeNode), codes.entitlementIdRequired,
          'A single-scope purchase applies to one Azure subscription: add "entitlementId" with that subscription\'s id.',
          [{ title: 'Add "entitlementId"', preferred: true, set: [{ path: setPathFor(contextNode, 'entitlementId'), value: '' }] }]));
      }
    }

    for (const property of contextNode.children ?? []) {
      const keyNode = property.children?.[0];
      const key = keyNode?.value;
      if (!keyNode || typeof key !== 'string' || knownKeys.some((known) => known.toLowerCase() === key.toLowerCase())) continue;
      const suggestion = closestMatch(key, knownKeys.filter((known) => !(known in context)));
      const fixes: FixSpec[] = [];
      if (suggestion) fixes.push({ title: `Rename to "${suggestion}"`, preferred: true, replace: [{ range: nodeRange(ctx.parsed, keyNode), newText: jsonText(suggestion) }] });
      fixes.push({ title: `Remove "${key}"`, remove: ownPath(keyNode) });
      ctx.report(diagnostic(nodeRange(ctx.parsed, keyNode), codes.unknownProvisioningKey,
        `"${key}" is not a provisioning-context key Partner Center knows (${knownKeys.join(', ')}).${suggestion ? ` Did you mean "${suggestion}"?` : ''}`, fixes));
    }
  }
};
