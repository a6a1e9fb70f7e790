// PartnerCenterClient: the one object the extension, the language server and the CLI use to talk
// to Partner Center or the emulator. It wires the pipeline (requester.ts) to typed resource groups.
import { type Dispatcher } from 'undici';
import { normalizeEndpoint } from './clouds';
import { createDispatcher } from './dispatcher';
import { PartnerCenterError } from './errors';
import { type RequestLogger } from './logging';
import { RateLimiter } from './rateLimiter';
import { type ApiRequest, type ApiResponse, Requester, type TokenProvider } from './requester';
import { defaultRetryOptions, type RetryOptions } from './retry';
import { AgreementsApi } from './resources/agreements';
import { CartsApi } from './resources/carts';
import { CatalogApi } from './resources/catalog';
import { CustomersApi } from './resources/customers';
import { EntitlementsApi } from './resources/entitlements';
import { OffersApi } from './resources/offers';
import { OrdersApi } from './resources/orders';
import { SubscriptionsApi } from './resources/subscriptions';

export interface PartnerCenterClientOptions {
  /** Base URL without `/v1`, e.g. https://api.partnercenter.microsoft.com or http://127.0.0.1:PORT. */
  endpoint: string;
  tokenProvider: TokenProvider;
  /** Per attempt, including reading the body. Default 30 s. */
  timeoutMs?: number;
  /** Automatic re-sends per call (see retry.ts for which failures qualify). Default 4. */
  maxRetries?: number;
  /** Client-side cap per tenant (customer in the path, else the partner). Default 500, the documented limit. */
  rateLimitPerMinute?: number;
  /** Explicit proxy URL; without it HTTPS_PROXY/HTTP_PROXY/NO_PROXY apply. */
  proxy?: string;
  /** Called once per attempt; never receives the token or the Authorization header. */
  logger?: RequestLogger;
  /** Replaces the built-in pool (tests, custom proxies). The client does not close it. */
  dispatcher?: Dispatcher;
  userAgent?: string;
  /** Back-off tuning; tests shorten the delays. */
  retry?: Partial<Omit<RetryOptions, 'maxRetries'>>;
  /** Where proxy variables are read from; defaults to process.env. */
  env?: Record<string, string | undefined>;
}

export interface GenericRequest extends ApiRequest {
  /** Throw a PartnerCenterError for non-2xx answers instead of returning them. Default false. */
  throwOnHttpError?: boolean;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 500;

export class PartnerCenterClient {
  readonly endpoint: string;
  readonly customers: CustomersApi;
  readonly orders: OrdersApi;
  readonly subscriptions: SubscriptionsApi;
  readonly entitlements: EntitlementsApi;
  readonly carts: CartsApi;
  readonly catalog: CatalogApi;
  readonly agreements: AgreementsApi;
  readonly offers: OffersApi;

  private readonly requester: Requester;
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;

  constructor(options: PartnerCenterClientOptions) {
    this.endpoint = normalizeEndpoint(options.endpoint);
    this.ownsDispatcher = options.dispatcher === undefined;
    this.dispatcher = options.dispatcher ?? createDispatcher({ endpoint: this.endpoint, proxy: options.proxy, env: options.env });
    this.requester = new Requester({
      endpoint: this.endpoint,
      tokenProvider: options.tokenProvider,
      dispatcher: this.dispatcher,
      limiter: new RateLimiter({ limit: options.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE }),
      retry: { ...defaultRetryOptions, ...options.retry, maxRetries: options.maxRetries ?? defaultRetryOptions.maxRetries },
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      userAgent: options.userAgent ?? 'partner-center-vscode',
      logger: options.logger,
    });
    this.customers = new CustomersApi(this.requester);
    this.orders = new OrdersApi(this.requester);
    this.subscriptions = new SubscriptionsApi(this.requester);
    this.entitlements = new EntitlementsApi(this.requester);
    this.carts = new CartsApi(this.requester);
    this.catalog = new CatalogApi(this.requester);
    this.agreements = new AgreementsApi(this.requester);
    this.offers = new OffersApi(this.requester);
  }

  /**
   * Any call, with the same headers, retries, limits and logging as the typed groups. Returns the
   * final HTTP answer whatever its status (unless `throwOnHttpError`); rejects with a
   * PartnerCenterError only when there is no answer (network, timeout, cancel). An absolute URL on
   * another origin is sent without the Authorization header.
   */
  async request(req: GenericRequest): Promise<ApiResponse> {
    const { throwOnHttpError, ...rest } = req;
    if (throwOnHttpError) return this.requester.call(rest);
    return this.requester.send(rest);
  }

  /** Closes the pooled connections the client opened. */
  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close();
  }
}

export { PartnerCenterError };
