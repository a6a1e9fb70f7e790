// Public surface of the Partner Center API client.
export {
  PartnerCenterClient,
  DEFAULT_RATE_LIMIT_PER_MINUTE,
  DEFAULT_TIMEOUT_MS,
  type GenericRequest,
  type PartnerCenterClientOptions,
} from './client';
export { clouds, isLoopbackHost, normalizeEndpoint, resolveEndpoint, type CloudInfo, type CloudName } from './clouds';
export { createDispatcher, type DispatcherOptions } from './dispatcher';
export {
  PartnerCenterError,
  isPartnerCenterError,
  parseErrorBody,
  type ParsedErrorBody,
  type PartnerCenterErrorKind,
} from './errors';
export { exactlyOnce, isSafeToResend, type ExactlyOnceOptions, type WriteIds } from './exactlyOnce';
export { isGuid, newCorrelationId, newRequestId } from './ids';
export { redactPath, type RequestLogEvent, type RequestLogger } from './logging';
export { decodeContinuation, encodeContinuation, type Page } from './paging';
export { RateLimiter, rateLimitKey, type RateLimiterOptions } from './rateLimiter';
export {
  resolveApiUrl,
  versionedPath,
  type ApiRequest,
  type ApiResponse,
  type QueryValue,
  type TokenProvider,
} from './requester';
export { backoffDelay, decideRetry, defaultRetryOptions, parseRetryAfter, type RetryDecision, type RetryOptions } from './retry';
export { AgreementsApi, MCA_AGREEMENT_TYPE } from './resources/agreements';
export { CartsApi } from './resources/carts';
export { CatalogApi, type CatalogOptions, type InventoryCheckRequest } from './resources/catalog';
export {
  CustomersApi,
  DEFAULT_CUSTOMER_PAGE_SIZE,
  type CustomerFilterField,
  type CustomerListOptions,
} from './resources/customers';
export { EntitlementsApi, type EntitlementListOptions } from './resources/entitlements';
export { OffersApi, type OfferListOptions } from './resources/offers';
export { OrdersApi, type OrderListOptions } from './resources/orders';
export { type CallOptions, type WriteOptions } from './resources/shared';
export { SubscriptionsApi } from './resources/subscriptions';
export type * from './types';
export type * from './catalogTypes';
