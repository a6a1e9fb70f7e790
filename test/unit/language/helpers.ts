// Shared setup for the language unit tests: documents in memory, carets marked inline with `|`,
import { join } from 'node:path';
// a small catalog that covers every catalog rule, and a pinned "today".
import { applyEdits } from 'jsonc-parser';
import {
  type CatalogItemInfo,
  catalogView,
  type CatalogView,
  getLanguageService,
  type ParsedRequest,
} from '../../../common/src/language';
import { type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { requestKindById, type RequestKind } from '../../../common/src/requestKinds';

export const service = getLanguageService();
export const NOW = new Date('2025-06-15T12:00:00Z');

export function kind(id: string): RequestKind {
  const found = requestKindById(id);
  if (!found) throw new Error(`no kind ${id}`);
  return found;
}

/** Validates with a catalog that is on but knows nothing, unless a view is given (CATALOG_OFF for "signed out"). */
export function validate(kindId: string, text: string, catalog: CatalogView = catalogView(true, [])): Diagnostic[] {
  const parsed = service.parse(`test://doc.${kindId}.json`, text);
  return service.validate(parsed, kind(kindId), { catalog, now: NOW });
}

export function codesOf(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code));
}

/** Splits `text` at its `|` caret: the text without it and the caret's offset. */
export function caret(text: string): { text: string; offset: number } {
  const offset = text.indexOf('|');
  if (offset < 0) throw new Error('no caret in test text');
  return { text: text.slice(0, offset) + text.slice(offset + 1), offset };
}

function item(
  partial: Partial<CatalogItemInfo> & Pick<CatalogItemInfo, 'catalogItemId' | 'productTitle' | 'skuTitle'>,
): CatalogItemInfo {
  const [productId, skuId] = partial.catalogItemId.split(':');
  return {
    productId,
    skuId,
    isTrial: false,
    isPurchasable: true,
    minimumQuantity: 1,
    maximumQuantity: 300,
    terms: [
      { duration: 'P1M', billingCycle: 'monthly' },
      { duration: 'P1Y', billingCycle: 'monthly' },
      { duration: 'P1Y', billingCycle: 'annual' },
    ],
    provisioningVariables: [],
    purchasePrerequisites: ['MicrosoftCloudAgreement'],
    enforceAttestation: false,
    productType: 'OnlineServicesNCE',
    ...partial,
  };
}

export const BASIC = item({
  catalogItemId: 'CFQ7TTC0LH18:0001:CFQ7TTC0K971',
  productTitle: 'Microsoft 365 Business Basic',
  skuTitle: 'Microsoft 365 Business Basic',
});
export const W365 = item({
  catalogItemId: 'CFQ7TTC0HHS9:0001:CFQ7TTC0HX99',
  productTitle: 'Windows 365 Enterprise',
  skuTitle: 'Windows 365 Enterprise 2 vCPU',
  enforceAttestation: true,
  attestationType: 'Windows365',
});
export const SALES = item({
  catalogItemId: 'CFQ7TTC0LHSF:0001:CFQ7TTC0PW1B',
  productTitle: 'Dynamics 365 Sales Professional',
  skuTitle: 'Dynamics 365 Sales Professional',
  minimumQuantity: 5,
  maximumQuantity: 10000,
});
export const TRIAL = item({
  catalogItemId: 'CFQ7TTC0LCHC:0003:CFQ7TTC0TRL1',
  productTitle: 'Microsoft 365 Business Premium',
  skuTitle: 'Microsoft 365 Business Premium Trial',
  isTrial: true,
  minimumQuantity: 25,
  maximumQuantity: 25,
  terms: [{ duration: 'P1M', billingCycle: 'none' }],
});
export const RESERVATION = item({
  catalogItemId: 'DZH318Z0BQ4B:0047:DZH318Z0DSM8',
  productTitle: 'Reserved VM Instance, Dsv3 Series',
  skuTitle: 'Reserved VM Instance, Standard_D2s_v3, US East, 1 Year',
  productType: 'Azure',
  maximumQuantity: 999999999,
  terms: [{ duration: 'P1Y', billingCycle: 'one_time' }],
  provisioningVariables: ['Scope', 'SubscriptionId', 'Duration'],
  purchasePrerequisites: ['InventoryCheck'],
  reservationDuration: '1Year',
});
export const RETIRED = item({
  catalogItemId: 'CFQ7TTC0OLD1:0001:CFQ7TTC0OLD2',
  productTitle: 'Retired suite',
  skuTitle: 'Retired suite',
  isPurchasable: false,
});
export const ALL_ITEMS = [BASIC, W365, SALES, TRIAL, RESERVATION, RETIRED];

export const MISSING_ID = 'AAAAAAAAAAAA:0001:BBBBBBBBBBBB';

/** A catalog view that knows every fixture item and says "not found" for MISSING_ID. */
export function fullCatalog(): CatalogView {
  return catalogView(true, [...ALL_ITEMS.map((i) => [i.catalogItemId, i] as [string, CatalogItemInfo]), [MISSING_ID, null]]);
}

/**
 * `text` after a fix's edits, as an editor applies them: all against the original text, inserts at
 * one place in the order given. Overlapping edits throw (an editor refuses them too). `lines` is
 * the text's line map when the caller has parsed it already.
 */
export function applyTextEdits(
  text: string,
  edits: readonly TextEdit[],
  lines: ParsedRequest['lines'] = service.parse('test://edits.json', text).lines,
): string {
  return applyEdits(
    text,
    edits.map((e) => ({
      offset: lines.offsetAt(e.range.start),
      length: lines.offsetAt(e.range.end) - lines.offsetAt(e.range.start),
      content: e.newText,
    })),
  );
}

/** An order body with the given lines (numbers filled in) and billing cycle. */
export function order(lines: object[], extra: object = {}): string {
  return JSON.stringify(
    {
      partnerOnRecordAttestationAccepted: true,
      billingCycle: 'monthly',
      ...extra,
      lineItems: lines.map((l, i) => ({ lineItemNumber: i, quantity: 1, ...l })),
    },
    null,
    2,
  );
}

export function cart(lines: object[], extra: object = {}): string {
  return JSON.stringify(
    {
      partnerOnRecordAttestationAccepted: true,
      ...extra,
      lineItems: lines.map((l, i) => ({ id: i, quantity: 1, billingCycle: 'monthly', ...l })),
    },
    null,
    2,
  );
}

/** The checkout root, from the compiled test's folder (out/test/unit/language). */
export const REPO = join(__dirname, '..', '..', '..', '..');
