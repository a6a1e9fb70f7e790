// /customers/{c}/entitlements (App+User only): everything is returned at once (no paging);
// entitlementType filters, showExpiry adds expiryDate. Reserved-instance artifacts resolve
// under /customers/{c}/artifacts/reservedinstance/...

import { requireUser } from '../auth';
import { parseEnum, queryParam } from '../casing';
import { collection } from '../envelope';
import { ApiError } from '../errors';
import { type HttpAnswer, type RequestContext, type Router } from '../router';
import { artifactDetailsWire, entitlementWire } from '../wire/entitlement';
import { requireCustomer } from './customers';

export function registerEntitlements(router: Router): void {
  router.get('/customers/{customerId}/entitlements', listEntitlements);
  router.get(
    '/customers/{customerId}/artifacts/reservedinstance/groups/{groupId}/lineitems/{lineItemId}/resource/{resourceId}',
    artifactDetails,
  );
}

function listEntitlements(ctx: RequestContext): HttpAnswer {
  requireUser(ctx.appOnly);
  const customer = requireCustomer(ctx);
  const typeText = queryParam(ctx.url, 'entitlementType');
  // "virtualmachinereservedinstance" is the older name, kept for backward compatibility.
  const type =
    typeText === undefined
      ? undefined
      : parseEnum('entitlementType', typeText, ['software', 'reservedinstance'] as const, {
          virtualmachinereservedinstance: 'reservedinstance',
        });
  const showExpiry = (queryParam(ctx.url, 'showExpiry') ?? '').toLowerCase() === 'true';
  const items = ctx.store
    .listOf(ctx.store.entitlements, customer.id)
    .filter((e) => type === undefined || e.type === type)
    .map((e) => entitlementWire(e, showExpiry));
  return { status: 200, body: collection(items) };
}

function artifactDetails(ctx: RequestContext): HttpAnswer {
  requireUser(ctx.appOnly);
  const customer = requireCustomer(ctx);
  const artifact = ctx.store.artifacts.get(ctx.params.resourceId.toLowerCase());
  const matches =
    artifact &&
    artifact.customerId === customer.id &&
    artifact.groupId.toLowerCase() === ctx.params.groupId.toLowerCase() &&
    artifact.lineItemId.toLowerCase() === ctx.params.lineItemId.toLowerCase();
  if (!artifact || !matches) throw new ApiError('notFound', `Reserved instance artifact ${ctx.params.resourceId} was not found.`);
  return { status: 200, body: artifactDetailsWire(artifact) };
}
