// Robustness: truncated, mutated, garbage, huge and absurdly deep documents never throw or hang,
// through validation, completion, hover and quick fixes alike.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_ITEMS, fullCatalog, kind, REPO, service } from './helpers';

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 2246822519) + 0x9e3779b9) >>> 0;
    return state / 2 ** 32;
  };
}

const PIECES = ['{', '}', '[', ']', ',', ':', '"', '\\', 'null', 'true', '-1e999', '"lineItems"', '"offerId"', '"A:B:C"', '"__proto__"', '"provisioningContext"', '\u0000', '\ud800', '/*', '"renewsTo"'];

function mutate(text: string, next: () => number): string {
  let out = text;
  const edits = 1 + Math.floor(next() * 4);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(next() * (out.length + 1));
    const choice = next();
    if (choice < 0.4) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(next() * 8));
    else if (choice < 0.8) out = out.slice(0, at) + PIECES[Math.floor(next() * PIECES.length)] + out.slice(at);
    else out = out.slice(0, at);
  }
  return out;
}

function exercise(kindId: string, text: string, next: () => number): void {
  const parsed = service.parse(`test://fuzz.${kindId}.json`, text);
  const k = kind(kindId);
  const diagnostics = service.validate(parsed, k, { catalog: fullCatalog() });
  const position = parsed.lines.positionAt(Math.floor(next() * (text.length + 1)));
  service.complete(parsed, k, position, { catalog: fullCatalog(), catalogItems: ALL_ITEMS });
  service.hover(parsed, k, position, fullCatalog());
  service.codeActions(parsed, diagnostics);
}

test('thousands of mutated documents never throw', () => {
  const seeds = ['docs-create.order.json', 'docs-reserved-instance.order.json', 'docs-create.cart.json', 'broken.cart.json', 'broken.order.json', 'quantity.subscription.json', 'contoso.customer.json'];
  const next = random(20250615);
  let runs = 0;
  for (const name of seeds) {
    const original = readFileSync(join(REPO, 'test', 'fixtures', 'language', name), 'utf8');
    const kindId = name.split('.').slice(-2)[0];
    for (let i = 0; i < 600; i++) {
      const text = mutate(original, next);
      try {
        exercise(kindId, text, next);
      } catch (err) {
        assert.fail(`${name} mutation ${i} threw ${String(err)}:\n${text}`);
      }
      runs++;
    }
  }
  assert.ok(runs >= 4000);
});

test('random garbage and truncations never throw', () => {
  const next = random(7);
  const order = readFileSync(join(REPO, 'test', 'fixtures', 'language', 'broken.order.json'), 'utf8');
  for (let cut = 0; cut <= order.length; cut++) exercise('order', order.slice(0, cut), next);
  for (let i = 0; i < 500; i++) {
    const text = Array.from({ length: Math.floor(next() * 200) }, () => String.fromCharCode(Math.floor(next() * 0x3000))).join('');
    exercise('cart', text, next);
  }
});

test('a 20 MB document is reported, not parsed on the main path', () => {
  const line = '{"lineItemNumber":0,"offerId":"A1:B2:C3","quantity":1},';
  const text = `{"billingCycle":"monthly","lineItems":[${line.repeat(Math.ceil(20_000_000 / line.length))}{}]}`;
  const started = Date.now();
  const parsed = service.parse('test://big.order.json', text);
  const diagnostics = service.validate(parsed, kind('order'));
  assert.deepEqual(diagnostics.map((d) => d.code), ['pc.document.tooLarge']);
  service.complete(parsed, kind('order'), { line: 0, character: 5 }, { catalog: fullCatalog() });
  assert.ok(Date.now() - started < 5000, 'took too long');
});

test('100,000-deep nesting is reported, never a stack overflow', () => {
  for (const text of ['['.repeat(100_000), '{"a":'.repeat(100_000), `{"lineItems":${'['.repeat(100_000)}${']'.repeat(100_000)}}`, `{"client":${'{"x":'.repeat(2000)}1${'}'.repeat(2000)}}`]) {
    const parsed = service.parse('test://deep.order.json', text);
    const diagnostics = service.validate(parsed, kind('order'));
    assert.ok(diagnostics.length > 0);
    service.complete(parsed, kind('order'), { line: 0, character: 3 }, { catalog: fullCatalog() });
    service.hover(parsed, kind('order'), { line: 0, character: 3 }, fullCatalog());
  }
});
