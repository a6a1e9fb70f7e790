// "Fix all" (issue 12): a source.fixAll action over the real server that applies every safe fix of
// the document at once, and leaves the choices (an attestation, a term) to the person.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { type CodeAction, CodeActionKind, CodeActionRequest, type TextEdit } from 'vscode-languageserver-protocol/node';
import { BASIC, service } from './helpers';
import { change, codes, latest, open, startSession } from './lspSession';

function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = service.parse('test://x.json', text).lines;
  return [...edits]
    .sort((a, b) => lines.offsetAt(b.range.start) - lines.offsetAt(a.range.start))
    .reduce(
      (result, e) => result.slice(0, lines.offsetAt(e.range.start)) + e.newText + result.slice(lines.offsetAt(e.range.end)),
      text,
    );
}

test('Fix all applies casing, duplicates, line numbers and quoted numbers together, and nothing a person must choose', async () => {
  const s = await startSession();
  try {
    const kinds = s.initialized?.capabilities.codeActionProvider;
    assert.ok(
      typeof kinds === 'object' && kinds.codeActionKinds?.includes(CodeActionKind.SourceFixAll),
      'the server advertises source.fixAll',
    );
    const uri = 'file:///work/test/fixall.order.json';
    const text = [
      '{',
      '  "BillingCycle": "Monthly",',
      '  "lineItems": [',
      `    { "lineItemNumber": 3, "offerId": "${BASIC.catalogItemId}", "quantity": "2", "termDuration": "P1M" },`,
      `    { "lineItemNumber": 3, "offerId": "${BASIC.catalogItemId}", "quantity": 1, "quantity": 1, "termDuration": "P1Y" }`,
      '  ]',
      '}',
    ].join('\n');
    await open(s, uri, text);
    const before = await s.until(() => latest(s, uri, 1));
    assert.deepEqual(
      [...new Set(codes(before))].sort(),
      [
        'pc.attestation.partnerOnRecordMissing',
        'pc.casing.property',
        'pc.casing.value',
        'pc.lineItem.duplicateNumber',
        'pc.lineItem.numbering',
        'pc.property.duplicate',
        'pc.schema.type',
      ].sort(),
    );
    // The light bulb (no kind asked for) is not burdened with it; the Source Action menu asks for "source".
    const bulb = (await s.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: before.diagnostics[0].range,
      context: { diagnostics: [before.diagnostics[0]] },
    })) as CodeAction[];
    assert.ok(!bulb.some((a) => a.kind === CodeActionKind.SourceFixAll));
    const actions = (await s.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: [CodeActionKind.Source] },
    })) as CodeAction[];
    assert.deepEqual(
      actions.map((a) => a.kind),
      [CodeActionKind.SourceFixAll],
    );
    const fixed = applyEdits(text, actions[0].edit!.changes![uri]);
    await change(s, uri, 2, fixed);
    const after = await s.until(() => latest(s, uri, 2));
    // What is left is the partner's attestation, which only a person may give.
    assert.deepEqual(codes(after), ['pc.attestation.partnerOnRecordMissing'], fixed);
    assert.deepEqual(service.parse(uri, fixed).syntaxErrors, []);
  } finally {
    s.close();
  }
});
