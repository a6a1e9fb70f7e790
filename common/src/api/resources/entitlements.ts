// Entitlements (reference §3.4): an unpaged collection, plus reserved-instance artifact details
// reached through the link each artifact carries.
import { linkRequest } from '../paging';
import { newCorrelationId } from '../ids';
import { type Requester } from '../requester';
import { type Entitlement, type Link } from '../types';
import { type CallOptions, customerPath, listAll } from './shared';

export interface EntitlementListOptions extends CallOptions {
  /** `software` or `reservedInstance` (§3.4). */
  entitlementType?: string;
  showExpiry?: boolean;
}

export class EntitlementsApi {
  constructor(private readonly requester: Requester) {}

  /** What a customer's purchases entitle it to; reservations carry links to their artifact details. */
  list(customerId: string, { entitlementType, showExpiry, ...call }: EntitlementListOptions = {}): Promise<Entitlement[]> {
    // The options bear the service's own query names, so they pass as they are.
    return listAll<Entitlement>(this.requester, `${customerPath(customerId)}/entitlements`, call, {
      entitlementType,
      showExpiry,
    });
  }

  /** Follows `entitledArtifacts[].link`; a link to another origin is refused, never sent the token. */
  async getArtifact<T = unknown>(link: Link | string, options: CallOptions = {}): Promise<T> {
    const l: Link = typeof link === 'string' ? { uri: link, method: 'GET' } : link;
    const req = linkRequest(this.requester, l, { correlationId: options.correlationId ?? newCorrelationId() });
    const res = await this.requester.call<T>({ ...req, signal: options.signal, timeoutMs: options.timeoutMs });
    return res.body;
  }
}
