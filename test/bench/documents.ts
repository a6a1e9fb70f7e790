// The documents the benchmarks measure with, and the arithmetic they share.
import commonSchema from '../../schemas/common.schema.json';
import orderSchema from '../../schemas/order.schema.json';

/** An order of `lines` line items; every 50th has a term its billing cycle does not allow. */
export function makeOrder(lines: number): string {
  const items = Array.from({ length: lines }, (_, i) => ({
    lineItemNumber: i,
    offerId: `CFQ7TTC0LH${String(i % 100).padStart(2, '0')}:0001:CFQ7TTC0K971`,
    quantity: 1 + (i % 20),
    // Every 50th line has a term the billing cycle does not allow, so ranges are computed too.
    termDuration: i % 50 === 49 ? 'P1M' : 'P1Y',
    friendlyName: `Line ${i}`,
  }));
  return JSON.stringify({ partnerOnRecordAttestationAccepted: true, billingCycle: 'annual', lineItems: items }, null, 2);
}

export function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * The order schema with the shared definitions copied in: vscode-json-languageservice cannot follow
 * a relative `$ref` from our `partner-center:` ids without a schema request service, and this way
 * both validators check exactly the same rules.
 */
export function selfContainedOrderSchema(): object {
  const rewrite = (value: unknown, commonRefs: boolean): unknown => {
    if (Array.isArray(value)) return value.map((v) => rewrite(v, commonRefs));
    if (!value || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => {
        if (key === '$ref' && typeof v === 'string') {
          if (v.startsWith('common.schema.json#/definitions/')) {
            return [key, v.replace('common.schema.json#/definitions/', '#/definitions/common_')];
          }
          if (commonRefs) return [key, v.replace('#/definitions/', '#/definitions/common_')];
        }
        return [key, rewrite(v, commonRefs)];
      }),
    );
  };
  const order = rewrite(orderSchema, false) as { definitions: Record<string, unknown>; $id?: string };
  for (const [name, definition] of Object.entries(commonSchema.definitions)) {
    order.definitions[`common_${name}`] = rewrite(definition, true);
  }
  delete order.$id;
  return order;
}
