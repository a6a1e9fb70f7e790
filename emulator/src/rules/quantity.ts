// sku.minimumQuantity <= quantity <= sku.maximumQuantity: 900275 on orders, 10015 on cart lines.

import { type Sku } from '../data/catalog';
import { type RuleFailure, lineFailure } from './failure';

export function checkQuantity(sku: Sku, quantity: number, lineNumber: number): RuleFailure | undefined {
  if (quantity >= sku.minimumQuantity && quantity <= sku.maximumQuantity) return undefined;
  return lineFailure('quantityOutOfRange', 'seatsAboveMaximum', `The requested quantity for line item ${lineNumber} is not within the allowed quantity (${sku.minimumQuantity}-${sku.maximumQuantity}).`);
}
