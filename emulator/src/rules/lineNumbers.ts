// lineItemNumber must run 0..count-1 with no repeats (800071). On orders it is required
// (create-an-order.md: "lineItemNumber | int | Yes"): a line without one is 800002. Carts number
// lines by `id` the same way, but there it is optional (create-a-cart.md: "id | string | No"):
// a cart line without an id gets its position.

import { ApiError, invalidInput } from '../errors';

export function checkLineNumbers(numbers: Array<unknown>, field: string, required = false): number[] {
  const seen = new Set<number>();
  const missing = numbers.findIndex((n) => n === undefined || n === null);
  if (required && missing >= 0) throw invalidInput(`${field} is required: line ${missing} has none.`);
  const out = numbers.map((n, i) => (n === undefined || n === null ? i : n));
  for (const n of out) {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n >= out.length || seen.has(n)) {
      throw new ApiError(
        'lineNumbering',
        `${field} values must be unique and run from 0 to ${out.length - 1}; got ${JSON.stringify(numbers.map((v) => v ?? null))}.`,
      );
    }
    seen.add(n);
  }
  return out as number[];
}
