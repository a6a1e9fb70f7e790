// The `customerId` input the customer tools share, and the one answer they give for a customer
// Partner Center does not know: which environment was asked and how to find the right id.
import { type JsonSchema, type ToolContext, ToolInputError } from './toolTypes';
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
