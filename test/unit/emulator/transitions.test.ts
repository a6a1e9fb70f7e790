// Transitions (upgrades) of new-commerce subscriptions, over HTTP: the eligibilities, the
// transition itself (in place, partial into a new subscription, into an existing one), its events,
// and the rules around it. Pages: transition-a-new-commerce-subscription.md (TNC),
// get-transitions.md, transition-resources.md, create-a-new-subscription.md† "Upgrade for new
// commerce license-based subscriptions" (UPG).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type RunningEmulator } from '../../../emulator/src/index';
import { withEmulator } from '../../support/emulator';
import { waitFor } from '../../support/waitFor';
import { call, DAY, movableClock } from './helpers';
import { buy, LADDER, postTransition, type SubscriptionRef, subscriptionUri } from './transitionHelpers';

const eligibilities = (em: RunningEmulator, ref: SubscriptionRef, query = '') =>
  call(em, `${subscriptionUri(ref)}/transitionEligibilities${query}`);

/** The transition's history entry once its last event is no longer "Started". */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read loosely shaped JSON answers
async function settled(em: RunningEmulator, ref: SubscriptionRef, operationId: string): Promise<any> {
  return waitFor('the transition to settle', async () => {
    const history = await call(em, `${subscriptionUri(ref)}/transitions?operationId=${operationId}`);
    const t = history.body.items[0];
    return t && t.events.at(-1).status !== 'Started' && t;
  });
}

const upgrade = (extra: Record<string, unknown> = {}) => ({
  toCatalogItemId: LADDER.standard,
  quantity: 10,
  transitionType: 'transition_only',
  ...extra,
});

test('TNC "Get transition eligibilities": the upgrade targets, each transition type, and the existing subscriptions of the target SKU', async (t) => {
  const em = await withEmulator(t);
  const { recent } = em.fixtures.subscriptions;
  const standard = await buy(em, LADDER.standard);
  const reply = await eligibilities(em, recent, '?eligibilityType=immediate');
  assert.equal(reply.status, 200);
  assert.equal(reply.body.attributes.objectType, 'Collection');
  assert.deepEqual(
    reply.body.items.map((i: { catalogItemId: string }) => i.catalogItemId),
    [LADDER.standard, LADDER.premium, LADDER.e3],
  );
  const first = reply.body.items[0];
  assert.equal(first.title, 'Microsoft 365 Business Standard');
  assert.equal(first.quantity, 10, 'the source quantity');
  assert.equal(first.attributes.objectType, 'TransitionEligibility');
  assert.equal(typeof first.operationId, 'string');
  assert.deepEqual(first.eligibilities, [
    { isEligible: true, transitionType: 'transition_only', errors: [] },
    { isEligible: true, transitionType: 'transition_with_license_transfer', errors: [] },
  ]);
  // UPG: "You won't be able to select a destination subscription if the subscription is within
  // cancellation window" (TNC "Subscription eligibility errors", code 2).
  assert.deepEqual(first.subscriptionEligibilities, [
    {
      isEligible: false,
      subscriptionId: standard.subscriptionId,
      subscriptionFriendlyName: 'Microsoft 365 Business Standard',
      subscriptionTermDuration: 'P1M',
      subscriptionBillingCycle: 'monthly',
      errors: [{ code: 2, description: 'Subscription is within cancellation window.' }],
    },
  ]);
  // The default type is immediate (TNC URI parameters).
  assert.deepEqual((await eligibilities(em, recent)).body.items[0].subscriptionEligibilities, first.subscriptionEligibilities);
});

test('TNC: scheduled eligibilities and a trial source list no existing subscriptions; a SKU without upgrade paths lists nothing', async (t) => {
  const em = await withEmulator(t);
  await buy(em, LADDER.standard);
  const scheduled = await eligibilities(em, em.fixtures.subscriptions.recent, '?eligibilityType=Scheduled');
  assert.equal(scheduled.body.items.length, 3);
  for (const item of scheduled.body.items) assert.deepEqual(item.subscriptionEligibilities, []);
  const trial = await buy(em, LADDER.premiumTrial, { quantity: 25, billingCycle: 'none' });
  const fromTrial = await eligibilities(em, trial);
  assert.deepEqual(
    fromTrial.body.items.map((i: { catalogItemId: string }) => i.catalogItemId),
    [LADDER.premium],
  );
  assert.deepEqual(fromTrial.body.items[0].subscriptionEligibilities, []);
  const none = await eligibilities(em, em.fixtures.subscriptions.old);
  assert.equal(none.status, 200);
  assert.equal(none.body.totalCount, 0);
  assert.equal((await eligibilities(em, em.fixtures.subscriptions.recent, '?eligibilityType=later')).body.code, 900126);
});

// UPG: "You can only start upgrades from active subscriptions"; TNC "Eligibility errors":
// "Subscription can't be Transitioned - source subscription isn't active." (SDK TransitionErrorCode 2).
test('UPG: a suspended subscription is not eligible and cannot be transitioned (800091)', async (t) => {
  const em = await withEmulator(t);
  const basic = await buy(em, LADDER.basic);
  const current = await call(em, subscriptionUri(basic));
  assert.equal(
    (await call(em, subscriptionUri(basic), { method: 'PATCH', body: { ...current.body, status: 'suspended' } })).status,
    200,
  );
  const listed = await eligibilities(em, basic);
  for (const e of listed.body.items[0].eligibilities) {
    assert.equal(e.isEligible, false);
    assert.deepEqual(e.errors, [
      { code: 2, description: "Subscription can't be Transitioned - source subscription isn't active." },
    ]);
  }
  const refused = await postTransition(em, basic, upgrade({ quantity: 5 }));
  assert.equal(refused.status, 400);
  assert.equal(refused.body.code, 800091);
});

// UPG "Full upgrades": "an in-place upgrade … The subscription ID remains the same". TNC "Post
// Transition": "Returns the transition with its initial status" (a Conversion Started event);
// get-transitions.md: the history then shows Conversion Completed. UPG: "Starting a midterm
// upgrade removes any upgrades that may have been scheduled".
test('UPG full upgrade: answered as started, then completed in place under the same subscription id; scheduled changes go', async (t) => {
  const em = await withEmulator(t);
  const { recent } = em.fixtures.subscriptions;
  const before = await call(em, subscriptionUri(recent));
  const scheduled = await call(em, subscriptionUri(recent), {
    method: 'PATCH',
    body: {
      ...before.body,
      scheduledNextTermInstructions: {
        product: {
          productId: 'CFQ7TTC0LH18',
          skuId: '0001',
          availabilityId: 'CFQ7TTC0K971',
          billingCycle: 'monthly',
          termDuration: 'P1M',
        },
        quantity: 12,
      },
    },
  });
  assert.equal(scheduled.status, 200);
  // UPG: "Cancellation windows are not applied to upgrades": the 2-day-old source may be upgraded.
  const posted = await postTransition(em, recent, upgrade({ termDuration: 'P1Y', billingCycle: 'Monthly' }));
  assert.equal(posted.status, 200, posted.text);
  assert.equal(posted.body.attributes.objectType, 'Transition');
  assert.equal(posted.body.fromSubscriptionId, recent.subscriptionId);
  assert.equal(posted.body.fromCatalogItemId, LADDER.basic);
  assert.equal(posted.body.toCatalogItemId, LADDER.standard);
  assert.equal(posted.body.termDuration, 'P1Y');
  assert.equal(posted.body.billingCycle, 'monthly');
  assert.equal('toSubscriptionId' in posted.body, false, 'in place: "only populated if the subscription changes"');
  assert.deepEqual(
    posted.body.events.map((e: { name: string; status: string }) => `${e.name} ${e.status}`),
    ['Conversion Started'],
  );
  assert.equal(posted.body.events[0].attributes.objectType, 'TransitionEvent');

  const done = await settled(em, recent, posted.body.operationId);
  assert.deepEqual(
    done.events.map((e: { name: string; status: string }) => `${e.name} ${e.status}`),
    ['Conversion Started', 'Conversion Completed'],
  );
  const after = await call(em, subscriptionUri(recent));
  assert.equal(after.body.id, recent.subscriptionId);
  assert.equal(after.body.offerId, LADDER.standard);
  assert.equal(after.body.offerName, 'Microsoft 365 Business Standard');
  assert.equal(after.body.quantity, 10);
  assert.equal(after.body.termDuration, 'P1Y');
  assert.notEqual(after.body.attributes.etag, scheduled.body.attributes.etag);
  assert.equal('scheduledNextTermInstructions' in after.body, false);
});

// UPG "Partial upgrades": "An upgrade is defined as partial if the upgrade license count is less than
// the initial subscription's license count. A new subscription … has the same term end dates as the
// subscription that the upgrade originated from … You'll have two subscriptions".
test('UPG partial upgrade: a new coterminous subscription with the seats moved; the source keeps the rest', async (t) => {
  const em = await withEmulator(t);
  const { recent } = em.fixtures.subscriptions;
  const before = (await call(em, subscriptionUri(recent))).body;
  const posted = await postTransition(em, recent, upgrade({ quantity: 3, toCatalogItemId: LADDER.premium }));
  assert.equal(posted.status, 200, posted.text);
  const done = await settled(em, recent, posted.body.operationId);
  assert.equal(typeof done.toSubscriptionId, 'string');
  assert.notEqual(done.toSubscriptionId, recent.subscriptionId);
  const source = (await call(em, subscriptionUri(recent))).body;
  assert.equal(source.quantity, 7);
  assert.equal(source.offerId, LADDER.basic);
  const created = (await call(em, subscriptionUri({ ...recent, subscriptionId: done.toSubscriptionId }))).body;
  assert.equal(created.offerId, LADDER.premium);
  assert.equal(created.quantity, 3);
  assert.equal(created.status, 'active');
  assert.equal(created.commitmentEndDate, before.commitmentEndDate);
  assert.equal(created.refundableQuantity.totalQuantity, 0, '"Cancellation windows are not applied to upgrades"');
  // get-transitions.md: the history of a subscription; the new one shows it too.
  const fromTarget = await call(em, `${subscriptionUri({ ...recent, subscriptionId: done.toSubscriptionId })}/transitions`);
  assert.deepEqual(
    fromTarget.body.items.map((i: { operationId: string }) => i.operationId),
    [posted.body.operationId],
  );
});

// UPG: "If the customer is upgrading to an existing subscription, seats are added only to the existing
// subscription and keep the term duration and billing frequency." TNC: toSubscriptionId.
test('UPG into an existing subscription: its seats grow, it keeps its term; moving every seat ends the source', async (t) => {
  const clock = movableClock();
  const em = await withEmulator(t, { clock: clock.now });
  const { recent } = em.fixtures.subscriptions;
  const target = await buy(em, LADDER.standard, { quantity: 2 });
  clock.advance(8 * DAY);
  const listed = await eligibilities(em, recent);
  assert.deepEqual(listed.body.items[0].subscriptionEligibilities[0].errors, []);
  assert.equal(listed.body.items[0].subscriptionEligibilities[0].isEligible, true);

  const some = await postTransition(
    em,
    recent,
    upgrade({ quantity: 4, toSubscriptionId: target.subscriptionId, termDuration: 'P1M', billingCycle: 'monthly' }),
  );
  assert.equal(some.status, 200, some.text);
  assert.equal(some.body.toSubscriptionId, target.subscriptionId);
  await settled(em, recent, some.body.operationId);
  assert.equal((await call(em, subscriptionUri(target))).body.quantity, 6);
  assert.equal((await call(em, subscriptionUri(recent))).body.quantity, 6);

  const rest = await postTransition(em, recent, upgrade({ quantity: 6, toSubscriptionId: target.subscriptionId }));
  assert.equal(rest.status, 200, rest.text);
  await settled(em, recent, rest.body.operationId);
  const targetAfter = (await call(em, subscriptionUri(target))).body;
  assert.equal(targetAfter.quantity, 12);
  assert.equal(targetAfter.termDuration, 'P1M');
  const sourceAfter = (await call(em, subscriptionUri(recent))).body;
  assert.equal(sourceAfter.status, 'expired');
  assert.equal(sourceAfter.autoRenewEnabled, false);
});

// transition-resources.md TransitionEvent: "Conversion or LicenseReassignment".
test('transition-resources.md: a transition with license transfer also reassigns licenses', async (t) => {
  const em = await withEmulator(t);
  const { recent } = em.fixtures.subscriptions;
  const posted = await postTransition(em, recent, upgrade({ transitionType: 'Transition_With_License_Transfer' }));
  assert.equal(posted.status, 200, posted.text);
  assert.equal(posted.body.transitionType, 'transition_with_license_transfer');
  const done = await settled(em, recent, posted.body.operationId);
  assert.deepEqual(
    done.events.map((e: { name: string; status: string }) => `${e.name} ${e.status}`),
    ['Conversion Started', 'Conversion Completed', 'LicenseReassignment Started', 'LicenseReassignment Completed'],
  );
});

// EC 900278 "There is a pending operation on this subscription"; SDK TransitionErrorCode 4
// ConcurrencyConflicts. transition-resources.md: an event's status may be "Failed".
test('EC 900278: one transition at a time; a source that lost its seats meanwhile makes it fail, nothing moved', async (t) => {
  const clock = movableClock();
  const em = await withEmulator(t, { clock: clock.now, provisioningDelayMs: 60_000 });
  const { recent } = em.fixtures.subscriptions;
  const posted = await postTransition(em, recent, upgrade());
  assert.equal(posted.status, 200, posted.text);
  const again = await postTransition(em, recent, upgrade({ quantity: 1 }));
  assert.equal(again.status, 409);
  assert.equal(again.body.code, 900278);
  const busy = await eligibilities(em, recent);
  assert.deepEqual(
    busy.body.items[0].eligibilities[0].errors.map((e: { code: number }) => e.code),
    [4],
  );
  const current = await call(em, subscriptionUri(recent));
  assert.equal(current.body.offerId, LADDER.basic, 'nothing changes before the transition completes');
  const fewer = await call(em, subscriptionUri(recent), { method: 'PATCH', body: { ...current.body, quantity: 8 } });
  assert.equal(fewer.status, 200);
  clock.advance(60_000);
  const failed = await settled(em, recent, posted.body.operationId);
  assert.equal(failed.events.at(-1).name, 'Conversion');
  assert.equal(failed.events.at(-1).status, 'Failed');
  assert.equal(failed.events.at(-1).errors[0].code, 0);
  const after = (await call(em, subscriptionUri(recent))).body;
  assert.equal(after.offerId, LADDER.basic);
  assert.equal(after.quantity, 8);
  assert.equal((await postTransition(em, recent, upgrade({ quantity: 8 }))).status, 200, 'free again once settled');
});

// TNC "Request body": toCatalogItemId, quantity and transitionType are required; EC 900268,
// 900267, 900269, 900270 for the term and billing cycle.
test('TNC request body: required fields, the quantity, the target and the term and billing cycle are checked', async (t) => {
  const em = await withEmulator(t);
  const { recent } = em.fixtures.subscriptions;
  const cases: Array<[Record<string, unknown>, number]> = [
    [{ toCatalogItemId: undefined }, 800002],
    [{ transitionType: undefined }, 800002],
    [{ quantity: undefined }, 800002],
    [{ quantity: 11 }, 800002],
    [{ quantity: 0 }, 800002],
    [{ toCatalogItemId: LADDER.o365E5 }, 800002],
    [{ transitionType: 'upgrade_only' }, 900126],
    [{ termDuration: 'P3Y' }, 900268],
    [{ billingCycle: 'annual' }, 900270],
    [{ billingCycle: 'none' }, 900269],
  ];
  for (const [extra, code] of cases) {
    const reply = await postTransition(em, recent, upgrade(extra));
    assert.equal(reply.body.code, code, JSON.stringify(extra));
  }
  assert.equal((await call(em, `${subscriptionUri(recent)}/transitions`)).body.totalCount, 0, 'nothing was posted');
});

// TNC: "Used to upgrade a customer's new commerce subscription … or convert an NCE trial to a paid
// subscription". Left out, the term and billing cycle are the source's where the target sells them.
test('TNC: a trial converts to its paid SKU in place, on a term the paid SKU sells', async (t) => {
  const em = await withEmulator(t);
  const trial = await buy(em, LADDER.premiumTrial, { quantity: 25, billingCycle: 'none' });
  const posted = await postTransition(em, trial, {
    toCatalogItemId: LADDER.premium,
    quantity: 25,
    transitionType: 'transition_only',
  });
  assert.equal(posted.status, 200, posted.text);
  assert.equal(posted.body.termDuration, 'P1M');
  assert.equal(posted.body.billingCycle, 'monthly');
  await settled(em, trial, posted.body.operationId);
  const after = (await call(em, subscriptionUri(trial))).body;
  assert.equal(after.offerId, LADDER.premium);
  assert.equal(after.isTrial, false);
  assert.equal(after.billingCycle, 'monthly');
});

// headers.md: MS-RequestId makes a write idempotent. An upgrade whose answer was lost is retried
// under the same id and answered again, never posted twice (issue 15: "sent exactly once").
test('headers.md: a transition retried with the same MS-RequestId after a lost answer is made once', async (t) => {
  const em = await withEmulator(t);
  const { recent } = em.fixtures.subscriptions;
  const uri = `${subscriptionUri(recent)}/transitions`;
  const headers = { 'MS-RequestId': '6f1b1d2e-0c55-4d1e-9a39-2b8f7c0d9e11' };
  em.setFaults({ resetAfterCommit: 1 });
  await assert.rejects(call(em, uri, { body: upgrade({ quantity: 2 }), headers }));
  em.setFaults({});
  const retry = await call(em, uri, { body: upgrade({ quantity: 2 }), headers });
  assert.equal(retry.status, 200, retry.text);
  const history = await call(em, uri);
  assert.deepEqual(
    history.body.items.map((i: { operationId: string }) => i.operationId),
    [retry.body.operationId],
  );
  await settled(em, recent, retry.body.operationId);
  assert.equal((await call(em, subscriptionUri(recent))).body.quantity, 8);
});
