// Customer agreements (reference §3.7): a customer needs a confirmed Microsoft Customer Agreement
// before a purchase, or the service answers 403 code 13605.
import { collectAll } from '../paging';
import { type Requester } from '../requester';
import { type Agreement, type AgreementMetadata } from '../types';
import { callFields, type CallOptions, seg, type WriteOptions } from './shared';

export const MCA_AGREEMENT_TYPE = 'MicrosoftCustomerAgreement';

export class AgreementsApi {
  constructor(private readonly requester: Requester) {}

  /** Template ids to confirm against. The service defaults to MicrosoftCloudAgreement; `*` lists all. */
  metadata(options: CallOptions & { agreementType?: string } = {}): Promise<AgreementMetadata[]> {
    return collectAll<AgreementMetadata>(this.requester, {
      method: 'GET', path: '/agreements', query: { agreementType: options.agreementType }, ...callFields(options),
    }, options);
  }

  /** Records the partner's confirmation that the customer accepted the agreement. */
  async confirm(customerId: string, agreement: Agreement, options?: WriteOptions): Promise<Agreement> {
    const res = await this.requester.call<Agreement>({ method: 'POST', path: `${base(customerId)}/agreements`, body: agreement, ...callFields(options) });
    return res.body;
  }

  list(customerId: string, options: CallOptions & { agreementType?: string } = {}): Promise<Agreement[]> {
    return collectAll<Agreement>(this.requester, {
      method: 'GET', path: `${base(customerId)}/agreements`, query: { agreementType: options.agreementType }, ...callFields(options),
    }, options);
  }

  async directSignStatus(customerId: string, options?: CallOptions): Promise<{ isSigned: boolean }> {
    const res = await this.requester.call<{ isSigned: boolean }>({
      method: 'GET', path: `${base(customerId)}/directSignedMicrosoftCustomerAgreementStatus`, ...callFields(options),
    });
    return res.body;
  }
}

function base(customerId: string): string {
  return `/customers/${seg(customerId, 'customer id')}`;
}
