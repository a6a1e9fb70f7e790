// The connection pool. One keep-alive pool per client saves a TLS handshake per call. Proxies:
// an explicit proxy URL wins; otherwise HTTPS_PROXY/HTTP_PROXY/NO_PROXY are honoured, except for a
// loopback endpoint (the emulator), which no proxy could reach.
import { Agent, type Dispatcher, EnvHttpProxyAgent, ProxyAgent } from 'undici';
import { isLoopbackHost } from './clouds';

export interface DispatcherOptions {
  endpoint: string;
  /** Explicit proxy URL, e.g. http://proxy:8080 or http://user:pass@proxy:8080. */
  proxy?: string;
  /** Environment to read proxy variables from; defaults to process.env. */
  env?: Record<string, string | undefined>;
}

const POOL: Agent.Options = {
  keepAliveTimeout: 30_000,
  connections: 32,
  // The client's own per-attempt timer is the single source of truth for time limits.
  headersTimeout: 0,
  bodyTimeout: 0,
};

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  if (options.proxy !== undefined && options.proxy !== '') {
    return new ProxyAgent({ ...POOL, uri: checkProxyUrl(options.proxy) });
  }
  if (isLoopbackHost(new URL(options.endpoint).hostname)) return new Agent(POOL);
  const env = options.env ?? process.env;
  const httpsProxy = env.https_proxy ?? env.HTTPS_PROXY ?? '';
  const httpProxy = env.http_proxy ?? env.HTTP_PROXY ?? '';
  if (httpsProxy === '' && httpProxy === '') return new Agent(POOL);
  // Passing every value (even '') stops undici from reading process.env a second time.
  return new EnvHttpProxyAgent({ ...POOL, httpProxy, httpsProxy, noProxy: env.no_proxy ?? env.NO_PROXY ?? '' });
}

function checkProxyUrl(proxy: string): string {
  let url: URL;
  try {
    url = new URL(proxy);
  } catch {
    throw new Error('The proxy setting is not a valid URL (expected e.g. http://proxy.example:8080).');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`Proxy URLs must use http or https, not ${url.protocol}`);
  }
  return proxy;
}
