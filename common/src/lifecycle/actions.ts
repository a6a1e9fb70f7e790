// The lifecycle actions on a new-commerce subscription, one row each: when Partner Center allows
// it (and, when it does not, why, in the docs' words), what it changes in the subscription, what
// else that does (the consequences a review lists), and whether it is confirmed like a purchase.
// The explorer, the CLI and the tests all read this table; sending is subscriptionUpdate.ts's.
// Docs: create-a-new-subscription.md (seven-day windows, suspend, which changes delete scheduled
// changes), change-the-quantity-of-a-subscription.md, suspend-a-subscription.md,
// reactivate-a-suspended-a-subscription.md, create-scheduled-changes.md,
// manage-billing-frequency-software-subs.md, subscription-resources.md (refundOptions).
import { type JsonObject } from '../send/jsonValues';
import { describeScheduled, type SubscriptionState, timeLeft } from './subscriptionState';

export type LifecycleRequest =
  | { action: 'quantity'; quantity: number }
  | { action: 'autoRenew'; enabled: boolean }
  | { action: 'suspend' }
  | { action: 'reactivate' }
  | { action: 'cancel' }
  /** `instructions` undefined removes the scheduled changes. */
  | { action: 'schedule'; instructions?: JsonObject }
  | { action: 'billingCycle'; billingCycle: string };

export type LifecycleActionId = LifecycleRequest['action'];

/** Offered, or not with the reason a person is told. */
export type Availability = { offered: true } | { offered: false; reason: string };

interface ActionRow<R extends LifecycleRequest> {
  /** "Change quantity": the confirmation's action and the review's title. */
  title(request: R, state: SubscriptionState): string;
  available(state: SubscriptionState, request?: R): Availability;
  /** What the action sets; merged over the whole subscription as read. */
  change(request: R, state: SubscriptionState): JsonObject;
  consequences(request: R, state: SubscriptionState, now: number): string[];
  /** Confirmed like a purchase (typed confirmation in production): money moves, or seats and refunds go. */
  purchaseLike(request: R, state: SubscriptionState): boolean;
}

const offered: Availability = { offered: true };
const no = (reason: string): Availability => ({ offered: false, reason });

/** Every action but reactivating and cancelling needs an active subscription (800091 for a suspended one). */
function activeOnly(state: SubscriptionState): Availability {
  if (state.active) return offered;
  if (state.suspended) {
    return no('The subscription is suspended: reactivate it first (only reactivation or cancellation is allowed).');
  }
  return no(`The subscription is ${state.status}: it can no longer be changed.`);
}

const SCHEDULED_DELETED =
  'This removes the changes scheduled for the next term (create-a-new-subscription.md: saved scheduled changes are deleted by a cancellation, turning off auto-renew or a quantity change).';

function scheduledDeleted(state: SubscriptionState, request: LifecycleRequest): string[] {
  const keepsOwn = request.action === 'schedule';
  return state.scheduled && !keepsOwn ? [SCHEDULED_DELETED] : [];
}

const quantity: ActionRow<{ action: 'quantity'; quantity: number }> = {
  title: (r, s) => ((s.quantity ?? 0) > r.quantity ? 'Remove seats' : 'Add seats'),
  available: (s, r) => {
    const base = activeOnly(s);
    if (!base.offered || !r) return base;
    if (!Number.isInteger(r.quantity) || r.quantity < 1) return no('The quantity must be a whole number of at least 1.');
    if (r.quantity === s.quantity) return no(`The subscription already has ${r.quantity} seats.`);
    const removed = (s.quantity ?? 0) - r.quantity;
    if (removed > s.refundableQuantity) {
      return no(
        s.refundableQuantity === 0
          ? 'No seats can be removed now: seats can be removed only within seven days of being added, at purchase, renewal or midterm (create-a-new-subscription.md).'
          : `Only ${s.refundableQuantity} seat(s) can be removed now: seats can be removed only within seven days of being added (create-a-new-subscription.md).`,
      );
    }
    return offered;
  },
  change: (r) => ({ quantity: r.quantity }),
  consequences: (r, s) => {
    const before = s.quantity ?? 0;
    const out =
      r.quantity > before
        ? [
            `Adds ${r.quantity - before} seat(s); they are charged from today to the end of the term, prorated (create-a-new-subscription.md).`,
          ]
        : [
            `Removes ${before - r.quantity} seat(s). Refund: the full amount minus the prorated amount for the days used (create-a-new-subscription.md).`,
            `${s.refundableQuantity} seat(s) can be removed now; seats can be removed only within seven days of being added.`,
          ];
    return [...out, ...scheduledDeleted(s, r)];
  },
  purchaseLike: () => true,
};

const autoRenew: ActionRow<{ action: 'autoRenew'; enabled: boolean }> = {
  title: (r) => (r.enabled ? 'Turn auto-renew on' : 'Turn auto-renew off'),
  available: (s, r) => {
    const base = activeOnly(s);
    if (!base.offered || !r) return base;
    if (r.enabled === s.autoRenew) return no(`Auto-renew is already ${s.autoRenew ? 'on' : 'off'}.`);
    if (r.enabled && s.isTrial) return no('Auto-renew cannot be turned on for a trial (800093).');
    return offered;
  },
  // Scheduled changes need auto-renew on (create-scheduled-changes.md) and turning it off deletes
  // them (create-a-new-subscription.md): the body says so rather than carry them with auto-renew off.
  change: (r, s) => ({
    autoRenewEnabled: r.enabled,
    ...(!r.enabled && s.scheduled ? { scheduledNextTermInstructions: null } : {}),
  }),
  consequences: (r, s) =>
    r.enabled
      ? [`The subscription renews ${s.nextRenewal ? `on ${s.nextRenewal}` : 'at the end of its term'}, for the same term.`]
      : [
          `The subscription ends on ${s.termEnd?.slice(0, 10) ?? 'its term end date'} instead of renewing.`,
          ...(s.scheduled ? [SCHEDULED_DELETED] : []),
        ],
  purchaseLike: () => false,
};

const suspend: ActionRow<{ action: 'suspend' }> = {
  title: () => 'Suspend subscription',
  available: (s) => activeOnly(s),
  change: () => ({ status: 'suspended' }),
  consequences: (_r, s) => [
    'Suspending a new-commerce subscription turns auto-renew off; after reactivating, turn it back on if desired (create-a-new-subscription.md).',
    ...(s.scheduled ? ['Any scheduled changes are removed (subscription-lifecycle.md).'] : []),
    'The partner goes on being billed while it is suspended; customers can no longer use the services (subscription-lifecycle.md).',
  ],
  purchaseLike: () => false,
};

const reactivate: ActionRow<{ action: 'reactivate' }> = {
  title: () => 'Reactivate subscription',
  available: (s) => (s.suspended ? offered : no(`The subscription is ${s.status}, not suspended.`)),
  change: () => ({ status: 'active' }),
  consequences: () => ['Auto-renew stays off after reactivation; turn it on again if desired (create-a-new-subscription.md).'],
  purchaseLike: () => false,
};

const cancel: ActionRow<{ action: 'cancel' }> = {
  title: () => 'Cancel subscription',
  available: (s) => {
    if (s.ended) return no(`The subscription is ${s.status}.`);
    if (!s.cancellation) {
      return no(
        'The cancellation window has closed: a new-commerce subscription can be cancelled only within seven days of its purchase or renewal; after that it is billed for the full term (create-a-new-subscription.md). Turn auto-renew off so it ends at the term end instead.',
      );
    }
    return offered;
  },
  change: () => ({ status: 'deleted' }),
  consequences: (r, s) => {
    const refunds = s.refundOptions.map(
      (o) => `Refund: ${o.type.toLowerCase()}${o.expiresAt ? `, if cancelled before ${o.expiresAt}` : ''} (refundOptions).`,
    );
    return [
      ...(refunds.length ? refunds : ['Refund: prorated, for the days not used (create-a-new-subscription.md).']),
      ...(s.cancellation
        ? [`No cancellation and no refund after ${s.cancellation.until} (${timeLeft(s.cancellation.msLeft)} left).`]
        : []),
      `${s.refundableQuantity} of ${s.quantity ?? '?'} seat(s) are still within their refund window.`,
      'A cancelled subscription cannot be reactivated.',
      ...scheduledDeleted(s, r),
    ];
  },
  purchaseLike: () => true,
};

const schedule: ActionRow<{ action: 'schedule'; instructions?: JsonObject }> = {
  title: (r) => (r.instructions ? 'Schedule changes for the next term' : 'Remove scheduled changes'),
  available: (s, r) => {
    const base = activeOnly(s);
    if (!base.offered) return base;
    if (r && !r.instructions && !s.scheduled) return no('No changes are scheduled for the next term.');
    if (r?.instructions && !s.autoRenew) {
      return no('Changes can be scheduled only while auto-renew is on (create-scheduled-changes.md): turn auto-renew on first.');
    }
    return offered;
  },
  // null is "not set" (the .NET SDK sends unset properties so): the update then has none, which is
  // how update-a-subscription-by-id.md says scheduled changes go ("leaving them out removes them").
  change: (r) => ({ scheduledNextTermInstructions: r.instructions ?? null }),
  consequences: (r, s) =>
    r.instructions
      ? [
          `Applies at the renewal${s.nextRenewal ? ` on ${s.nextRenewal}` : ''}; nothing changes in this term.`,
          ...(s.scheduled ? [`Replaces the changes scheduled now (${describeScheduled(s.scheduled)}).`] : []),
          'Cancelling, turning auto-renew off or changing the quantity in this term deletes them again (create-a-new-subscription.md).',
        ]
      : [`The subscription renews as it is now${s.nextRenewal ? `, on ${s.nextRenewal}` : ''}.`],
  purchaseLike: () => false,
};

const billingCycle: ActionRow<{ action: 'billingCycle'; billingCycle: string }> = {
  title: (r) => `Change billing to ${r.billingCycle}`,
  available: (s, r) => {
    const base = activeOnly(s);
    if (!base.offered) return base;
    const cycle = s.billingCycle?.toLowerCase();
    if (s.termDuration?.toUpperCase() !== 'P3Y' || (cycle !== 'monthly' && cycle !== 'annual')) {
      return no(
        'The billing cycle can be changed mid-term only on a three-year (P3Y) term, between monthly and annual (manage-billing-frequency-software-subs.md; 800097).',
      );
    }
    if (r && r.billingCycle.toLowerCase() === cycle) return no(`The subscription is already billed ${cycle}.`);
    return offered;
  },
  change: (r) => ({ billingCycle: r.billingCycle }),
  consequences: (r, s) => [
    `Billed ${r.billingCycle} instead of ${s.billingCycle ?? '?'} from the next billing period; the term and its end date stay the same.`,
  ],
  purchaseLike: () => true,
};

/**
 * Upgrade… has its own path (upgrade.ts: a transition, not a change to the subscription), so no
 * row here; whether it is offered is decided here like the others, for the menus. Upgrades start
 * only from active subscriptions (create-a-new-subscription.md).
 */
export function upgradeAvailability(state: SubscriptionState): Availability {
  if (state.active) return { offered: true };
  return {
    offered: false,
    reason: state.suspended
      ? 'The subscription is suspended: upgrades start only from active subscriptions (create-a-new-subscription.md).'
      : `The subscription is ${state.status}: upgrades start only from active subscriptions.`,
  };
}

const rows: { [A in LifecycleActionId]: ActionRow<Extract<LifecycleRequest, { action: A }>> } = {
  quantity,
  autoRenew,
  suspend,
  reactivate,
  cancel,
  schedule,
  billingCycle,
};

function rowOf<R extends LifecycleRequest>(request: R): ActionRow<R> {
  return rows[request.action] as unknown as ActionRow<R>;
}

/** Whether the action is offered on this subscription at all (no request yet: the menu). */
export function availability(action: LifecycleActionId, state: SubscriptionState): Availability {
  return (rows[action] as ActionRow<LifecycleRequest>).available(state);
}

/** Whether this very request can be made (a quantity within what can be removed...). */
export function requestAvailability(request: LifecycleRequest, state: SubscriptionState): Availability {
  return rowOf(request).available(state, request);
}

export interface LifecyclePlan {
  title: string;
  change: JsonObject;
  consequences: string[];
  purchaseLike: boolean;
}

export function planLifecycle(request: LifecycleRequest, state: SubscriptionState, now: number): LifecyclePlan {
  const row = rowOf(request);
  return {
    title: row.title(request, state),
    change: row.change(request, state),
    consequences: row.consequences(request, state, now),
    purchaseLike: row.purchaseLike(request, state),
  };
}
