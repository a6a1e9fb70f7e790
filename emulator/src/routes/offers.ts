// Legacy offers (/offers, GUID ids, offset paging), their add-ons, and the inventory check. The
// offers Microsoft flagged DEPR show isAvailableForPurchase: false; the others can be bought.

import { asRecord, queryParam } from '../casing';
import { catalogItem, findLegacyOffer, findProduct, LEGACY_OFFERS } from '../data/catalog';
import { collection, link } from '../envelope';
import { ApiError, invalidInput } from '../errors';
import { type HttpAnswer, type RequestContext, type Router } from '../router';
import { offerWire } from '../wire/catalog';

export function registerOffers(router: Router): void {
  router.get('/offers', listOffers);
  router.get('/offers/{offerId}', (ctx) => ({ status: 200, body: offerWire(offer(ctx), country(ctx)) }));
  // get-addon-offers-by-offer-id.md: the add-on offers that list the offer among their prerequisites.
  router.get('/offers/{offerId}/addons', (ctx) => {
    const base = offer(ctx);
    const c = country(ctx);
    const addOns = LEGACY_OFFERS.filter(
      (o) => o.isAddOn && o.prerequisiteOffers.some((id) => id.toUpperCase() === base.id.toUpperCase()),
    );
    return {
      status: 200,
      body: collection(
        addOns.map((o) => offerWire(o, c)),
        { self: link(`/offers/${base.id}/addons?country=${c}`) },
      ),
    };
  });
  router.post('/extensions/product/checkinventory', checkInventory);
}

function country(ctx: RequestContext): string {
  const c = queryParam(ctx.url, 'country');
  if (!c || !/^[a-z]{2}$/i.test(c)) throw invalidInput('The country query parameter is required (e.g. ?country=US).');
  return c.toUpperCase();
}

function offer(ctx: RequestContext): (typeof LEGACY_OFFERS)[number] {
  const id = ctx.params.offerId;
  if (id.includes(':') || catalogItem(id) || findProduct(id)) {
    throw new ApiError(
      'offersApiNewCommerceItem',
      `The Offers API doesn't support item with ID ${id}. Try using the Products and/or SKUs APIs.`,
    );
  }
  const found = findLegacyOffer(id);
  if (!found) throw new ApiError('notFound', `Offer ${id} was not found.`);
  return found;
}

function listOffers(ctx: RequestContext): HttpAnswer {
  const c = country(ctx);
  const offset = Number(queryParam(ctx.url, 'offset') ?? '0');
  const size = Number(queryParam(ctx.url, 'size') ?? String(LEGACY_OFFERS.length));
  if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(size) || size < 1) {
    throw invalidInput('offset and size must be whole numbers (size >= 1).');
  }
  const page = LEGACY_OFFERS.slice(offset, offset + size);
  const links: Record<string, ReturnType<typeof link>> = { self: link(`/offers?country=${c}&offset=${offset}&size=${size}`) };
  if (offset + size < LEGACY_OFFERS.length) links.next = link(`/offers?country=${c}&offset=${offset + size}&size=${size}`);
  const body = {
    ...collection(
      page.map((o) => offerWire(o, c)),
      links,
    ),
    totalCount: LEGACY_OFFERS.length,
  };
  return { status: 200, body };
}

/** Answers a bare JSON array, as the documented example does; nothing is ever restricted. */
function checkInventory(ctx: RequestContext): HttpAnswer {
  country(ctx);
  const targets = asRecord(ctx.body).targetItems;
  if (!Array.isArray(targets) || targets.length === 0) {
    throw invalidInput('TargetItems must list at least one {ProductId, SkuId?}.');
  }
  return {
    status: 200,
    body: targets.map(asRecord).map((t) => ({
      productId: t.productId,
      ...(t.skuId !== undefined ? { skuId: t.skuId } : {}),
      isRestricted: false,
      restrictions: [],
    })),
  };
}
