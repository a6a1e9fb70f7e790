// sku.minimumQuantity <= quantity <= sku.maximumQuantity. Orders answer either side with one
// code; a cart line's code says which side, since its seat-limit code is only for too many.

import { type Sku } from '../data/catalog';
import { type RuleFailure, lineFailure } from './failure';

export function checkQuantity(sku: Sku, quantity: number, lineNumber: number): RuleFailure | undefined {
  if (quantity >= sku.minimumQuantity && quantity <= sku.maximumQuantity) return undefined;
  return lineFailure(
    'quantityOutOfRange',
    quantity > sku.maximumQuantity ? 'seatsAboveMaximum' : 'seatsBelowMinimum',
    `The requested quantity for line item ${lineNumber} is not within the allowed quantity (${sku.minimumQuantity}-${sku.maximumQuantity}).`,
  );
}
