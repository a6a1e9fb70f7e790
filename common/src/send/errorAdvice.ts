// What a Partner Center error code means and what to do about it, for the response document and
// the CLI. Meanings follow the docs' error table (error-codes.md), the pages that document their
// own codes, and the cart line codes (cart-resources.md, CartErrorCode); the advice is ours.
// Unknown codes fall back to advice by HTTP status.
import adviceTable from './errorAdvice.json';

export interface ErrorAdvice {
  code?: string | number;
  meaning: string;
  whatToDo: string;
}

type Advice = Omit<ErrorAdvice, 'code'>;

// The table is data, kept in errorAdvice.json: a code's row there is all that adding a code takes.
// byCartLineCode holds the codes of a cart line's error.errorCode. byStatus's 401 names MFA because
// the MFA page's answer to an App+User token without MFA is a 401 with no code.
const TABLE: {
  byCode: Record<string, Advice>;
  byCartLineCode: Record<string, Advice>;
  byStatus: Record<string, Advice>;
} = adviceTable;
const BY_CODE: Record<string, Advice> = { ...TABLE.byCode, ...TABLE.byCartLineCode };
const BY_STATUS = TABLE.byStatus;
const ANY_FAILURE: Advice = { meaning: 'The request failed.', whatToDo: 'Read the description and the request id.' };

/** The advice for a code this file knows, whatever the status. */
export function adviceForCode(code: string | number): ErrorAdvice | undefined {
  const byCode = BY_CODE[String(code)];
  return byCode ? { code, ...byCode } : undefined;
}

export function adviceFor(status: number | undefined, code: string | number | undefined): ErrorAdvice | undefined {
  const byCode = code !== undefined ? adviceForCode(code) : undefined;
  if (byCode) return byCode;
  if (status === undefined || status < 400) return undefined;
  const byStatus = BY_STATUS[status] ?? BY_STATUS[Math.floor(status / 100) * 100] ?? ANY_FAILURE;
  return { code, ...byStatus };
}
