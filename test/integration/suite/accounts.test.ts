// Several accounts, the status bar and Switch Account, in the real extension host and the real
// workbench: two users (Alice, then Bob) sign in with a device code against the fake authority;
// the status bar item is read from the page, the Switch Account quick pick is clicked in the page
// (opened from the status bar item and from the command), and a recording pass-through in front
// of the trusting emulator shows whose token the emulator then receives.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from '../helpers';
import { parts, ui } from '../ui';
import { approveNextSignInAs, useSignInSuite } from '../../support/integrationAuth';
import { forward, startScriptedServer } from '../../support/scriptedServer';

const ALICE = 'alice@contoso.example';
const BOB = 'bob@contoso.example';

/**
 * Forwards every request to the trusting emulator and notes whose token came with it (the `upn`
 * claim only; the token itself is neither kept nor printed).
 */
async function startRecordingPassThrough(target: string): Promise<{ url: string; callers: string[]; close(): Promise<void> }> {
  const callers: string[] = [];
  const server = await startScriptedServer(
    (req, res, body) => {
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      let caller = '(no bearer token)';
      try {
        if (bearer) {
          caller = String(
            (JSON.parse(Buffer.from(bearer.split('.')[1] ?? '', 'base64url').toString('utf8')) as { upn?: unknown }).upn ??
              '(no upn)',
          );
        }
      } catch {
        caller = '(not a JWT)';
      }
      if (req.url?.startsWith('/v1/')) callers.push(caller);
      forward(target, req, res, body);
    },
    { record: false },
  );
  return { url: server.url, callers, close: server.close };
}

suite('Auth: several accounts, status bar and Switch Account', () => {
  let passThrough: Awaited<ReturnType<typeof startRecordingPassThrough>> | undefined;
  const ctx = useSignInSuite(async (api) => {
    // Leave the run as the other sign-in suites expect it: nobody signed in, Alice approved next.
    for (const account of api.auth.accounts.accounts) await vscode.commands.executeCommand('partnerCenter.signOut', account.id);
    await approveNextSignInAs(ctx.env, ALICE);
  });
  suiteSetup(async () => {
    passThrough = await startRecordingPassThrough(ctx.env.trustedEmulatorUrl);
    await vscode.workspace
      .getConfiguration('partnerCenter')
      .update('emulatorUrl', passThrough.url, vscode.ConfigurationTarget.Workspace);
    await waitFor('the connection to use the recording pass-through', () =>
      ctx.api.connection.current.label.includes(passThrough!.url),
    );
  });
  suiteTeardown(async () => {
    await passThrough?.close();
  });
  teardown(async function () {
    // A failed switch test may leave its quick pick open; close it so the next test starts clean.
    if (this.currentTest?.state !== 'failed') return;
    await ui.press('Escape');
  });

  /** The account status bar item's text, as the page shows it, once it contains `expected`. */
  const statusBarShows = async (expected: string): Promise<string> => {
    const texts = await ui.waitFor(parts.statusBarItem, expected);
    assert.equal(texts.length, 1, `one status bar item shows "${expected}": ${JSON.stringify(texts)}`);
    return texts[0]!.trim();
  };

  /** Lists customers through the extension, and returns whose token the emulator received for it. */
  const browseAs = async (): Promise<string[]> => {
    const before = passThrough!.callers.length;
    ctx.api.explorer.provider.refresh();
    const nodes = await ctx.api.explorer.provider.getChildren();
    assert.ok(
      nodes.some((n) => n.id.startsWith('customer/')),
      `customers are listed: ${JSON.stringify(nodes.map((n) => n.id))}`,
    );
    const callers = [...new Set(passThrough!.callers.slice(before))];
    assert.ok(callers.length > 0, 'the listing went through the recording pass-through to the emulator');
    return callers;
  };

  const signIn = async (upn: string): Promise<void> => {
    await approveNextSignInAs(ctx.env, upn);
    const account = await vscode.commands.executeCommand<{ username: string } | undefined>('partnerCenter.signIn');
    assert.equal(account?.username, upn, 'the sign-in command returns the account the authority approved');
  };

  const usernames = () => ctx.api.auth.accounts.accounts.map((a) => a.username).sort();

  test('the status bar asks for a sign-in, then shows the signed-in account and that it is the emulator', async () => {
    await waitFor('the connection to say not signed in', () => ctx.api.connection.current.signedIn === false);
    assert.equal(await statusBarShows('Partner Center: Sign In'), 'Partner Center: Sign In (Emulator)');

    await signIn(ALICE);
    assert.equal(await statusBarShows(ALICE), `${ALICE} · Emulator · Emulator`);
    assert.deepEqual(
      await ui.texts(parts.statusBarItem, 'Partner Center: Sign In'),
      [],
      'the sign-in prompt is gone from the status bar',
    );
    assert.deepEqual(await browseAs(), [ALICE], "the emulator receives Alice's token");
  });

  test('a second account signs in beside the first and becomes the active one', async () => {
    await signIn(BOB);
    assert.deepEqual(usernames(), [ALICE, BOB], 'both accounts are signed in');
    assert.equal(await statusBarShows(BOB), `${BOB} · Emulator · Emulator`);
    assert.deepEqual(await ui.texts(parts.statusBarItem, ALICE), [], 'the status bar no longer names Alice');
    assert.deepEqual(await browseAs(), [BOB], "the emulator receives Bob's token");
  });

  test('clicking the status bar item opens Switch Account; picking Alice makes her the active account', async () => {
    await ui.click(parts.statusBarItem, BOB);
    await ui.waitFor(parts.quickPickRow, ALICE);
    const rows = await ui.texts(parts.quickPickRow);
    assert.ok(
      rows.some((r) => r.includes(BOB)),
      `Bob is offered too: ${JSON.stringify(rows)}`,
    );
    assert.ok(
      rows.some((r) => r.includes('Sign in with another account')),
      `signing in another account is offered: ${JSON.stringify(rows)}`,
    );
    const checked = await ui.texts(`${parts.quickPickRow}:has(.codicon-check)`);
    assert.equal(checked.length, 1, `one row is checked: ${JSON.stringify(checked)}`);
    assert.match(checked[0]!, new RegExp(BOB.replace(/\./g, '\\.')), 'the active account (Bob) is the checked row');

    // The pointer may rest on a row from the last pick, whose hover can cover the row below: move it off first.
    await ui.hover(parts.quickInputBox);
    await ui.click(parts.quickPickRow, ALICE);
    assert.equal(await statusBarShows(ALICE), `${ALICE} · Emulator · Emulator`);
    await waitFor('the connection to use Alice', () => ctx.api.connection.current.account === ALICE);
    assert.deepEqual(await browseAs(), [ALICE], "the emulator receives Alice's token after the switch");
    assert.deepEqual(usernames(), [ALICE, BOB], 'switching signs nobody out');
  });

  test('the Switch Account command switches back to Bob from its quick pick', async () => {
    const switching = vscode.commands.executeCommand('partnerCenter.switchAccount');
    await ui.waitFor(parts.quickPickRow, BOB);
    const rows = await ui.texts(parts.quickPickRow);
    assert.ok(
      rows.some((r) => r.includes(ALICE)),
      `Alice is offered too: ${JSON.stringify(rows)}`,
    );
    const checked = await ui.texts(`${parts.quickPickRow}:has(.codicon-check)`);
    assert.equal(checked.length, 1, `one row is checked: ${JSON.stringify(checked)}`);
    assert.match(checked[0]!, new RegExp(ALICE.replace(/\./g, '\\.')), 'the active account (Alice) is the checked row');

    // The pointer may rest on a row from the last pick, whose hover can cover the row below: move it off first.
    await ui.hover(parts.quickInputBox);
    await ui.click(parts.quickPickRow, BOB);
    await switching;
    assert.equal(await statusBarShows(BOB), `${BOB} · Emulator · Emulator`);
    await waitFor('the connection to use Bob', () => ctx.api.connection.current.account === BOB);
    assert.deepEqual(await browseAs(), [BOB], "the emulator receives Bob's token after the switch");
  });
});
