// When nothing answers a read (issue 12, bug 6): a refused connection sent nothing, and a read
// changes nothing, so it is not described as a change that "may or may not have been made" or as
// journaled. (A write stays "unknown": see exchange.ts.)
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { test } from 'node:test';
import { requestKindById } from '../../../common/src/requestKinds';
import { runDocument } from '../../../common/src/send';
import { responseDocument } from '../../../common/src/send/responseDocument';
import { makeContext, recordingPrompts } from './helpers';
import { type RunningEmulator } from '../../../emulator/src/index';

/** A local address nothing listens on: the port was free a moment ago and is closed again. */
async function refusedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return `http://127.0.0.1:${port}`;
}

const nowhere = async () =>
  ({ url: await refusedUrl(), fixtures: { customerId: 'c0ffee00-0000-4000-8000-000000000001' } }) as unknown as RunningEmulator;

const documentOf = (result: Awaited<ReturnType<typeof runDocument>>) =>
  responseDocument({
    id: 'r',
    time: new Date().toISOString(),
    title: 't',
    kindId: 'request',
    environment: 'e',
    endpoint: 'x',
    summary: result.message,
    exchanges: result.exchanges,
  });

test('a GET whose connection is refused says nothing was sent and nothing changed', async () => {
  const ctx = makeContext(await nowhere(), recordingPrompts());
  try {
    const result = await runDocument(JSON.stringify({ method: 'GET', path: '/v1/customers' }), requestKindById('request')!, ctx);
    assert.equal(result.status, 'failed', result.message);
    assert.match(result.message, /nothing was sent/i);
    const shown = documentOf(result);
    assert.doesNotMatch(`${result.message}\n${shown}`, /may or may not|journal/i);
    assert.match(shown, /nothing was sent/i);
  } finally {
    await ctx.client.close();
  }
});
