// What the client tells its logger about each attempt. The event is built from an allow-list of
// fields, never from the headers, so the bearer token cannot leak into an output channel, and query
// values other than well-known harmless parameters are masked (filters hold customer names,
// continuation tokens are credentials-like).

export interface RequestLogEvent {
  method: string;
  /** Path and query with any value that may be sensitive replaced by `***`. */
  path: string;
  /** Origin of the URL, useful when a redirect or absolute link left the endpoint. */
  origin: string;
  /** HTTP status; undefined when there was no answer. */
  status?: number;
  outcome: 'response' | 'network' | 'timeout' | 'aborted' | 'protocol';
  /** Short description of a failure without an answer (e.g. ECONNRESET). */
  error?: string;
  durationMs: number;
  /** 1 for the first attempt of a logical call, 2 for its first retry... */
  attempt: number;
  requestId: string;
  correlationId: string;
  /** Set when the client will try again, with the wait before it does. */
  retryInMs?: number;
}

export type RequestLogger = (event: RequestLogEvent) => void;

const HARMLESS_QUERY = new Set([
  'size',
  'offset',
  'seekoperation',
  'country',
  'targetview',
  'targetsegment',
  'reservationscope',
  'agreementtype',
  'entitlementtype',
  'showexpiry',
  'billingtype',
  'include_price',
  'order_id',
  'mpn_id',
  'term_duration',
  'eligibilitytype',
  'offer_category_id',
  'include_system_purchases',
]);

export function redactPath(url: URL): string {
  if (url.search === '') return url.pathname;
  const parts: string[] = [];
  for (const [key, value] of url.searchParams) {
    parts.push(`${key}=${HARMLESS_QUERY.has(key.toLowerCase()) ? encodeURIComponent(value) : '***'}`);
  }
  return `${url.pathname}?${parts.join('&')}`;
}

/** A logger that throws must not turn a successful call into a failure. */
export function safeLog(logger: RequestLogger | undefined, event: RequestLogEvent): void {
  if (!logger) return;
  try {
    logger(event);
  } catch {
    // Logging is best effort by design.
  }
}

/**
 * How an attempt reads in the output channel: method, path (already redacted), status, time and the
 * request id a support engineer asks for. Every attempt is shown at the channel's default level
 * (info), so a person can see what was sent without turning on tracing; failures are warnings.
 */
export function requestLogLine(event: RequestLogEvent): { level: 'info' | 'warn'; line: string } {
  const answer = event.status ?? `no answer (${event.error ?? event.outcome})`;
  const retry = event.retryInMs === undefined ? '' : `; trying again in ${event.retryInMs} ms`;
  const attempt = event.attempt > 1 ? `attempt ${event.attempt}, ` : '';
  return {
    level: event.status !== undefined && event.status < 400 ? 'info' : 'warn',
    line: `${event.method} ${event.path} → ${answer} in ${event.durationMs} ms (${attempt}request ${event.requestId}, correlation ${event.correlationId})${retry}`,
  };
}
