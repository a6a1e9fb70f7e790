// A `*.request.json` call whose method and path are a kind's (POST …/orders, POST …/carts,
// PATCH …/subscriptions/{id}, POST /customers) has its body checked as a document of that kind,
// as request.schema.json promises; any other call's body is left alone.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { applyTextEdits, codesOf, fullCatalog, kind, NOW, REPO, service, validate } from './helpers';

// The docs' change-the-quantity PATCH (change-the-quantity-of-a-subscription.md), as a call.
const QUANTITY = readFileSync(join(REPO, 'test', 'fixtures', 'language', 'docs-change-quantity.request.json'), 'utf8');
const errorsOf = (d: ReturnType<typeof validate>) => d.filter((x) => x.severity === DiagnosticSeverity.Error);
const call = (method: string, path: string, body: unknown) => JSON.stringify({ method, path, body }, null, 2);

test('the body of a subscription PATCH call is checked as a subscription update: the documented one passes, a mistake in it is found where it is', () => {
  const documented = validate('request', QUANTITY);
  assert.deepEqual(errorsOf(documented), []);
  // The body was read as a subscription: its PascalCase names get the subscription's casing hints.
  assert.ok(codesOf(documented).includes('pc.casing.property'));

  const broken = QUANTITY.replace('"Quantity": 2', '"Quantity": 0');
  const [d] = errorsOf(validate('request', broken));
  assert.equal(d.code, 'pc.schema.minimum');
  const lines = broken.split('\n');
  assert.equal(lines[d.range.start.line].slice(d.range.start.character, d.range.end.character), '0');
  assert.match(lines[d.range.start.line], /"Quantity": 0/);
});

test("only a kind's own method and path make the body a document: a GET, or a PATCH of an order (add-on, cancel), is not a new order", () => {
  assert.deepEqual(codesOf(validate('request', QUANTITY.replace('"PATCH"', '"GET"'))), []);
  const line = {
    lineItemNumber: 0,
    offerId: '2828BE95-46BA-4F91-B2FD-0BEF192ECF60',
    parentSubscriptionId: '1C2B75C1-74A5-472A-A729-7F8CEFC477F9',
  };
  const patchOrder = call(
    'PATCH',
    '/v1/customers/4d3cf487-70f4-4e1e-9ff1-b2bfce8d9f04/orders/CF3B0E37-BE0B-4CDD-B584-D1A97D98A922',
    { referenceCustomerId: '4d3cf487-70f4-4e1e-9ff1-b2bfce8d9f04', lineItems: [line] },
  );
  assert.deepEqual(codesOf(validate('request', patchOrder)), []);
  const cancel = call('PATCH', '/v1/customers/{customer-tenant-id}/orders/{order-id}', {
    id: 'UKXASSO1dezh3HdxClHxSp5UEFXGbAnt1',
    status: 'cancelled',
  });
  assert.deepEqual(codesOf(validate('request', cancel)), []);
  // The same line POSTed to the orders path is a new order, and misses its quantity.
  const postOrder = call('POST', '/customers/{customerId}/orders', {
    partnerOnRecordAttestationAccepted: true,
    lineItems: [line],
  });
  assert.deepEqual(codesOf(errorsOf(validate('request', postOrder))), ['pc.schema.required']);
});

test("an envelope body's quick fixes edit the body, and its catalog item ids are looked up", () => {
  const text = call('post', '/v1/customers/f81d98dd-c2f4-499e-a194-5619e260344e/orders', {
    lineItems: [{ lineItemNumber: 0, offerId: 'CFQ7TTC0LH18:0001:CFQ7TTC0K971', quantity: 1 }],
  });
  const parsed = service.parse('test://buy.request.json', text);
  assert.deepEqual(service.catalogItemIds(parsed, kind('request')), ['CFQ7TTC0LH18:0001:CFQ7TTC0K971']);
  const diagnostics = service.validate(parsed, kind('request'), { catalog: fullCatalog(), now: NOW });
  // The method's casing hint is the envelope's; the rest are the order's, catalog included.
  assert.deepEqual(codesOf(diagnostics), ['pc.casing.value', 'pc.attestation.partnerOnRecordMissing', 'pc.catalog.termMissing']);
  const [action] = service
    .codeActions(
      parsed,
      diagnostics.filter((d) => d.code === 'pc.attestation.partnerOnRecordMissing'),
    )
    .filter((a) => a.isPreferred);
  const edits = action.edit!.changes!['test://buy.request.json'];
  const fixed = JSON.parse(applyTextEdits(text, edits, parsed.lines)) as { body: Record<string, unknown> };
  assert.equal(fixed.body.partnerOnRecordAttestationAccepted, true);
  assert.equal('partnerOnRecordAttestationAccepted' in fixed, false);
});

test('a body that is not an object, sent where a kind is, is reported on the body', () => {
  const text = call('POST', '/v1/customers', [1]);
  const [d] = validate('request', text);
  assert.equal(d.code, 'pc.document.notAnObject');
  assert.match(String(d.message), /new customer body/);
});
