// Quick fixes as text edits worked out on the source tree of the document as parsed: a value
// replaced in place, a member removed with the comma that separated it, members inserted after an
// object's last one, spaced like their neighbours. Each edit touches only what the fix changes,
// and finding where costs the depth of the path, never the size of the document. (Applying each
// fix to the whole text with jsonc-parser's `modify` and diffing the result re-parsed and
// re-formatted the document per fix: 88 s for one fix on a one-line 195 KB document.)
import { type TextEdit } from 'vscode-languageserver-types';
import { type FixSpec } from './fixes';
import { type ParsedRequest } from './parsedRequest';
import {
  KEY_LENGTH,
  KEY_OFFSET,
  MEMBER_END,
  memberIndex,
  SourceContainer,
  slotsByWrittenKey,
  VALUE_LENGTH,
  VALUE_OFFSET,
} from './sourceTree';

/** How the document lays out what a fix inserts where no neighbour shows it (an empty object). */
export interface Layout {
  eol: string;
  /** One level of indentation; undefined for a document written on one line. */
  indent: string | undefined;
}

/** Read once per request for code actions: the first indented line says how the document indents. */
export function layoutOf(text: string): Layout {
  const indent = /\n([ \t]+)\S/.exec(text)?.[1];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (!indent) return { eol, indent: undefined };
  return { eol, indent: indent.startsWith('\t') ? '\t' : ' '.repeat(Math.min(indent.length, 8)) };
}

interface OffsetEdit {
  offset: number;
  end: number;
  text: string;
}

/** The fix as edits of the document, or undefined when it no longer applies to this text. */
export function fixEdits(parsed: ParsedRequest, fix: FixSpec, layout: Layout): TextEdit[] | undefined {
  const edits: OffsetEdit[] = [];
  for (const r of fix.replace ?? []) {
    edits.push({ offset: parsed.lines.offsetAt(r.range.start), end: parsed.lines.offsetAt(r.range.end), text: r.newText });
  }
  // Members to add, per object: several added to one object become one insertion after its last member.
  const inserts = new Map<SourceContainer, [string, unknown][]>();
  const insert = (object: SourceContainer, name: string, value: unknown) => {
    const list = inserts.get(object) ?? [];
    list.push([name, value]);
    inserts.set(object, list);
  };
  for (const { path, value } of fix.set ?? []) {
    const target = locate(parsed, path);
    if (!target) return undefined;
    if ('missing' in target) {
      const [name, ...below] = target.missing;
      if (typeof name !== 'string' || below.some((segment) => typeof segment !== 'string')) return undefined;
      insert(
        target.object,
        name,
        below.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value),
      );
    } else {
      const edit = replaceValue(parsed, target.owner, target.slot, value, layout);
      if (!edit) return undefined;
      edits.push(edit);
    }
  }
  if (fix.remove) {
    const target = locate(parsed, fix.remove);
    const edit = target && !('missing' in target) ? removal(target.owner, target.slot) : undefined;
    if (!edit) return undefined;
    edits.push(edit);
  }
  if (fix.renumber) {
    const target = locate(parsed, fix.renumber.arrayPath);
    const array = target && !('missing' in target) ? target.owner.value(target.slot) : undefined;
    if (!(array instanceof SourceContainer) || array.type !== 'array') return undefined;
    for (let index = 0; index < array.memberCount; index++) {
      const line = array.value(index);
      if (!(line instanceof SourceContainer) || line.type !== 'object') continue;
      const slot = memberIndex(line, fix.renumber.numberProperty);
      if (slot < 0) {
        insert(line, fix.renumber.numberProperty, index);
        continue;
      }
      const offset = line.span(slot, VALUE_OFFSET);
      if (offset < 0) continue;
      const end = offset + line.span(slot, VALUE_LENGTH);
      if (parsed.text.slice(offset, end) !== String(index)) edits.push({ offset, end, text: String(index) });
    }
  }
  for (const [object, members] of inserts) {
    const edit = insertion(parsed, object, members, layout);
    if (!edit) return undefined;
    edits.push(edit);
  }
  return toTextEdits(parsed, edits);
}

type Located = { owner: SourceContainer; slot: number } | { object: SourceContainer; missing: (string | number)[] };

/**
 * Where a path of written names and indexes leads: the member it names, or the deepest object on
 * the way and the names still missing below it. Names match as written (fix paths carry the
 * document's own spelling), the last of repeated names winning as everywhere else.
 */
function locate(parsed: ParsedRequest, path: readonly (string | number)[]): Located | undefined {
  let owner = parsed.source;
  let slot = 0;
  for (let i = 0; i < path.length; i++) {
    const container = owner.value(slot);
    if (!(container instanceof SourceContainer)) return undefined;
    const segment = path[i];
    let next: number | undefined;
    if (container.type === 'array') {
      const index = typeof segment === 'number' ? segment : Number(segment);
      next = Number.isInteger(index) && index >= 0 && index < container.memberCount ? index : undefined;
      if (next === undefined) return undefined;
    } else {
      next = slotsByWrittenKey(container).get(String(segment));
      if (next === undefined) return { object: container, missing: path.slice(i) };
    }
    owner = container;
    slot = next;
  }
  return owner.owner ? { owner, slot } : undefined;
}

function replaceValue(
  parsed: ParsedRequest,
  owner: SourceContainer,
  slot: number,
  value: unknown,
  layout: Layout,
): OffsetEdit | undefined {
  const offset = owner.span(slot, VALUE_OFFSET);
  if (offset < 0) return undefined;
  const indent = layout.indent === undefined ? undefined : lineIndent(parsed, offset);
  return { offset, end: offset + owner.span(slot, VALUE_LENGTH), text: render(value, layout, indent) };
}

/** A member with the comma that separates it from a neighbour, so what is left stays valid JSON. */
function removal(owner: SourceContainer, slot: number): OffsetEdit | undefined {
  const start = (i: number) => owner.span(i, owner.type === 'object' ? KEY_OFFSET : VALUE_OFFSET);
  const end = (i: number) =>
    owner.type === 'object' ? owner.span(i, MEMBER_END) : owner.span(i, VALUE_OFFSET) + owner.span(i, VALUE_LENGTH);
  if (owner.span(slot, VALUE_OFFSET) < 0 || end(slot) < 0) return undefined;
  if (slot > 0) return end(slot - 1) < 0 ? undefined : { offset: end(slot - 1), end: end(slot), text: '' };
  if (owner.memberCount > 1) return { offset: start(0), end: start(1), text: '' };
  return { offset: owner.offset + 1, end: end(0), text: '' };
}

/** New members at the end of an object, separated and indented like the members already there. */
function insertion(
  parsed: ParsedRequest,
  object: SourceContainer,
  members: [string, unknown][],
  layout: Layout,
): OffsetEdit | undefined {
  const { text } = parsed;
  const close = object.offset + object.length - 1;
  if (object.length < 2 || text[close] !== '}') return undefined;
  if (object.memberCount === 0) {
    if (text.slice(object.offset + 1, close).trim() !== '') return undefined;
    if (layout.indent === undefined) {
      return {
        offset: object.offset + 1,
        end: close,
        text: members.map(([name, value]) => `${JSON.stringify(name)}: ${render(value, layout, undefined)}`).join(', '),
      };
    }
    const outer = lineIndent(parsed, object.offset);
    const inner = outer + layout.indent;
    const body = members
      .map(([name, value]) => `${inner}${JSON.stringify(name)}: ${render(value, layout, inner)}`)
      .join(`,${layout.eol}`);
    return { offset: object.offset + 1, end: close, text: `${layout.eol}${body}${layout.eol}${outer}` };
  }
  const last = object.memberCount - 1;
  const after = object.span(last, MEMBER_END);
  const valueOffset = object.span(last, VALUE_OFFSET);
  if (after < 0 || valueOffset < 0) return undefined;
  // The text before the last member shows the separator ("," + line break and indentation, or ", ")
  // and the text after its name the colon style; anything else there (a comment) is not copied.
  const before =
    last > 0
      ? text.slice(object.span(last - 1, MEMBER_END), object.span(last, KEY_OFFSET))
      : `,${text.slice(object.offset + 1, object.span(0, KEY_OFFSET))}`;
  const separator = /^\s*,\s*$/.test(before) ? before.trimStart() : ', ';
  const colonText = text.slice(object.span(last, KEY_OFFSET) + object.span(last, KEY_LENGTH), valueOffset);
  const colon = /^\s*:\s*$/.test(colonText) ? colonText : ': ';
  const breakAt = separator.lastIndexOf('\n');
  const indent = breakAt >= 0 && layout.indent !== undefined ? separator.slice(breakAt + 1) : undefined;
  return {
    offset: after,
    end: after,
    text: members.map(([name, value]) => `${separator}${JSON.stringify(name)}${colon}${render(value, layout, indent)}`).join(''),
  };
}

/** A value as JSON: on one line, or, where members sit on lines of their own, indented below `indent`. */
function render(value: unknown, layout: Layout, indent: string | undefined): string {
  if (indent === undefined || layout.indent === undefined) return JSON.stringify(value);
  return JSON.stringify(value, null, layout.indent).replace(/\n/g, `${layout.eol}${indent}`);
}

/** The indentation of the line holding `offset` (read from the line's start, so it costs its indentation). */
function lineIndent(parsed: ParsedRequest, offset: number): string {
  const start = offset - parsed.lines.positionAt(offset).character;
  let end = start;
  while (end < offset && (parsed.text[end] === ' ' || parsed.text[end] === '\t')) end++;
  return parsed.text.slice(start, end);
}

/** Edits in document order; a fix whose edits overlap does not apply. */
function toTextEdits(parsed: ParsedRequest, edits: OffsetEdit[]): TextEdit[] | undefined {
  const sorted = edits.filter((e) => e.end > e.offset || e.text !== '').sort((a, b) => a.offset - b.offset || a.end - b.end);
  if (sorted.length === 0) return undefined;
  for (let i = 1; i < sorted.length; i++) if (sorted[i].offset < sorted[i - 1].end) return undefined;
  return sorted.map((e) => ({
    range: { start: parsed.lines.positionAt(e.offset), end: parsed.lines.positionAt(e.end) },
    newText: e.text,
  }));
}
