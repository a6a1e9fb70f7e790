// A broken purchase rule. Orders answer the first one as an error response; carts put
// line-scoped ones on the line (`error: {errorCode, errorDescription}`) and answer the rest.

import { ApiError } from '../errors';

export interface RuleFailure {
  /** 'line' failures become cart line errors; 'request' failures always fail the call. */
  scope: 'line' | 'request';
  status: number;
  code: number;
  /** The CartErrorCode used when the failure sits on a cart line. */
  cartCode?: number;
  description: string;
}

export function lineFailure(code: number, cartCode: number, description: string): RuleFailure {
  return { scope: 'line', status: 400, code, cartCode, description };
}

export function requestFailure(status: number, code: number, description: string): RuleFailure {
  return { scope: 'request', status, code, description };
}

export function toError(f: RuleFailure): ApiError {
  return new ApiError(f.status, f.code, f.description);
}
