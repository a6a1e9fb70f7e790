// A purchase needs a partner confirmation that the customer accepted the Microsoft Customer
// Agreement (POST /customers/{c}/agreements) first: 403 13605 otherwise.

import { type Store } from '../data/store';
import { ApiError } from '../errors';

export function requireMca(store: Store, customerId: string): void {
  if (store.hasMca(customerId)) return;
  throw new ApiError(
    'mcaRequired',
    'Either a partner confirmation of the customer acceptance of the Microsoft Customer Agreement must be provided or the customer must accept the Microsoft Customer Agreement in the Microsoft Admin Center before you can complete this purchase.',
  );
}
