// The response as a person reads it beside the request: the status, the time it took, the request
// and correlation ids a support engineer asks for, the Partner Center error explained, then the
// body itself. JSON, so the editor folds and highlights it.
import { adviceFor } from './errorAdvice';
import { type Exchange } from './exchange';
import { type HistoryRecord } from './history';

/**
 * The name of a response's tab: the request file, what was sent, how it ended and when, so the tabs
 * of different sends of one document can be told apart ("buy.order.json — order 201 14:03:22").
 */
export function responseTitle(record: HistoryRecord): string {
  const step = /\(([^)]+)\)\s*$/.exec(record.title);
  const file = record.title.replace(/\s*\([^)]*\)\s*$/, '');
  const what = step?.[1] ?? record.kindId;
  const time = new Date(record.time);
  const clock = Number.isNaN(time.getTime()) ? '' : ` ${time.toTimeString().slice(0, 8)}`;
  return `${file} — ${what} ${runStatusWord(record)}${clock}`;
}

/** How a run ended, in a word or two: the HTTP status of a run that went through, else what stopped it. */
export function runStatusWord(record: HistoryRecord): string {
  const last = record.exchanges.at(-1);
  const http = last?.status === undefined ? undefined : String(last.status);
  switch (record.status) {
    case undefined:
    case 'done':
      return http ?? last?.outcome ?? 'not sent';
    case 'alreadyDone':
      return 'already done';
    case 'failed':
      return http && last?.outcome === 'failed' ? `failed ${http}` : 'failed';
    default:
      return record.status;
  }
}

export function responseDocument(record: HistoryRecord): string {
  // The body keeps the answer as it came ("pending"); what became of each order since is said first.
  const head = {
    summary: record.summary,
    ...(record.orderStatus ? { orderStatusNow: record.orderStatus } : {}),
    environment: record.environment,
  };
  const doc =
    record.exchanges.length === 1
      ? { ...head, ...describeExchange(record.exchanges[0]) }
      : { ...head, time: record.time, calls: record.exchanges.map(describeExchange) };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export function describeExchange(e: Exchange): Record<string, unknown> {
  const advice = e.status !== undefined && e.outcome !== 'ok' ? adviceFor(e.status, e.error?.code) : undefined;
  return {
    request: `${e.call.method} ${e.url}`,
    status: e.status ?? (e.error?.nothingSent ? 'not sent' : `no answer (${e.outcome})`),
    durationMs: e.durationMs,
    requestId: e.requestId,
    correlationId: e.correlationId,
    ...(e.attempts > 1 ? { attempts: e.attempts } : {}),
    ...(e.error
      ? {
          error: {
            ...(e.error.code !== undefined ? { code: e.error.code } : {}),
            message: e.error.message,
            ...(advice ? { meaning: advice.meaning, whatToDo: advice.whatToDo } : {}),
          },
        }
      : {}),
    ...(e.status === undefined && e.outcome === 'failed'
      ? {
          note: e.error?.nothingSent
            ? 'Nothing was sent: no connection could be made, so nothing changed.'
            : 'No answer arrived, but this call only reads: nothing changed.',
        }
      : {}),
    ...(e.outcome === 'unknown'
      ? {
          note: 'No definite answer arrived: the change may or may not have been made. It is kept in the journal and checked with Partner Center before this is sent again.',
        }
      : {}),
    body: e.responseBody ?? null,
  };
}
