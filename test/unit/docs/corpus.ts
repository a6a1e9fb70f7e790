// Loads the docs' own examples (test/fixtures/docs, format in its README) and gives the tests the
// two spellings of each body: as the page prints it, and with every name and enum value the
// schema knows in its canonical casing.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  canonicalEnumValue,
  canonicalPropertyName,
  propertySchema,
  rootSchema,
  type SchemaNode,
} from '../../../common/src/language/schemaModel';
import { type RequestKindId } from '../../../common/src/requestKinds';

export interface DocsExample {
  /** Path under test/fixtures/docs, for test titles. */
  file: string;
  page: string;
  example: string;
  shows: string;
  kind: RequestKindId;
  request: { method: string; path: string; body: unknown };
  response: { status: number; body: unknown };
  repairs?: string[];
  /** When the example was made (from the page); date rules read it as today. */
  asOf?: string;
}

export const DOCS_FIXTURES = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'docs');

function jsonFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return jsonFiles(path);
      return name.endsWith('.json') ? [path] : [];
    });
}

export function loadDocsExamples(): DocsExample[] {
  // Examples sit in folders by what they do; a file at the top (error-codes.json) holds other docs facts.
  const folders = readdirSync(DOCS_FIXTURES)
    .sort()
    .map((name) => join(DOCS_FIXTURES, name))
    .filter((path) => statSync(path).isDirectory());
  return folders.flatMap(jsonFiles).map((path) => {
    const example = JSON.parse(readFileSync(path, 'utf8')) as DocsExample;
    example.file = relative(DOCS_FIXTURES, path);
    for (const field of ['page', 'example', 'shows', 'kind', 'request', 'response'] as const) {
      if (example[field] === undefined) throw new Error(`${example.file}: no "${field}"`);
    }
    return example;
  });
}

/** The body with every property name and enum value the schema knows written canonically. */
export function canonicalBody(kind: RequestKindId, body: unknown): unknown {
  const walk = (value: unknown, schema: SchemaNode | undefined): unknown => {
    if (Array.isArray(value)) return value.map((item) => walk(item, schema?.items));
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [name, inner] of Object.entries(value)) {
        const canonical = canonicalPropertyName(schema, name) ?? name;
        out[canonical] = walk(inner, propertySchema(schema, canonical));
      }
      return out;
    }
    if (typeof value === 'string' && schema?.enum && !schema.enum.includes(value)) {
      return canonicalEnumValue(schema, value) ?? value;
    }
    return value;
  };
  return walk(body, rootSchema(kind));
}
