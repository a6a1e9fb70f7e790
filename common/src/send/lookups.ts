// Best-effort look-ups that make a confirmation readable: the customer's name and domain, and the
// product names of the catalog items. A failed look-up leaves the id in place; it never blocks.
import { isPartnerCenterError } from '../api';
import { type PurchaseLine, type PurchaseSummary } from './purchase';
import { type RunContext } from './runTypes';

export async function customerInfo(ctx: RunContext, customerId: string): Promise<PurchaseSummary['customer']> {
  try {
    const c = await ctx.client.customers.get(customerId, { signal: ctx.signal });
    return {
      id: customerId,
      name: c.companyProfile?.companyName ?? c.billingProfile?.companyName,
      domain: c.companyProfile?.domain,
    };
  } catch (err) {
    // A customer that does not exist is worth stopping for; the send itself would fail anyway.
    if (isPartnerCenterError(err) && err.status === 404) throw new CustomerNotFoundError(customerId);
    return { id: customerId };
  }
}

export class CustomerNotFoundError extends Error {
  constructor(readonly customerId: string) {
    super(`Customer ${customerId} does not exist in this Partner Center environment.`);
    this.name = 'CustomerNotFoundError';
  }
}

/** Product titles by product id (the first part of PRODUCT:SKU:AVAILABILITY), looked up in parallel. */
export async function productNames(
  ctx: RunContext,
  customerId: string,
  lines: readonly PurchaseLine[],
): Promise<Map<string, string>> {
  const ids = [
    ...new Set(
      lines
        .map((l) => l.catalogItemId?.split(':')[0]?.toUpperCase())
        .filter((id): id is string => !!id && !/^[0-9a-f-]{36}$/i.test(id)),
    ),
  ].slice(0, 20);
  const catalog = ctx.client.catalog.forCustomer(customerId);
  const names = new Map<string, string>();
  await Promise.all(
    ids.map(async (id) => {
      try {
        const product = await catalog.product(id, { signal: ctx.signal });
        if (product.title) names.set(id, product.title);
      } catch {
        // The id stays visible; the confirmation is still complete without the name.
      }
    }),
  );
  return names;
}
