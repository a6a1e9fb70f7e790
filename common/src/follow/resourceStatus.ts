// One vocabulary for the states of orders and subscriptions: which of them the service is still
// working on (followed until they change) and which are settled. The explorer's icons and polling
// and the run command's follow-up after a send all read this table, so an order is "pending" in
// one place exactly when it is in the other (issue 13: they disagreed on `pending_review`).
//
// Sources: OrderStatus in order-resources.md, the subscription `status` in subscription-resources.md.
// The docs write "pending review"; the service sends `pending_review`: both are read alike.

const pendingByStatus: Readonly<Record<string, boolean>> = {
  // Orders.
  unknown: false, // the enum's initializer; nothing to wait for
  completed: false,
  pending: true, // "the order is processing"
  cancelled: false,
  suspended: false,
  // "Pending secondary review": Microsoft's review moves it on to completed or rejected, so it is
  // followed like any order still being processed.
  pending_review: true,
  // The partner must upload the customer's purchase order: followed (with back-off) until they do.
  pending_po_upload: true,
  // Microsoft reviews the uploaded purchase order, which takes days; not followed (as before).
  po_upload_complete: false,
  po_review_rejected: false,
  partial_success: false,
  error: false,
  // Subscriptions ("pending" is shared with orders).
  none: false,
  active: false,
  expired: false,
  disabled: false,
  deleted: false,
};

/** The status as the table spells it: lower case, words joined with `_`. */
export function normalStatus(status: string): string {
  return status
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/**
 * Whether the service is still working on a resource in this status. A status the docs do not
 * list counts as pending when it says so (`pending_…`), as settled otherwise; no status is settled.
 */
export function isPendingStatus(status: string | undefined): boolean {
  if (status === undefined) return false;
  const normal = normalStatus(status);
  return pendingByStatus[normal] ?? normal.startsWith('pending');
}
