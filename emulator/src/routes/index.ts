// The route table: every /v1 path the emulator serves, registered by resource.

import { Router } from '../router';
import { registerAgreements } from './agreements';
import { registerCarts } from './carts';
import { registerCatalog } from './catalog';
import { registerCustomers } from './customers';
import { registerEntitlements } from './entitlements';
import { registerOffers } from './offers';
import { registerOrders } from './orders';
import { registerSubscriptionPurchases } from './subscriptionPurchases';
import { registerSubscriptions } from './subscriptions';
import { registerTransitions } from './transitions';

export function buildRouter(): Router {
  const router = new Router();
  registerCustomers(router);
  registerOrders(router);
  // Before the subscription routes: "customTermEndDates" is not a subscription id.
  registerSubscriptionPurchases(router);
  registerSubscriptions(router);
  registerTransitions(router);
  registerEntitlements(router);
  registerCarts(router);
  registerCatalog(router);
  registerOffers(router);
  registerAgreements(router);
  return router;
}
