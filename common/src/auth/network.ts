// MSAL's HTTP calls, sent through undici with the same dispatcher construction the API client
// uses (common/src/api/dispatcher.ts): one place decides proxies, and NODE_EXTRA_CA_CERTS or an
// injected dispatcher decides which certificate authorities are trusted, for both.
import { AuthError, type INetworkModule, type NetworkRequestOptions, type NetworkResponse } from '@azure/msal-node';
import { type Dispatcher, request } from 'undici';
import { createDispatcher } from '../api/dispatcher';

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * A sign-in service could not be reached or sent something that is not JSON. Never holds a body.
 * It is an AuthError because MSAL passes those through unchanged and replaces anything else with
 * a bare "network_error", which would lose the reason.
 */
export class SignInNetworkError extends AuthError {
  constructor(
    readonly origin: string,
    readonly detail: string,
  ) {
    super('network_error', '', `Could not reach the sign-in service at ${origin}: ${detail}.`);
    // MSAL's error constructors reset the prototype to their own; restore ours for instanceof.
    Object.setPrototypeOf(this, SignInNetworkError.prototype);
    this.name = 'SignInNetworkError';
    this.message = `Could not reach the sign-in service at ${origin}: ${detail}.`;
  }
}

export interface NetworkModuleOptions {
  /** Any URL on the authority's host: decides whether a proxy applies (loopback never). */
  authority: string;
  proxy?: string;
  env?: Record<string, string | undefined>;
  /** Replaces the built-in pool (tests pass one that trusts their certificate authority). */
  dispatcher?: Dispatcher;
  timeoutMs?: number;
}

export class UndiciNetworkModule implements INetworkModule {
  private readonly dispatcher: Dispatcher;
  private readonly timeoutMs: number;
  /** MSAL turns a failed metadata download into a generic error; this keeps the reason. */
  lastFailure: SignInNetworkError | undefined;
  /**
   * The last OAuth error answer, codes only. MSAL's device code poll reports just the error name
   * ("invalid_grant"), which cannot tell MFA from consent; the AADSTS number can.
   */
  lastOAuthError: OAuthErrorSummary | undefined;

  constructor(options: NetworkModuleOptions) {
    this.dispatcher =
      options.dispatcher ?? createDispatcher({ endpoint: options.authority, proxy: options.proxy, env: options.env });
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions, timeout?: number): Promise<NetworkResponse<T>> {
    return this.send<T>('GET', url, options, timeout);
  }

  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>('POST', url, options);
  }

  private async send<T>(
    method: 'GET' | 'POST',
    url: string,
    options: NetworkRequestOptions | undefined,
    timeout?: number,
  ): Promise<NetworkResponse<T>> {
    const origin = new URL(url).origin;
    let status: number;
    let headers: Record<string, string>;
    let text: string;
    try {
      const res = await request(url, {
        method,
        headers: options?.headers,
        body: method === 'POST' ? (options?.body ?? '') : undefined,
        dispatcher: this.dispatcher,
        signal: AbortSignal.timeout(timeout ?? this.timeoutMs),
      });
      status = res.statusCode;
      headers = flattenHeaders(res.headers);
      text = await res.body.text();
    } catch (err) {
      // Only the error's code or name: its message could quote the request.
      throw this.fail(new SignInNetworkError(origin, describeNetworkFailure(err)));
    }
    let body: unknown;
    try {
      body = text.trim() === '' ? {} : JSON.parse(text);
    } catch {
      // A proxy's HTML page, for instance. MSAL needs JSON; say what came back instead.
      throw this.fail(
        new SignInNetworkError(origin, `it answered ${status} with something that is not JSON (a proxy or firewall page?)`),
      );
    }
    this.lastFailure = undefined;
    this.lastOAuthError = status >= 400 ? summarizeOAuthError(body) : undefined;
    return { status, headers, body: body as T };
  }

  private fail(error: SignInNetworkError): SignInNetworkError {
    this.lastFailure = error;
    return error;
  }
}

export interface OAuthErrorSummary {
  error: string;
  errorCodes: number[];
  suberror?: string;
  correlationId?: string;
}

function summarizeOAuthError(body: unknown): OAuthErrorSummary | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const o = body as Record<string, unknown>;
  if (typeof o.error !== 'string') return undefined;
  const codes = Array.isArray(o.error_codes) ? o.error_codes.filter((c): c is number => typeof c === 'number') : [];
  return {
    error: o.error,
    errorCodes: codes,
    suberror: typeof o.suberror === 'string' ? o.suberror : undefined,
    correlationId: typeof o.correlation_id === 'string' ? o.correlation_id : undefined,
  };
}

function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function describeNetworkFailure(err: unknown): string {
  if (err instanceof Error) {
    if (err.name === 'TimeoutError' || err.name === 'AbortError') return 'no answer in time';
    const code = (err as { code?: unknown }).code ?? (err.cause as { code?: unknown } | undefined)?.code;
    if (typeof code === 'string') return code;
    return err.name;
  }
  return 'connection failed';
}
