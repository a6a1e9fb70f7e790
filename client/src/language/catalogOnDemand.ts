// The catalog source handed to the language client, made when the server first asks for catalog
// data. The real source is API-backed (the api part), so a request document whose server never
// asks (or a window with none) loads no API client.
import { type CatalogSource } from '../../../common/src/language/catalog';
import { type ApiCatalogSource } from '../../../common/src/language/apiCatalogSource';

export interface OnDemandCatalogSource extends CatalogSource {
  /** Drops what the source cached, if it was made (sign-in, sign-out, environment switch). */
  invalidate(): void;
}

export function catalogOnDemand(make: () => ApiCatalogSource): OnDemandCatalogSource {
  let source: ApiCatalogSource | undefined;
  const get = () => (source ??= make());
  return {
    resolveItems: (ids) => get().resolveItems(ids),
    listItems: () => get().listItems(),
    listCustomers: () => get().listCustomers(),
    invalidate: () => source?.invalidate(),
  };
}
