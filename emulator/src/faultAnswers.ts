// What the service answers when a fault fires instead of (or on top of) the real answer; each is
// an answer the docs show (see the entries named here in errorCodes.ts).

import { ApiError } from './errors';
import { type HttpAnswer } from './router';

/** status-503: unavailable, with Retry-After, before anything is processed. */
export function unavailable(): HttpAnswer {
  return new ApiError('serviceUnavailable', 'The service is temporarily unavailable. Try again later.', {
    headers: { 'Retry-After': '1' },
  }).toAnswer();
}

/** status-500 / status-500-after-commit: "Create order not successful" for an order create
 * (documented as a 500), the generic "Unexpected service error" for anything else. */
export function serverError(method: string, path: string): HttpAnswer {
  const orderCreate = method === 'POST' && /^\/v1\/customers\/[^/]+\/orders\/?$/i.test(path);
  return (
    orderCreate
      ? new ApiError('createOrderFailed', 'Create order not successful.')
      : new ApiError('unexpectedError', 'Unexpected service error.')
  ).toAnswer();
}

/** status-200-error: the business error the service documents as coming with a 200. */
export function itemUnavailable(): HttpAnswer {
  return new ApiError('itemUnavailable', "This item isn't available.").toAnswer();
}
