// MS-RequestId is the idempotency key: a client retrying after a timeout sends the same id and
// must get the first answer back, never a second order. Answers are kept per tenant, method and
// path, so an id reused for a different call is treated as a new request.

import { type ApiResponse } from './router';

export class IdempotencyStore {
  private readonly answers = new Map<string, ApiResponse>();

  private static key(tenant: string, method: string, path: string, requestId: string): string {
    return `${tenant}\n${method}\n${path.toLowerCase()}\n${requestId.toLowerCase()}`;
  }

  /** Only writes are replayed; a GET is already safe to repeat. */
  static applies(method: string, requestId: string | undefined): requestId is string {
    return requestId !== undefined && requestId !== '' && (method === 'POST' || method === 'PUT' || method === 'PATCH');
  }

  get(tenant: string, method: string, path: string, requestId: string): ApiResponse | undefined {
    return this.answers.get(IdempotencyStore.key(tenant, method, path, requestId));
  }

  put(tenant: string, method: string, path: string, requestId: string, answer: ApiResponse): void {
    this.answers.set(IdempotencyStore.key(tenant, method, path, requestId), answer);
  }
}
