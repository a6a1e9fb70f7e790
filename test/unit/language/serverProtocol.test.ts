// The real server over its stdio protocol (lspSession.ts): validation, completion, hover and fixes,
// ordering under rapid edits and slow catalog answers, and large documents. The server's speed is
// measured by `npm run bench`.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { CodeActionRequest, CompletionRequest, HoverRequest } from 'vscode-languageserver-protocol/node';
import { CatalogChangedNotification } from '../../../common/src/protocol';
import { BASIC, MISSING_ID, W365 } from './helpers';
import { change, codes, latest, open, roundTrip, withSession } from './lspSession';

test('the server validates, completes, hovers and fixes over stdio, with catalog requests answered by the client', () =>
  withSession(async (s) => {
    const uri = 'file:///work/test/new.order.json';
    const text = JSON.stringify(
      {
        partnerOnRecordAttestationAccepted: true,
        billingCycle: 'monthly',
        lineItems: [
          { lineItemNumber: 0, offerId: W365.catalogItemId, quantity: 1, termDuration: 'P1M' },
          { lineItemNumber: 1, offerId: MISSING_ID, quantity: 1, termDuration: 'P1M' },
        ],
      },
      null,
      2,
    );
    await open(s, uri, text);
    const published = await s.until(() => latest(s, uri, 1));
    assert.deepEqual(codes(published).sort(), ['pc.catalog.attestationRequired', 'pc.catalog.itemNotFound']);
    assert.ok(published.diagnostics.every((d) => d.source === 'Partner Center'));

    const fixes = await s.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: published.diagnostics[0].range,
      context: { diagnostics: published.diagnostics },
    });
    assert.ok(fixes?.some((a) => 'title' in a && a.title === 'Set "attestationAccepted" to true'));

    const completion = await s.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: 6, character: 19 },
    });
    const labels = (Array.isArray(completion) ? completion : (completion?.items ?? [])).map((i) => i.label);
    assert.ok(labels.includes(BASIC.skuTitle), `catalog items expected, got ${labels.join(', ')}`);

    const hover = await s.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: 6, character: 20 },
    });
    assert.match(JSON.stringify(hover?.contents), /Windows 365/);

    // Syntax errors are left to VS Code's JSON support: none from us, only what the schema says.
    await change(s, uri, 2, '{"billingCycle": ');
    const broken = await s.until(() => latest(s, uri, 2));
    assert.deepEqual(codes(broken), ['pc.schema.required', 'pc.attestation.partnerOnRecordMissing']);

    // A user pattern from the settings makes another file an order.
    const custom = 'file:///work/purchases/q3.json';
    await open(s, custom, '{"billingCycle": "monthly"}');
    const customDiags = await s.until(() => latest(s, custom, 1));
    assert.ok(codes(customDiags).includes('pc.schema.required'));
  }));

test("rapid edits: the last diagnostics are the newest version's, and an older version never follows a newer one", () =>
  withSession(async (s) => {
    const uri = 'file:///work/test/rapid.cart.json';
    const body = (quantity: number) =>
      `{"partnerOnRecordAttestationAccepted":true,"lineItems":[{"id":0,"catalogItemId":"${BASIC.catalogItemId}","quantity":${quantity},"billingCycle":"monthly","termDuration":"P1M"}]}`;
    await open(s, uri, '{}');
    // Quantities 301..329 are over the SKU's maximum of 300, except the last one (30).
    for (let version = 2; version <= 30; version++) await change(s, uri, version, body(version === 30 ? 30 : 299 + version));
    const last = await s.until(() => latest(s, uri, 30));
    assert.deepEqual(codes(last), [], 'the newest text is fine');
    // Whatever was still under way for older versions has had its turn once this answers.
    await roundTrip(s);
    const versions = s.diagnostics.filter((d) => d.uri === uri).map((d) => d.version ?? 0);
    assert.equal(versions[versions.length - 1], 30, `published versions: ${versions.join(',')}`);
    assert.deepEqual(
      [...versions].sort((a, b) => a - b),
      versions,
      `versions must never go backwards: ${versions.join(',')}`,
    );
  }));

test("a slow catalog answer for an older version never replaces the newer version's diagnostics", () =>
  withSession({ holdCatalog: true }, async (s) => {
    const uri = 'file:///work/test/slow.order.json';
    const line = (offerId: string) =>
      JSON.stringify({
        partnerOnRecordAttestationAccepted: true,
        billingCycle: 'monthly',
        lineItems: [{ lineItemNumber: 0, offerId, quantity: 1, termDuration: 'P1M' }],
      });
    await open(s, uri, line(MISSING_ID));
    const first = await s.until(() => (s.held!.length === 1 ? s.held![0] : undefined));
    assert.deepEqual(first.ids, [MISSING_ID]);
    await change(s, uri, 2, line(W365.catalogItemId));
    const second = await s.until(() => (s.held!.length === 2 ? s.held![1] : undefined));
    assert.deepEqual(second.ids, [W365.catalogItemId]);

    // The newer look-up answers first, then the older one.
    second.answer();
    const published = await s.until(() => latest(s, uri, 2));
    assert.deepEqual(codes(published), ['pc.catalog.attestationRequired']);
    first.answer();
    await roundTrip(s);
    assert.deepEqual(
      s.diagnostics.filter((d) => d.uri === uri).map((d) => d.version),
      [2],
      'version 1 is never published',
    );
  }));

test('without a catalog the server says once that catalog checks are off, and recovers after catalogChanged', () =>
  withSession(async (s) => {
    s.catalogOn.value = false;
    const uri = 'file:///work/test/off.order.json';
    const text = JSON.stringify({
      partnerOnRecordAttestationAccepted: true,
      billingCycle: 'monthly',
      lineItems: [
        { lineItemNumber: 0, offerId: W365.catalogItemId, quantity: 1, termDuration: 'P1M' },
        { lineItemNumber: 1, offerId: BASIC.catalogItemId, quantity: 1, termDuration: 'P1M' },
      ],
    });
    await open(s, uri, text);
    const off = await s.until(() => latest(s, uri, 1));
    assert.deepEqual(codes(off), ['pc.catalog.unavailable']);
    assert.match(String(off.diagnostics[0].message), /signed out in the test/);

    s.catalogOn.value = true;
    const before = s.diagnostics.length;
    await s.connection.sendNotification(CatalogChangedNotification.type);
    const on = await s.until(() => (s.diagnostics.length > before ? latest(s, uri) : undefined));
    assert.deepEqual(codes(on), ['pc.catalog.attestationRequired']);
  }));

test("a 200,000-element array replaces the previous version's diagnostics with its own", () =>
  withSession(async (s) => {
    const uri = 'file:///work/test/huge.order.json';
    await open(s, uri, '{"billingCycle":"monthly"}');
    const small = await s.until(() => latest(s, uri, 1));
    assert.deepEqual(codes(small).sort(), ['pc.attestation.partnerOnRecordMissing', 'pc.schema.required']);
    await change(
      s,
      uri,
      2,
      JSON.stringify({
        partnerOnRecordAttestationAccepted: true,
        billingCycle: 'monthly',
        lineItems: Array<number>(200_000).fill(1),
      }),
    );
    const huge = await s.until(() => latest(s, uri, 2));
    assert.equal(huge.diagnostics.length, 200_000);
    assert.ok(codes(huge).every((c) => c === 'pc.schema.type'));
  }));

test('while a document with 16,000 unknown properties is checked, the server answers a hover on another one', () =>
  withSession(async (s) => {
    const big = 'file:///work/test/unknown.order.json';
    const body: Record<string, unknown> = {
      partnerOnRecordAttestationAccepted: true,
      billingCycle: 'monthly',
      lineItems: [{ lineItemNumber: 0, offerId: 'A1:B2:C3', quantity: 1 }],
    };
    for (let i = 0; i < 16_000; i++) body[`extra${i}`] = i;
    const other = 'file:///work/test/other.order.json';
    await open(s, other, '{"billingCycle":"monthly"}');
    await s.until(() => latest(s, other, 1));
    await open(s, big, JSON.stringify(body));
    const hover = await s.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: other },
      position: { line: 0, character: 4 },
    });
    assert.match(JSON.stringify(hover?.contents), /\*\*billingCycle\*\*/);
    const published = await s.until(() => latest(s, big, 1));
    assert.equal(published.diagnostics.filter((d) => d.code === 'pc.property.unknown').length, 16_000);
    assert.deepEqual(
      codes(published).filter((c) => c !== 'pc.property.unknown'),
      ['pc.catalog.itemNotFound'],
    );
  }));

test('a requestFiles pattern that would hang a regex matcher is refused with a message; the other patterns still apply', async () => {
  const hostile = '*(a|a)*(a|a)*(a|a)*(a|a)b';
  await withSession({ requestFiles: { [hostile]: 'order', 'purchases/*.json': 'order' } }, async (s) => {
    const warning = await s.until(() => s.messages.find((m) => m.includes(hostile)));
    assert.match(
      warning,
      /partnerCenter\.requestFiles: the pattern ".*" is ignored: extglobs such as \*\(a\|b\) are not supported/,
    );
    // A 30-character name the hostile pattern was aimed at: not a request document, answered at once.
    const victim = `file:///work/${'a'.repeat(30)}`;
    await open(s, victim, '{}');
    const none = await s.until(() => latest(s, victim));
    assert.deepEqual(none.diagnostics, []);
    const custom = 'file:///work/purchases/q4.json';
    await open(s, custom, '{"billingCycle": "monthly"}');
    assert.ok(codes(await s.until(() => latest(s, custom, 1))).includes('pc.schema.required'));
  });
});
