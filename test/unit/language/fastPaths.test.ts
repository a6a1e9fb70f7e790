// The shortcuts the validation path takes for speed must answer exactly like the plain definitions
// they replace: catalog item ids without regex-trim-uppercase, term × billing-cycle pairs by a
// precomputed table, line starts in a growing typed array, normalization on large documents, and
// well-formed documents read by JSON.parse with their tree read only where something is reported.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { catalogItemKey, catalogKey, isCatalogItemId } from '../../../common/src/language/catalog';
import { LineMap } from '../../../common/src/language/lineMap';
import { isAllowedPair, TERM_BILLING_CYCLES } from '../../../common/src/language/rules/termPairs';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOG_OFF } from '../../../common/src/language/catalog';
import { type ParsedRequest } from '../../../common/src/language/parsedRequest';
import { tolerantParse } from '../../../common/src/language/tolerantParse';
import { BASIC, codesOf, fullCatalog, NOW, order, REPO, service, validate } from './helpers';

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 2246822519) + 0x9e3779b9) >>> 0;
    return state / 2 ** 32;
  };
}

test('catalogItemKey is catalogKey of a catalog item id, and undefined for anything else', () => {
  const reference = (value: unknown) =>
    typeof value === 'string' && /^[A-Za-z0-9]+:[A-Za-z0-9]+:[A-Za-z0-9]+$/.test(value.trim()) ? catalogKey(value) : undefined;
  const alphabet = ['A', 'z', '0', '9', ':', ':', ' ', '\t', '\n', '\u00a0', '\ufeff', '-', 'é', '_'];
  const next = random(11);
  const samples: unknown[] = [
    undefined,
    null,
    1,
    {},
    '',
    ':',
    '::',
    'A:B:C',
    ' a:b:c ',
    'A:B:C:D',
    'A::C',
    ':B:C',
    'A:B:',
    'CFQ7TTC0LH18:0001:CFQ7TTC0K971',
    'cfq7ttc0lh18:0001:cfq7ttc0k971\n',
  ];
  for (let i = 0; i < 5000; i++) {
    samples.push(Array.from({ length: Math.floor(next() * 12) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''));
  }
  for (const value of samples) {
    assert.equal(catalogItemKey(value), reference(value), JSON.stringify(value));
    assert.equal(isCatalogItemId(value), reference(value) !== undefined, JSON.stringify(value));
  }
});

test('isAllowedPair follows the term table: a cycle some term limits must be one the term allows', () => {
  const limited = new Set(Object.values(TERM_BILLING_CYCLES).flat());
  const reference = (term: string, cycle: string) => {
    const allowed = Object.prototype.hasOwnProperty.call(TERM_BILLING_CYCLES, term) ? TERM_BILLING_CYCLES[term] : undefined;
    return !allowed || cycle === 'one_time' || cycle === 'none' || !limited.has(cycle) || allowed.includes(cycle);
  };
  const terms = [...Object.keys(TERM_BILLING_CYCLES), 'p1y', 'P5Y', '', 'constructor', '__proto__', 'toString'];
  const cycles = [...limited, 'one_time', 'none', 'Annual', '', 'constructor', '__proto__', 'hasOwnProperty'];
  for (const term of terms) {
    for (const cycle of cycles) assert.equal(isAllowedPair(term, cycle), reference(term, cycle), `${term} ${cycle}`);
  }
});

test('the line map answers like a TextDocument on a long text with every kind of line end', () => {
  const ends = ['\n', '\r\n', '\r'];
  const text = `[${Array.from({ length: 1500 }, (_, i) => `${ends[i % 3]}${' '.repeat(i % 7)}${i}`).join(',')}${ends[0]}]`;
  const lines = LineMap.of(text);
  const document = TextDocument.create('test://x', 'json', 0, text);
  for (let offset = 0; offset <= text.length; offset += 7) {
    assert.deepEqual(lines.positionAt(offset), document.positionAt(offset), `offset ${offset}`);
  }
  for (let line = 0; line < 1502; line += 13) {
    assert.equal(lines.offsetAt({ line, character: 3 }), document.offsetAt({ line, character: 3 }), `line ${line}`);
  }
});

test('a long order is checked line by line: numbering, duplicates and casing notes far down the list', () => {
  const lines = Array.from({ length: 600 }, () => ({ offerId: 'CFQ7TTC0LH18:0001:CFQ7TTC0K971', termDuration: 'P1Y' }));
  const text = order(lines, { billingCycle: 'annual' })
    .replace('"lineItemNumber": 598', '"lineItemNumber": 3')
    .replace('"lineItemNumber": 599', '"lineItemNumber": 700')
    .replace(
      '"termDuration": "P1Y"\n    },\n    {\n      "lineItemNumber": 500',
      '"TermDuration": "p1y"\n    },\n    {\n      "lineItemNumber": 500',
    );
  assert.deepEqual(codesOf(validate('order', text)).sort(), [
    'pc.casing.property',
    'pc.casing.value',
    'pc.lineItem.duplicateNumber',
    'pc.lineItem.numbering',
  ]);
});

/**
 * The same document, read only by the tolerant parser into a whole tree: the path every document
 * took before well-formed ones were read by JSON.parse (and still takes when not well-formed).
 */
function parsedByTree(uri: string, text: string): ParsedRequest {
  const { document, errors } = tolerantParse(text);
  return { uri, text, lines: LineMap.of(text), source: document, syntaxErrors: errors, maxLength: Infinity };
}

test('a well-formed document gets the same diagnostics, ranges and fixes through JSON.parse as through the whole tree, and the same less their fixes when it asks for none', () => {
  const fixtures = readdirSync(join(REPO, 'test', 'fixtures', 'language')).map((name) => ({
    name,
    text: readFileSync(join(REPO, 'test', 'fixtures', 'language', name), 'utf8'),
  }));
  const variants = fixtures.flatMap(({ name, text }) => [
    { name, text },
    // Casing notes everywhere, names and values.
    { name, text: text.replace(/"(lineItems|offerId|termDuration|billingCycle|quantity)"/g, (m) => m.toUpperCase()) },
    { name, text: text.replace(/"(annual|monthly|P1Y)"/g, (m) => m.toLowerCase()) },
    // A name repeated exactly (JSON.parse keeps only the last) and up to case.
    { name, text: text.replace(/"billingCycle": "(\w+)"/, '"billingCycle": "monthly", "billingCycle": "$1"') },
    { name, text: text.replace(/"quantity": (\d+)/, '"quantity": 7, "Quantity": $1') },
    { name, text: text.replace(/"lineItems": \[/, '"LineItems": [], "lineItems": [') },
    // Names JavaScript lists before the others.
    { name, text: text.replace(/^\{/, '{ "7": 1, "0": { "b": 2, "1": 3 },') },
    // Response-only fields, unknown properties, escapes.
    { name, text: text.replace(/^\{/, '{ "id": "x", "creationDate": null, "colour": "red", "\\u006fops": 1,') },
  ]);
  const orders = [
    order(
      Array.from({ length: 300 }, (_, i) => ({ offerId: BASIC.catalogItemId, termDuration: i % 7 ? 'P1Y' : 'P1M' })),
      {
        billingCycle: 'annual',
      },
    ),
  ];
  const catalogs = [fullCatalog(), CATALOG_OFF];
  let compared = 0;
  for (const { name, text } of [...variants, ...orders.map((text) => ({ name: 'long.order.json', text }))]) {
    const uri = `test://doc/${name}`;
    const parsed = service.parse(uri, text);
    if (!parsed.wellFormed) continue;
    const kind = service.kindOf(parsed)!;
    for (const catalog of catalogs) {
      const fast = service.validate(parsed, kind, { catalog, now: NOW });
      const whole = service.validate(parsedByTree(uri, text), kind, { catalog, now: NOW });
      assert.deepEqual(fast, whole, `${name}: ${text.slice(0, 300)}`);
      // Asked for without fixes (the command line): the same diagnostics, none with its fixes.
      const withoutFixes = service.validate(parsed, kind, { catalog, now: NOW, fixes: false });
      const bare = fast.map((d) => {
        const copy = { ...d };
        delete copy.data;
        return copy;
      });
      assert.deepEqual(withoutFixes, bare, `${name} without fixes`);
      compared++;
    }
  }
  assert.ok(compared >= 100, `${compared} documents compared`);
});
