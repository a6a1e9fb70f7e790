// Which order lines a PATCH with status "cancelled" may cancel (cancel-software-purchases.md,
// cancel-an-order-from-the-integration-sandbox.md, csp-software-subscriptions.md). The emulator
// answers as a production account, not an integration sandbox:
// - software subscriptions and perpetual software: yes, "within the first seven days of any term"
//   (subscriptions) or "within 30 days of the purchase date" (perpetual); later, 900117 "You have
//   passed your {0}-day cancellation window";
// - Azure reservations: "only possible from integration sandbox accounts": 800019 (403) "Non-Sandbox
//   tenants aren't allowed to cancel purchases other than software subscriptions and perpetual
//   software";
// - Azure savings plans: 900321 (403) "This operation is not supported for Azure savings plan in
//   Partner Center today";
// - marketplace SaaS: 800077 (403) "Cancelling of seat-based SaaS isn't supported via patch order.
//   Use patch subscription instead.";
// - new commerce, legacy licenses and Azure: cancelled through their subscriptions, 800063 "This
//   order {0} can't be canceled. Use PATCH /customers/{1}/subscriptions/<subscriptionId> to suspend
//   subscriptions".

import { DAY_MS, type OrderLineRecord, type OrderRecord } from '../data/model';
import { type RuleFailure, requestFailure } from './failure';

export function checkCancel(order: OrderRecord, line: OrderLineRecord, now: number): RuleFailure | undefined {
  switch (line.item.product.kind) {
    case 'software': {
      const perpetual = line.item.availability.terms.length === 0;
      const days = perpetual ? 30 : 7;
      if (now > order.createdAt + days * DAY_MS) {
        return requestFailure(
          'softwareCancelWindowPassed',
          `You have passed your ${days}-day cancellation window. We are unable to cancel your purchase (line ${line.lineItemNumber}).`,
        );
      }
      return undefined;
    }
    case 'reservation':
      return requestFailure(
        'cancelNotAllowedOutsideSandbox',
        "Non-Sandbox tenants aren't allowed to cancel purchases other than software subscriptions and perpetual software.",
      );
    case 'savingsPlan':
      return requestFailure(
        'savingsPlanNotManagedHere',
        'This operation is not supported for Azure savings plan in Partner Center today. It can however be managed in Azure portal.',
      );
    case 'saas':
      return requestFailure(
        'saasCancelThroughSubscription',
        "Cancelling of seat-based SaaS isn't supported via patch order. Use patch subscription instead.",
      );
    default:
      return requestFailure(
        'orderCancelThroughSubscription',
        `This order ${order.id} can't be canceled. Use PATCH /customers/${order.customerId}/subscriptions/<subscriptionId> to suspend subscriptions.`,
      );
  }
}
