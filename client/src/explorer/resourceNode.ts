// A node that stands for one Partner Center resource: it can be opened as JSON (fetched again
// from `apiPath`) and its id copied.
import { type ExplorerNode } from './node';

export interface ResourceNode extends ExplorerNode {
  /** The id a partner would paste elsewhere (customer tenant id, order id, subscription id...). */
  readonly resourceId: string;
  /** Where the resource can be read again, relative to the API root (e.g. `/customers/{c}/orders/{o}`). */
  readonly apiPath: string;
  /** A short title for the JSON editor tab. */
  readonly documentTitle: string;
}

export function isResourceNode(node: unknown): node is ResourceNode {
  return (
    typeof node === 'object' &&
    node !== null &&
    typeof (node as ResourceNode).apiPath === 'string' &&
    typeof (node as ResourceNode).resourceId === 'string'
  );
}
