// lineItemNumber must run 0..count-1 with no repeats (800071). Carts number lines by `id` the
// same way; a cart line without an id gets its position.

import { ApiError } from '../errors';

export function checkLineNumbers(numbers: Array<unknown>, field: string): number[] {
  const seen = new Set<number>();
  const out = numbers.map((n, i) => (n === undefined || n === null ? i : n));
  for (const n of out) {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n >= out.length || seen.has(n)) {
      throw new ApiError('lineNumbering', `${field} values must be unique and run from 0 to ${out.length - 1}; got ${JSON.stringify(numbers.map((v) => v ?? null))}.`);
    }
    seen.add(n);
  }
  return out as number[];
}
