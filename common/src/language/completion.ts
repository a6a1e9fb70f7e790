// Completion: property names (with a value snippet), enum values, catalog item ids, customer ids,
// provisioning-context keys the SKU asks for, and terms / billing cycles limited to what the chosen
// availability sells. Catalog lists are filtered here, as typed, and the list is marked incomplete
// so the editor asks again on the next keystroke.
//
// Like vscode-json-languageservice: an item replaces the whole token under the cursor, quotes
// included, and its filter text is that token as it would be written (`"monthly"`), so the
// editor's filter, which compares the text from the start of the range to the cursor, matches
// inside a string as well as before it. A property or value followed by another member brings
// the comma that separates them.
import { getLocation, type Node } from 'jsonc-parser';
import {
  type CompletionItem,
  CompletionItemKind,
  type CompletionList,
  InsertTextFormat,
  MarkupKind,
  type Range,
} from 'vscode-languageserver-types';
import { catalogKey, type CatalogItemInfo, type CatalogView, type CustomerSummary } from './catalog';
import { catalogItemMarkdown } from './hover';
import { nodeRange, type ParsedRequest, rangeOf, sourceRoot } from './parsedRequest';
import { provisioningKey } from './rules/catalogRules';
import { canonicalBillingCycle, isAllowedPair } from './rules/termPairs';
import { canonicalPropertyName, propertySchema, rootSchema, type SchemaNode, schemaAtPath, typesOf } from './schemaModel';
import { childAt, containerOf, type SourceNode, valueAt } from './sourceTree';
import { type RequestKind } from '../requestKinds';

export interface CompletionData {
  /** Items the document names, resolved (for limiting terms and provisioning keys). */
  catalog: CatalogView;
  /** Everything purchasable, when the catalog is available. */
  catalogItems?: readonly CatalogItemInfo[];
  customers?: readonly CustomerSummary[];
  /** Whole-document snippets, offered only where a whole document goes: in an empty document. */
  snippets?: readonly DocumentSnippet[];
}

/** A snippet that writes a whole request document (snippets/requests.code-snippets). */
export interface DocumentSnippet {
  prefix: string;
  description: string;
  /** VS Code snippet syntax. */
  body: string;
}

/** Catalog lists are long; the editor shows the best matches and asks again as you type. */
export const MAX_CATALOG_COMPLETIONS = 200;

type Path = (string | number)[];

export function complete(parsed: ParsedRequest, kind: RequestKind, offset: number, data: CompletionData): CompletionList {
  const empty: CompletionList = { isIncomplete: false, items: [] };
  if (!sourceRoot(parsed)) {
    return parsed.text.trim() === '' ? { isIncomplete: false, items: snippetItems(kind, data.snippets ?? []) } : empty;
  }
  // Where the cursor is (the path, whether at a name, the token being typed) is read from the
  // tokens before it, which is also right in text too broken to make a value of; everything about
  // the document itself is read from its tree.
  const location = getLocation(parsed.text, offset);
  const path = canonicalPath(kind, location.path);
  const typed =
    location.previousNode &&
    offset >= location.previousNode.offset &&
    offset <= location.previousNode.offset + location.previousNode.length
      ? location.previousNode
      : undefined;
  const range = typed ? nodeRange(parsed, typed) : rangeOf(parsed, offset, 0);
  const typedText = typed ? parsed.text.slice(typed.offset, offset).replace(/^"/, '') : '';
  const separator = separatorAfter(parsed.text, typed ? typed.offset + typed.length : offset);
  if (location.isAtPropertyKey) {
    return {
      isIncomplete: false,
      items: propertyItems(parsed, kind, path.slice(0, -1), location.path.slice(0, -1), range, typed, separator, data),
    };
  }
  // A value position right after a property name and colon, or inside a value being typed.
  const last = path[path.length - 1];
  const shape = kind.lineItems;
  if (shape && path.length === 3 && path[0] === shape.property && last === shape.catalogItemProperty) {
    return {
      isIncomplete: true,
      items: catalogItemCompletions(
        data.catalogItems ?? [],
        typedText,
        range,
        parsed.text.slice(typed?.offset ?? offset, offset),
        separator,
      ),
    };
  }
  if (kind.customerIdProperty && path.length === 1 && last === kind.customerIdProperty) {
    return { isIncomplete: false, items: (data.customers ?? []).map((c) => customerItem(c, range, separator)) };
  }
  if (last === '$schema' && path.length === 1) {
    return {
      isIncomplete: false,
      items: [
        {
          label: kind.schemaId,
          kind: CompletionItemKind.Value,
          filterText: JSON.stringify(kind.schemaId),
          textEdit: { range, newText: JSON.stringify(kind.schemaId) + separator },
        },
      ],
    };
  }
  const schema = schemaAtPath(rootSchema(kind.id), path);
  return { isIncomplete: false, items: valueItems(parsed, kind, path, schema, range, separator, data) ?? empty.items };
}

/**
 * The comma a completion must bring so that the member after it stays separated: none before a
 * comma, a closing bracket or the end, else one (vscode-json-languageservice's evaluateSeparatorAfter).
 */
function separatorAfter(text: string, offset: number): string {
  let i = offset;
  for (;;) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else {
      break;
    }
  }
  return i >= text.length || text[i] === ',' || text[i] === '}' || text[i] === ']' ? '' : ',';
}

const TRIGGER_SUGGEST = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

/** The snippets that write a document of this kind (their `$schema` names the kind's schema). */
function snippetItems(kind: RequestKind, snippets: readonly DocumentSnippet[]): CompletionItem[] {
  return snippets
    .filter((snippet) => snippet.body.includes(`/${kind.schemaFile}"`))
    .map((snippet) => ({
      label: snippet.prefix,
      kind: CompletionItemKind.Snippet,
      detail: snippet.description,
      insertTextFormat: InsertTextFormat.Snippet,
      insertText: snippet.body,
      // The first stop is the item to buy: open the catalog list there at once.
      command: TRIGGER_SUGGEST,
    }));
}

/** The document's path spelled with canonical names, so it can be compared with the kind's row. */
function canonicalPath(kind: RequestKind, written: Path): Path {
  let schema: SchemaNode | undefined = rootSchema(kind.id);
  return written.map((segment) => {
    if (typeof segment === 'number') {
      schema = schema?.items;
      return segment;
    }
    const canonical = canonicalPropertyName(schema, segment) ?? segment;
    schema = propertySchema(schema, canonical);
    return canonical;
  });
}

function lineInfo(
  parsed: ParsedRequest,
  kind: RequestKind,
  path: Path,
  catalog: CatalogView,
): { info?: CatalogItemInfo; line?: SourceNode } {
  const shape = kind.lineItems;
  if (!shape || path[0] !== shape.property || typeof path[1] !== 'number') return {};
  const line = valueAt(parsed.source, path.slice(0, 2));
  const idNode = line?.type === 'object' ? childAt(line, shape.catalogItemProperty) : undefined;
  const info = typeof idNode?.value === 'string' ? catalogKey(idNode.value) : undefined;
  return { info: info ? (catalog.items.get(info) ?? undefined) : undefined, line };
}

function propertyItems(
  parsed: ParsedRequest,
  kind: RequestKind,
  objectPath: Path,
  writtenObjectPath: Path,
  range: Range,
  typed: Node | undefined,
  separator: string,
  data: CompletionData,
): CompletionItem[] {
  const schema = schemaAtPath(rootSchema(kind.id), objectPath);
  const object = containerOf(valueAt(parsed.source, writtenObjectPath));
  const present = new Set(
    (object?.type === 'object' ? object.keyList() : [])
      .map((key) => key.toLowerCase())
      .filter((key) => key !== String(typed?.value).toLowerCase()),
  );
  // Editing an existing key (a colon follows): replace the name only.
  const nameOnly = typed !== undefined && /^\s*:/.test(parsed.text.slice(typed.offset + typed.length));
  const items: CompletionItem[] = [];
  const wanted = new Map<string, string>();
  if (objectPath[objectPath.length - 1] === 'provisioningContext') {
    const { info } = lineInfo(parsed, kind, objectPath, data.catalog);
    for (const variable of info?.provisioningVariables ?? []) {
      wanted.set(provisioningKey(variable), `Needed by ${info!.skuTitle}`);
    }
  }
  const listed = new Set([kind.lineItems?.catalogItemProperty, kind.customerIdProperty]);
  for (const [name, sub] of Object.entries(schema?.properties ?? {})) {
    if (present.has(name.toLowerCase()) || (sub.readOnly && !kind.acceptsReadOnlyFields)) continue;
    const required = schema?.required?.includes(name) ?? false;
    const why = wanted.get(name);
    items.push({
      label: name,
      kind: CompletionItemKind.Property,
      detail: why ?? (required ? 'required' : undefined),
      documentation: sub.description ? { kind: MarkupKind.Markdown, value: sub.description } : undefined,
      // Required and SKU-requested properties first, then the rest alphabetically.
      sortText: `${why || required ? '0' : '1'}${name}`,
      filterText: JSON.stringify(name),
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: {
        range,
        newText: nameOnly ? JSON.stringify(name) : `${JSON.stringify(name)}: ${valueSnippet(sub)}${separator}`,
      },
      // A value completed from a list (catalog items, customers): open that list in the quotes.
      command: !nameOnly && listed.has(name) ? TRIGGER_SUGGEST : undefined,
    });
  }
  return items;
}

function valueSnippet(schema: SchemaNode): string {
  if (schema.enum && schema.enum.length > 0) return `"\${1|${schema.enum.map(String).join(',')}|}"`;
  const [type] = typesOf(schema);
  switch (type) {
    case 'integer':
    case 'number':
      return `\${1:${schema.minimum ?? 0}}`;
    case 'boolean':
      return '${1|true,false|}';
    case 'array':
      return '[$1]';
    case 'object':
      return '{$1}';
    default:
      return '"$1"';
  }
}

function valueItems(
  parsed: ParsedRequest,
  kind: RequestKind,
  path: Path,
  schema: SchemaNode | undefined,
  range: Range,
  separator: string,
  data: CompletionData,
): CompletionItem[] | undefined {
  if (!schema) return undefined;
  let values = (schema.enum ?? []).map(String).filter((value) => !schema.enumNotOffered?.includes(value));
  const last = path[path.length - 1];
  if ((last === 'termDuration' || last === 'billingCycle') && values.length > 0) {
    values = limitToAvailability(parsed, kind, path, last, values, data.catalog);
  }
  if (values.length > 0) {
    return values.map((value, index) => ({
      label: value,
      kind: CompletionItemKind.EnumMember,
      documentation: schema.enumDescriptions?.[schema.enum!.indexOf(value)],
      sortText: String(index).padStart(3, '0'),
      filterText: JSON.stringify(value),
      textEdit: { range, newText: JSON.stringify(value) + separator },
    }));
  }
  if (typesOf(schema).includes('boolean')) {
    return ['true', 'false'].map((value) => ({
      label: value,
      kind: CompletionItemKind.Value,
      textEdit: { range, newText: value + separator },
    }));
  }
  return undefined;
}

/** Terms and billing cycles the line's availability sells (paired with the other half when set). */
function limitToAvailability(
  parsed: ParsedRequest,
  kind: RequestKind,
  path: Path,
  field: 'termDuration' | 'billingCycle',
  values: string[],
  catalog: CatalogView,
): string[] {
  const shape = kind.lineItems;
  const infos: CatalogItemInfo[] = [];
  let other: unknown;
  if (path.length === 3 && shape && path[0] === shape.property) {
    const { info, line } = lineInfo(parsed, kind, path, catalog);
    if (info) infos.push(info);
    const otherField = field === 'termDuration' ? 'billingCycle' : 'termDuration';
    other =
      field === 'termDuration' && shape.billingCycleOn === 'document'
        ? valueAt(parsed.source, ['billingCycle'])?.value
        : childAt(line, otherField)?.value;
  } else if (path.length === 1 && field === 'billingCycle' && shape?.billingCycleOn === 'document') {
    for (const info of catalog.items.values()) if (info) infos.push(info);
  }
  if (infos.length === 0) return values;
  const offered = (info: CatalogItemInfo) =>
    info.terms
      .filter(
        (t) =>
          typeof other !== 'string' ||
          (field === 'termDuration'
            ? canonicalBillingCycle(t.billingCycle) === canonicalBillingCycle(other)
            : t.duration.toUpperCase() === other.toUpperCase()),
      )
      .map((t) => (field === 'termDuration' ? t.duration : canonicalBillingCycle(t.billingCycle)));
  const allowed = infos.map((info) => new Set(offered(info))).reduce((a, b) => new Set([...a].filter((v) => b.has(v))));
  const limited = values.filter((v) => allowed.has(v));
  // Never offer nothing: when the pair is already impossible, show every valid value.
  return limited.length > 0
    ? limited
    : values.filter(
        (v) => typeof other !== 'string' || (field === 'termDuration' ? isAllowedPair(v, other) : isAllowedPair(other, v)),
      );
}

export function termsSummary(info: CatalogItemInfo): string {
  return info.terms.map((t) => `${t.duration} ${canonicalBillingCycle(t.billingCycle)}`).join(', ');
}

function catalogItemCompletions(
  items: readonly CatalogItemInfo[],
  typed: string,
  range: Range,
  currentText: string,
  separator: string,
): CompletionItem[] {
  const needle = typed.toLowerCase();
  const matches =
    needle === ''
      ? items
      : items.filter(
          (i) =>
            i.catalogItemId.toLowerCase().includes(needle) ||
            i.productTitle.toLowerCase().includes(needle) ||
            i.skuTitle.toLowerCase().includes(needle),
        );
  return matches.slice(0, MAX_CATALOG_COMPLETIONS).map((info, index) => ({
    label: info.skuTitle,
    labelDetails: { description: info.catalogItemId },
    kind: CompletionItemKind.Value,
    detail: `${info.productTitle} · ${termsSummary(info) || 'no term'}`,
    documentation: { kind: MarkupKind.Markdown, value: catalogItemMarkdown(info) },
    sortText: String(index).padStart(4, '0'),
    // We filtered already; the typed text as filter text keeps the editor from filtering again by label.
    filterText: currentText || undefined,
    textEdit: { range, newText: JSON.stringify(info.catalogItemId) + separator },
  }));
}

function customerItem(customer: CustomerSummary, range: Range, separator: string): CompletionItem {
  return {
    label: customer.companyName ?? customer.id,
    labelDetails: { description: customer.id },
    kind: CompletionItemKind.Value,
    detail: customer.domain,
    filterText: `"${customer.id} ${customer.companyName ?? ''} ${customer.domain ?? ''}`,
    textEdit: { range, newText: JSON.stringify(customer.id) + separator },
  };
}
