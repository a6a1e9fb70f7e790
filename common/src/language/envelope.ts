// A `*.request.json` document is a whole call: method, path, body. When its method and path are the
// ones a request kind is sent with (POST …/orders, POST …/carts, PATCH …/subscriptions/{id},
// POST /customers), its body is a document of that kind and is checked as one, as
// request.schema.json promises. The call is classified as the run-request command classifies it
// (common/src/send/requestTarget.ts), so the editor and the send agree on what a body is. Any other
// call (a PATCH of an order, a checkout, a transition) keeps its body unchecked: no kind describes it.
import { canonicalPath, matchKind } from '../send/requestTarget';
import { type HttpMethod, type RequestKind } from '../requestKinds';
import { childAt, type SourceNode } from './sourceTree';

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

export interface EnvelopeBody {
  /** The kind whose document the body is. */
  kind: RequestKind;
  /** The body's value in the envelope. */
  node: SourceNode;
}

/** The body of an envelope document and the kind it is a document of, or undefined when none applies. */
export function envelopeBody(root: SourceNode, kind: RequestKind): EnvelopeBody | undefined {
  if (!kind.send.envelope || root.type !== 'object') return undefined;
  const method = childAt(root, 'method')?.value;
  const written = childAt(root, 'path')?.value;
  if (typeof method !== 'string' || typeof written !== 'string' || !written.startsWith('/')) return undefined;
  const upper = method.toUpperCase();
  const httpMethod = METHODS.find((m) => m === upper);
  const path = canonicalPath(written).path;
  if (!httpMethod || path === undefined) return undefined;
  const match = matchKind(httpMethod, path);
  if (!match || match.step !== 'send') return undefined;
  const node = childAt(root, 'body');
  return node ? { kind: match.kind, node } : undefined;
}
