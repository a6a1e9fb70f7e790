// Customer agreements (reference §3.7): a customer needs a confirmed Microsoft Customer Agreement
// before a purchase, or the service answers 403 code 13605.
import { type Requester } from '../requester';
import { type Agreement, type AgreementMetadata } from '../types';
import { bodyOf, type CallOptions, customerPath, listAll, type WriteOptions } from './shared';

export const MCA_AGREEMENT_TYPE = 'MicrosoftCustomerAgreement';

export class AgreementsApi {
  constructor(private readonly requester: Requester) {}

  /** Template ids to confirm against. The service defaults to MicrosoftCloudAgreement; `*` lists all. */
  metadata(options: CallOptions & { agreementType?: string } = {}): Promise<AgreementMetadata[]> {
    return listAll<AgreementMetadata>(this.requester, '/agreements', options, { agreementType: options.agreementType });
  }

  /** Records the partner's confirmation that the customer accepted the agreement. */
  async confirm(customerId: string, agreement: Agreement, options?: WriteOptions): Promise<Agreement> {
    return bodyOf<Agreement>(
      this.requester,
      { method: 'POST', path: `${customerPath(customerId)}/agreements`, body: agreement },
      options,
    );
  }

  list(customerId: string, options: CallOptions & { agreementType?: string } = {}): Promise<Agreement[]> {
    return listAll<Agreement>(this.requester, `${customerPath(customerId)}/agreements`, options, {
      agreementType: options.agreementType,
    });
  }

  async directSignStatus(customerId: string, options?: CallOptions): Promise<{ isSigned: boolean }> {
    return bodyOf<{ isSigned: boolean }>(
      this.requester,
      { method: 'GET', path: `${customerPath(customerId)}/directSignedMicrosoftCustomerAgreementStatus` },
      options,
    );
  }
}
