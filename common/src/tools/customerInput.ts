// The `customerId` input the customer tools share, and the one answer they give for a customer
// Partner Center does not know: which environment was asked and how to find the right id. The tools
// that list one customer's things (orders, subscriptions, entitlements) are made here whole, so they
// take the same input and answer in the same shape.
import { type PartnerCenterClient } from '../api/client';
import { plural } from './format';
import { type AgentTool, type JsonSchema, type ToolContext, ToolInputError } from './toolTypes';
import { isNotFound } from './toolFailure';

export const customerIdSchema: JsonSchema = {
  type: 'string',
  minLength: 1,
  maxLength: 100,
  description:
    "The customer's id (its Microsoft Entra tenant id, a GUID), as partnercenter_list_customers returns it. Not the company name.",
};

/** Runs a read for one customer; a 404 becomes a clear input error instead of a raw service error. */
export async function forCustomer<T>(ctx: ToolContext, customerId: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    if (isNotFound(err)) {
      throw new ToolInputError(
        `No customer with id ${customerId} in ${ctx.host.environment}. Use partnercenter_list_customers (with a name filter) to find the customer's id.`,
      );
    }
    throw err;
  }
}

export interface CustomerInput {
  customerId: string;
}

/** What one customer-list tool says of its own; {@link customerListTool} makes the rest. */
export interface CustomerList<Raw, Item> {
  name: string;
  title: string;
  description: string;
  /** What the answer calls one item ("order"); the structured answer lists them under its plural. */
  noun: string;
  /** How the text answer is ordered ("newest first"), when not as the service gave it. */
  order?: string;
  /** The call that names the customer: a 404 from it means Partner Center does not know the customer. */
  list(client: PartnerCenterClient, customerId: string, signal: AbortSignal | undefined): Promise<Raw[]>;
  /** The items as the answer gives them, in its order. */
  items(list: Raw[], read: { client: PartnerCenterClient; customerId: string; signal?: AbortSignal }): Item[] | Promise<Item[]>;
  /** An item's line (or lines) in the text answer. */
  line(item: Item): string;
}

/** A tool that lists one customer's things: input `customerId`, answered with the environment that was read. */
export function customerListTool<Raw, Item>(spec: CustomerList<Raw, Item>): AgentTool<CustomerInput> {
  return {
    name: spec.name,
    title: spec.title,
    description: spec.description,
    inputSchema: {
      type: 'object',
      properties: { customerId: customerIdSchema },
      required: ['customerId'],
      additionalProperties: false,
    },
    readsPartnerCenter: true,
    async run({ customerId }, ctx) {
      const client = ctx.host.client();
      const list = await forCustomer(ctx, customerId, () => spec.list(client, customerId, ctx.signal));
      const items = await spec.items(list, { client, customerId, signal: ctx.signal });
      const order = spec.order ? `, ${spec.order}` : '';
      return {
        text: `${plural(items.length, spec.noun)} of customer ${customerId} in ${ctx.host.environment}${order}:\n${items.map(spec.line).join('\n')}`,
        structured: { environment: ctx.host.environment, customerId, [`${spec.noun}s`]: items },
      };
    },
  };
}
