// Every request example of the docs (test/fixtures/docs) sent to the emulator over real HTTP: it
// must answer with the status the page gives, and its answer must hold every property the page's
// response shows, with the same name, casing and nesting. The emulator is only as good as this.
//
// A fixture may say how its example is set up in the emulator (`emulator` in the fixture, see
// test/fixtures/docs/README.md): requests to make first, ids to put where the page has its own,
// or that the emulator does not model the call at all (then docs/fidelity.md must say so).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type RunningEmulator, startEmulator } from '../../../emulator/src/index';
import { call, type Reply } from '../emulator/helpers';
import { type DocsExample, DOCS_FIXTURES, loadDocsExamples } from './corpus';

const examples = loadDocsExamples();
const REPO = join(DOCS_FIXTURES, '..', '..', '..');

// Every request example in the docs carries MS-RequestId and MS-CorrelationId (headers.md: a new
// value per call), and some calls require them (create-a-customer.md), so each call sends fresh ones.
function send(em: RunningEmulator, method: string, path: string, body: unknown): Promise<Reply> {
  const headers = { 'MS-RequestId': randomUUID(), 'MS-CorrelationId': randomUUID() };
  return call(em, path, { method, body: body ?? undefined, headers, token: 'docs-corpus' });
}

/** Names the emulator fills in: the seeded customer and subscriptions, then ids bound by `given` steps. */
function seededNames(em: RunningEmulator): Map<string, string> {
  const { customerId, subscriptions } = em.fixtures;
  return new Map([
    ['customerId', customerId],
    ['recentSubscriptionId', subscriptions.recent.subscriptionId],
    ['oldSubscriptionId', subscriptions.old.subscriptionId],
    ['suspendedSubscriptionId', subscriptions.suspended.subscriptionId],
    ['expiredSubscriptionId', subscriptions.expired.subscriptionId],
    ['softwareSubscriptionId', subscriptions.software.subscriptionId],
  ]);
}

function fill(template: string, names: Map<string, string>, where: string): string {
  return template.replace(/\{([A-Za-z]+)\}/g, (_, name: string) => {
    const value = names.get(name);
    if (value === undefined) throw new Error(`${where}: nothing is bound to {${name}}`);
    return value;
  });
}

/** The page's ids replaced by the emulator's, wherever they occur in the body (only those that do). */
function replaceIds(body: unknown, replace: Record<string, string>, names: Map<string, string>, where: string): unknown {
  if (body === null || body === undefined) return body;
  let text = JSON.stringify(body);
  for (const [docsId, template] of Object.entries(replace)) {
    if (text.includes(docsId)) text = text.split(docsId).join(fill(template, names, where));
  }
  return JSON.parse(text);
}

/** The value at a dotted path of a reply (`lineItems.0.subscriptionId`). */
function valueAt(body: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (value, key) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined),
      body,
    );
}

/**
 * Where the documented answer's properties are missing from the emulator's: each path written as
 * `orders[].lineItems[].offerId`. Arrays compare the page's first element with every element the
 * emulator returns; an array the page fills and the emulator leaves empty is a difference.
 * With `ignoreCase`, a name matches whatever its casing (see `ignoreCase` in EmulatorSetup).
 */
export function missingProperties(documented: unknown, actual: unknown, path = '', ignoreCase = false): string[] {
  if (Array.isArray(documented)) {
    if (documented.length === 0) return Array.isArray(actual) ? [] : [`${path || '(body)'} is not an array`];
    if (!Array.isArray(actual)) return [`${path || '(body)'} is not an array`];
    if (actual.length === 0) return [`${path || '(body)'} is empty`];
    return [...new Set(actual.flatMap((item) => missingProperties(documented[0], item, `${path}[]`, ignoreCase)))];
  }
  if (documented !== null && typeof documented === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return [`${path || '(body)'} is not an object`];
    const record = actual as Record<string, unknown>;
    return Object.entries(documented).flatMap(([name, inner]) => {
      const at = path ? `${path}.${name}` : name;
      const key = ignoreCase ? Object.keys(record).find((k) => k.toLowerCase() === name.toLowerCase()) : name;
      if (key === undefined || !Object.prototype.hasOwnProperty.call(record, key)) return [at];
      return missingProperties(inner, record[key], at, ignoreCase);
    });
  }
  return [];
}

interface EmulatorSetup {
  notModeled?: string;
  /** `bind`: a name for the reply's id, or names for values at dotted paths of the reply. */
  given?: Array<{ method: string; path: string; body?: unknown; bodyFrom?: string; bind?: string | Record<string, string> }>;
  path?: string;
  replace?: Record<string, string>;
  /** Documented response properties the emulator knowingly leaves out, each `path: why`. */
  absent?: string[];
  /**
   * Why the page's response example may be compared without regard to the casing of its names:
   * set only where what the page prints as the response is not one (the legacy subscription pages
   * print the request again, request line and headers included, in the .NET SDK's PascalCase).
   * Names, nesting and presence are still checked. docs/fidelity.md must say so.
   */
  ignoreCase?: string;
  /**
   * `path: why`: the page's response is the part of the emulator's answer at this dotted path
   * (the page prints one order where the call answers a CartCheckoutResult holding it).
   */
  answerAt?: string;
}

function setupOf(example: DocsExample): EmulatorSetup {
  return (example as DocsExample & { emulator?: EmulatorSetup }).emulator ?? {};
}

const fidelityTable = (() => {
  try {
    return readFileSync(join(REPO, 'docs', 'fidelity.md'), 'utf8');
  } catch {
    return '';
  }
})();

for (const example of examples) {
  const setup = setupOf(example);
  if (setup.notModeled) {
    test(`${example.file}: not modeled by the emulator, and docs/fidelity.md says so`, () => {
      assert.ok(fidelityTable.includes(example.file), `docs/fidelity.md does not list ${example.file} (${setup.notModeled})`);
    });
    continue;
  }
  test(`${example.file}: the emulator answers as the page does`, async (t) => {
    const em = await startEmulator();
    t.after(() => em.close());
    const names = seededNames(em);
    for (const step of setup.given ?? []) {
      const body = step.bodyFrom
        ? (JSON.parse(readFileSync(join(DOCS_FIXTURES, step.bodyFrom), 'utf8')) as DocsExample).request.body
        : step.body;
      const reply = await send(
        em,
        step.method,
        fill(step.path, names, example.file),
        replaceIds(body, setup.replace ?? {}, names, example.file),
      );
      assert.ok(
        reply.status < 300,
        `${example.file}: setup ${step.method} ${step.path} answered ${reply.status} ${JSON.stringify(reply.body)}`,
      );
      const binds = typeof step.bind === 'string' ? { [step.bind]: 'id' } : (step.bind ?? {});
      for (const [name, at] of Object.entries(binds)) {
        const value = valueAt(reply.body, at);
        assert.equal(
          typeof value,
          'string',
          `${example.file}: setup ${step.method} ${step.path} answered no ${at} to bind to {${name}}`,
        );
        names.set(name, value as string);
      }
    }
    const path = setup.path
      ? fill(setup.path, names, example.file)
      : example.request.path.replace(/^\/v1\/customers\/[^/]+/, `/v1/customers/${names.get('customerId')}`);
    const reply = await send(
      em,
      example.request.method,
      path,
      replaceIds(example.request.body, setup.replace ?? {}, names, example.file),
    );
    if (example.response.status !== null) {
      assert.equal(
        reply.status,
        example.response.status,
        `${example.request.method} ${path} answered ${JSON.stringify(reply.body)}`,
      );
    }
    const absent = new Set((setup.absent ?? []).map((entry) => entry.split(':')[0].trim()));
    const answer = setup.answerAt ? valueAt(reply.body, setup.answerAt.split(':')[0].trim()) : reply.body;
    const missing = missingProperties(example.response.body ?? undefined, answer, '', setup.ignoreCase !== undefined).filter(
      (p) => !absent.has(p),
    );
    assert.deepEqual(missing, [], "documented properties missing from the emulator's answer");
  });
}
