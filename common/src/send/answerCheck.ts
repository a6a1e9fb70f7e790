// A 2xx is not always a purchase made. Partner Center returns some business errors with 200
// (400072 "This item isn't available", reference §6.2), and a cart checkout answers 201 with
// `orderErrors` for the order groups it could not place (§3.5). So for orders and checkouts the
// body is read: no order id, or any order error, makes the exchange a failure with the codes shown.
import { parseErrorBody } from '../api';
import { type Exchange } from './exchange';
import { type JournalPurpose } from './journal';
import { isObject, prop } from './jsonValues';

export function checkAnswer(purpose: JournalPurpose, e: Exchange): Exchange {
  if (e.outcome !== 'ok') return e;
  const problem =
    purpose === 'order' ? orderProblem(e.responseBody) : purpose === 'checkout' ? checkoutProblem(e.responseBody) : undefined;
  if (!problem) return e;
  const message = `Partner Center answered ${e.status} but ${problem.text}${problem.code !== undefined ? ` (code ${problem.code})` : ''}.`;
  return { ...e, outcome: 'failed', error: { kind: 'business', message, code: problem.code, description: problem.text } };
}

interface Problem {
  text: string;
  code?: string | number;
}

function orderProblem(body: unknown): Problem | undefined {
  const id = prop(body, 'id');
  return typeof id === 'string' && id.trim() !== '' ? undefined : noOrderId(body);
}

function checkoutProblem(body: unknown): Problem | undefined {
  const errors = prop(body, 'orderErrors');
  if (Array.isArray(errors) && errors.length > 0) {
    const listed = errors.map((err) => {
      const code = prop(err, 'code');
      const description = prop(err, 'description');
      const group = prop(err, 'orderGroupId');
      return `${code ?? '?'}${description ? ` ${String(description)}` : ''}${group !== undefined ? ` (order group ${String(group)})` : ''}`;
    });
    const first = prop(errors[0], 'code');
    return {
      text: `could not place ${errors.length} order group(s): ${listed.join('; ')}`,
      code: typeof first === 'number' || typeof first === 'string' ? first : undefined,
    };
  }
  const orders = prop(body, 'orders');
  if (Array.isArray(orders) && orders.some((o) => typeof prop(o, 'id') === 'string')) return undefined;
  return noOrderId(body);
}

/** The body's own error, when it carries one (the 200-with-an-error shape). */
function noOrderId(body: unknown): Problem {
  const { code, description } = isObject(body) ? parseErrorBody(body, '') : {};
  return { code, text: `returned no order id${description ? `: ${description}` : ''}` };
}
