// Export of history records as HAR 1.2 (the HTTP Archive format browsers and API tools import), one
// entry per call. Records are already redacted; nothing here adds the token back.
import { type Exchange } from './exchange';
import { type HistoryRecord } from './history';

interface HarHeader {
  name: string;
  value: string;
}

export function toHar(records: readonly HistoryRecord[], creatorVersion = '0.0.0'): object {
  const entries = records
    .flatMap((r) => r.exchanges)
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt))
    .map(entry);
  return { log: { version: '1.2', creator: { name: 'Partner Center for VS Code', version: creatorVersion }, entries } };
}

function entry(e: Exchange): object {
  const url = new URL(e.url);
  const requestHeaders: HarHeader[] = [
    { name: 'MS-RequestId', value: e.requestId },
    { name: 'MS-CorrelationId', value: e.correlationId },
    ...Object.entries(e.call.headers ?? {}).map(([name, value]) => ({ name, value })),
  ];
  const requestText = e.call.body === undefined ? undefined : JSON.stringify(e.call.body);
  const responseText =
    e.responseBody === undefined ? '' : typeof e.responseBody === 'string' ? e.responseBody : JSON.stringify(e.responseBody);
  return {
    startedDateTime: e.startedAt,
    time: e.durationMs,
    request: {
      method: e.call.method,
      url: e.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: requestHeaders,
      queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
      ...(requestText === undefined ? {} : { postData: { mimeType: 'application/json', text: requestText } }),
      headersSize: -1,
      bodySize: requestText === undefined ? 0 : Buffer.byteLength(requestText),
    },
    response: {
      // HAR has no way to say "no answer"; status 0 is what browsers record for that.
      status: e.status ?? 0,
      statusText: e.error && e.status === undefined ? e.error.message : '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: Object.entries(e.responseHeaders ?? {}).map(([name, value]) => ({ name, value })),
      content: { size: Buffer.byteLength(responseText), mimeType: 'application/json', text: responseText },
      redirectURL: '',
      headersSize: -1,
      bodySize: Buffer.byteLength(responseText),
    },
    cache: {},
    timings: { send: 0, wait: e.durationMs, receive: 0 },
    comment: `outcome ${e.outcome}, ${e.attempts} attempt(s)`,
  };
}
