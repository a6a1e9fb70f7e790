// The one tree every feature reads: it must hold exactly what jsonc-parser's parseTree would
// (names, values, offsets, property ends) and find the same node at each offset as its
// findNodeAtOffset, whether the tolerant parser built it or it was read on demand from a
// well-formed text; the well-formed path must take exactly the texts jsonc-parser reads without
// error (but for repeated names), and the line map must answer like a TextDocument.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findNodeAtOffset, type Node, type ParseError, parseTree } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineMap } from '../../../common/src/language/lineMap';
import { tolerantParse } from '../../../common/src/language/tolerantParse';
import {
  KEY_LENGTH,
  KEY_OFFSET,
  MEMBER_END,
  nodeAtOffset,
  SourceContainer,
  valueAt,
  valueType,
  VALUE_LENGTH,
  VALUE_OFFSET,
  writtenPath,
} from '../../../common/src/language/sourceTree';
import { readWellFormed, wellFormedSource } from '../../../common/src/language/wellFormedSource';
import { REPO } from './helpers';

/** Asserts that the member `slot` of `owner` is the value `node` of parseTree, recursively. */
function assertSame(node: Node | undefined, owner: SourceContainer, slot: number, where: string): void {
  const value = owner.value(slot);
  if (!node) {
    assert.equal(value, undefined, `${where}: no value expected`);
    return;
  }
  assert.equal(valueType(value), node.type, `${where}: type`);
  assert.equal(owner.span(slot, VALUE_OFFSET), node.offset, `${where}: offset`);
  assert.equal(owner.span(slot, VALUE_LENGTH), node.length, `${where}: length`);
  if (!(value instanceof SourceContainer)) {
    assert.ok(Object.is(value, node.value), `${where}: value ${String(value)} vs ${String(node.value)}`);
    return;
  }
  const children = node.children ?? [];
  assert.equal(value.memberCount, children.length, `${where}: member count`);
  children.forEach((child, i) => {
    if (node.type === 'array') return assertSame(child, value, i, `${where}[${i}]`);
    const [key, propertyValue] = child.children ?? [];
    assert.equal(value.key(i), key.value, `${where}: key ${i}`);
    assert.equal(value.span(i, KEY_OFFSET), key.offset, `${where}.${String(key.value)}: key offset`);
    assert.equal(value.span(i, KEY_LENGTH), key.length, `${where}.${String(key.value)}: key length`);
    assert.equal(value.span(i, MEMBER_END), child.offset + child.length, `${where}.${String(key.value)}: property end`);
    assertSame(propertyValue, value, i, `${where}.${String(key.value)}`);
  });
}

/** Asserts that nodeAtOffset finds, at each offset given, what findNodeAtOffset finds in parseTree's tree. */
function assertSameAtOffsets(root: Node | undefined, document: SourceContainer, offsets: Iterable<number>, where: string): void {
  for (const offset of offsets) {
    const expected = root && findNodeAtOffset(root, offset, false);
    const found = nodeAtOffset(document, offset);
    const at = `${where} at ${offset}`;
    if (!expected) {
      assert.equal(found, undefined, at);
      continue;
    }
    assert.ok(found, `${at}: nothing found, ${expected.type} expected`);
    assert.equal(found.type, expected.type, `${at}: type`);
    assert.equal(found.offset, expected.offset, `${at}: offset`);
    assert.equal(found.length, expected.length, `${at}: length`);
    assert.equal(
      found.isKey,
      expected.parent?.type === 'property' && expected.parent.children?.[0] === expected,
      `${at}: is a key`,
    );
    if (expected.type !== 'object' && expected.type !== 'array') {
      assert.ok(Object.is(found.value, expected.value), `${at}: value`);
    }
  }
}

const OPTIONS = { allowTrailingComma: false, disallowComments: true };

/** How many names the objects of parseTree's tree hold. */
function nameCount(node: Node | undefined): number {
  if (!node?.children) return 0;
  return (node.type === 'object' ? node.children.length : 0) + node.children.reduce((sum, child) => sum + nameCount(child), 0);
}

/**
 * Checks one text through both paths against parseTree, the node at each of `offsets` (every one
 * when not given) too; returns whether the well-formed path took it. The well-formed tree is read
 * on demand: the offsets are looked up first, on a tree read only as far as they need, then the
 * whole tree is compared.
 */
function check(text: string, offsets: Iterable<number> = Array.from({ length: text.length + 3 }, (_, i) => i - 1)): boolean {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, OPTIONS);
  const tolerant = tolerantParse(text);
  assert.deepEqual(tolerant.errors, errors);
  assertSame(root, tolerant.document, 0, 'tolerant');
  const at = [...offsets];
  assertSameAtOffsets(root, tolerant.document, at, 'tolerant');
  const wellFormed = readWellFormed(text);
  if (wellFormed) {
    assert.deepEqual(errors, [], `the well-formed path accepted a text with syntax errors: ${JSON.stringify(text)}`);
    assert.equal(wellFormed.names, nameCount(root), `names written in ${JSON.stringify(text)}`);
    // The scan's line starts: the ones the line map finds itself.
    const lines = LineMap.of(text, wellFormed.lineStarts);
    const document = TextDocument.create('test://x', 'json', 0, text);
    for (let offset = -1; offset <= text.length + 1; offset++) {
      assert.deepEqual(lines.positionAt(offset), document.positionAt(offset), `offset ${offset} of ${JSON.stringify(text)}`);
    }
    const source = wellFormedSource(text, wellFormed);
    assertSameAtOffsets(root, source, at, 'well-formed');
    assertSame(root, source, 0, 'well-formed');
  } else {
    assert.ok(errors.length > 0, `the well-formed path refused ${JSON.stringify(text)}`);
  }
  return wellFormed !== undefined;
}

const EDGE_CASES = [
  '',
  '   ',
  '{}',
  '[]',
  '{"a":1}',
  '[1,[2,[3]],{"b":{}}]',
  '"just a string"',
  '-0',
  '0.5e-3',
  '1E+2',
  '123456789012345678',
  '-1e999',
  'true',
  'null',
  '{"a": ,"b":2}',
  '{"a":}',
  '{"a"}',
  '{"a":1,}',
  '[1,2,]',
  '{"a":1 "b":2}',
  '{"a":1',
  '[1',
  '{',
  '{"a":[1,{"b":',
  '1 2',
  '{}x',
  '// comment\n{"a":1}',
  '{"a":/* c */1}',
  '\ufeff{"a":1}',
  '{"a":1}\u00a0',
  '{\u000b"a":1}',
  '{"a":1,"a":2,"A":3}',
  '{"__proto__":{"x":1},"constructor":2}',
  '{"\\u006cineItems":[{"off\\u0065rId":"A\\u003aB\\u003aC"}]}',
  '{"tab\\there":"quote\\"and\\\\back\\/slash\\b\\f\\n\\r"}',
  '{"bad\\x":1}',
  '{"bad\\u12G4":1}',
  '{"\ud83d\ude00":"\ud83d"}',
  '{"ctl":"a\u0001b"}',
  '{"nl":"a\nb"}',
  '01',
  '-',
  '1.',
  '1e',
  '.5',
  '+1',
  'tru',
  'nul',
  'falsey',
  '[true,false,null]',
  '[ {} ,[ ],\n{"a":[{}]} ]',
  '[{},1]',
  '[1,{}]',
  '[[1],2,[3]]',
  '{\r\n  "a": 1,\r\n  "b": [\r\n    2\r\n  ]\r\n}',
  '{\r"a":\r1}',
  '\n\n{"a":\n1}\n',
  '[\r\r\n\n\r1,\r\n2]\r',
  `${'['.repeat(70)}${']'.repeat(70)}`,
  `${'{"a":'.repeat(64)}1${'}'.repeat(64)}`,
];

test('both paths build what parseTree builds, and nodes are found where findNodeAtOffset finds them, on edge cases', () => {
  const wellFormedOnes = EDGE_CASES.filter((text) => check(text));
  // The fast path takes well-formed JSON, including escapes, CRLF and any nesting.
  for (const text of [
    '{"a":1}',
    '-0',
    '{"\\u006cineItems":[{"off\\u0065rId":"A\\u003aB\\u003aC"}]}',
    '{"tab\\there":"quote\\"and\\\\back\\/slash\\b\\f\\n\\r"}',
    '{\r\n  "a": 1,\r\n  "b": [\r\n    2\r\n  ]\r\n}',
    `${'['.repeat(70)}${']'.repeat(70)}`,
    '{"a":1,"a":2,"A":3}',
  ]) {
    assert.ok(wellFormedOnes.includes(text), `well-formed path refused ${JSON.stringify(text)}`);
  }
  // ...and leaves everything else (comments, BOM, trailing commas) to jsonc-parser.
  for (const text of ['// comment\n{"a":1}', '\ufeff{"a":1}', '{"a":1,}', '']) {
    assert.ok(!wellFormedOnes.includes(text), `well-formed path accepted ${JSON.stringify(text)}`);
  }
});

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 2246822519) + 0x9e3779b9) >>> 0;
    return state / 2 ** 32;
  };
}

test('on mutated documents, the well-formed path takes exactly the error-free ones, and both match parseTree and findNodeAtOffset', () => {
  const next = random(99);
  const pieces = ['{', '}', '[', ']', ',', ':', '"', '\\', '\\u0041', 'null', '-1.5e3', '0', '"k"', '/*', '\r\n', '\t', '\ufeff'];
  let wellFormedCount = 0;
  let errorFree = 0;
  for (const name of ['docs-create.order.json', 'broken.cart.json', 'contoso.customer.json']) {
    const original = readFileSync(join(REPO, 'test', 'fixtures', 'language', name), 'utf8');
    for (let i = 0; i < 400; i++) {
      let text = original;
      // Half the time a small edit (usually breaks the syntax), half the time a valid re-indentation.
      if (i % 2 === 0) {
        const at = Math.floor(next() * (text.length + 1));
        text = text.slice(0, at) + pieces[Math.floor(next() * pieces.length)] + text.slice(at + Math.floor(next() * 3));
      } else {
        text = JSON.stringify(JSON.parse(original), null, [0, 2, '\t', 4][(i >> 1) % 4]).replace(
          /\n/g,
          i % 3 === 0 ? '\r\n' : '\n',
        );
      }
      const errors: ParseError[] = [];
      parseTree(text, errors, OPTIONS);
      if (errors.length === 0) errorFree++;
      const wellFormed = check(
        text,
        Array.from({ length: 40 }, () => Math.floor(next() * (text.length + 1))),
      );
      if (wellFormed) wellFormedCount++;
    }
  }
  assert.ok(wellFormedCount > 500 && wellFormedCount === errorFree);
});

test('paths and lookups: last key wins, names match without regard to case, written spelling kept for edits', () => {
  const { document } = tolerantParse('{"LineItems":[{"offerId":"x"},{"OfferId":"y","offerid":"z"}],"a":1,"a":2}');
  assert.equal(valueAt(document, ['lineItems', 1, 'offerId'])?.value, 'z');
  assert.equal(valueAt(document, ['lineItems', '0', 'offerId'])?.value, 'x');
  assert.equal(valueAt(document, ['a'])?.value, 2);
  assert.equal(valueAt(document, ['lineItems', 2]), undefined);
  assert.equal(valueAt(document, ['a', 'b']), undefined);
  const z = valueAt(document, ['lineItems', 1, 'offerId'])!;
  assert.deepEqual(writtenPath(z.owner, z.slot), ['LineItems', 1, 'offerid']);
});

test('the line map answers like a TextDocument, around every kind of line end', () => {
  const text = 'a\r\nbc\rd\n\ne\r\n';
  const lines = LineMap.of(text);
  const document = TextDocument.create('test://x', 'json', 0, text);
  for (let offset = -1; offset <= text.length + 1; offset++) {
    assert.deepEqual(lines.positionAt(offset), document.positionAt(offset), `offset ${offset}`);
  }
  for (let line = -1; line <= 6; line++) {
    for (let character = -1; character <= 4; character++) {
      assert.equal(lines.offsetAt({ line, character }), document.offsetAt({ line, character }), `${line}:${character}`);
    }
  }
});
