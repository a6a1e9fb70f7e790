// Runs one request document: plan the call from the request-kinds table, settle the customer,
// then hand over to the flow the table names for it (purchase flows confirm and send exactly once; reads
// and writes known to spend nothing are sent as they are). The extension and the CLI both call `runDocument`.
import { resolveApiUrl } from '../api';
import { type RequestKind, type SendFlow } from '../requestKinds';
import { cartFlow, checkoutFlow } from './cartFlows';
import { type HttpCall } from './exchange';
import { asWrittenFlow, orderFlow, requestFlow, subscriptionFlow } from './flows';
import { CustomerNotFoundError } from './lookups';
import { fillPath, MissingPathValueError } from './pathTemplate';
import { planFromText, type SendPlan } from './plan';
import { type FlowInput, type FlowResult } from './purchaseFlow';
import { classifyRequest, pathBelowEndpoint } from './requestTarget';
import { type RunContext, type RunResult } from './runTypes';

export async function runDocument(text: string, kind: RequestKind, ctx: RunContext): Promise<RunResult> {
  const plan = planFromText(text, kind);
  return runPlan(plan, ctx);
}

export async function runPlan(plan: SendPlan, ctx: RunContext): Promise<RunResult> {
  const blocked = (message: string, customerId?: string): RunResult => ({
    status: 'blocked',
    message,
    exchanges: [],
    orderIds: [],
    recovered: [],
    customerId,
  });
  if (plan.problems.length > 0) return blocked(`Not sent: ${plan.problems.join(' ')}`);
  let customerId = plan.customerId ?? ctx.customerId;
  if (plan.needsCustomer && !customerId) {
    customerId = await ctx.prompts.pickCustomer();
    if (!customerId) return blocked('Not sent: no customer was chosen.');
  }
  let call: HttpCall;
  try {
    const path = fillPath(plan.pathTemplate, { ...plan.values, ...(customerId ? { customerId } : {}) });
    call = { method: plan.method, path, query: plan.query, headers: plan.headers, body: plan.body };
  } catch (err) {
    if (err instanceof MissingPathValueError) return blocked(`Not sent: ${err.message}`, customerId);
    throw err;
  }
  const differs = classifiedOtherwise(plan, call, customerId, ctx.client.endpoint);
  if (differs) return blocked(`Not sent: ${differs}`, customerId);
  if (plan.spendsMoney && !customerId) return blocked('Not sent: a purchase needs a customer.');
  try {
    const result = await dispatch(plan, call, customerId, ctx);
    return { recovered: [], ...result, customerId: result.customerId ?? customerId };
  } catch (err) {
    if (err instanceof CustomerNotFoundError) return blocked(`Not sent: ${err.message}`, customerId);
    throw err;
  }
}

/**
 * The plan was classified from the canonical path; this checks that the URL the client will build
 * from the filled-in path is classified the same, so no spelling can turn a purchase into a call
 * that is sent unconfirmed.
 */
function classifiedOtherwise(
  plan: SendPlan,
  call: HttpCall,
  customerId: string | undefined,
  endpoint: string,
): string | undefined {
  const url = resolveApiUrl(endpoint, call.path, call.query);
  const below = pathBelowEndpoint(endpoint, url);
  const sent = below === undefined ? undefined : classifyRequest(call.method, below);
  // A purchase is confirmed for `customerId`: the URL must be that customer's.
  const sameCustomer = !plan.spendsMoney || (sent?.customerId ?? '').toLowerCase() === (customerId ?? '').trim().toLowerCase();
  const same = sent !== undefined && sent.spendsMoney === plan.spendsMoney && sent.kind?.id === plan.target?.id && sameCustomer;
  return same
    ? undefined
    : `the URL that would be sent (${url.pathname}) is not the call the document was checked as (${plan.method} ${plan.pathTemplate}).`;
}

/** The flow of each row of the request-kinds table's "how it is sent" column. */
const purchaseFlows: Record<Exclude<SendFlow, 'asWritten'>, (ctx: RunContext, input: FlowInput) => Promise<FlowResult>> = {
  order: orderFlow,
  cart: cartFlow,
  checkout: checkoutFlow,
  subscription: subscriptionFlow,
  request: requestFlow,
};

async function dispatch(plan: SendPlan, call: HttpCall, customerId: string | undefined, ctx: RunContext): Promise<FlowResult> {
  if (plan.flow === 'asWritten' || !customerId) return asWrittenFlow(ctx, call, customerId);
  return purchaseFlows[plan.flow](ctx, { kind: plan.target ?? plan.kind, customerId, call, values: plan.values });
}
