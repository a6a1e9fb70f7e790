// "Fix all" (issue 12): a source.fixAll action over the real server that applies every safe fix of
// the document at once, and leaves the choices (an attestation, a term) to the person.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { type CodeAction, CodeActionKind, CodeActionRequest } from 'vscode-languageserver-protocol/node';
import { applyTextEdits, BASIC, service } from './helpers';
import { change, codes, latest, open, withSession } from './lspSession';

test('Fix all applies casing, duplicates, line numbers and quoted numbers together, and nothing a person must choose', () =>
  withSession(async (s) => {
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
    const fixed = applyTextEdits(text, actions[0].edit!.changes![uri]);
    await change(s, uri, 2, fixed);
    const after = await s.until(() => latest(s, uri, 2));
    // What is left is the partner's attestation, which only a person may give.
    assert.deepEqual(codes(after), ['pc.attestation.partnerOnRecordMissing'], fixed);
    assert.deepEqual(service.parse(uri, fixed).syntaxErrors, []);
  }));
