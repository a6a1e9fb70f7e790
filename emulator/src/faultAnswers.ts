// What the service answers when a fault fires instead of (or on top of) the real answer; each is
// an answer the reference documents (§2.4, §6.2).

import { errorBody } from './errors';
import { type ApiResponse } from './router';

/** status-503: 800003 with Retry-After, before anything is processed. */
export function unavailable(): ApiResponse {
  return { status: 503, body: errorBody(800003, 'The service is temporarily unavailable. Try again later.'), headers: { 'Retry-After': '1' } };
}

/** status-500 / status-500-after-commit: 800005 "Create order not successful" for an order
 * create (documented as a 500), the generic 800003 "Unexpected service error" for anything else. */
export function serverError(method: string, path: string): ApiResponse {
  const orderCreate = method === 'POST' && /^\/v1\/customers\/[^/]+\/orders\/?$/i.test(path);
  return { status: 500, body: orderCreate ? errorBody(800005, 'Create order not successful.') : errorBody(800003, 'Unexpected service error.') };
}

/** status-200-error: the business error the service documents as coming with a 200. */
export function itemUnavailable(): ApiResponse {
  return { status: 200, body: errorBody(400072, "This item isn't available.") };
}
