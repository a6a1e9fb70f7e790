// Provisioning context (reference §4.8): known keys only, and single scope names its subscription.
import { codes } from '../codes';
import { closestMatch } from '../didYouMean';
import { diagnostic, jsonText, keyRange } from '../diagnosticFactory';
import { type FixSpec } from '../fixes';
import { nodeRange } from '../parsedRequest';
import { rootSchema, schemaAtPath } from '../schemaModel';
import { containerOf, writtenPath } from '../sourceTree';
import { childAt, isObject, lineViews, type Rule, setPathFor } from './ruleContext';

export const provisioningContextRule: Rule = (ctx) => {
  const shape = ctx.kind.lineItems;
  if (!shape) return;
  const contextSchema = schemaAtPath(rootSchema(ctx.kind.id), [shape.property, 0, 'provisioningContext']);
  const knownKeys = Object.keys(contextSchema?.properties ?? {});
  for (const line of lineViews(ctx)) {
    const context = line.value.provisioningContext;
    // Values first: most lines have no context, and then the node is not needed.
    if (!isObject(context)) continue;
    const contextNode = childAt(line.node, 'provisioningContext');
    const contextObject = containerOf(contextNode);
    if (!contextNode || contextObject?.type !== 'object') continue;

    if (typeof context.scope === 'string' && context.scope === 'single' && !context.entitlementId) {
      const scopeNode = childAt(line.node, 'provisioningContext', 'scope');
      if (scopeNode) {
        ctx.report(diagnostic(nodeRange(ctx.parsed, scopeNode), codes.entitlementIdRequired,
          'A single-scope purchase applies to one Azure subscription: add "entitlementId" with that subscription\'s id.',
          [{ title: 'Add "entitlementId"', preferred: true, set: [{ path: setPathFor(contextNode, 'entitlementId'), value: '' }] }]));
      }
    }

    contextObject.keyList().forEach((key, slot) => {
      if (knownKeys.some((known) => known.toLowerCase() === key.toLowerCase())) return;
      const suggestion = closestMatch(key, knownKeys.filter((known) => !(known in context)));
      const range = keyRange(ctx.parsed, contextObject, slot);
      const fixes: FixSpec[] = [];
      if (suggestion) fixes.push({ title: `Rename to "${suggestion}"`, preferred: true, replace: [{ range, newText: jsonText(suggestion) }] });
      fixes.push({ title: `Remove "${key}"`, remove: writtenPath(contextObject, slot) });
      ctx.report(diagnostic(range, codes.unknownProvisioningKey,
        `"${key}" is not a provisioning-context key Partner Center knows (${knownKeys.join(', ')}).${suggestion ? ` Did you mean "${suggestion}"?` : ''}`, fixes));
    });
  }
};
