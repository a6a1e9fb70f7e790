// `partner-center mcp` as an MCP client sees it (issue 16): the real dist/cli.js, driven by the MCP
// SDK's own Client over stdio, against the real emulator over HTTP. Every tool answers with live
// data; bad input and a missing token are tool errors that say what to do, and the server keeps
// serving; no answer holds the token; and the emulator's request record shows that only reads
// reached it, whatever the tools were asked.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { type RunningEmulator } from '../../../emulator/src/index';
import { withEmulator } from '../../support/emulator';
import { waitFor } from '../../support/waitFor';
import { REPO } from '../send/helpers';

const TOKEN = 'mcp-test-token-5f1c2a9e7b';

interface CallAnswer {
  text: string;
  structured: Record<string, unknown>;
  isError: boolean;
}

async function connect(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ call: (name: string, input: unknown) => Promise<CallAnswer>; client: Client; stderr: () => string }> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [join(REPO, 'dist', 'cli.js'), 'mcp', ...args],
    env: { PATH: process.env.PATH ?? '', ...env },
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const client = new Client({ name: 'mcp-test', version: '1.0.0' });
  await client.connect(transport);
  const call = async (name: string, input: unknown): Promise<CallAnswer> => {
    const result = await client.callTool({ name, arguments: input as Record<string, unknown> });
    const content = result.content as { type: string; text: string }[];
    return {
      text: content.map((c) => c.text).join('\n'),
      structured: (result.structuredContent ?? {}) as Record<string, unknown>,
      isError: result.isError === true,
    };
  };
  return { call, client, stderr: () => stderr };
}

async function serving(emu: RunningEmulator, t: { after(fn: () => Promise<void>): void }) {
  const session = await connect(['--endpoint', emu.url], { PARTNER_CENTER_TOKEN: TOKEN });
  t.after(() => session.client.close());
  return session;
}

test('every tool answers over MCP with live emulator data, and only reads reach the emulator', async (t) => {
  const emu = await withEmulator(t);
  const { call, client } = await serving(emu, t);
  const { customerId, catalog } = emu.fixtures;

  const { tools } = await client.listTools();
  assert.deepEqual(
    tools.map((tool) => tool.name),
    [
      'partnercenter_list_customers',
      'partnercenter_list_subscriptions',
      'partnercenter_list_orders',
      'partnercenter_list_entitlements',
      'partnercenter_search_catalog',
      'partnercenter_validate_request',
      'partnercenter_explain_error',
      'partnercenter_draft_request',
    ],
    'the fixed names, and no run_request over MCP',
  );
  for (const tool of tools) assert.equal(tool.annotations?.readOnlyHint, true, `${tool.name} is read-only`);

  const customers = await call('partnercenter_list_customers', { limit: 3 });
  assert.equal(customers.isError, false, customers.text);
  const listed = customers.structured.customers as { id: string; companyName: string; domain: string }[];
  assert.equal(listed.length, 3);
  assert.ok(typeof customers.structured.continuation === 'string', 'more customers than 3: a continuation');
  const next = await call('partnercenter_list_customers', { limit: 3, continuation: customers.structured.continuation });
  const nextIds = (next.structured.customers as { id: string }[]).map((c) => c.id);
  assert.equal(nextIds.length, 3);
  assert.ok(!nextIds.some((id) => listed.some((c) => c.id === id)), 'the next page holds other customers');

  const fabrikam = await call('partnercenter_list_customers', { filter: 'Fabrikam' });
  const fab = fabrikam.structured.customers as { companyName: string }[];
  assert.ok(fab.length > 0 && fab.every((c) => c.companyName.startsWith('Fabrikam')), fabrikam.text);

  const subscriptions = await call('partnercenter_list_subscriptions', { customerId });
  assert.equal(subscriptions.isError, false, subscriptions.text);
  const subs = subscriptions.structured.subscriptions as { offerName: string; termEndDate: string; autoRenewEnabled: boolean }[];
  assert.ok(subs.length > 0);
  assert.ok(subs.every((s) => s.offerName && 'autoRenewEnabled' in s));
  assert.match(subscriptions.text, /Microsoft 365 E3 ×25 — active, P1Y billed annual, term ends \d{4}-\d\d-\d\d, auto-renew on/);

  const orders = await call('partnercenter_list_orders', { customerId });
  const orderList = orders.structured.orders as { id: string; status: string; lines: unknown[] }[];
  assert.ok(orderList.length > 0 && orderList.every((o) => o.id && o.status && o.lines.length > 0), orders.text);

  const entitlements = await call('partnercenter_list_entitlements', { customerId });
  const ents = entitlements.structured.entitlements as { productName?: string; skuName?: string }[];
  assert.ok(ents.length > 0);
  assert.ok(
    ents.every((e) => e.productName && e.skuName),
    `names from the catalog: ${entitlements.text}`,
  );

  const search = await call('partnercenter_search_catalog', { query: 'business premium' });
  const items = search.structured.items as { catalogItemId: string; productName: string; terms: unknown[] }[];
  assert.ok(items.length > 0 && items.every((i) => /Business Premium/.test(i.productName) && i.terms.length > 0), search.text);

  const valid = await call('partnercenter_validate_request', {
    kind: 'order',
    document: JSON.stringify({
      referenceCustomerId: customerId,
      partnerOnRecordAttestationAccepted: true,
      billingCycle: 'monthly',
      lineItems: [{ lineItemNumber: 0, offerId: catalog.license, quantity: 500, termDuration: 'P1M' }],
    }),
  });
  assert.equal(valid.isError, false, valid.text);
  const codes = (valid.structured.diagnostics as { code: string; line: number }[]).map((d) => d.code);
  assert.ok(codes.includes('pc.catalog.quantityOutOfRange'), `the live catalog's seat limit (1-300): ${valid.text}`);
  assert.equal(valid.structured.valid, false);

  const explained = await call('partnercenter_explain_error', { code: 900270 });
  assert.match(explained.text, /billing cycle is longer than the term/);
  const fromBody = await call('partnercenter_explain_error', {
    responseBody: '{"code":2002,"description":"Quantity too high."}',
    status: 400,
  });
  assert.match(fromBody.text, /Partner Center error 2002: The seat count is outside/);
  assert.match(fromBody.text, /The service said: Quantity too high\./);

  const draft = await call('partnercenter_draft_request', {
    kind: 'order',
    customerId,
    lines: [{ catalogItemId: items[0].catalogItemId, quantity: 20, termDuration: 'P1Y', billingCycle: 'annual' }],
  });
  assert.equal(draft.isError, false, draft.text);
  assert.equal(draft.structured.ready, true, draft.text);
  assert.match(draft.text, /NOT been sent/);
  const drafted = JSON.parse(draft.structured.document as string) as {
    referenceCustomerId: string;
    lineItems: { quantity: number }[];
  };
  assert.equal(drafted.referenceCustomerId, customerId);
  assert.equal(drafted.lineItems[0].quantity, 20);

  const { subscriptionId, customerId: subCustomer } = emu.fixtures.subscriptions.recent;
  const change = await call('partnercenter_draft_request', {
    kind: 'subscription',
    customerId: subCustomer,
    subscriptionId,
    quantity: 3,
  });
  assert.equal(change.structured.ready, true, change.text);
  assert.match(change.text, /quantity \d+ → 3/);

  const writes = emu.requests.filter((r) => r.method !== 'GET');
  assert.deepEqual(writes, [], 'the tools only read: nothing was posted, patched or put');
  assert.ok(emu.requests.length > 10, 'the tools did read the emulator');
});

test('bad input and an unknown customer are tool errors that say what is wrong, and the server keeps serving', async (t) => {
  const emu = await withEmulator(t);
  const { call } = await serving(emu, t);

  const wrongType = await call('partnercenter_list_customers', { limit: 'ten' });
  assert.equal(wrongType.isError, true);
  assert.match(wrongType.text, /input\.limit must be integer, not string/);

  const unknownProperty = await call('partnercenter_list_orders', { customerId: emu.fixtures.customerId, status: 'open' });
  assert.equal(unknownProperty.isError, true);
  assert.match(unknownProperty.text, /input\.status is not an input of this tool/);

  const unknownCustomer = await call('partnercenter_list_subscriptions', { customerId: '00000000-0000-0000-0000-000000000000' });
  assert.equal(unknownCustomer.isError, true);
  assert.match(
    unknownCustomer.text,
    /No customer with id 00000000-0000-0000-0000-000000000000 in Emulator .*partnercenter_list_customers/,
  );

  const noCode = await call('partnercenter_explain_error', {});
  assert.equal(noCode.isError, true);
  assert.match(noCode.text, /Give code/);

  const badContinuation = await call('partnercenter_list_customers', { continuation: 'not-ours' });
  assert.equal(badContinuation.isError, true);
  assert.match(badContinuation.text, /continuation is not one this tool returned/);

  const mixedCycles = await call('partnercenter_draft_request', {
    kind: 'order',
    customerId: emu.fixtures.customerId,
    lines: [
      { catalogItemId: emu.fixtures.catalog.license, quantity: 1, termDuration: 'P1Y', billingCycle: 'annual' },
      { catalogItemId: emu.fixtures.catalog.license, quantity: 1, termDuration: 'P1M', billingCycle: 'monthly' },
    ],
  });
  assert.equal(mixedCycles.isError, true);
  assert.match(mixedCycles.text, /one billing cycle/);

  const still = await call('partnercenter_list_customers', { limit: 1 });
  assert.equal(still.isError, false, 'the server still answers after the errors');
});

test('without a token a read is a tool error that says how to give one; checking and explaining still work', async (t) => {
  const emu = await withEmulator(t);
  const session = await connect(['--endpoint', emu.url]);
  t.after(() => session.client.close());

  const read = await session.call('partnercenter_list_customers', {});
  assert.equal(read.isError, true);
  assert.match(read.text, /No Partner Center token.*PARTNER_CENTER_TOKEN.*--token-file/);

  const checked = await session.call('partnercenter_validate_request', {
    fileName: 'x.order.json',
    document:
      '{"billingCycle":"monthly","lineItems":[{"lineItemNumber":0,"offerId":"CFQ7TTC0LH18:0001:CFQ7TTC0LH18","quantity":1,"termDuration":"P1Y"}]}',
  });
  assert.equal(checked.isError, false, checked.text);
  assert.match(checked.text, /not connected to Partner Center/);

  const explained = await session.call('partnercenter_explain_error', { code: '13605' });
  assert.match(explained.text, /Microsoft Customer Agreement/);
  assert.deepEqual(emu.requests, [], 'nothing reached the emulator without a token');
});

test('no answer and no log line holds the token', async (t) => {
  const emu = await withEmulator(t);
  const { call, stderr } = await serving(emu, t);
  const answers = [
    await call('partnercenter_list_customers', { filter: 'Contoso' }),
    await call('partnercenter_list_subscriptions', { customerId: emu.fixtures.customerId }),
    await call('partnercenter_list_subscriptions', { customerId: 'nobody' }),
    await call('partnercenter_explain_error', { responseBody: `{"code":400,"description":"bad token ${TOKEN}"}` }),
  ];
  for (const answer of answers) assert.ok(!JSON.stringify(answer).includes(TOKEN), `no token in ${answer.text}`);
  assert.match(answers[3].text, /\[redacted\]/, 'a token echoed in an error body is removed');
  assert.ok(!stderr().includes(TOKEN));
  assert.match(stderr(), /serving 8 tools over stdio; requests go to Emulator/);
});

test('--emulator starts the bundled emulator, reads it without a token, and stops it with the server', async () => {
  const session = await connect(['--emulator']);
  let url: string | undefined;
  try {
    const answer = await session.call('partnercenter_list_customers', { limit: 1 });
    assert.equal(answer.isError, false, answer.text);
    url = /Emulator \((http:\/\/127\.0\.0\.1:\d+)\)/.exec(answer.text)?.[1];
    assert.ok(url, answer.text);
    assert.equal((await fetch(`${url}/_emulator/health`)).status, 200);
  } finally {
    await session.client.close();
  }
  await waitFor('the emulator to stop with the MCP server', async () => {
    try {
      await fetch(`${url}/_emulator/health`);
      return false;
    } catch {
      return true;
    }
  });
});
