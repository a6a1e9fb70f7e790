// Every request example of the docs (test/fixtures/docs) through the language core, as the page
// prints it and in canonical casing, with the catalog read live from the emulator: a documented
// valid body must get no error. A false error is the worst thing a linter can do.
import { after, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { PartnerCenterClient } from '../../../common/src/api';
import { catalogView, createApiCatalogSource, getLanguageService, type CatalogView } from '../../../common/src/language';
import { requestKindById } from '../../../common/src/requestKinds';
import { type RunningEmulator, startEmulator } from '../../../emulator/src/index';
import { canonicalBody, type DocsExample, loadDocsExamples } from './corpus';

const service = getLanguageService();
const examples = loadDocsExamples();

let emulator: RunningEmulator;
let client: PartnerCenterClient;
before(async () => {
  emulator = await startEmulator();
  client = new PartnerCenterClient({
    endpoint: emulator.url,
    tokenProvider: { getToken: async () => 'docs-corpus' },
    maxRetries: 0,
  });
});
after(async () => {
  await client.close();
  await emulator.close();
});

/** The document a person would save for the example: the body, or for `request` files the whole call. */
function documentOf(example: DocsExample, body: unknown): unknown {
  if (example.kind !== 'request') return body;
  const call: Record<string, unknown> = { method: example.request.method, path: example.request.path };
  if (body !== null && body !== undefined) call.body = body;
  return call;
}

async function errorsIn(example: DocsExample, body: unknown): Promise<string[]> {
  const kind = requestKindById(example.kind);
  assert.ok(kind, `${example.file}: unknown kind ${example.kind}`);
  const parsed = service.parse(`docs://corpus/example.${kind.id}.json`, JSON.stringify(documentOf(example, body), null, 2));
  const source = createApiCatalogSource(() => client);
  const resolved = await source.resolveItems(service.catalogItemIds(parsed, kind));
  assert.ok(resolved.available, `${example.file}: the emulator's catalog did not answer: ${resolved.reason}`);
  const catalog: CatalogView = catalogView(true, Object.entries(resolved.items));
  // A dated example is checked as of the day it was made: its dates were in the future then.
  return service
    .validate(parsed, kind, { catalog, now: example.asOf ? new Date(example.asOf) : new Date() })
    .filter((d) => d.severity === 1)
    .map((d) => `${String(d.code)} at line ${d.range.start.line + 1}: ${d.message}`);
}

test('the corpus covers at least 40 examples from at least 15 pages', () => {
  assert.ok(examples.length >= 40, `${examples.length} examples`);
  assert.ok(new Set(examples.map((e) => e.page)).size >= 15, `${new Set(examples.map((e) => e.page)).size} pages`);
});

describe('documented request bodies get no error', () => {
  for (const example of examples) {
    if (example.request.body === null && example.kind !== 'request') continue;
    test(`${example.file}: as the page writes it`, async () => {
      assert.deepEqual(await errorsIn(example, example.request.body), []);
    });
    test(`${example.file}: in canonical casing`, async () => {
      assert.deepEqual(await errorsIn(example, canonicalBody(example.kind, example.request.body)), []);
    });
  }
});
