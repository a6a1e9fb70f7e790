// The product catalog: /products[/{p}[/skus[/{s}[/availabilities[/{a}]]]]] with country, and the
// same tree under /customers/{c}/products where the country comes from the customer.

import { queryParam, squash } from '../casing';
import { type Availability, findAvailability, findProduct, findSku, type Product, PRODUCTS, type Sku } from '../data/catalog';
import { collection } from '../envelope';
import { ApiError, invalidInput } from '../errors';
import { type HttpAnswer, type RequestContext, type Router } from '../router';
import { availabilityWire, type CatalogScope, customerScope, partnerScope, productWire, skuWire } from '../wire/catalog';
import { requireCustomer } from './customers';

/** targetView values the service documents; those without emulator products list nothing. */
const TARGET_VIEWS = [
  'Azure',
  'AzureReservations',
  'AzureReservationsVM',
  'AzureReservationsSQL',
  'AzureReservationsCosmosDb',
  'MicrosoftAzure',
  'OnlineServices',
  'Software',
  'SoftwareSUSELinux',
  'SoftwarePerpetual',
  'SoftwareSubscriptions',
  'SpecializedOffers',
  'MarketplaceSaaS',
];
const SEGMENTS = ['commercial', 'education', 'government', 'nonprofit'];

function viewsOf(p: Product): string[] {
  if (p.kind === 'reservation') return ['AzureReservations', 'AzureReservationsVM'];
  if (p.kind === 'software') {
    const perpetual = p.skus.every((s) => s.availabilities.every((a) => a.terms.length === 0));
    return ['Software', perpetual ? 'SoftwarePerpetual' : 'SoftwareSubscriptions'];
  }
  return [p.targetView];
}

export function registerCatalog(router: Router): void {
  for (const prefix of ['', '/customers/{customerId}']) {
    router.get(`${prefix}/products`, listProducts);
    router.get(`${prefix}/products/{productId}`, (ctx) => {
      const scope = scopeOf(ctx);
      return ok(productWire(product(ctx), scope));
    });
    router.get(`${prefix}/products/{productId}/skus`, (ctx) => {
      const scope = scopeOf(ctx);
      const p = product(ctx);
      return ok(collection(p.skus.map((s) => skuWire(p, s, scope))));
    });
    router.get(`${prefix}/products/{productId}/skus/{skuId}`, (ctx) => {
      const scope = scopeOf(ctx);
      const p = product(ctx);
      return ok(skuWire(p, sku(ctx, p), scope));
    });
    router.get(`${prefix}/products/{productId}/skus/{skuId}/availabilities`, (ctx) => {
      const scope = scopeOf(ctx);
      const p = product(ctx);
      const s = sku(ctx, p);
      const segment = segmentOf(ctx);
      const list = segment === undefined || segment === 'commercial' ? s.availabilities : [];
      return ok(collection(list.map((a) => availabilityWire(p, s, a, scope))));
    });
    router.get(`${prefix}/products/{productId}/skus/{skuId}/availabilities/{availabilityId}`, (ctx) => {
      const scope = scopeOf(ctx);
      const p = product(ctx);
      const s = sku(ctx, p);
      return ok(availabilityWire(p, s, availability(ctx, s), scope));
    });
  }
}

function ok(body: unknown): HttpAnswer {
  return { status: 200, body };
}

/** Partner catalog calls need ?country=XX; customer catalog calls use the customer's country. */
function scopeOf(ctx: RequestContext): CatalogScope {
  if (ctx.params.customerId !== undefined) {
    const customer = requireCustomer(ctx);
    return customerScope(customer.id, customer.address.country);
  }
  const country = queryParam(ctx.url, 'country');
  if (!country) throw invalidInput('The country query parameter is required (e.g. ?country=US).');
  if (!/^[a-z]{2}$/i.test(country)) throw invalidInput(`country must be a two-letter ISO code, got '${country}'.`);
  return partnerScope(country.toUpperCase());
}

function segmentOf(ctx: RequestContext): string | undefined {
  const segment = queryParam(ctx.url, 'targetSegment');
  if (segment === undefined) return undefined;
  const known = SEGMENTS.find((s) => squash(s) === squash(segment));
  if (!known) throw new ApiError('targetSegmentNotAllowed', `targetSegment '${segment}' is not allowed.`);
  return known;
}

function listProducts(ctx: RequestContext): HttpAnswer {
  const scope = scopeOf(ctx);
  const viewText = queryParam(ctx.url, 'targetView');
  if (!viewText) throw invalidInput('The targetView query parameter is required (e.g. targetView=OnlineServices).');
  const view = TARGET_VIEWS.find((v) => squash(v) === squash(viewText));
  if (!view) throw new ApiError('targetViewNotAllowed', `targetView '${viewText}' is not allowed.`);
  const segment = segmentOf(ctx);
  const products = segment === undefined || segment === 'commercial' ? PRODUCTS.filter((p) => viewsOf(p).includes(view)) : [];
  return ok(collection(products.map((p) => productWire(p, scope))));
}

function product(ctx: RequestContext): Product {
  const p = findProduct(ctx.params.productId);
  if (!p) throw new ApiError('productNotFound', `Product ${ctx.params.productId} was not found.`);
  return p;
}

function sku(ctx: RequestContext, p: Product): Sku {
  const s = findSku(p, ctx.params.skuId);
  if (!s) throw new ApiError('skuNotFound', `SKU ${ctx.params.skuId} of product ${p.id} was not found.`);
  return s;
}

function availability(ctx: RequestContext, s: Sku): Availability {
  const a = findAvailability(s, ctx.params.availabilityId);
  if (!a) throw new ApiError('availabilityNotFound', `Availability ${ctx.params.availabilityId} was not found.`);
  return a;
}
