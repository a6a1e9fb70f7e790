// The catalog source the extension hands to the language client: the shared API-backed source
// (common/src/language/apiCatalogSource.ts) over whichever API client is signed in right now.
import { type PartnerCenterClient } from '../../../common/src/api/client';
import {
  type ApiCatalogSource,
  type ApiCatalogSourceOptions,
  createApiCatalogSource,
} from '../../../common/src/language/apiCatalogSource';

export type { CatalogSource } from '../../../common/src/language/catalog';

/**
 * `getClient` answers the current client, or undefined while signed out. The source caches per
 * client, so switching accounts or environments never serves the previous one's catalog.
 */
export function createExtensionCatalogSource(
  getClient: () => PartnerCenterClient | undefined,
  options?: ApiCatalogSourceOptions,
): ApiCatalogSource {
  return createApiCatalogSource(getClient, {
    signedOutReason:
      'sign in to Partner Center or use the emulator (Partner Center: Use the Local Emulator) to check catalog items, terms, quantities and attestation.',
    ...options,
  });
}
