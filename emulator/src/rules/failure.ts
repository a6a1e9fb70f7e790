// A broken purchase rule. Orders answer the first one as an error response; carts put
// line-scoped ones on the line (`error: {errorCode, errorDescription}`) and answer the rest.
// Both name their conditions in errorCodes.ts.

import { CART_LINE_ERRORS, type CartLineErrorName, type ErrorName } from '../errorCodes';
import { ApiError } from '../errors';

/** 'request' failures always fail the call. */
export type RuleFailure = LineFailure | { scope: 'request'; condition: ErrorName; description: string };

/** Fails an order; on a cart it stays on the line as the cart line error `onLine`. */
export type LineFailure = { scope: 'line'; condition: ErrorName; onLine: CartLineErrorName; description: string };

export function lineFailure(condition: ErrorName, onLine: CartLineErrorName, description: string): LineFailure {
  return { scope: 'line', condition, onLine, description };
}

export function requestFailure(condition: ErrorName, description: string): RuleFailure {
  return { scope: 'request', condition, description };
}

export function toError(f: RuleFailure): ApiError {
  return new ApiError(f.condition, f.description);
}

/** The `error` a line failure leaves on a cart line. */
export function cartLineError(f: LineFailure): { errorCode: number; errorDescription: string } {
  return { errorCode: CART_LINE_ERRORS[f.onLine].code, errorDescription: f.description };
}
