// `node dist/cli.js subscription <customer> <subscription> --<action>` as a script runs it (stdin a
// pipe, not a terminal), against the emulator over real HTTP: the diff and consequences are printed
// before anything is sent, a script without --yes is refused, what the subscription does not allow
// now is refused with the reason, and an applied change prints the settled subscription.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { type RunningEmulator } from '../../../emulator/src/index';
import { withEmulator } from '../../support/emulator';
import { runCli } from '../send/helpers';

type Ref = { customerId: string; subscriptionId: string };

function subscription(emu: RunningEmulator, ref: Ref, ...args: string[]) {
  const cache = mkdtempSync(join(tmpdir(), 'pc-cache-'));
  return runCli(['subscription', ref.customerId, ref.subscriptionId, '--endpoint', emu.url, ...args], { XDG_CACHE_HOME: cache });
}

const patchesOf = (emu: RunningEmulator, ref: Ref) =>
  emu.requests.filter((r) => r.method === 'PATCH' && r.path.includes(ref.subscriptionId));

async function read(emu: RunningEmulator, ref: Ref): Promise<Record<string, unknown>> {
  const res = await fetch(`${emu.url}/v1/customers/${ref.customerId}/subscriptions/${ref.subscriptionId}`, {
    headers: { authorization: 'Bearer t' },
  });
  return JSON.parse((await res.text()).replace(/^\uFEFF/, '')) as Record<string, unknown>;
}

test('without --yes a script is refused after the diff is printed, and nothing is sent', async (t) => {
  const emu = await withEmulator(t);
  const ref = emu.fixtures.subscriptions.recent;
  const before = await read(emu, ref);
  const run = await subscription(emu, ref, '--quantity', String(Number(before.quantity) - 1));
  assert.equal(run.code, 2, run.stderr);
  assert.match(run.stderr, new RegExp(`^- {3}"quantity": ${String(before.quantity)},$`, 'm'));
  assert.match(run.stderr, /^\* Removes 1 seat\(s\)\. Refund: the full amount minus the prorated amount/m);
  assert.match(run.stderr, /refusing to change the subscription without --yes/);
  assert.equal(run.stdout, '');
  assert.deepEqual(patchesOf(emu, ref), []);
});

test('--quantity with --yes applies the change once, keeps auto-renew, and prints the settled subscription', async (t) => {
  const emu = await withEmulator(t);
  const ref = emu.fixtures.subscriptions.recent;
  const before = await read(emu, ref);
  const quantity = Number(before.quantity) - 1;
  const run = await subscription(emu, ref, '--quantity', String(quantity), '--yes');
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stderr, /Remove seats for /);
  assert.match(run.stderr, /If-Match/);
  const printed = JSON.parse(run.stdout) as Record<string, unknown>;
  assert.equal(printed.quantity, quantity);
  assert.equal(patchesOf(emu, ref).length, 1);
  const after = await read(emu, ref);
  assert.deepEqual([after.quantity, after.autoRenewEnabled], [quantity, before.autoRenewEnabled]);
});

test('--cancel outside the seven-day window is refused with the reason; nothing is sent', async (t) => {
  const emu = await withEmulator(t);
  const ref = emu.fixtures.subscriptions.old;
  const run = await subscription(emu, ref, '--cancel', '--yes');
  assert.equal(run.code, 2);
  assert.match(run.stderr, /Not sent: The cancellation window has closed/);
  assert.deepEqual(patchesOf(emu, ref), []);
});

test('--auto-renew off, --schedule from a file (refused while auto-renew is off), --remove-schedule, --suspend and --reactivate', async (t) => {
  const emu = await withEmulator(t);
  const ref = emu.fixtures.subscriptions.old;
  const file = join(mkdtempSync(join(tmpdir(), 'pc-schedule-')), 'next-term.json');
  const [productId, skuId, availabilityId] = emu.fixtures.catalog.license.split(':');
  writeFileSync(
    file,
    JSON.stringify({ product: { productId, skuId, availabilityId, billingCycle: 'annual', termDuration: 'P1Y' }, quantity: 7 }),
  );
  const scheduled = await subscription(emu, ref, '--schedule', file, '--yes');
  assert.equal(scheduled.code, 0, scheduled.stderr);
  assert.match(scheduled.stderr, /\* Applies at the renewal on \d{4}-\d{2}-\d{2}/);
  assert.equal(
    (JSON.parse(scheduled.stdout) as { scheduledNextTermInstructions: { quantity: number } }).scheduledNextTermInstructions
      .quantity,
    7,
  );

  const off = await subscription(emu, ref, '--auto-renew', 'off', '--yes');
  assert.equal(off.code, 0, off.stderr);
  assert.match(off.stderr, /\* This removes the changes scheduled for the next term/);
  assert.equal((await read(emu, ref)).autoRenewEnabled, false);
  const refused = await subscription(emu, ref, '--schedule', file, '--yes');
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /only while auto-renew is on/);

  const suspended = await subscription(emu, ref, '--suspend', '--yes');
  assert.equal(suspended.code, 0, suspended.stderr);
  assert.equal((await read(emu, ref)).status, 'suspended');
  const reactivated = await subscription(emu, ref, '--reactivate', '--yes');
  assert.equal(reactivated.code, 0, reactivated.stderr);
  assert.equal((await read(emu, ref)).status, 'active');
  assert.equal((await subscription(emu, ref, '--remove-schedule', '--yes')).code, 2, 'nothing scheduled any more');
});

test('usage: one action, a customer and a subscription', async (t) => {
  const emu = await withEmulator(t);
  const ref = emu.fixtures.subscriptions.recent;
  const two = await subscription(emu, ref, '--suspend', '--cancel', '--yes');
  assert.equal(two.code, 2);
  assert.match(two.stderr, /give one action, not --suspend and --cancel/);
  assert.equal((await runCli(['subscription', '--endpoint', emu.url, '--suspend'])).code, 2);
  assert.match((await runCli(['subscription', 'c', 's', '--endpoint', emu.url, '--auto-renew', 'maybe'])).stderr, /on or off/);
  assert.deepEqual(patchesOf(emu, ref), []);
});

test('--upgrade prints the transition request and its consequences, is refused without --yes, and with --yes upgrades once and prints the settled subscription', async (t) => {
  const emu = await withEmulator(t);
  const ref = emu.fixtures.subscriptions.recent;
  const transitionPosts = () =>
    emu.requests.filter((r) => r.method === 'POST' && r.path.includes(ref.subscriptionId) && r.path.endsWith('/transitions'));
  const standard = 'CFQ7TTC0LDPB:0001:CFQ7TTC0LGNT';
  const refused = await subscription(emu, ref, '--upgrade', standard);
  assert.equal(refused.code, 2, refused.stderr);
  assert.match(refused.stderr, /^- {5}"offerId": "CFQ7TTC0LH18:0001:CFQ7TTC0K971",$/m);
  assert.match(refused.stderr, /^\+ {5}"offerId": "CFQ7TTC0LDPB:0001:CFQ7TTC0LGNT",$/m);
  assert.match(refused.stderr, /^\+ {5}"toCatalogItemId": "CFQ7TTC0LDPB:0001:CFQ7TTC0LGNT",$/m);
  assert.match(refused.stderr, /^\* Cancellation windows are not applied to upgrades/m);
  assert.match(refused.stderr, /refusing to change the subscription without --yes/);
  assert.deepEqual(transitionPosts(), []);

  const run = await subscription(emu, ref, '--upgrade', standard, '--quantity', '4', '--yes');
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stderr, /^\* 4 of 10 seat\(s\) move to a new Microsoft 365 Business Standard subscription/m);
  assert.match(run.stderr, /completed; the seats are in new subscription /);
  assert.equal(transitionPosts().length, 1);
  assert.equal(JSON.parse(run.stdout).quantity, 6);
});

test('--upgrade to a catalog item that is not an upgrade path is refused with the targets, and nothing is sent', async (t) => {
  const emu = await withEmulator(t);
  const ref = emu.fixtures.subscriptions.recent;
  const run = await subscription(emu, ref, '--upgrade', 'CFQ7TTC0NOPE:0001:CFQ7TTC0NOPE', '--yes');
  assert.equal(run.code, 2, run.stderr);
  assert.match(run.stderr, /Not sent: CFQ7TTC0NOPE:0001:CFQ7TTC0NOPE is not an upgrade target of this subscription/);
  assert.equal(emu.requests.filter((r) => r.method === 'POST').length, 0);
});
