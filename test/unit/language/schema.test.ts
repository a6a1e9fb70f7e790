// Schema validation: the documentation's own bodies pass (mixed casing, null renewsTo), mistakes
// get exact ranges, stable codes and fixes, and the generated validators match the schemas.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { catalogView } from '../../../common/src/language';
import { type SourceContainer } from '../../../common/src/language/sourceTree';
import { codesOf, kind, NOW, REPO, service, validate } from './helpers';

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
  const text =
    '{"BillingCycle":"monthly","PartnerOnRecordAttestationAccepted":true,"LineItems":[{"LineItemNumber":0,"OfferId":"A1:B2:C3","Quantity":1}]}';
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
  const d = validate(
    'order',
    '{"billingCycle":"Monthly","partnerOnRecordAttestationAccepted":true,"lineItems":[{"lineItemNumber":0,"offerId":"A1:B2:C3","quantity":1,"termDuration":"p1y"}]}',
  );
  assert.deepEqual(codesOf(d), ['pc.casing.value', 'pc.casing.value']);
  const d2 = validate(
    'cart',
    '{"partnerOnRecordAttestationAccepted":true,"lineItems":[{"catalogItemId":"A1:B2:C3","quantity":1,"billingCycle":"OneTime"}]}',
  );
  assert.deepEqual(codesOf(d2), ['pc.casing.value']);
});

test('"renewsTo": null is accepted', () => {
  assert.deepEqual(
    validate(
      'cart',
      '{"partnerOnRecordAttestationAccepted":true,"lineItems":[{"catalogItemId":"A1:B2:C3","quantity":1,"billingCycle":"monthly","renewsTo":null}]}',
    ),
    [],
  );
});

test('an unknown property suggests the closest name and offers rename and removal', () => {
  const text =
    '{"billingCycle":"monthly","partnerOnRecordAttestationAccepted":true,"lineItems":[{"lineItemNumber":0,"offerId":"A1:B2:C3","quantity":1,"frendlyName":"x"}]}';
  const [d] = validate('order', text).filter((x) => x.code === 'pc.property.unknown');
  assert.match(String(d.message), /Did you mean "friendlyName"/);
  assert.equal(d.severity, DiagnosticSeverity.Warning);
  assert.equal(text.slice(d.range.start.character, d.range.end.character), '"frendlyName"');
  const titles = (d.data as { fixes: { title: string }[] }).fixes.map((f) => f.title);
  assert.deepEqual(titles, ['Rename to "friendlyName"', 'Remove "frendlyName"']);
});

test('missing required properties, wrong types and bad enum values are errors on the right node', () => {
  const text =
    '{"billingCycle":"montly","partnerOnRecordAttestationAccepted":true,"lineItems":[{"lineItemNumber":0,"offerId":"A1:B2:C3","quantity":"2"}, {"lineItemNumber":1,"offerId":"A1:B2:C3"}]}';
  const d = validate('order', text);
  const byCode = (code: string) => d.find((x) => x.code === code)!;
  assert.match(String(byCode('pc.schema.enum').message), /Did you mean "monthly"/);
  assert.equal(text.slice(byCode('pc.schema.type').range.start.character, byCode('pc.schema.type').range.end.character), '"2"');
  assert.match(String(byCode('pc.schema.required').message), /"quantity"/);
});

test('a pattern error explains the expected form', () => {
  const [d] = validate(
    'cart',
    '{"partnerOnRecordAttestationAccepted":true,"lineItems":[{"catalogItemId":"CFQ7TTC0LH18-0001","quantity":1,"billingCycle":"monthly"}]}',
  );
  assert.equal(d.code, 'pc.schema.pattern');
  assert.match(String(d.message), /PRODUCT:SKU:AVAILABILITY/);
});

test('response-only fields are information, duplicates in any casing are errors', () => {
  const d = validate(
    'order',
    '{"billingCycle":"monthly","billingcycle":"monthly","status":"pending","partnerOnRecordAttestationAccepted":true,"lineItems":[{"lineItemNumber":0,"offerId":"A1:B2:C3","quantity":1}]}',
  );
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
  for (const name of readdirSync(schemas)
    .filter((n) => n.endsWith('.schema.json'))
    .sort()) {
    hash
      .update(name)
      .update('\0')
      .update(readFileSync(join(schemas, name), 'utf8').replace(/\r\n/g, '\n'));
  }
  const current = new RegExp(`schemas-hash: ${hash.digest('hex').slice(0, 16)}`);
  const generated = join(REPO, 'common', 'src', 'language', 'generated');
  const kinds = readdirSync(schemas)
    .filter((n) => n.endsWith('.schema.json') && n !== 'common.schema.json')
    .map((n) => n.replace('.schema.json', ''));
  for (const kind of kinds) {
    assert.match(
      readFileSync(join(generated, `${kind}.js`), 'utf8'),
      current,
      `${kind}.js: run node schemas/generateValidators.mjs`,
    );
  }
});

/** An order whose root has `count` unknown properties after its real ones, the last one a typo of a known name. */
function manyUnknown(count: number): string {
  const body: Record<string, unknown> = {
    partnerOnRecordAttestationAccepted: true,
    billingCycle: 'monthly',
    lineItems: [{ lineItemNumber: 0, offerId: 'A1:B2:C3', quantity: 1 }],
  };
  for (let i = 0; i < count - 1; i++) body[`extra${i}`] = i;
  body.referenceCustomerIdd = 'x';
  return JSON.stringify(body);
}

test('16,000 unknown properties: each one reported on its own name, the typo among them with its suggestion', () => {
  const text = manyUnknown(16_000);
  const unknown = validate('order', text).filter((d) => d.code === 'pc.property.unknown');
  assert.equal(unknown.length, 16_000);
  const named = (d: (typeof unknown)[number]) => text.slice(d.range.start.character, d.range.end.character);
  assert.equal(named(unknown[0]), '"extra0"');
  assert.equal(named(unknown[15_998]), '"extra15998"');
  const typo = unknown[15_999];
  assert.equal(named(typo), '"referenceCustomerIdd"');
  assert.match(String(typo.message), /Did you mean "referenceCustomerId"\?/);
  assert.ok(
    unknown.slice(0, 15_999).every((d) => !String(d.message).includes('Did you mean')),
    '"extraN" is like no property',
  );
});

test("the unknown-property check reads the object's member names a bounded number of times each, not once per unknown name", () => {
  // Work, not time: every read of a member name of the root object is counted, for 2,000 unknown names.
  const count = 2000;
  const parsed = service.parse('test://many.order.json', manyUnknown(count));
  const root = parsed.source.value(0) as SourceContainer;
  let reads = 0;
  root.store.keys = new Proxy(root.store.keys, {
    get(target, property, receiver) {
      if (typeof property === 'string' && /^\d+$/.test(property)) reads++;
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
  const diagnostics = service.validate(parsed, kind('order'), { catalog: catalogView(true, []), now: NOW });
  assert.equal(diagnostics.filter((d) => d.code === 'pc.property.unknown').length, count);
  const members = root.memberCount;
  assert.ok(reads <= 40 * members, `${reads} reads of ${members} names: the check is not linear in the object`);
});
