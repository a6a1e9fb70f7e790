// What every cross-field rule receives: the normalized document (canonical names and values), the
// source tree for ranges, the request kind's row, the catalog view and the clock, plus `report`.
import { type Diagnostic, type Range } from 'vscode-languageserver-types';
import { type CatalogView } from '../catalog';
import { anchorRange } from '../diagnosticFactory';
import { nodeRange, type ParsedRequest } from '../parsedRequest';
import { childAt, memberIndex, memberNode, SourceContainer, type SourceNode } from '../sourceTree';
import { type RequestKind } from '../../requestKinds';

export type JsonObject = Record<string, unknown>;

export interface LineView {
  readonly index: number;
  readonly value: JsonObject;
  readonly node: SourceNode;
  /** Canonical path of the line, e.g. ['lineItems', 2]. */
  readonly path: (string | number)[];
  /** The billing cycle that applies to the line: its own (carts) or the document's (orders). */
  readonly billingCycle: unknown;
  /** Path of that billing cycle, for ranges and fixes. */
  readonly billingCyclePath: (string | number)[];
  /** `node.value` without making the node: the line's container in the source tree. */
  readonly source: unknown;
}

export interface RuleContext {
  parsed: ParsedRequest;
  /** The checked value's node; made on first use (a valid document never needs it). */
  readonly root: SourceNode;
  /**
   * The document is well-formed JSON repeating no name (ParsedRequest.wellFormed): every member
   * of the tree has its value, so `value` alone says what is written (names up to case).
   */
  wellFormed: boolean;
  kind: RequestKind;
  /**
   * Whether the diagnostics keep their quick fixes (ValidationOptions.fixes): a rule whose fixes
   * take real work (the term fixes weigh every line) skips them when not.
   */
  fixes: boolean;
  value: JsonObject;
  catalog: CatalogView;
  now: Date;
  report(diagnostic: Diagnostic): void;
}

export type Rule = (ctx: RuleContext) => void;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at a path below the document's root (the whole document, or an envelope's body). */
export function nodeAt(ctx: RuleContext, path: readonly (string | number)[]): SourceNode | undefined {
  return childAt(ctx.root, ...path);
}

/** Range of the value at a path, or of the nearest existing parent's anchor when it is absent. */
export function rangeAt(ctx: RuleContext, path: readonly (string | number)[]): Range {
  for (let length = path.length; length >= 0; length--) {
    const node = nodeAt(ctx, path.slice(0, length));
    if (node) {
      return length === path.length && node.type !== 'object' && node.type !== 'array'
        ? nodeRange(ctx.parsed, node)
        : anchorRange(ctx.parsed, node);
    }
  }
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

const lineViewCache = new WeakMap<RuleContext, LineView[]>();

/**
 * The line items of a kind that has them, with the billing cycle that applies to each (computed
 * once per pass). Rules walk them by index, not with for-of: a one-shot CLI run over a long order
 * runs these loops mostly before V8 optimizes them, and there for-of makes an iterator result per
 * line (six rules, 20,000 lines: twice the time of indexed loops, and garbage).
 */
export function lineViews(ctx: RuleContext): LineView[] {
  let views = lineViewCache.get(ctx);
  if (!views) {
    views = computeLineViews(ctx);
    lineViewCache.set(ctx, views);
  }
  return views;
}

/** What the lines of one pass share; kept once, so that each line is a small object. */
interface LineSet {
  /** The line-item array of the source tree, found when a line is reported. */
  readonly array: SourceContainer;
  readonly property: string;
  readonly cycleOnLine: boolean;
  readonly documentCycle: unknown;
}

/**
 * A line item as the rules see it. The source node, the paths and the billing cycle are worked
 * out only when a rule asks (the node and paths to report something, nearly always): most lines
 * of a long order are fine, and making all of that for every line was a good part of the rules'
 * time and garbage.
 */
class Line implements LineView {
  constructor(
    readonly index: number,
    readonly value: JsonObject,
    private readonly set: LineSet,
  ) {}

  get billingCycle(): unknown {
    return this.set.cycleOnLine ? this.value.billingCycle : this.set.documentCycle;
  }

  /** The line's container in the source tree, without making its node. */
  get source(): unknown {
    return this.set.array.value(this.index);
  }

  get node(): SourceNode {
    // The array holds a value at every index below its count (checked before the line was made).
    return memberNode(this.set.array, this.index)!;
  }

  get path(): (string | number)[] {
    return [this.set.property, this.index];
  }

  get billingCyclePath(): (string | number)[] {
    return this.set.cycleOnLine ? [this.set.property, this.index, 'billingCycle'] : ['billingCycle'];
  }
}

function computeLineViews(ctx: RuleContext): LineView[] {
  const shape = ctx.kind.lineItems;
  if (!shape) return [];
  const lines = ctx.value[shape.property];
  if (!Array.isArray(lines)) return [];
  const arrayOf = (): SourceContainer | undefined => {
    const arrayNode = nodeAt(ctx, [shape.property]);
    return arrayNode?.value instanceof SourceContainer && arrayNode.type === 'array' ? arrayNode.value : undefined;
  };
  // A well-formed document's tree has a value for every line of `value`: it is read only to report.
  let array = ctx.wellFormed ? undefined : arrayOf();
  if (!ctx.wellFormed && !array) return [];
  const set: LineSet = {
    get array() {
      return (array ??= arrayOf()!);
    },
    property: shape.property,
    cycleOnLine: shape.billingCycleOn === 'line',
    documentCycle: ctx.value.billingCycle,
  };
  const count = array ? Math.min(lines.length, array.memberCount) : lines.length;
  // Sized once and cut to what was kept: grown by push, a long order's list was copied over and over.
  const views = new Array<LineView>(count);
  let kept = 0;
  for (let index = 0; index < count; index++) {
    const line: unknown = lines[index];
    if (!isObject(line) || (array && array.value(index) === undefined)) continue;
    views[kept++] = new Line(index, line, set);
  }
  views.length = kept;
  return views;
}

/** Whether `childAt(line.node, name)` would find a value for this property name, without making nodes. */
export function hasChild(line: LineView, name: string): boolean {
  const object = line.source;
  if (!(object instanceof SourceContainer) || object.type !== 'object') return false;
  const slot = memberIndex(object, name);
  return slot >= 0 && object.value(slot) !== undefined;
}

export { childAt, setPathFor } from '../sourceTree';
