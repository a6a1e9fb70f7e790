// The "catalog" part (dist/cli-catalog.js): the API client (undici) and the API-backed catalog
// source, for `validate --endpoint`.
import { PartnerCenterClient } from '../../../common/src/api/client';
import { type ApiCatalogSource, createApiCatalogSource } from '../../../common/src/language/apiCatalogSource';

export interface CliCatalog {
  source: ApiCatalogSource;
  close(): Promise<void>;
}

/** The catalog at `endpoint`, asked with `token`; one retry, as a CI gate should not wait long. */
export function openCatalog(endpoint: string, token: string | undefined, country: string | undefined): CliCatalog {
  const client = new PartnerCenterClient({
    endpoint,
    tokenProvider: { getToken: () => Promise.resolve(token ?? '') },
    maxRetries: 1,
  });
  return { source: createApiCatalogSource(() => client, { country }), close: () => client.close() };
}
