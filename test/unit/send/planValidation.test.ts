// "A document with errors is not sent" holds without an editor: the plan checks every kind's body
// with the shared language rules, so History → Re-send (before the language server has looked) and
// the command line are covered too.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { requestKindById } from '../../../common/src/requestKinds';
import { planFromText, runDocument } from '../../../common/src/send';
import { withEmulator } from '../../support/emulator';
import { makeContext, orderDocument, orderPosts, recordingPrompts } from './helpers';

const CUSTOMER = '0c1e1f6b-2d3a-4b5c-8d9e-0f1a2b3c4d5e';

test('every kind is checked with the language rules when it is planned', () => {
  const typo = orderDocument(CUSTOMER, [{ item: 'A1:B2:C3', quantity: 1 }]).replace('"monthly"', '"montly"');
  assert.ok(
    planFromText(typo, requestKindById('order')!).problems.some((p) => /montly|billingCycle/i.test(p)),
    'an order',
  );
  const cart = JSON.stringify({ lineItems: [{ id: 0, catalogItemId: 'A1:B2:C3', quantity: 'two', billingCycle: 'monthly' }] });
  assert.notDeepEqual(planFromText(cart, requestKindById('cart')!).problems, [], 'a cart');
  assert.deepEqual(
    planFromText(orderDocument(CUSTOMER, [{ item: 'A1:B2:C3', quantity: 1 }]), requestKindById('order')!).problems,
    [],
    'a good order passes',
  );
});

test('an order with an error is blocked before anything is asked or sent', async () => {
  await withEmulator(async (emu) => {
    const { customerId, catalog } = emu.fixtures;
    const prompts = recordingPrompts(true);
    const ctx = makeContext(emu, prompts);
    const typo = orderDocument(customerId, [{ item: catalog.license, quantity: 1 }]).replace('"monthly"', '"montly"');
    const result = await runDocument(typo, requestKindById('order')!, ctx);
    assert.equal(result.status, 'blocked', result.message);
    assert.equal(prompts.asked.length, 0);
    assert.equal(orderPosts(emu, customerId).length, 0);
    await ctx.client.close();
  });
});
