// Legacy offers (GUID ids, reference §3.6), offset-paged through links.next.
import { type Requester } from '../requester';
import { type Offer } from '../types';
import { bodyOf, type CallOptions, listAll, seg } from './shared';

export interface OfferListOptions extends CallOptions {
  country: string;
  offerCategoryId?: string;
  /** Page size for the offset paging; all pages are loaded. */
  size?: number;
}

export class OffersApi {
  constructor(private readonly requester: Requester) {}

  list(options: OfferListOptions): Promise<Offer[]> {
    return listAll<Offer>(this.requester, '/offers', options, {
      country: options.country,
      offer_category_id: options.offerCategoryId,
      size: options.size,
    });
  }

  async get(offerId: string, options: CallOptions & { country: string }): Promise<Offer> {
    return bodyOf<Offer>(
      this.requester,
      { method: 'GET', path: `/offers/${seg(offerId, 'offer id')}`, query: { country: options.country } },
      options,
    );
  }

  addons(offerId: string, options: CallOptions & { country: string }): Promise<Offer[]> {
    return listAll<Offer>(this.requester, `/offers/${seg(offerId, 'offer id')}/addons`, options, { country: options.country });
  }
}
