// Compiles the bundled schemas ahead of time into plain validation functions (Ajv "standalone"
// code), one module per request kind (generated/<kind>.js). The language server, the CLI and the
// tests require a kind's module when they first check a document of that kind, so no schema is
// compiled at run time, there is no `new Function` in the shipped bundles, and checking an order
// never compiles the other kinds' validators (issue 14: most of the validate part's code was theirs).
//
// Run after editing a schema:  node schemas/generateValidators.mjs
// A unit test fails while the generated file is older than the schemas (it compares a hash).
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '..', 'common', 'src', 'language', 'generated');

/** Hash of every schema file, in name order; the same function lives in the up-to-date test. */
export function schemasHash(dir = here) {
  const hash = createHash('sha256');
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.schema.json'))
    .sort()) {
    hash
      .update(name)
      .update('\0')
      .update(readFileSync(join(dir, name), 'utf8').replace(/\r\n/g, '\n'));
  }
  return hash.digest('hex').slice(0, 16);
}

/** Keywords that only describe; a `$ref`'s siblings may only be these, so copying the target in keeps the meaning. */
const ANNOTATIONS = new Set([
  'description',
  'title',
  'readOnly',
  'enumDescriptions',
  'enumNotOffered',
  'patternMessage',
  '$comment',
]);

/**
 * The schemas with every `$ref` that does not recurse replaced by a copy of its target (siblings,
 * annotations only, kept). Ajv inlines a subschema only when it holds no `$ref`, and otherwise
 * calls a separate function per value, passing a new options object and path string: for a
 * thousand-line order that was a thousand calls and allocations on every validation. The errors
 * are the same (keyword, instance path, params, message); only their `schemaPath`, which nothing
 * reads, now names the copy. A recursive `$ref` (cart add-ons) stays, made absolute so it still
 * resolves inside a copy taken from another file.
 */
function inlineRefs(schemas) {
  const byId = new Map(schemas.map((schema) => [schema.$id, schema]));
  const target = (ref, baseId) => {
    const [file, pointer = ''] = ref.split('#');
    const id = file ? new URL(file, baseId).href : baseId;
    let node = byId.get(id);
    for (const part of pointer.split('/').filter(Boolean)) node = node?.[decodeURIComponent(part)];
    if (!node || typeof node !== 'object') throw new Error(`Unresolvable $ref ${ref} in ${baseId}`);
    return { node, id, key: `${id}#${pointer}` };
  };
  const copy = (value, baseId, open) => {
    if (Array.isArray(value)) return value.map((item) => copy(item, baseId, open));
    if (!value || typeof value !== 'object') return value;
    if (typeof value.$ref === 'string') {
      const { $ref, ...siblings } = value;
      const { node, id, key } = target($ref, baseId);
      if (open.has(key)) return { ...value, $ref: key };
      const inlined = copy(node, id, new Set([...open, key]));
      for (const name of Object.keys(siblings)) {
        if (name in inlined && !ANNOTATIONS.has(name))
          throw new Error(`$ref ${$ref} in ${baseId} has a sibling "${name}" that its target also sets`);
      }
      return { ...inlined, ...copy(siblings, baseId, open) };
    }
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, copy(item, baseId, open)]));
  };
  return schemas.map((schema) => copy(schema, schema.$id, new Set()));
}

/**
 * Every property an object schema does not list as `required` also accepts `null`, in place: Partner
 * Center reads null as "not set", and the .NET SDK, which the docs' own examples are often captured
 * from, sends null for every property it has no value for (`"ParentSubscriptionId": null`). The
 * schemas keep their types plain for hover and completion; this is the one place null is added.
 * A property with an `enum` gets null in its enum too, or the enum would still refuse it.
 */
function acceptNullWhereOptional(node) {
  if (Array.isArray(node)) {
    for (const item of node) acceptNullWhereOptional(item);
    return;
  }
  if (!node || typeof node !== 'object') return;
  if (node.properties && typeof node.properties === 'object') {
    const required = new Set(Array.isArray(node.required) ? node.required : []);
    for (const [name, property] of Object.entries(node.properties)) {
      if (required.has(name) || !property || typeof property !== 'object' || property.type === undefined) continue;
      const types = Array.isArray(property.type) ? property.type : [property.type];
      if (!types.includes('null')) property.type = [...types, 'null'];
      if (Array.isArray(property.enum) && !property.enum.includes(null)) property.enum = [...property.enum, null];
    }
  }
  for (const value of Object.values(node)) acceptNullWhereOptional(value);
}

/** Keywords whose value is data, not a schema: copied as they are. */
const DATA = new Set(['enum', 'const', 'default', 'examples']);
/** Keywords whose value maps names to schemas: the names are data, the schemas are walked. */
const SCHEMA_MAPS = new Set(['properties', 'definitions', 'patternProperties']);

/**
 * A schema without its annotations. Validation ignores them, and Ajv copies the whole schema into
 * the generated code when the code refers to any part of it (the names of `properties`): the
 * descriptions were a third of a kind's validator.
 */
function withoutAnnotations(node) {
  if (Array.isArray(node)) return node.map(withoutAnnotations);
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (ANNOTATIONS.has(key)) continue;
    if (DATA.has(key)) out[key] = value;
    else if (SCHEMA_MAPS.has(key) && value && typeof value === 'object') {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, withoutAnnotations(schema)]));
    } else out[key] = withoutAnnotations(value);
  }
  return out;
}

function generate() {
  mkdirSync(outDir, { recursive: true });
  const hash = schemasHash();
  const header = (source) =>
    `// GENERATED by schemas/generateValidators.mjs from ${source} - do not edit.\n// schemas-hash: ${hash}\n`;
  const names = readdirSync(here)
    .filter((n) => n.endsWith('.schema.json'))
    .sort();
  const schemas = inlineRefs(names.map((name) => JSON.parse(readFileSync(join(here, name), 'utf8'))));
  acceptNullWhereOptional(schemas);
  const validated = schemas.map(withoutAnnotations);
  const kinds = [];
  names.forEach((name, i) => {
    if (name === 'common.schema.json') return;
    const kind = name.replace('.schema.json', '');
    // One Ajv per kind: the standalone code then holds only what this kind's schema reaches.
    // Union types: a few properties take the two shapes the docs show (renewsTo as an object or
    // an array of them, additionalPartnerIdsOnRecord as a list or a single PartnerID string).
    const ajv = new Ajv({
      allErrors: true,
      strict: true,
      allowUnionTypes: true,
      code: { source: true, esm: false, optimize: true },
    });
    // The inlined copies still carry a recursive $ref by absolute id (cart add-ons): every file's schema is added.
    validated.forEach((schema) => ajv.addSchema(schema));
    const code = standaloneCode(ajv, { validate: schemas[i].$id });
    writeFileSync(join(outDir, `${kind}.js`), `${header(`schemas/${name}`)}/* eslint-disable */\n${code}\n`);
    kinds.push(kind);
  });
  writeFileSync(
    join(outDir, 'generatedValidator.d.ts'),
    `${header('Ajv standalone code')}import { type ErrorObject } from 'ajv';

/** A kind's validator: true when the value is valid, else false with the reasons in \`errors\`. */
export interface GeneratedValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}
`,
  );
  return kinds;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const kinds = generate();
  process.stdout.write(`wrote ${kinds.map((kind) => `${kind}.js`).join(', ')} in ${outDir}\n`);
}
