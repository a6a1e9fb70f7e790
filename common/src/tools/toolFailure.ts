// Turns what went wrong in a handler into the one message the model reads: a Partner Center error
// with its code, what the code means and what to do (the same advice the response document and
// the CLI give, send/errorAdvice.ts), or the handler's own message. Never a stack, never a token.
import { isPartnerCenterError, type PartnerCenterError } from '../api/errors';
import { adviceFor } from '../send/errorAdvice';

/**
 * The error as a PartnerCenterError. Recognised by its shape too, not only by instanceof: in VS Code
 * the API client lives in another bundle (the api part) than the tools, each with its own copy of
 * the class, so an error from that client is not an instance of the tools' copy.
 */
function partnerCenterErrorOf(err: unknown): PartnerCenterError | undefined {
  if (isPartnerCenterError(err)) return err;
  if (!(err instanceof Error) || err.name !== 'PartnerCenterError') return undefined;
  const e = err as Partial<PartnerCenterError>;
  return typeof e.kind === 'string' && typeof e.status === 'number' ? (err as PartnerCenterError) : undefined;
}

/** The message a failed tool call answers with. */
export function failureMessage(error: unknown): string {
  const err = partnerCenterErrorOf(error);
  if (!err) return error instanceof Error ? error.message : String(error);
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
  const e = partnerCenterErrorOf(err);
  return e?.kind === 'http' && e.status === 404;
}
