// Completion, hover and quick fixes, with carets marked inline.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { type CompletionItem, type TextEdit } from 'vscode-languageserver-types';
import { type CompletionData } from '../../../common/src/language';
import {
  ALL_ITEMS,
  applyTextEdits,
  BASIC,
  caret,
  fullCatalog,
  kind,
  order,
  RESERVATION,
  service,
  validate,
  W365,
} from './helpers';

function completeAt(kindId: string, marked: string, data: Partial<CompletionData> = {}): CompletionItem[] {
  const { text, offset } = caret(marked);
  const parsed = service.parse(`test://doc.${kindId}.json`, text);
  return service.complete(parsed, kind(kindId), parsed.lines.positionAt(offset), {
    catalog: fullCatalog(),
    catalogItems: ALL_ITEMS,
    ...data,
  }).items;
}

function fix(kindId: string, text: string, code: string, title?: string): string {
  const parsed = service.parse(`test://doc.${kindId}.json`, text);
  const diagnostics = service
    .validate(parsed, kind(kindId), { catalog: fullCatalog(), now: new Date('2025-06-15T00:00:00Z') })
    .filter((d) => d.code === code);
  assert.ok(diagnostics.length > 0, `expected ${code}`);
  const actions = service.codeActions(parsed, diagnostics);
  const action = title ? actions.find((a) => a.title === title) : actions.find((a) => a.isPreferred);
  assert.ok(action, `no action ${title ?? '(preferred)'} among ${actions.map((a) => a.title).join(' | ')}`);
  return applyTextEdits(text, action.edit!.changes!['test://doc.' + kindId + '.json']);
}

test('property names: missing ones, required first, with a value snippet', () => {
  const items = completeAt('order', '{ "billingCycle": "monthly", | }');
  const labels = items.map((i) => i.label);
  assert.ok(labels.includes('lineItems') && !labels.includes('billingCycle') && !labels.includes('status'));
  const lineItems = items.find((i) => i.label === 'lineItems')!;
  assert.equal(lineItems.sortText!.startsWith('0'), true);
  assert.equal((lineItems.textEdit as TextEdit).newText, '"lineItems": [$1]');
  const billing = completeAt('cart', '{"lineItems":[{ "bil|" }]}').find((i) => i.label === 'billingCycle')!;
  assert.match((billing.textEdit as TextEdit).newText, /^"billingCycle": "\$\{1\|monthly,annual/);
});

test('enum values, and terms limited to what the availability sells', () => {
  const cycles = completeAt('cart', '{"lineItems":[{"catalogItemId":"A1:B2:C3","billingCycle": |}]}').map((i) => i.label);
  assert.deepEqual(cycles, ['monthly', 'annual', 'triennial', 'biennial', 'one_time', 'none']);
  const terms = completeAt(
    'cart',
    `{"lineItems":[{"catalogItemId":"${BASIC.catalogItemId}","billingCycle":"annual","termDuration": "|"}]}`,
  ).map((i) => i.label);
  assert.deepEqual(terms, ['P1Y']);
  const cyclesForItem = completeAt('cart', `{"lineItems":[{"catalogItemId":"${BASIC.catalogItemId}","billingCycle": |}]}`).map(
    (i) => i.label,
  );
  assert.deepEqual(cyclesForItem, ['monthly', 'annual']);
});

test('catalog item ids, filtered as typed, with product, SKU and terms', () => {
  const all = completeAt('order', '{"lineItems":[{"offerId": "|"}]}');
  assert.equal(all.length, ALL_ITEMS.length);
  const typed = completeAt('order', '{"lineItems":[{"offerId": "windows|"}]}');
  assert.deepEqual(
    typed.map((i) => i.label),
    [W365.skuTitle],
  );
  assert.equal((typed[0].textEdit as TextEdit).newText, JSON.stringify(W365.catalogItemId));
  assert.match(typed[0].detail!, /P1M monthly/);
});

test('customer ids for referenceCustomerId, provisioning keys from the SKU', () => {
  const customers = completeAt('order', '{"referenceCustomerId": |}', {
    customers: [{ id: 'f81d98dd-c2f4-499e-a194-5619e260344e', companyName: 'Contoso' }],
  });
  assert.deepEqual(
    customers.map((c) => c.label),
    ['Contoso'],
  );
  const keys = completeAt('order', `{"lineItems":[{"offerId":"${RESERVATION.catalogItemId}","provisioningContext":{ | }}]}`);
  const needed = keys
    .filter((k) => k.detail?.startsWith('Needed by'))
    .map((k) => k.label)
    .sort();
  assert.deepEqual(needed, ['duration', 'scope', 'subscriptionId']);
});

test('hover: property docs, enum meaning, catalog item details', () => {
  const at = (marked: string) => {
    const { text, offset } = caret(marked);
    const parsed = service.parse('test://doc.order.json', text);
    const h = service.hover(parsed, kind('order'), parsed.lines.positionAt(offset), fullCatalog());
    return h ? (h.contents as { value: string }).value : undefined;
  };
  assert.match(at('{"billing|Cycle":"monthly"}')!, /\*\*billingCycle\*\*/);
  assert.match(at('{"BillingCycle":"one_ti|me"}')!, /single charge/);
  const item = at(
    `{"lineItems":[{"offerId":"${RESERVATION.catalogItemId.slice(0, 5)}|${RESERVATION.catalogItemId.slice(5)}"}]}`,
  )!;
  assert.match(item, /Reserved VM Instance/);
  assert.match(item, /Quantity: 1 to 999999999/);
  assert.match(item, /Prerequisites: InventoryCheck/);
  // An id the view has not resolved falls back to the property's description.
  assert.match(at('{"lineItems":[{"offerId":"ZZ:ZZ:Z|Z"}]}')!, /What to buy/);
});

test('quick fix: casing of a property and of an enum value', () => {
  assert.equal(fix('order', '{"BillingCycle":"Monthly"}', 'pc.casing.property'), '{"billingCycle":"Monthly"}');
  assert.equal(fix('order', '{"billingCycle":"Monthly"}', 'pc.casing.value'), '{"billingCycle":"monthly"}');
});

test('quick fix: renumber line items', () => {
  const text =
    '{"partnerOnRecordAttestationAccepted":true,"billingCycle":"monthly","lineItems":[{"lineItemNumber":3,"offerId":"A1:B2:C3","quantity":1},{"lineItemNumber":3,"offerId":"A1:B2:C4","quantity":1}]}';
  const fixed = fix('order', text, 'pc.lineItem.numbering');
  assert.deepEqual(
    JSON.parse(fixed).lineItems.map((l: { lineItemNumber: number }) => l.lineItemNumber),
    [0, 1],
  );
  assert.deepEqual(validate('order', fixed), []);
});

test('quick fix: add missing provisioning keys, set attestation, valid term pair, remove unknown property', () => {
  const reservation = order(
    [{ offerId: RESERVATION.catalogItemId, termDuration: 'P1Y', provisioningContext: { scope: 'shared' } }],
    { billingCycle: 'one_time' },
  );
  const withKeys = JSON.parse(fix('order', reservation, 'pc.catalog.provisioningMissing'));
  assert.deepEqual(withKeys.lineItems[0].provisioningContext, { scope: 'shared', subscriptionId: '', duration: '1Year' });

  const w365 = order([{ offerId: W365.catalogItemId, termDuration: 'P1M' }]);
  assert.equal(JSON.parse(fix('order', w365, 'pc.catalog.attestationRequired')).lineItems[0].attestationAccepted, true);

  const badPair =
    '{"partnerOnRecordAttestationAccepted":true,"lineItems":[{"catalogItemId":"A1:B2:C3","quantity":1,"billingCycle":"annual","termDuration":"P1M"}]}';
  assert.equal(JSON.parse(fix('cart', badPair, 'pc.term.billingCycleMismatch')).lineItems[0].billingCycle, 'monthly');

  const unknown =
    '{"partnerOnRecordAttestationAccepted":true,"billingCycle":"monthly","lineItems":[{"lineItemNumber":0,"offerId":"A1:B2:C3","quantity":1,"colour":"red"}]}';
  const removed = fix('order', unknown, 'pc.property.unknown', 'Remove "colour"');
  assert.equal('colour' in JSON.parse(removed).lineItems[0], false);
});

test('quick fix: replace a term the availability does not sell', () => {
  const text =
    '{"partnerOnRecordAttestationAccepted":true,"lineItems":[{"catalogItemId":"' +
    BASIC.catalogItemId +
    '","quantity":1,"billingCycle":"monthly","termDuration":"P3Y"}]}';
  const fixed = JSON.parse(fix('cart', text, 'pc.catalog.termNotOffered'));
  assert.equal(fixed.lineItems[0].termDuration, 'P1M');
});

/** A one-line order of about 195 KB (2,000 lines); line 1,000 lacks its quantity and has an unknown "colour". */
function oneLineOrder(): { text: string; line: string } {
  const lines = Array.from({ length: 2000 }, (_, i) => ({
    lineItemNumber: i,
    offerId: BASIC.catalogItemId,
    quantity: 1,
    termDuration: 'P1Y',
  }));
  const text = JSON.stringify({ partnerOnRecordAttestationAccepted: true, billingCycle: 'monthly', lineItems: lines });
  const line = `{"lineItemNumber":1000,"offerId":"${BASIC.catalogItemId}","quantity":1,"termDuration":"P1Y"}`;
  const broken = `{"lineItemNumber":1000,"offerId":"${BASIC.catalogItemId}","termDuration":"P1Y","colour":"red"}`;
  assert.ok(text.includes(line));
  return { text: text.replace(line, broken), line: broken };
}

test('quick fixes on a one-line 195 KB order edit only what they fix', () => {
  const { text, line } = oneLineOrder();
  assert.ok(text.length > 190_000 && !text.includes('\n'));
  const parsed = service.parse('test://big.order.json', text);
  const diagnostics = service.validate(parsed, kind('order'), { catalog: fullCatalog(), now: new Date('2025-06-15T00:00:00Z') });
  const actions = service.codeActions(parsed, diagnostics);
  const edits = (title: string) => {
    const action = actions.find((a) => a.title === title);
    assert.ok(action, `no action ${title} among ${actions.map((a) => a.title).join(' | ')}`);
    return action.edit!.changes!['test://big.order.json'];
  };
  const lineStart = text.indexOf(line);

  // Add: one insertion after the line's last member, in the line's own compact style.
  const add = edits('Add "quantity"');
  const afterLast = lineStart + line.length - 1;
  assert.deepEqual(add, [
    { range: { start: { line: 0, character: afterLast }, end: { line: 0, character: afterLast } }, newText: ',"quantity":1' },
  ]);
  assert.equal(applyTextEdits(text, add), text.slice(0, afterLast) + ',"quantity":1' + text.slice(afterLast));

  // Remove: exactly the member and the comma before it.
  const remove = edits('Remove "colour"');
  const colour = text.indexOf(',"colour":"red"');
  assert.deepEqual(remove, [
    {
      range: { start: { line: 0, character: colour }, end: { line: 0, character: colour + ',"colour":"red"'.length } },
      newText: '',
    },
  ]);
  const removed = applyTextEdits(text, remove);
  assert.equal(removed, text.replace(',"colour":"red"', ''));

  // Both applied give a document with neither finding, and nothing else changed.
  const both = applyTextEdits(text, [...remove, ...add]);
  assert.equal(
    both,
    text.replace(line, `{"lineItemNumber":1000,"offerId":"${BASIC.catalogItemId}","termDuration":"P1Y","quantity":1}`),
  );
  assert.deepEqual(validate('order', both, fullCatalog()), []);
});

test("quick fixes keep a multi-line document's layout: indentation, CRLF, and a first member in an empty object", () => {
  const crlf = '{\r\n    "quantity": 3,\r\n    "status": "active"\r\n}';
  assert.equal(
    fix('subscription', crlf, 'pc.subscription.autoRenewMissing'),
    '{\r\n    "quantity": 3,\r\n    "status": "active",\r\n    "autoRenewEnabled": true\r\n}',
  );
  const emptyContext = order([{ offerId: RESERVATION.catalogItemId, termDuration: 'P1Y', provisioningContext: {} }], {
    billingCycle: 'one_time',
  });
  assert.equal(
    fix('order', emptyContext, 'pc.catalog.provisioningMissing'),
    emptyContext.replace(
      '"provisioningContext": {}',
      '"provisioningContext": {\n        "scope": "shared",\n        "subscriptionId": "",\n        "duration": "1Year"\n      }',
    ),
  );
  const noContext = order([{ offerId: RESERVATION.catalogItemId, termDuration: 'P1Y' }], { billingCycle: 'one_time' });
  assert.equal(
    fix('order', noContext, 'pc.catalog.provisioningMissing'),
    noContext.replace(
      '"termDuration": "P1Y"',
      '"termDuration": "P1Y",\n      "provisioningContext": {\n        "scope": "shared",\n        "subscriptionId": "",\n        "duration": "1Year"\n      }',
    ),
  );
  // The first member of an object goes with the comma after it, so the rest keeps its indentation.
  const first = '{\n  "colour": "red",\n  "billingCycle": "monthly"\n}';
  assert.equal(fix('order', first, 'pc.property.unknown', 'Remove "colour"'), '{\n  "billingCycle": "monthly"\n}');
});
