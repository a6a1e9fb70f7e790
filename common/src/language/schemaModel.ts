// The bundled schemas as a navigable graph: `$ref`s resolved (siblings such as a local
// `description` win over the target's), so completion, hover and casing rules can walk from a
// document path to the schema that governs it with plain property access.
import commonSchema from '../../../schemas/common.schema.json';
import { requestKinds, type RequestKindId } from '../requestKinds';

/** The subset of JSON Schema (draft-07) our schemas use, plus two annotation keywords. */
export interface SchemaNode {
  $id?: string;
  type?: string | string[];
  title?: string;
  description?: string;
  enum?: unknown[];
  /** One sentence per `enum` value, shown in completion and hover. */
  enumDescriptions?: string[];
  /** `enum` values that are accepted but never offered (completion, fixes): documented, yet no choice to make. */
  enumNotOffered?: string[];
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
  required?: string[];
  readOnly?: boolean;
  pattern?: string;
  /** What a value matching `pattern` looks like, in words; replaces Ajv's regex message. */
  patternMessage?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
}

type RawSchema = Record<string, unknown>;

const rawById = new Map<string, RawSchema>();
for (const raw of [commonSchema, ...requestKinds.map((kind) => kind.schema)] as RawSchema[]) {
  rawById.set(String(raw.$id), raw);
}

const resolved = new Map<RawSchema, SchemaNode>();

function pointerGet(root: RawSchema, pointer: string): RawSchema {
  let node: unknown = root;
  for (const part of pointer.split('/').filter(Boolean)) node = (node as RawSchema)[decodeURIComponent(part)];
  if (!node || typeof node !== 'object') throw new Error(`Unresolvable schema pointer #${pointer}`);
  return node as RawSchema;
}

function lookupRef(ref: string, baseId: string): { raw: RawSchema; baseId: string } {
  const [file, pointer = ''] = ref.split('#');
  const targetId = file ? new URL(file, baseId).href : baseId;
  const root = rawById.get(targetId);
  if (!root) throw new Error(`Unknown schema ${targetId} (from ${ref})`);
  return { raw: pointerGet(root, pointer), baseId: targetId };
}

function resolve(raw: RawSchema, baseId: string): SchemaNode {
  if (typeof raw.$ref === 'string') {
    const target = lookupRef(raw.$ref, baseId);
    const targetNode = resolve(target.raw, target.baseId);
    const { $ref: _ref, ...siblings } = raw;
    return Object.keys(siblings).length === 0 ? targetNode : { ...targetNode, ...resolveKeywords(siblings, baseId) };
  }
  const memo = resolved.get(raw);
  if (memo) return memo;
  const node: SchemaNode = {};
  // Registered before the children are resolved, so recursive schemas (cart add-ons) terminate.
  resolved.set(raw, node);
  Object.assign(node, resolveKeywords(raw, baseId));
  return node;
}

function resolveKeywords(raw: RawSchema, baseId: string): SchemaNode {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'definitions' || key === '$schema') continue;
    if (key === 'properties') {
      out.properties = Object.fromEntries(
        Object.entries(value as Record<string, RawSchema>).map(([name, sub]) => [name, resolve(sub, baseId)]),
      );
    } else if ((key === 'items' || key === 'additionalProperties') && value && typeof value === 'object') {
      out[key] = resolve(value as RawSchema, baseId);
    } else {
      out[key] = value;
    }
  }
  return out as SchemaNode;
}

/** Resolved when a kind is first checked, not at load: a command-line run checks one kind or two, not all. */
const rootByKind = new Map<RequestKindId, SchemaNode>();

/** The resolved root schema of a request kind. */
export function rootSchema(kind: RequestKindId): SchemaNode {
  let node = rootByKind.get(kind);
  if (!node) {
    const row = requestKinds.find((k) => k.id === kind);
    if (!row) throw new Error(`No schema for request kind ${kind}`);
    node = resolve(row.schema as RawSchema, String((row.schema as RawSchema).$id));
    rootByKind.set(kind, node);
  }
  return node;
}

/** The schema of one property of an object schema (declared, or the `additionalProperties` schema). */
export function propertySchema(schema: SchemaNode | undefined, canonicalName: string): SchemaNode | undefined {
  if (!schema) return undefined;
  const declared = schema.properties?.[canonicalName];
  if (declared) return declared;
  return typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
}

/** A declared property with what normalization reads of its schema, in an object of one shape. */
export class DeclaredProperty {
  readonly readOnly: boolean;
  readonly enumValues: readonly unknown[] | undefined;

  constructor(readonly schema: SchemaNode) {
    this.readOnly = schema.readOnly === true;
    this.enumValues = schema.enum;
  }
}

const declaredMaps = new WeakMap<SchemaNode, ReadonlyMap<string, DeclaredProperty>>();

/**
 * The declared properties of an object schema as a map, made once per schema: normalization looks
 * up every member of every object, and one map lookup of a name written canonically replaces
 * finding its canonical spelling, then its schema, then reading that schema (whose nodes have
 * many shapes, so each read is a slow lookup).
 */
export function declaredProperties(schema: SchemaNode): ReadonlyMap<string, DeclaredProperty> {
  let map = declaredMaps.get(schema);
  if (!map) {
    map = new Map(Object.entries(schema.properties ?? {}).map(([name, node]) => [name, new DeclaredProperty(node)]));
    declaredMaps.set(schema, map);
  }
  return map;
}

const propertyFolds = new WeakMap<SchemaNode, Map<string, string>>();

/** Canonical spelling of a property name whose casing differs, or undefined when unknown. */
export function canonicalPropertyName(schema: SchemaNode | undefined, name: string): string | undefined {
  if (!schema?.properties) return undefined;
  if (Object.prototype.hasOwnProperty.call(schema.properties, name)) return name;
  let folds = propertyFolds.get(schema);
  if (!folds) {
    folds = new Map(Object.keys(schema.properties).map((key) => [key.toLowerCase(), key]));
    propertyFolds.set(schema, folds);
  }
  return folds.get(name.toLowerCase());
}

/** Folding used for enum values: case, underscores, hyphens and spaces do not matter ("OneTime" = "one_time"). */
export function foldEnumValue(value: string): string {
  return value.toLowerCase().replace(/[_\-\s]/g, '');
}

const enumFolds = new WeakMap<SchemaNode, Map<string, string>>();

/** Canonical spelling of an enum value written in another casing, or undefined when not a member. */
export function canonicalEnumValue(schema: SchemaNode | undefined, value: string): string | undefined {
  if (!schema?.enum) return undefined;
  let folds = enumFolds.get(schema);
  if (!folds) {
    folds = new Map(schema.enum.filter((v): v is string => typeof v === 'string').map((v) => [foldEnumValue(v), v]));
    enumFolds.set(schema, folds);
  }
  return folds.get(foldEnumValue(value));
}

/** Walks canonical path segments (property names, array indexes) from a root schema. */
export function schemaAtPath(root: SchemaNode, path: readonly (string | number)[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = root;
  for (const segment of path) {
    if (!node) return undefined;
    // JSON pointers (Ajv's instancePath) carry indexes as strings: an array schema reads them as items.
    const isIndex: boolean = typeof segment === 'number' || (node.items !== undefined && /^\d+$/.test(segment));
    node = isIndex ? node.items : propertySchema(node, canonicalPropertyName(node, String(segment)) ?? String(segment));
  }
  return node;
}

export function typesOf(schema: SchemaNode | undefined): string[] {
  if (!schema?.type) return [];
  return Array.isArray(schema.type) ? schema.type : [schema.type];
}
