// Turns what went wrong in a handler into the one message the model reads: a Partner Center error
// with its code, what the code means and what to do (the same advice the response document and
// the CLI give, send/errorAdvice.ts), or the handler's own message. Never a stack, never a token.
import { isPartnerCenterError } from '../api/errors';
import { adviceFor } from '../send/errorAdvice';

/** The message a failed tool call answers with. */
export function failureMessage(err: unknown): string {
  if (!isPartnerCenterError(err)) return err instanceof Error ? err.message : String(err);
  const advice = err.kind === 'http' ? adviceFor(err.status, err.code) : undefined;
  const code = err.code === undefined ? '' : `, code ${err.code}`;
  const head =
    err.kind === 'http'
      ? `Partner Center answered ${err.status}${code}: ${err.description ?? advice?.meaning ?? 'the request failed'}`
      : err.message;
  const tail = advice ? ` Meaning: ${advice.meaning} What to do: ${advice.whatToDo}` : '';
  const ids = err.kind === 'http' ? ` (request id ${err.requestId})` : '';
  return `${head}${/[.!?]$/.test(head) ? '' : '.'}${ids}${tail}`;
}

/** Whether Partner Center said the customer (or the thing asked about) does not exist. */
export function isNotFound(err: unknown): boolean {
  return isPartnerCenterError(err) && err.kind === 'http' && err.status === 404;
}
