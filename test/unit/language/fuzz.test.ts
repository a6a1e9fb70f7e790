// Robustness: truncated, mutated, garbage, huge and absurdly deep documents never throw or hang,
// through validation, completion, hover and quick fixes alike; every diagnostic points inside the
// document, and a quick fix never breaks a document that was valid JSON.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ParseError, parseTree } from 'jsonc-parser';
import { type Position, type Range } from 'vscode-languageserver-types';
import { type ParsedRequest } from '../../../common/src/language';
import { ALL_ITEMS, applyTextEdits, fullCatalog, kind, REPO, service } from './helpers';

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 2246822519) + 0x9e3779b9) >>> 0;
    return state / 2 ** 32;
  };
}

const PIECES = [
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"',
  '\\',
  'null',
  'true',
  '-1e999',
  '"lineItems"',
  '"offerId"',
  '"A:B:C"',
  '"__proto__"',
  '"provisioningContext"',
  '\u0000',
  '\ud800',
  '/*',
  '"renewsTo"',
];

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

/** A position that exists in the document: it survives the round trip through an offset. */
function assertInside(parsed: ParsedRequest, range: Range, what: string): void {
  const real = (p: Position) =>
    parsed.lines.offsetAt(p) <= parsed.text.length &&
    JSON.stringify(parsed.lines.positionAt(parsed.lines.offsetAt(p))) === JSON.stringify(p);
  assert.ok(real(range.start) && real(range.end), `${what}: ${JSON.stringify(range)} is not in the document`);
  assert.ok(
    parsed.lines.offsetAt(range.start) <= parsed.lines.offsetAt(range.end),
    `${what}: ${JSON.stringify(range)} ends before it starts`,
  );
}

/** What one document showed: whether it was valid JSON, and how many quick fixes were applied to it. */
interface Exercised {
  validJson: boolean;
  fixesApplied: number;
}

function exercise(kindId: string, text: string, next: () => number): Exercised {
  const parsed = service.parse(`test://fuzz.${kindId}.json`, text);
  const k = kind(kindId);
  const diagnostics = service.validate(parsed, k, { catalog: fullCatalog() });
  for (const d of diagnostics) assertInside(parsed, d.range, `diagnostic ${String(d.code)}`);
  const position = parsed.lines.positionAt(Math.floor(next() * (text.length + 1)));
  service.complete(parsed, k, position, { catalog: fullCatalog(), catalogItems: ALL_ITEMS });
  service.hover(parsed, k, position, fullCatalog());
  const errors: ParseError[] = [];
  parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const validJson = errors.length === 0 && !parsed.skipped;
  let fixesApplied = 0;
  for (const action of service.codeActions(parsed, diagnostics)) {
    const edits = action.edit!.changes![parsed.uri];
    for (const e of edits) assertInside(parsed, e.range, `fix ${action.title}`);
    // Overlapping edits throw; the result of a fix on valid JSON must be valid JSON.
    const after = applyTextEdits(text, edits, parsed.lines);
    if (!validJson) continue;
    const afterErrors: ParseError[] = [];
    parseTree(after, afterErrors, { allowTrailingComma: false, disallowComments: true });
    assert.deepEqual(afterErrors, [], `fix ${action.title} broke the JSON:\n${after}`);
    fixesApplied++;
  }
  return { validJson, fixesApplied };
}

test('thousands of mutated documents never throw, and their diagnostics and fixes stay sound', () => {
  const seeds = [
    'docs-create.order.json',
    'docs-reserved-instance.order.json',
    'docs-create.cart.json',
    'broken.cart.json',
    'broken.order.json',
    'quantity.subscription.json',
    'contoso.customer.json',
  ];
  const next = random(20250615);
  let valid = 0;
  let invalid = 0;
  let fixesApplied = 0;
  for (const name of seeds) {
    const original = readFileSync(join(REPO, 'test', 'fixtures', 'language', name), 'utf8');
    const kindId = name.split('.').slice(-2)[0];
    for (let i = 0; i < 600; i++) {
      const text = mutate(original, next);
      let result: Exercised;
      try {
        result = exercise(kindId, text, next);
      } catch (err) {
        assert.fail(`${name} mutation ${i}: ${err instanceof Error ? err.message : String(err)}\n${text}`);
      }
      if (result.validJson) valid++;
      else invalid++;
      fixesApplied += result.fixesApplied;
    }
  }
  // The mutations must reach both sides, or the checks above would have checked little.
  assert.ok(valid >= 100 && invalid >= 1000, `${valid} valid and ${invalid} broken documents`);
  assert.ok(fixesApplied >= 500, `only ${fixesApplied} fixes applied to valid documents`);
});

test('random garbage and truncations never throw', () => {
  const next = random(7);
  const order = readFileSync(join(REPO, 'test', 'fixtures', 'language', 'broken.order.json'), 'utf8');
  for (let cut = 0; cut <= order.length; cut++) exercise('order', order.slice(0, cut), next);
  for (let i = 0; i < 500; i++) {
    const text = Array.from({ length: Math.floor(next() * 200) }, () => String.fromCharCode(Math.floor(next() * 0x3000))).join(
      '',
    );
    exercise('cart', text, next);
  }
});

test('a 20 MB document is reported, not parsed on the main path', () => {
  const line = '{"lineItemNumber":0,"offerId":"A1:B2:C3","quantity":1},';
  const text = `{"billingCycle":"monthly","lineItems":[${line.repeat(Math.ceil(20_000_000 / line.length))}{}]}`;
  const parsed = service.parse('test://big.order.json', text);
  // Not parsed: nothing in the source tree, so completion and quick fixes have nothing to walk.
  assert.equal(parsed.skipped, 'tooLarge');
  assert.equal(parsed.source.memberCount, 0);
  const diagnostics = service.validate(parsed, kind('order'));
  assert.deepEqual(
    diagnostics.map((d) => d.code),
    ['pc.document.tooLarge'],
  );
  assert.deepEqual(service.complete(parsed, kind('order'), { line: 0, character: 5 }, { catalog: fullCatalog() }).items, []);
  assert.deepEqual(service.codeActions(parsed, diagnostics), []);
});

test('100,000-deep nesting is reported, never a stack overflow', () => {
  for (const text of [
    '['.repeat(100_000),
    '{"a":'.repeat(100_000),
    `{"lineItems":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
    `{"client":${'{"x":'.repeat(2000)}1${'}'.repeat(2000)}}`,
  ]) {
    const parsed = service.parse('test://deep.order.json', text);
    const diagnostics = service.validate(parsed, kind('order'));
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['pc.document.tooDeep'],
    );
    service.complete(parsed, kind('order'), { line: 0, character: 3 }, { catalog: fullCatalog() });
    service.hover(parsed, kind('order'), { line: 0, character: 3 }, fullCatalog());
  }
});
