// MS-RequestId is the service's idempotency key and MS-CorrelationId ties the calls of one
// operation together for tracing (reference §2.1). Both are GUIDs.
import { randomUUID } from 'node:crypto';

export function newRequestId(): string {
  return randomUUID();
}

export function newCorrelationId(): string {
  return randomUUID();
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(value: string): boolean {
  return GUID.test(value);
}

/** Rejects ids the service would not accept, so a journaled id is never silently replaced. */
export function checkId(value: string, header: string): string {
  if (!isGuid(value)) {
    throw new TypeError(`${header} must be a GUID, got "${value}".`);
  }
  return value;
}
