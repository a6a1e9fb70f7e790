// What every cross-field rule receives: the normalized document (canonical names and values), the
// source tree for ranges, the request kind's row, the catalog view and the clock, plus `report`.
import { type Diagnostic, type Range } from 'vscode-languageserver-types';
import { type CatalogView } from '../catalog';
import { anchorRange } from '../diagnosticFactory';
import { nodeRange, type ParsedRequest } from '../parsedRequest';
import { memberNode, SourceContainer, type SourceNode, valueAt } from '../sourceTree';
import { type RequestKind } from '../../requestKinds';

export type JsonObject = Record<string, unknown>;

export interface LineView {
  index: number;
  value: JsonObject;
  node: SourceNode;
  /** Canonical path of the line, e.g. ['lineItems', 2]. */
  path: (string | number)[];
  /** The billing cycle that applies to the line: its own (carts) or the document's (orders). */
  billingCycle: unknown;
  /** Path of that billing cycle, for ranges and fixes. */
  billingCyclePath: (string | number)[];
}

export interface RuleContext {
  parsed: ParsedRequest;
  root: SourceNode;
  kind: RequestKind;
  value: JsonObject;
  catalog: CatalogView;
  now: Date;
  report(diagnostic: Diagnostic): void;
}

export type Rule = (ctx: RuleContext) => void;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function nodeAt(ctx: RuleContext, path: readonly (string | number)[]): SourceNode | undefined {
  return valueAt(ctx.parsed.source, path);
}

/** Range of the value at a path, or of the nearest existing parent's anchor when it is absent. */
export function rangeAt(ctx: RuleContext, path: readonly (string | number)[]): Range {
  for (let length = path.length; length >= 0; length--) {
    const node = nodeAt(ctx, path.slice(0, length));
    if (node) return length === path.length && node.type !== 'object' && node.type !== 'array' ? nodeRange(ctx.parsed, node) : anchorRange(ctx.parsed, node);
  }
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

const lineViewCache = new WeakMap<RuleContext, LineView[]>();

/** The line items of a kind that has them, with the billing cycle that applies to each (computed once per pass). */
export function lineViews(ctx: RuleContext): LineView[] {
  let views = lineViewCache.get(ctx);
  if (!views) {
    views = computeLineViews(ctx);
    lineViewCache.set(ctx, views);
  }
  return views;
}

function computeLineViews(ctx: RuleContext): LineView[] {
  const shape = ctx.kind.lineItems;
  if (!shape) return [];
  const lines = ctx.value[shape.property];
  if (!Array.isArray(lines)) return [];
  const arrayNode = nodeAt(ctx, [shape.property]);
  const array = arrayNode?.value instanceof SourceContainer && arrayNode.type === 'array' ? arrayNode.value : undefined;
  const views: LineView[] = [];
  const onLine = shape.billingCycleOn === 'line';
  // One array for every line when the cycle is the document's (no rule modifies these paths).
  const documentCyclePath = ['billingCycle'];
  lines.forEach((line, index) => {
    const node = array && index < array.memberCount ? memberNode(array, index) : undefined;
    if (!isObject(line) || !node) return;
    const path = [shape.property, index];
    views.push({
      index, value: line, node, path,
      billingCycle: onLine ? line.billingCycle : ctx.value.billingCycle,
      billingCyclePath: onLine ? [...path, 'billingCycle'] : documentCyclePath,
    });
  });
  return views;
}

export { childAt, setPathFor } from '../sourceTree';
