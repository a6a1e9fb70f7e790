// All mutable state of one emulator, and the transitions that touch several records at once
// (an order completing creates its subscriptions and entitlements). Everything random comes
// from `ids`, so the ids of created resources depend only on the seed and the request sequence.

import { type Random } from '../random';
import { makesSubscription, type TermDuration, TERM_MONTHS } from './catalog';
import {
  type AgreementRecord,
  type ArtifactRecord,
  type CartRecord,
  type CustomerRecord,
  type EntitlementRecord,
  type OrderLineRecord,
  type OrderRecord,
  type SubscriptionRecord,
  type TransitionRecord,
  REFUND_WINDOW_MS,
} from './model';
import { completeTransition } from './transition';

export class Store {
  readonly customers: CustomerRecord[] = [];
  private readonly customerIndex = new Map<string, CustomerRecord>();
  readonly orders = new Map<string, OrderRecord[]>();
  readonly subscriptions = new Map<string, SubscriptionRecord[]>();
  readonly entitlements = new Map<string, EntitlementRecord[]>();
  readonly carts = new Map<string, CartRecord[]>();
  readonly agreements = new Map<string, AgreementRecord[]>();
  readonly artifacts = new Map<string, ArtifactRecord>();
  /** Transitions (upgrades) by customer, in the order they were posted. */
  readonly transitions = new Map<string, TransitionRecord[]>();
  /** API-created orders still waiting to complete; checked lazily on every request. */
  private readonly pending: OrderRecord[] = [];

  constructor(
    readonly ids: Random,
    readonly partnerTenantId: string,
  ) {}

  addCustomer(c: CustomerRecord): void {
    this.customers.push(c);
    this.customerIndex.set(c.id.toLowerCase(), c);
  }

  customer(id: string): CustomerRecord | undefined {
    return this.customerIndex.get(id.toLowerCase());
  }

  listOf<T>(map: Map<string, T[]>, customerId: string): T[] {
    const key = customerId.toLowerCase();
    let list = map.get(key);
    if (!list) map.set(key, (list = []));
    return list;
  }

  order(customerId: string, orderId: string): OrderRecord | undefined {
    return this.listOf(this.orders, customerId).find((o) => o.id.toLowerCase() === orderId.toLowerCase());
  }

  subscription(customerId: string, subscriptionId: string): SubscriptionRecord | undefined {
    return this.listOf(this.subscriptions, customerId).find((s) => s.id.toLowerCase() === subscriptionId.toLowerCase());
  }

  cart(customerId: string, cartId: string): CartRecord | undefined {
    return this.listOf(this.carts, customerId).find((c) => c.id.toLowerCase() === cartId.toLowerCase());
  }

  hasMca(customerId: string): boolean {
    return this.listOf(this.agreements, customerId).some((a) => a.type === 'MicrosoftCustomerAgreement');
  }

  newOrderId(): string {
    return this.ids.hex(12);
  }

  /** Adds an order; a pending one with `provisionAt` completes on the first request after it. */
  addOrder(order: OrderRecord): void {
    this.listOf(this.orders, order.customerId).push(order);
    if (order.status === 'pending' && order.provisionAt !== undefined) this.pending.push(order);
  }

  /** Completes every API-created order whose provisioning time has come, and renews or
   * expires subscriptions whose term ended (matters when a test moves the clock). */
  settle(now: number): void {
    for (const list of this.subscriptions.values()) for (const sub of list) renew(sub, now);
    for (let i = this.pending.length - 1; i >= 0; i--) {
      const order = this.pending[i];
      if (order.provisionAt !== undefined && order.provisionAt <= now) {
        this.pending.splice(i, 1);
        this.complete(order, order.provisionAt, now);
      }
    }
    for (const list of this.transitions.values()) {
      for (const t of list) if (t.completedAt === undefined && t.completeAt <= now) completeTransition(this, t);
    }
  }

  /** Marks an order completed and creates what its lines bought: license-based, SaaS and legacy
   * lines become subscriptions, software and reservation lines become entitlements. Savings plans
   * make neither (the emulator has no savings-plan subscription, see its README). Lines already
   * provisioned or cancelled are left as they are. */
  complete(order: OrderRecord, at: number, now: number): void {
    order.status = 'completed';
    for (const line of order.lines) this.provision(order, line, at, now);
  }

  /** Creates what one line bought (a line added to a completed order by PATCH, or at completion). */
  provision(order: OrderRecord, line: OrderLineRecord, at: number, now: number): void {
    if (line.cancelled || line.subscriptionId) return;
    const kind = line.item.product.kind;
    if (makesSubscription(kind)) this.addSubscription(order, line, at, now);
    else if (kind === 'software' || kind === 'reservation') this.addEntitlement(order, line, at);
  }

  /**
   * Cancels lines of an order (cancel-software-purchases.md): each gets quantity 0, its entitlement
   * is revoked, and the order is "cancelled if all the line items in the order are canceled, or
   * completed if not all" (a pending order stays pending until its other lines are provisioned).
   */
  cancelLines(order: OrderRecord, lineItemNumbers: number[]): void {
    const numbers = new Set(lineItemNumbers);
    for (const line of order.lines) {
      if (!numbers.has(line.lineItemNumber)) continue;
      if (line.cancelled) continue;
      line.cancelled = true;
      line.cancelledQuantity = line.quantity;
      line.quantity = 0;
    }
    const entitlements = this.listOf(this.entitlements, order.customerId);
    for (let i = entitlements.length - 1; i >= 0; i--) {
      const e = entitlements[i];
      if (e.orderId !== order.id || !numbers.has(e.lineItemNumber)) continue;
      for (const a of e.artifacts) this.artifacts.delete(a.resourceId.toLowerCase());
      entitlements.splice(i, 1);
    }
    if (order.lines.every((l) => l.cancelled)) {
      order.status = 'cancelled';
      const at = this.pending.indexOf(order);
      if (at >= 0) this.pending.splice(at, 1);
    }
    order.version++;
  }

  private addSubscription(order: OrderRecord, line: OrderLineRecord, at: number, now: number): void {
    const termDuration = line.termDuration ?? line.item.availability.terms[0]?.duration ?? 'P1M';
    const sub: SubscriptionRecord = {
      id: this.ids.guid(),
      customerId: order.customerId,
      orderId: order.id,
      entitlementId: this.ids.guid(),
      item: line.item,
      friendlyName: line.friendlyName,
      quantity: line.quantity,
      createdAt: at,
      termStart: at,
      termDuration,
      billingCycle: order.billingCycle,
      status: 'active',
      autoRenewEnabled: !line.item.sku.isTrial,
      refundable: [{ quantity: line.quantity, until: at + REFUND_WINDOW_MS }],
      partnerIdOnRecord: line.partnerIdOnRecord,
      parentSubscriptionId: line.parentSubscriptionId,
      version: 1,
    };
    renew(sub, now);
    line.subscriptionId = sub.id;
    this.listOf(this.subscriptions, order.customerId).push(sub);
  }

  private addEntitlement(order: OrderRecord, line: OrderLineRecord, at: number): void {
    const { product, sku, availability } = line.item;
    const term = availability.terms.find((t) => t.duration === line.termDuration) ?? availability.terms[0];
    const expiry = term ? addTerm(at, term.duration) : undefined;
    const entitlement: EntitlementRecord = {
      customerId: order.customerId,
      orderId: order.id,
      lineItemNumber: line.lineItemNumber,
      productId: product.id,
      skuId: sku.id,
      quantity: line.quantity,
      type: product.kind === 'reservation' ? 'reservedinstance' : 'software',
      createdAt: at,
      expiry,
      artifacts: [],
    };
    if (product.kind === 'reservation') {
      const artifact: ArtifactRecord = {
        customerId: order.customerId,
        groupId: this.ids.hex(32),
        lineItemId: this.ids.guid(),
        resourceId: this.ids.guid(),
        reservationType: 'virtualmachines',
        quantity: line.quantity,
        scopeType: line.provisioningContext?.scope?.toLowerCase() === 'single' ? 'Single' : 'Shared',
        effective: at,
        expiry: expiry ?? addTerm(at, 'P1Y'),
      };
      entitlement.artifacts.push(artifact);
      this.artifacts.set(artifact.resourceId.toLowerCase(), artifact);
    }
    this.listOf(this.entitlements, order.customerId).push(entitlement);
  }
}

/** Adds one term to a time, by calendar months in UTC. */
export function addTerm(ms: number, term: TermDuration): number {
  const d = new Date(ms);
  d.setUTCMonth(d.getUTCMonth() + TERM_MONTHS[term]);
  return d.getTime();
}

/** Brings an auto-renewing subscription to its current term; each renewal opens a new
 * 7-day window for the whole quantity. A subscription that does not renew expires. */
export function renew(sub: SubscriptionRecord, now: number): void {
  if (sub.status === 'deleted' || sub.status === 'expired') return;
  while (addTerm(sub.termStart, sub.termDuration) <= now) {
    if (!sub.autoRenewEnabled) {
      sub.status = 'expired';
      sub.refundable = [];
      return;
    }
    sub.termStart = addTerm(sub.termStart, sub.termDuration);
    sub.refundable = [{ quantity: sub.quantity, until: sub.termStart + REFUND_WINDOW_MS }];
  }
}
