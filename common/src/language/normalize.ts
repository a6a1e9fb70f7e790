// Turns the parse tree into the value Partner Center would see: property names and enum values in
// their canonical casing. Partner Center reads both without regard to case, so the schemas only
// list the canonical spelling and this pass folds the rest, remembering each fold as a note (the
// casing hints), plus duplicate keys and response-only fields.
import { type Node } from 'jsonc-parser';
import { canonicalEnumValue, canonicalPropertyName, propertySchema, type SchemaNode } from './schemaModel';

export type NormalizeNote =
  | { kind: 'propertyCasing'; keyNode: Node; canonical: string }
  | { kind: 'valueCasing'; valueNode: Node; canonical: string }
  | { kind: 'duplicate'; keyNode: Node; canonical: string }
  | { kind: 'readOnly'; propertyNode: Node; name: string };

export interface Normalized {
  value: unknown;
  notes: NormalizeNote[];
}

/** Deeper than any request body; deeper documents are reported instead of walked. */
export const MAX_DEPTH = 64;

export class TooDeepError extends Error {
  constructor() {
    super(`The document nests deeper than ${MAX_DEPTH} levels.`);
  }
}

export function normalize(root: Node, schema: SchemaNode, options: { reportReadOnly: boolean }): Normalized {
  const notes: NormalizeNote[] = [];

  const build = (node: Node, sub: SchemaNode | undefined, depth: number): unknown => {
    if (depth > MAX_DEPTH) throw new TooDeepError();
    switch (node.type) {
      case 'object': {
        const out: Record<string, unknown> = {};
        for (const property of node.children ?? []) {
          const [keyNode, valueNode] = property.children ?? [];
          if (!keyNode || typeof keyNode.value !== 'string') continue;
          const written = keyNode.value;
          const canonical = canonicalPropertyName(sub, written) ?? written;
          if (canonical !== written) notes.push({ kind: 'propertyCasing', keyNode, canonical });
          if (Object.prototype.hasOwnProperty.call(out, canonical)) notes.push({ kind: 'duplicate', keyNode, canonical });
          const valueSchema = propertySchema(sub, canonical);
          if (valueSchema?.readOnly && options.reportReadOnly) notes.push({ kind: 'readOnly', propertyNode: property, name: canonical });
          // A value the parser could not read (`"a": ,`) is left out: the syntax error covers it.
          if (!valueNode) continue;
          const value = build(valueNode, valueSchema, depth + 1);
          // Plain assignment would treat "__proto__" as the prototype; define that one as data instead.
          if (canonical === '__proto__') Object.defineProperty(out, canonical, { value, enumerable: true, writable: true, configurable: true });
          else out[canonical] = value;
        }
        return out;
      }
      case 'array':
        return (node.children ?? []).map((child) => build(child, sub?.items, depth + 1));
      case 'string': {
        const value = node.value as string;
        if (sub?.enum && !sub.enum.includes(value)) {
          const canonical = canonicalEnumValue(sub, value);
          if (canonical !== undefined) {
            notes.push({ kind: 'valueCasing', valueNode: node, canonical });
            return canonical;
          }
        }
        return value;
      }
      default:
        return node.value;
    }
  };

  return { value: build(root, schema, 0), notes };
}
