// The request language server in a real extension host: diagnostics, completion and a quick fix
// through the VS Code API, with the emulator's catalog behind the extension.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, openNewDocument, waitFor } from '../helpers';

const SOURCE = 'Partner Center';

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

const BROKEN_ORDER = `{
  "partnerOnRecordAttestationAccepted": true,
  "billingCycle": "annual",
  "lineItems": [
    { "lineItemNumber": 0, "offerId": "CFQ7TTC0LH18:0001:CFQ7TTC0K971", "quantity": 3, "termDuration": "P1M" },
    { "lineItemNumber": 4, "offerId": "CFQ7TTC0LH18:0001:CFQ7TTC0K971", "quantity": 1, "termDuration": "P1Y" }
  ]
}
`;

suite('Language', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('reports schema and cross-field diagnostics with stable codes', async () => {
    const document = await openNewDocument('language/broken.order.json', BROKEN_ORDER);
    const diagnostics = await waitFor('Partner Center diagnostics', () => {
      const found = ours(document.uri);
      return found.some((d) => codeOf(d) === 'pc.lineItem.numbering') ? found : undefined;
    });
    const codes = diagnostics.map(codeOf);
    assert.ok(codes.includes('pc.term.billingCycleMismatch'), codes.join(', '));
  });

  test('a quick fix renumbers the line items', async () => {
    const document = await openNewDocument('language/renumber.order.json', BROKEN_ORDER);
    const numbering = await waitFor('the numbering diagnostic', () =>
      ours(document.uri).find((d) => codeOf(d) === 'pc.lineItem.numbering'),
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      numbering.range,
    );
    const renumber = actions.find((a) => a.title.startsWith('Renumber the lines'));
    assert.ok(renumber?.edit, `no renumber action among ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(renumber.edit));
    await waitFor(
      'the numbering diagnostic to go away',
      () => !ours(document.uri).some((d) => codeOf(d) === 'pc.lineItem.numbering'),
    );
    assert.match(document.getText(), /"lineItemNumber": 1/);
  });

  test('completes enum values and property names', async () => {
    const document = await openNewDocument('language/complete.cart.json', '{\n  "lineItems": [ { "billingCycle":  } ]\n}\n');
    const position = new vscode.Position(1, 35);
    const list = await waitFor('completions', async () => {
      const result = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        document.uri,
        position,
      );
      return result.items.some((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'monthly') ? result : undefined;
    });
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('one_time'));
  });

  test('completes catalog item ids from the emulator catalog', async () => {
    const document = await openNewDocument('language/catalog.order.json', '{\n  "lineItems": [ { "offerId": "" } ]\n}\n');
    const position = new vscode.Position(1, 31);
    const list = await waitFor(
      'catalog completions',
      async () => {
        const result = await vscode.commands.executeCommand<vscode.CompletionList>(
          'vscode.executeCompletionItemProvider',
          document.uri,
          position,
        );
        return result.items.some((i) => /Business Basic/.test(typeof i.label === 'string' ? i.label : i.label.label))
          ? result
          : undefined;
      },
      30_000,
    );
    assert.ok(list.items.length > 3);
  });

  test('checks catalog rules against the emulator (attestation)', async () => {
    const document = await openNewDocument(
      'language/w365.order.json',
      JSON.stringify(
        {
          partnerOnRecordAttestationAccepted: true,
          billingCycle: 'monthly',
          lineItems: [{ lineItemNumber: 0, offerId: 'CFQ7TTC0HHS9:0001:CFQ7TTC0HX99', quantity: 1, termDuration: 'P1M' }],
        },
        null,
        2,
      ),
    );
    await waitFor(
      'the attestation diagnostic',
      () => ours(document.uri).find((d) => codeOf(d) === 'pc.catalog.attestationRequired'),
      30_000,
    );
  });

  test('syntax errors are reported once (by VS Code JSON), never by us', async () => {
    const document = await openNewDocument('language/syntax.order.json', '{ "billingCycle": "monthly", "lineItems": [ }');
    await waitFor('our diagnostics', () => (ours(document.uri).length > 0 ? true : undefined));
    assert.ok(ours(document.uri).every((d) => codeOf(d) !== 'pc.json.syntax'));
  });

  test('hover on a catalog item id shows the product, SKU, terms and quantity bounds from the emulator', async () => {
    const text = JSON.stringify(
      {
        billingCycle: 'monthly',
        lineItems: [{ lineItemNumber: 0, offerId: 'CFQ7TTC0LH18:0001:CFQ7TTC0K971', quantity: 1, termDuration: 'P1M' }],
      },
      null,
      2,
    );
    const document = await openNewDocument('language/hover.order.json', text);
    const offset = text.indexOf('CFQ7TTC0LH18') + 3;
    const hovers = await waitFor(
      'a catalog hover',
      async () => {
        const result = await vscode.commands.executeCommand<vscode.Hover[]>(
          'vscode.executeHoverProvider',
          document.uri,
          document.positionAt(offset),
        );
        const markdown = result.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
        return /Business Basic/.test(markdown) ? markdown : undefined;
      },
      30_000,
    );
    assert.match(hovers, /P1M/);
    assert.match(hovers, /300/, 'the hover names the maximum quantity');
  });

  test('without a catalog (a real cloud, not signed in) the static rules still run and the catalog rules say once that they are off', async () => {
    const config = vscode.workspace.getConfiguration('partnerCenter');
    const original = config.inspect<string>('environment')?.workspaceValue;
    await config.update('environment', 'global', vscode.ConfigurationTarget.Workspace);
    try {
      const document = await openNewDocument('language/offline.order.json', BROKEN_ORDER);
      const diagnostics = await waitFor(
        'catalog-off and static diagnostics',
        () => {
          const found = ours(document.uri);
          return found.some((d) => codeOf(d) === 'pc.catalog.unavailable') &&
            found.some((d) => codeOf(d) === 'pc.term.billingCycleMismatch')
            ? found
            : undefined;
        },
        30_000,
      );
      assert.equal(diagnostics.filter((d) => codeOf(d) === 'pc.catalog.unavailable').length, 1, 'said once, not per line');
      assert.equal(
        diagnostics.find((d) => codeOf(d) === 'pc.catalog.unavailable')!.severity,
        vscode.DiagnosticSeverity.Information,
      );
      assert.ok(
        !diagnostics.some((d) => codeOf(d).startsWith('pc.catalog.') && codeOf(d) !== 'pc.catalog.unavailable'),
        'no catalog rule ran',
      );
    } finally {
      await config.update('environment', original, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('a $schema naming a bundled schema makes a file of any name a request document', async () => {
    const text = BROKEN_ORDER.replace('{\n', '{\n  "$schema": "partner-center:/schemas/order.schema.json",\n');
    const document = await openNewDocument('language/whatever-name.json', text);
    const diagnostics = await waitFor('Partner Center diagnostics on a file named only .json', () => {
      const found = ours(document.uri);
      return found.some((d) => codeOf(d) === 'pc.lineItem.numbering') ? found : undefined;
    });
    assert.ok(diagnostics.map(codeOf).includes('pc.term.billingCycleMismatch'), 'the order rules ran');
  });

  test('other JSON files (package.json, tsconfig.json) get no diagnostic, completion or hover from this extension', async () => {
    // The same broken order, in files that are not request documents.
    const text = '{\n  "billingCycle": ,\n  "lineItems": [ { "lineItemNumber": 4, "termDuration": "P1M" } ]\n}\n';
    const packageJson = await openNewDocument('language/other/package.json', text);
    const tsconfig = await openNewDocument('language/other/tsconfig.json', text);
    // Opened last, with the same debounce: once its diagnostics are shown, any for the two files
    // opened before it would have been published already (the server publishes in order).
    const control = await openNewDocument('language/other/control.order.json', text);
    await waitFor('diagnostics on the request document opened after them', () =>
      ours(control.uri).some((d) => codeOf(d) === 'pc.lineItem.numbering'),
    );
    assert.deepEqual(ours(packageJson.uri), [], 'no diagnostic on package.json');
    assert.deepEqual(ours(tsconfig.uri), [], 'no diagnostic on tsconfig.json');

    const position = new vscode.Position(1, 18); // after "billingCycle":
    // VS Code itself offers words from open documents (kind Text), and snippets are scoped by
    // language only (VS Code has no file patterns for them): neither is the language server's.
    const labelsAt = async (uri: vscode.Uri) =>
      (await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position)).items
        .filter((i) => i.kind !== vscode.CompletionItemKind.Text && i.kind !== vscode.CompletionItemKind.Snippet)
        .map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok((await labelsAt(control.uri)).includes('monthly'), 'the request document is offered billing cycles');
    for (const document of [packageJson, tsconfig]) {
      const labels = await labelsAt(document.uri);
      assert.ok(
        !labels.includes('monthly') && !labels.includes('one_time'),
        `no billing cycles offered in ${document.uri.path}: ${labels.join(', ')}`,
      );
    }

    const key = new vscode.Position(1, 5); // on "billingCycle"
    const hoverText = async (uri: vscode.Uri) =>
      (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, key))
        .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
        .join('\n');
    assert.match(await hoverText(control.uri), /billing/i, 'the request document has a hover on billingCycle');
    for (const document of [packageJson, tsconfig]) {
      assert.doesNotMatch(await hoverText(document.uri), /billing/i, `no hover from us in ${document.uri.path}`);
    }
  });

  test('every bundled snippet, with its placeholders filled, validates without errors', async () => {
    const { extension } = await activateExtension();
    const file = vscode.Uri.joinPath(extension.extensionUri, 'snippets', 'requests.code-snippets');
    const snippets = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(file)).toString('utf8')) as Record<
      string,
      { body: string[]; description: string }
    >;
    const fixtures = (await (await fetch(`${process.env.PC_EMULATOR_URL}/_emulator/fixtures`)).json()) as {
      catalog: Record<string, string>;
      subscriptions: { recent: { subscriptionId: string } };
    };
    // What a person types into each placeholder: real values from the emulator's catalog.
    const fill: Record<string, string> = {
      'PRODUCT:SKU:AVAILABILITY': fixtures.catalog.license!,
      'subscription id': fixtures.subscriptions.recent.subscriptionId,
      'Azure subscription id': '8a6b2e61-5c3d-4f1a-9e7b-0c2d4e6f8a10',
    };
    const names = Object.keys(snippets);
    assert.ok(names.length >= 4, `the snippets file has the documented snippets: ${names.join(', ')}`);
    for (const name of names) {
      const snippet = snippets[name]!;
      const kind = /Save as \*\.(\w+)\.json/.exec(snippet.description)?.[1];
      assert.ok(kind, `${name} says which file it belongs in`);
      let body = snippet.body.join('\n');
      // The item a line buys is an empty tab stop that catalog completion fills; reservation lines
      // take a reservation catalog item.
      const item = /reserved/i.test(name)
        ? (fixtures.catalog.reservation ?? fixtures.catalog.license!)
        : fixtures.catalog.license!;
      body = body.replace(/"(offerId|catalogItemId)": "\$\d+"/, (_, property: string) => `"${property}": "${item}"`);
      body = body
        .replace(/\$\{\d+:([^}]*)\}/g, (_, d: string) => fill[d] ?? d)
        .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
        .replace(/\\\$/g, '$');
      // Start from a document with an error, so "no errors" can only be read once this text was validated.
      const document = await openNewDocument(`language/snippets/${name.replace(/\W+/g, '-')}.${kind}.json`, '{ "$schema": 5 }');
      await waitFor(
        `the placeholder document's error (${name})`,
        () =>
          ours(document.uri).some((d) => d.severity === vscode.DiagnosticSeverity.Error) ||
          vscode.languages.getDiagnostics(document.uri).length > 0,
      );
      const editor = await vscode.window.showTextDocument(document);
      await editor.edit((edit) =>
        edit.replace(new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), body),
      );
      await waitFor(
        `${name} to validate without errors`,
        () => !vscode.languages.getDiagnostics(document.uri).some((d) => d.severity === vscode.DiagnosticSeverity.Error),
        30_000,
      ).catch(() =>
        assert.fail(
          `${name} has errors: ${vscode.languages
            .getDiagnostics(document.uri)
            .filter((d) => d.severity === vscode.DiagnosticSeverity.Error)
            .map((d) => `${String(typeof d.code === 'object' ? d.code.value : d.code)} ${d.message}`)
            .join('; ')}\n${body}`,
        ),
      );
    }
  });

  test('a document too large to check as you type says so, and Check This Document Once checks it whole', async () => {
    // About 6 MB, over the 5 MB limit for typing; one line in the middle has a term its billing cycle does not allow.
    const bad = 19_000;
    const lineItems = Array.from({ length: 30_000 }, (_, i) => ({
      lineItemNumber: i,
      offerId: 'CFQ7TTC0LH18:0001:CFQ7TTC0K971',
      quantity: 1,
      termDuration: i === bad ? 'P1M' : 'P1Y',
      friendlyName: `Line ${i}`,
    }));
    const text = JSON.stringify({ partnerOnRecordAttestationAccepted: true, billingCycle: 'annual', lineItems }, null, 2);
    assert.ok(text.length > 5 * 1024 * 1024);
    const document = await openNewDocument('language/large.order.json', text);
    const note = await waitFor(
      'the too-large note',
      () => ours(document.uri).find((d) => codeOf(d) === 'pc.document.tooLarge'),
      60_000,
    );
    assert.match(note.message, /too large to check as you type.*Check This Document Once/);
    const fixes = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      note.range,
    );
    const checkOnce = fixes.find((a) => a.command?.command === 'partnerCenter.checkDocumentOnce');
    assert.ok(checkOnce, `a quick fix runs the command: ${fixes.map((a) => a.title).join(', ')}`);
    const count = await vscode.commands.executeCommand<number | undefined>(
      checkOnce.command!.command,
      ...(checkOnce.command!.arguments ?? []),
    );
    const errors = await waitFor("the whole document's diagnostics", () => {
      const found = ours(document.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
      return found.length > 0 && !ours(document.uri).some((d) => codeOf(d) === 'pc.document.tooLarge') ? found : undefined;
    });
    // The catalog may add its own word on that term; every error is on the bad line.
    const badLine = text.split('\n').findIndex((l) => l.includes('"P1M"'));
    assert.ok(
      errors.some((d) => codeOf(d) === 'pc.term.billingCycleMismatch'),
      errors.map(codeOf).join(', '),
    );
    assert.deepEqual([...new Set(errors.map((d) => d.range.start.line))], [badLine]);
    assert.ok(typeof count === 'number' && count >= 1, `the command reports what it found (${String(count)})`);
  });
});
