// Completion as the editor meets it, over the real server (issue 12): inside a string the items
// survive the editor's filter, a property brings the comma the next member needs, whole-document
// snippets appear only in an empty document, and the order snippet's first stop is the item to buy.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CompletionItemKind, CompletionRequest, type CompletionItem, type TextEdit } from 'vscode-languageserver-protocol/node';
import { BASIC, caret, REPO, service } from './helpers';
import { latest, open, type Session, withSession } from './lspSession';

let counter = 0;

/** Opens `marked` as a new document of the kind and asks for completion at its `|`. */
async function completeAt(
  s: Session,
  kindId: string,
  marked: string,
): Promise<{ text: string; offset: number; items: CompletionItem[] }> {
  const { text, offset } = caret(marked);
  const uri = `file:///work/test/completion${++counter}.${kindId}.json`;
  await open(s, uri, text);
  const parsed = service.parse(uri, text);
  const answer = await s.connection.sendRequest(CompletionRequest.type, {
    textDocument: { uri },
    position: parsed.lines.positionAt(offset),
  });
  return { text, offset, items: Array.isArray(answer) ? answer : (answer?.items ?? []) };
}

/**
 * What the editor keeps of an item: the text from the start of its range to the cursor must
 * match its filter text (or label) in order, from the first character, ignoring case, as VS
 * Code's fuzzy filter requires of the first character.
 */
function shown(text: string, offset: number, item: CompletionItem): boolean {
  const edit = item.textEdit as TextEdit;
  const start = service.parse('test://x.json', text).lines.offsetAt(edit.range.start);
  const typed = text.slice(start, offset).toLowerCase();
  const target = (item.filterText ?? item.label).toLowerCase();
  if (typed === '') return true;
  if (target[0] !== typed[0]) return false;
  let at = 0;
  for (const char of typed) {
    at = target.indexOf(char, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

/** The text after applying an item's edit, with snippet tab stops reduced to their first choice or default. */
function applied(text: string, item: CompletionItem): string {
  const edit = item.textEdit as TextEdit;
  const lines = service.parse('test://x.json', text).lines;
  const newText = edit.newText
    .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '');
  return text.slice(0, lines.offsetAt(edit.range.start)) + newText + text.slice(lines.offsetAt(edit.range.end));
}

test('inside "P1M", "monthly" and after typing "friendlyN, the items replace the string and pass the editor filter', () =>
  withSession(async (s) => {
    const line = `"catalogItemId":"${BASIC.catalogItemId}","quantity":1`;
    const term = await completeAt(s, 'cart', `{"lineItems":[{${line},"billingCycle":"monthly","termDuration":"P1|M"}]}`);
    const p1m = term.items.find((i) => i.label === 'P1M');
    assert.ok(p1m, `P1M offered: ${term.items.map((i) => i.label).join(', ')}`);
    assert.ok(shown(term.text, term.offset, p1m), 'the editor keeps P1M while "P1 is typed');
    assert.equal(applied(term.text, p1m), term.text, 'P1M replaces the whole string "P1M", quotes included');

    const cycle = await completeAt(s, 'order', '{"billingCycle": "mon|thly", "lineItems": []}');
    const monthly = cycle.items.find((i) => i.label === 'monthly');
    assert.ok(monthly && shown(cycle.text, cycle.offset, monthly), 'the editor keeps monthly while "mon is typed');
    assert.ok(!cycle.items.some((i) => i.kind === CompletionItemKind.Snippet), 'no snippet crowds a value');

    const name = await completeAt(s, 'order', `{"lineItems":[{"offerId":"${BASIC.catalogItemId}","friendlyN|\n}]}`);
    const friendly = name.items.find((i) => i.label === 'friendlyName');
    assert.ok(friendly && shown(name.text, name.offset, friendly), 'the editor keeps friendlyName while "friendlyN is typed');
    assert.match(applied(name.text, friendly), /\{"offerId":"[^"]+","friendlyName": ""\n\}/);
  }));

test('a property completed before another member brings the comma; the last one does not', () =>
  withSession(async (s) => {
    const before = await completeAt(s, 'order', '{\n  |\n  "billingCycle": "monthly"\n}');
    const lineItems = before.items.find((i) => i.label === 'lineItems')!;
    const first = applied(before.text, lineItems);
    assert.deepEqual(service.parse('test://x.json', first).syntaxErrors, [], `valid JSON:\n${first}`);
    assert.deepEqual(Object.keys(JSON.parse(first) as object), ['lineItems', 'billingCycle']);

    const last = await completeAt(s, 'order', '{\n  "billingCycle": "monthly",\n  |\n}');
    const after = applied(
      last.text,
      last.items.find((i) => i.label === 'lineItems')!,
    );
    assert.deepEqual(service.parse('test://x.json', after).syntaxErrors, [], `valid JSON:\n${after}`);

    // A value typed before the next member brings its comma too.
    const value = await completeAt(s, 'order', '{\n  "billingCycle": |\n  "lineItems": []\n}');
    const withValue = applied(
      value.text,
      value.items.find((i) => i.label === 'annual')!,
    );
    assert.equal((JSON.parse(withValue) as { billingCycle: string }).billingCycle, 'annual');
  }));

test('whole-document snippets come from the server, in an empty document of their kind only', () =>
  withSession(async (s) => {
    const empty = await completeAt(s, 'order', '|');
    const snippets = empty.items.filter((i) => i.kind === CompletionItemKind.Snippet).map((i) => i.label);
    assert.deepEqual(snippets.sort(), ['pc-order', 'pc-order-reservation']);
    const inObject = await completeAt(s, 'order', '{ | }');
    assert.ok(!inObject.items.some((i) => i.kind === CompletionItemKind.Snippet), 'none inside the document');
    // Contributed to the json language, VS Code would show them in every JSON file and every string.
    const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { contributes: { snippets?: unknown } };
    assert.equal(manifest.contributes.snippets, undefined);
  }));

test('the order snippet starts at an empty offerId that catalog completion fills, and ends at billingCycle', () =>
  withSession(async (s) => {
    const empty = await completeAt(s, 'order', '|');
    const order = empty.items.find((i) => i.label === 'pc-order')!;
    const body = order.insertText!;
    // The first tab stop is the item to buy; the billing cycle comes after the line's fields.
    assert.match(body, /"offerId": "\$1"/);
    assert.equal(order.command?.command, 'editor.action.triggerSuggest', 'the catalog list opens at that stop');
    const stops = [...body.matchAll(/\$\{?(\d+)/g)].map((m) => Number(m[1]));
    const billing = Number(/"billingCycle": "\$\{(\d+)/.exec(body)![1]);
    assert.equal(billing, Math.max(...stops), 'billingCycle is the last tab stop');

    // At the first stop, the catalog is offered.
    const filled = body
      .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
      .replace(/\$\{\d+:([^}]*)\}/g, '$1')
      .replace(/\\\$/g, '$');
    const atOffer = await completeAt(s, 'order', filled.replace('"$1"', '"|"').replace(/\$\d+/g, ''));
    assert.ok(
      atOffer.items.some((i) => i.label === BASIC.skuTitle),
      'catalog items at the offerId stop',
    );
  }));

test("the docs' placeholder id PRODUCT:SKU:AVAILABILITY is never sent to the catalog", () =>
  withSession(async (s) => {
    // The docs' placeholder id is not sent to the catalog (each look-up is a 404 and a warning).
    const uri = 'file:///work/test/placeholder.order.json';
    const placeholder = JSON.stringify({
      partnerOnRecordAttestationAccepted: true,
      billingCycle: 'monthly',
      lineItems: [
        { lineItemNumber: 0, offerId: 'PRODUCT:SKU:AVAILABILITY', quantity: 1, termDuration: 'P1M' },
        { lineItemNumber: 1, offerId: BASIC.catalogItemId, quantity: 1, termDuration: 'P1M' },
      ],
    });
    await open(s, uri, placeholder);
    await s.until(() => latest(s, uri, 1));
    assert.deepEqual(s.resolveCalls.flat(), [BASIC.catalogItemId]);
  }));
