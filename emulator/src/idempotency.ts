// MS-RequestId is the idempotency key: a client retrying after a timeout sends the same id and
// must get the first answer back, never a second order. Answers are kept per tenant, method and
// path, so an id reused for a different call is treated as a new request. The store holds at most
// `capacity` answers and forgets the oldest first, so a long-running emulator stays small; a retry
// that arrives after its answer was forgotten is processed as a new request.

import { type HttpAnswer } from './router';

export class IdempotencyStore {
  // A Map iterates in insertion order, so its first key is always the oldest answer.
  private readonly answers = new Map<string, HttpAnswer>();

  constructor(private readonly capacity: number) {}

  private static key(tenant: string, method: string, path: string, requestId: string): string {
    return `${tenant}\n${method}\n${path.toLowerCase()}\n${requestId.toLowerCase()}`;
  }

  /** Only writes are replayed; a GET is already safe to repeat. */
  static applies(method: string, requestId: string | undefined): requestId is string {
    return requestId !== undefined && requestId !== '' && IdempotencyStore.isWrite(method);
  }

  static isWrite(method: string): boolean {
    return method === 'POST' || method === 'PUT' || method === 'PATCH';
  }

  get(tenant: string, method: string, path: string, requestId: string): HttpAnswer | undefined {
    return this.answers.get(IdempotencyStore.key(tenant, method, path, requestId));
  }

  put(tenant: string, method: string, path: string, requestId: string, answer: HttpAnswer): void {
    this.answers.set(IdempotencyStore.key(tenant, method, path, requestId), answer);
    while (this.answers.size > this.capacity) this.answers.delete(this.answers.keys().next().value as string);
  }
}
