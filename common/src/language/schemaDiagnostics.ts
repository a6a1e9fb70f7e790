// Schema validation: runs the validator generated ahead of time from the kind's schema on the
// normalized value, then maps each Ajv error to the exact range of the node it is about, with a
// message in words and the fixes that apply.
import { type ErrorObject } from 'ajv';
import { type Diagnostic } from 'vscode-languageserver-types';
import { type GeneratedValidator } from './generated/generatedValidator';
import { codes } from './codes';
import { closestMatch } from './didYouMean';
import { anchorRange, diagnostic, jsonText, keyRange } from './diagnosticFactory';
import { type FixSpec } from './fixes';
import { nodeRange, type ParsedRequest } from './parsedRequest';
import { schemaAtPath, type SchemaNode, typesOf } from './schemaModel';
import {
  childAt,
  containerOf,
  memberIndex,
  type SourceContainer,
  type SourceNode,
  slotsByWrittenKey,
  writtenPath,
} from './sourceTree';
import { type RequestKindId } from '../requestKinds';

/* eslint-disable @typescript-eslint/no-require-imports -- each kind's validator is compiled when first used */
/**
 * Each kind's generated validator, required when a document of that kind is first checked (and
 * then taken from the module cache): a command-line run over orders never reads the other
 * kinds' (issue 14). The build makes each its own bundle, dist/validator-<kind>.js (esbuild.mjs).
 */
type KindModule = { validate: GeneratedValidator };
const validators: Record<RequestKindId, () => GeneratedValidator> = {
  order: () => (require('./generated/order') as KindModule).validate,
  cart: () => (require('./generated/cart') as KindModule).validate,
  subscription: () => (require('./generated/subscription') as KindModule).validate,
  customer: () => (require('./generated/customer') as KindModule).validate,
  request: () => (require('./generated/request') as KindModule).validate,
};
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * What the unknown-property check needs of one object: its members by name and the declared names
 * it lacks (the did-you-mean candidates). Worked out once per object, however many unknown names
 * it has: per name, it made 16,000 unknown keys take half a minute.
 */
interface ObjectFacts {
  slots: ReadonlyMap<string, number>;
  candidates: readonly string[];
}

/**
 * Diagnostics for `value`, the normalized value of the document (or envelope body) at `root`. The
 * root node is asked for only when there is something to report (wellFormedSource.ts).
 */
export function schemaDiagnostics(
  parsed: ParsedRequest,
  root: () => SourceNode,
  kind: RequestKindId,
  schema: SchemaNode,
  value: unknown,
): Diagnostic[] {
  const validate = validators[kind]();
  if (validate(value) || !validate.errors) return [];
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  const facts = new Map<SourceContainer, ObjectFacts>();
  for (const error of validate.errors) {
    const result = toDiagnostic(parsed, root(), schema, error, facts);
    if (!result) continue;
    // Ajv can report the same fact twice (for example a `type` list); keep one per place and code.
    const key = `${result.code}@${result.range.start.line}:${result.range.start.character}:${result.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(result);
  }
  return out;
}

function pointerToPath(pointer: string): string[] {
  return pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function label(path: readonly string[]): string {
  for (let i = path.length - 1; i >= 0; i--) if (!/^\d+$/.test(path[i])) return `"${path[i]}"`;
  return 'The document';
}

function toDiagnostic(
  parsed: ParsedRequest,
  root: SourceNode,
  rootSchema: SchemaNode,
  error: ErrorObject,
  facts: Map<SourceContainer, ObjectFacts>,
): Diagnostic | undefined {
  const path = pointerToPath(error.instancePath);
  const node = childAt(root, ...path);
  if (!node) return undefined;
  const schema = schemaAtPath(rootSchema, path);
  const what = label(path);
  switch (error.keyword) {
    case 'required':
      return missingProperty(parsed, node, schema, String((error.params as { missingProperty: string }).missingProperty));
    case 'additionalProperties':
      return unknownProperty(
        parsed,
        node,
        schema,
        String((error.params as { additionalProperty: string }).additionalProperty),
        facts,
      );
    case 'enum':
      return badEnumValue(
        parsed,
        node,
        what,
        (error.params as { allowedValues: unknown[] }).allowedValues,
        schema?.enumNotOffered ?? [],
      );
    case 'type':
      return wrongType(parsed, node, what, typesOf(schema));
    case 'pattern':
      return diagnostic(
        nodeRange(parsed, node),
        codes.pattern,
        schema?.patternMessage ?? `${what} does not have the expected form.`,
      );
    case 'maxItems': {
      const limit = (error.params as { limit: number }).limit;
      const count = containerOf(node)?.memberCount;
      return diagnostic(
        anchorRange(parsed, node),
        `pc.schema.maxItems`,
        `${what} takes at most ${limit} entr${limit === 1 ? 'y' : 'ies'}${count === undefined ? '' : `; this one has ${count}`}.`,
      );
    }
    default:
      return diagnostic(
        node.type === 'object' || node.type === 'array' ? anchorRange(parsed, node) : nodeRange(parsed, node),
        `pc.schema.${error.keyword}`,
        `${what} ${error.message ?? 'is not valid'}.`,
      );
  }
}

/** A value to start a missing property with, from its schema. */
export function placeholderFor(schema: SchemaNode | undefined): unknown {
  if (schema?.enum && schema.enum.length > 0) return schema.enum[0];
  const [type] = typesOf(schema);
  switch (type) {
    case 'integer':
      return schema?.minimum ?? 0;
    case 'number':
      return 0;
    case 'boolean':
      return true;
    case 'array':
      return [];
    case 'object':
      return {};
    default:
      return '';
  }
}

function missingProperty(parsed: ParsedRequest, node: SourceNode, schema: SchemaNode | undefined, name: string): Diagnostic {
  const value = placeholderFor(schema?.properties?.[name]);
  const fix: FixSpec = {
    title: `Add "${name}"`,
    preferred: true,
    set: [{ path: [...writtenPath(node.owner, node.slot), name], value }],
  };
  return diagnostic(anchorRange(parsed, node), codes.required, `Missing required property "${name}".`, [fix]);
}

function unknownProperty(
  parsed: ParsedRequest,
  objectNode: SourceNode,
  schema: SchemaNode | undefined,
  name: string,
  facts: Map<SourceContainer, ObjectFacts>,
): Diagnostic | undefined {
  const object = containerOf(objectNode);
  if (!object) return undefined;
  let known = facts.get(object);
  if (!known) {
    const present = new Set(object.keyList().map((key) => key.toLowerCase()));
    known = {
      slots: slotsByWrittenKey(object),
      candidates: Object.keys(schema?.properties ?? {}).filter((declared) => !present.has(declared.toLowerCase())),
    };
    facts.set(object, known);
  }
  // Ajv names an unknown property as written (normalization folds only declared names).
  const slot = known.slots.get(name) ?? memberIndex(object, name);
  if (slot < 0) return undefined;
  const suggestion = closestMatch(name, known.candidates);
  const range = keyRange(parsed, object, slot);
  const fixes: FixSpec[] = [];
  if (suggestion) {
    fixes.push({ title: `Rename to "${suggestion}"`, preferred: true, replace: [{ range, newText: jsonText(suggestion) }] });
  }
  fixes.push({ title: `Remove "${name}"`, remove: writtenPath(object, slot) });
  const hint = suggestion ? ` Did you mean "${suggestion}"?` : '';
  return diagnostic(range, codes.unknownProperty, `Unknown property "${name}": Partner Center ignores it.${hint}`, fixes);
}

function badEnumValue(
  parsed: ParsedRequest,
  node: SourceNode,
  what: string,
  allowed: unknown[],
  notOffered: readonly string[],
): Diagnostic {
  const written = parsed.text.slice(node.offset, node.offset + node.length);
  // null (accepted on optional properties) and values accepted but not offered are not suggested or listed.
  const names = allowed.filter((value) => value !== null && !notOffered.includes(String(value))).map(String);
  // A suggestion corrects spelling, never a number: "2Years" is not a typo of "3Years", nor "P2M" of "P1M".
  const suggestion =
    typeof node.value === 'string'
      ? closestMatch(
          node.value,
          names.filter((name) => sameDigits(name, String(node.value))),
        )
      : undefined;
  const ordered = suggestion ? [suggestion, ...names.filter((n) => n !== suggestion)] : names;
  const fixes = ordered.slice(0, 6).map((candidate, index): FixSpec => ({
    title: `Change to "${candidate}"`,
    preferred: index === 0 && suggestion !== undefined,
    replace: [{ range: nodeRange(parsed, node), newText: jsonText(candidate) }],
  }));
  const hint = suggestion ? ` Did you mean "${suggestion}"?` : '';
  return diagnostic(
    nodeRange(parsed, node),
    codes.enumValue,
    `${written.length > 40 ? `${written.slice(0, 40)}…` : written} is not a valid ${what} value; expected one of ${names.join(', ')}.${hint}`,
    fixes,
  );
}

function wrongType(parsed: ParsedRequest, node: SourceNode, what: string, expected: string[]): Diagnostic {
  const fixes: FixSpec[] = [];
  if (node.type === 'string' && typeof node.value === 'string') {
    const text = node.value.trim();
    // A number or boolean written as a string is a common slip in hand-written bodies.
    if (
      (expected.includes('integer') && /^-?\d+$/.test(text)) ||
      (expected.includes('number') && text !== '' && !Number.isNaN(Number(text)))
    ) {
      fixes.push({
        title: `Change to ${text}`,
        preferred: true,
        safe: true,
        replace: [{ range: nodeRange(parsed, node), newText: String(Number(text)) }],
      });
    } else if (expected.includes('boolean') && /^(true|false)$/i.test(text)) {
      fixes.push({
        title: `Change to ${text.toLowerCase()}`,
        preferred: true,
        safe: true,
        replace: [{ range: nodeRange(parsed, node), newText: text.toLowerCase() }],
      });
    }
  }
  const range = node.type === 'object' || node.type === 'array' ? anchorRange(parsed, node) : nodeRange(parsed, node);
  const words = expected.map((t) =>
    t === 'integer'
      ? 'a whole number'
      : t === 'null'
        ? 'null'
        : t === 'object'
          ? 'an object'
          : t === 'array'
            ? 'an array'
            : `a ${t}`,
  );
  return diagnostic(range, `pc.schema.type`, `${what} must be ${words.join(' or ')}.`, fixes);
}

function sameDigits(a: string, b: string): boolean {
  return a.replace(/\D/g, '') === b.replace(/\D/g, '');
}
