// Schema validation: the documentation's own bodies pass (mixed casing, null renewsTo), mistakes
// get exact ranges, stable codes and fixes, and the generated validators match the schemas.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { codesOf, REPO, validate } from './helpers';

const FIXTURES = join(REPO, 'test', 'fixtures', 'language');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const errorsOf = (d: ReturnType<typeof validate>) => d.filter((x) => x.severity === DiagnosticSeverity.Error);

test('the documentation example bodies have no errors', () => {
  assert.deepEqual(errorsOf(validate('order', fixture('docs-create.order.json'))), []);
  assert.deepEqual(errorsOf(validate('order', fixture('docs-reserved-instance.order.json'))), []);
  assert.deepEqual(errorsOf(validate('cart', fixture('docs-create.cart.json'))), []);
  assert.deepEqual(errorsOf(validate('customer', fixture('contoso.customer.json'))), []);
  assert.deepEqual(errorsOf(validate('subscription', fixture('quantity.subscription.json'))), []);
});

test('PascalCase names are accepted and offered in canonical casing as hints with a fix', () => {
  const text = '{"BillingCycle":"monthly","PartnerOnRecordAttestationAccepted":true,"LineItems":[{"LineItemNumber":0,"OfferId":"A1:B2:C3","Quantity":1}]}';
  const d = validate('order', text);
  const casing = d.filter((x) => x.code === 'pc.casing.property');
  assert.equal(casing.length, 6);
  assert.ok(casing.every((x) => x.severity === DiagnosticSeverity.Hint));
  assert.deepEqual(errorsOf(d), []);
  const first = casing[0];
  assert.deepEqual(first.range, { start: { line: 0, character: 1 }, end: { line: 0, character: 15 } });
  assert.equal((first.data as { fixes: { replace: { newText: string }[] }[] }).fixes[0].replace[0].newText, '"billingCycle"');
});

test('enum values in other casings are accepted with a hint ("Monthly", "OneTime")', () => {
  const d = validate('order', '{"billingCycle":"Monthly","partnerOnRecordAttestationAccepted":true,"lineItems":[{"lineItemNumber":0,"offerId":"A1:B2:C3","quantity":1,"termDuration":"p1y"}]}');
  assert.deepEqual(codesOf(d), ['pc.casing.value', 'pc.casing.value']);
  const d2 = validate('cart', '{"partnerOnRecordAttestationAccepted":true,"lineItems":[{"catalogItemId":"A1:B2:C3","quantity":1,"billingCycle":"OneTime"}]}');
  assert.deepEqual(codesOf(d2), ['pc.casing.value']);
});

test('"renewsTo": null is accepted', () => {
  assert.deepEqual(validate('cart', '{"partnerOnRecordAttestationAccepted":true,"lineItems":[{"catalogItemId":"A1:B2:C3","quantity":1,"billingCycle":"monthly","renewsTo":null}]}'), []);
});

test('an unknown property suggests the closest name and offers rename and removal', () => {
  const text = '{"billingCycle":"monthly","partnerOnRecordAttestationAccepted":true,"lineItems":[{"lineItemNumber":0,"offerId":"A1:B2:C3","quantity":1,"frendlyName":"x"}]}';
  const [d] = validate('order', text).filter((x) => x.code === 'pc.property.unknown');
  assert.match(String(d.message), /Did you mean "friendlyName"/);
  assert.equal(d.severity, DiagnosticSeverity.Warning);
  assert.equal(text.slice(d.range.start.character, d.range.end.character), '"frendlyName"');
  const titles = (d.data as { fixes: { title: string }[] }).fixes.map((f) => f.title);
  assert.deepEqual(titles, ['Rename to "friendlyName"', 'Remove "frendlyName"']);
});

test('missing required properties, wrong types and bad enum values are errors on the right node', () => {
  const text = '{"billingCycle":"montly","partnerOnRecordAttestationAccepted":true,"lineItems":[{"lineItemNumber":0,"offerId":"A1:B2:C3","quantity":"2"}, {"lineItemNumber":1,"offerId":"A1:B2:C3"}]}';
  const d = validate('order', text);
  const byCode = (code: string) => d.find((x) => x.code === code)!;
  assert.match(String(byCode('pc.schema.enum').message), /Did you mean "monthly"/);
  assert.equal(text.slice(byCode('pc.schema.type').range.start.character, byCode('pc.schema.type').range.end.character), '"2"');
  assert.match(String(byCode('pc.schema.required').message), /"quantity"/);
});

test('a pattern error explains the expected form', () => {
  const [d] = validate('cart', '{"partnerOnRecordAttestationAccepted":true,"lineItems":[{"catalogItemId":"CFQ7TTC0LH18-0001","quantity":1,"billingCycle":"monthly"}]}');
  assert.equal(d.code, 'pc.schema.pattern');
  assert.match(String(d.message), /PRODUCT:SKU:AVAILABILITY/);
});

test('response-only fields are information, duplicates in any casing are errors', () => {
  const d = validate('order', '{"billingCycle":"monthly","billingcycle":"monthly","status":"pending","partnerOnRecordAttestationAccepted":true,"lineItems":[{"lineItemNumber":0,"offerId":"A1:B2:C3","quantity":1}]}');
  assert.ok(codesOf(d).includes('pc.property.duplicate'));
  const readOnly = d.find((x) => x.code === 'pc.property.readOnly')!;
  assert.equal(readOnly.severity, DiagnosticSeverity.Information);
});

test('a body that is not an object is reported once', () => {
  assert.deepEqual(codesOf(validate('order', '[1, 2]')), ['pc.document.notAnObject']);
});

test('syntax errors are reported (the CLI shows them; the server turns them off)', () => {
  assert.ok(codesOf(validate('order', '{"billingCycle": }')).includes('pc.json.syntax'));
});

test('the generated validators are up to date with the schemas', () => {
  const schemas = join(REPO, 'schemas');
  const hash = createHash('sha256');
  for (const name of readdirSync(schemas).filter((n) => n.endsWith('.schema.json')).sort()) {
    hash.update(name).update('\0').update(readFileSync(join(schemas, name), 'utf8').replace(/\r\n/g, '\n'));
  }
  const generated = readFileSync(join(REPO, 'common', 'src', 'language', 'generated', 'schemaValidators.js'), 'utf8');
  assert.match(generated, new RegExp(`schemas-hash: ${hash.digest('hex').slice(0, 16)}`), 'run node schemas/generateValidators.mjs');
});
