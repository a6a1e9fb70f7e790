// The term / billing-cycle quick fixes (issue 12, bug 4), over the real server and against the
// catalog: only terms and cycles the SKU sells are offered, a fix may change the billing cycle
// instead of the term, and every fix offered leads to a document with no findings.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { CodeActionRequest, type CodeAction } from 'vscode-languageserver-protocol/node';
import { type CatalogItemInfo, catalogView, type CatalogView } from '../../../common/src/language';
import { applyTextEdits, BASIC, kind, order, service } from './helpers';
import { change, codes, latest, open, withSession } from './lspSession';

test('Business Basic billed annually for P1M: the fixes are P1Y or a monthly order, and each leaves nothing to fix', () =>
  withSession(async (s) => {
    const uri = 'file:///work/test/basic-term.order.json';
    const text = order([{ offerId: BASIC.catalogItemId, termDuration: 'P1M' }], { billingCycle: 'annual' });
    await open(s, uri, text);
    const published = await s.until(() => latest(s, uri, 1));
    assert.deepEqual(codes(published), ['pc.term.billingCycleMismatch']);
    const actions = (await s.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: published.diagnostics[0].range,
      context: { diagnostics: published.diagnostics, only: ['quickfix'] },
    })) as CodeAction[];
    // Business Basic sells P1M and P1Y monthly and P1Y annual: no P2Y or P3Y.
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Change the term to "P1Y"', 'Change the order\'s billing cycle to "monthly"'],
    );
    let version = 1;
    for (const action of actions) {
      const fixed = applyTextEdits(text, action.edit!.changes![uri]);
      await change(s, uri, ++version, fixed);
      const after = await s.until(() => latest(s, uri, version));
      assert.deepEqual(codes(after), [], `"${action.title}" leaves nothing to fix:\n${fixed}`);
    }
  }));

/** A SKU sold for one year billed annually only. */
const ANNUAL_ONLY: CatalogItemInfo = {
  ...BASIC,
  catalogItemId: 'CFQ7TTC0ANN1:0001:CFQ7TTC0ANN2',
  productId: 'CFQ7TTC0ANN1',
  skuTitle: 'Annual only',
  productTitle: 'Annual only',
  terms: [{ duration: 'P1Y', billingCycle: 'annual' }],
};

function fixTitles(text: string, catalog: CatalogView, code: string): { titles: string[]; results: string[] } {
  const parsed = service.parse('test://doc.order.json', text);
  const diagnostics = service.validate(parsed, kind('order'), { catalog }).filter((d) => d.code === code);
  assert.equal(diagnostics.length, 1, `one ${code}`);
  const actions = service.codeActions(parsed, diagnostics);
  return {
    titles: actions.map((a) => a.title),
    results: actions.map((a) => applyTextEdits(text, a.edit!.changes!['test://doc.order.json'])),
  };
}

test("an order's billing cycle is changed only when every line still has a pair its SKU sells", () => {
  const catalog = catalogView(true, [
    [BASIC.catalogItemId, BASIC],
    [ANNUAL_ONLY.catalogItemId, ANNUAL_ONLY],
  ]);
  // Line 0 cannot be P1M billed annually; monthly would suit it but not line 1, sold annually only.
  const text = order(
    [
      { offerId: BASIC.catalogItemId, termDuration: 'P1M' },
      { offerId: ANNUAL_ONLY.catalogItemId, termDuration: 'P1Y' },
    ],
    { billingCycle: 'annual' },
  );
  const mismatch = fixTitles(text, catalog, 'pc.term.billingCycleMismatch');
  assert.deepEqual(mismatch.titles, ['Change the term to "P1Y"']);

  // A monthly order for the annual-only SKU: no monthly term is sold, so the fix is the billing cycle.
  const monthly = order([{ offerId: ANNUAL_ONLY.catalogItemId, termDuration: 'P1Y' }], { billingCycle: 'monthly' });
  const notOffered = fixTitles(monthly, catalog, 'pc.catalog.termNotOffered');
  assert.deepEqual(notOffered.titles, ['Change the order\'s billing cycle to "annual"']);
  for (const result of [...mismatch.results, ...notOffered.results]) {
    const parsed = service.parse('test://doc.order.json', result);
    assert.deepEqual(service.validate(parsed, kind('order'), { catalog }), [], `valid after the fix:\n${result}`);
  }
});
