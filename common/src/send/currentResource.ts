// How every flow reads the resource it is about to act on (the cart to check out, the subscription
// to merge a change over): one GET through the client, which re-sends a read on throttling and
// transient failures. A read that fails comes back as its exchange, with the Partner Center code
// in its error, never as an exception swallowed on the way: the person is told why nothing was sent.
import { exchange, type Exchange } from './exchange';
import { isObject, type JsonObject } from './jsonValues';
import { type RunContext } from './runTypes';

export type CurrentResource = { read: Exchange; resource: JsonObject } | { read: Exchange; resource?: undefined };

export async function readCurrent(ctx: RunContext, path: string): Promise<CurrentResource> {
  const read = await exchange(ctx.client, { method: 'GET', path }, { signal: ctx.signal });
  return read.outcome === 'ok' && isObject(read.responseBody) ? { read, resource: read.responseBody } : { read };
}
