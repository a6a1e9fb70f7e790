// Hover: a property's description from the schema, an enum value's meaning, and for a catalog item
// id everything the catalog says about it (product, SKU, terms, quantities, prerequisites).
import { getLocation } from 'jsonc-parser';
import { type Hover, MarkupKind } from 'vscode-languageserver-types';
import { catalogKey, type CatalogItemInfo, type CatalogView, isCatalogItemId } from './catalog';
import { nodeRange, type ParsedRequest } from './parsedRequest';
import { canonicalBillingCycle } from './rules/termPairs';
import { canonicalPropertyName, propertySchema, rootSchema, type SchemaNode, schemaAtPath } from './schemaModel';
import { nodeAtOffset } from './sourceTree';
import { type RequestKind } from '../requestKinds';

export function hover(parsed: ParsedRequest, kind: RequestKind, offset: number, catalog: CatalogView): Hover | undefined {
  const node = nodeAtOffset(parsed.source, offset);
  if (!node) return undefined;
  // The path of the key under the cursor, or of the property whose value it is. The scanner reads
  // the tokens before the cursor (no tree): it gives the same path completion gets, also where the
  // cursor is between tokens.
  const written = getLocation(parsed.text, offset).path;
  const schema = schemaAtPath(rootSchema(kind.id), written);
  const { isKey } = node;
  if (!isKey && node.type === 'string' && isCatalogItemId(node.value)) {
    const info = catalog.items.get(catalogKey(node.value));
    const value = info
      ? catalogItemMarkdown(info)
      : info === null
        ? `**${node.value}** is not in the catalog.`
        : catalog.available
          ? undefined
          : `Catalog item **${node.value}**. ${catalog.reason ?? 'Sign in to Partner Center to see what it is.'}`;
    if (value) return { contents: { kind: MarkupKind.Markdown, value }, range: nodeRange(parsed, node) };
  }
  if (!schema) return undefined;
  const lines: string[] = [];
  const name = lastName(kind, written);
  if (isKey || node.type === 'object' || node.type === 'array') {
    if (name) lines.push(`**${name}**${schema.readOnly ? ' (set by Partner Center)' : ''}`);
    if (schema.description) lines.push(schema.description);
    if (schema.enum) lines.push(`Values: ${schema.enum.map((v) => `\`${String(v)}\``).join(', ')}`);
  } else {
    const valueDoc = enumValueDoc(schema, node.value);
    if (valueDoc) lines.push(`\`${String(node.value)}\`: ${valueDoc}`);
    else if (schema.description) lines.push(schema.description);
  }
  if (lines.length === 0) return undefined;
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') }, range: nodeRange(parsed, node) };
}

function lastName(kind: RequestKind, path: (string | number)[]): string | undefined {
  let schema: SchemaNode | undefined = rootSchema(kind.id);
  let name: string | undefined;
  for (const segment of path) {
    if (typeof segment === 'number') {
      schema = schema?.items;
      continue;
    }
    name = canonicalPropertyName(schema, segment) ?? segment;
    schema = propertySchema(schema, name);
  }
  return name;
}

function enumValueDoc(schema: SchemaNode, value: unknown): string | undefined {
  if (!schema.enum || typeof value !== 'string') return undefined;
  const index = schema.enum.findIndex((v) => typeof v === 'string' && v.toLowerCase() === value.toLowerCase());
  return index >= 0 ? schema.enumDescriptions?.[index] : undefined;
}

/** Everything worth knowing about a catalog item before buying it, as Markdown. */
export function catalogItemMarkdown(info: CatalogItemInfo): string {
  const lines = [
    `**${info.productTitle}**: ${info.skuTitle}`,
    `\`${info.catalogItemId}\`${info.productType ? ` · ${info.productType}` : ''}${info.isTrial ? ' · trial' : ''}${info.isPurchasable ? '' : ' · **not purchasable**'}`,
  ];
  if (info.terms.length > 0) {
    lines.push(`Terms: ${info.terms.map((t) => `${t.duration} billed ${canonicalBillingCycle(t.billingCycle)}`).join(', ')}`);
  }
  if (info.minimumQuantity !== undefined || info.maximumQuantity !== undefined) {
    lines.push(`Quantity: ${info.minimumQuantity ?? 1} to ${info.maximumQuantity ?? 'any'}`);
  }
  if (info.purchasePrerequisites.length > 0) lines.push(`Prerequisites: ${info.purchasePrerequisites.join(', ')}`);
  if (info.provisioningVariables.length > 0) lines.push(`Provisioning context: ${info.provisioningVariables.join(', ')}`);
  if (info.enforceAttestation) {
    lines.push(
      `Requires attestation${info.attestationType ? ` (${info.attestationType})` : ''}: set \`attestationAccepted\` to true.`,
    );
  }
  if (info.skuDescription && info.skuDescription !== info.skuTitle && info.skuDescription !== `${info.skuTitle}.`) {
    lines.push(info.skuDescription);
  }
  return lines.join('\n\n');
}
