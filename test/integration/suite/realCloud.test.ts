// A real cloud in the status bar: production or integration sandbox. The marker is shown only off
// the emulator (client/src/auth/statusBar.ts), so this suite signs in to the global cloud exactly as
// a partner does: the extension signs in at login.microsoftonline.com with its unchanged code.
// The launcher (test/harness/authRig.ts) gives the extension host an HTTPS_PROXY that carries that
// host to the fake authority and refuses every other, so nothing reaches Microsoft. The status bar
// item is read from the page, as a person sees it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, waitFor } from '../helpers';
import { parts, ui } from '../ui';
import { type AuthEnvironment, type AuthTestApi, approveNextSignInAs, authEnvironment } from '../../support/integrationAuth';

const ALICE = 'alice@contoso.example';
const BOB = 'bob@contoso.example';

/** What this suite reads of an account (common/src/auth SignedInAccount). */
interface CloudAccount {
  id: string;
  username: string;
  sandbox: boolean;
  app: { cloud: string; authorityHost: string };
}

const KEYS = ['environment', 'auth.clientId', 'auth.tenant', 'auth.flow', 'auth.integrationSandbox'] as const;

suite('Auth: a real cloud in the status bar, integration sandbox or production', () => {
  let env: AuthEnvironment;
  let api: AuthTestApi;
  const before = new Map<string, unknown>();
  const config = () => vscode.workspace.getConfiguration('partnerCenter');
  const accounts = () => api.auth.accounts.accounts as CloudAccount[];

  suiteSetup(async () => {
    env = authEnvironment();
    ({ api } = await activateExtension<AuthTestApi>());
    for (const k of KEYS) before.set(k, config().inspect(k)?.workspaceValue);
    await config().update('auth.clientId', env.clientId, vscode.ConfigurationTarget.Workspace);
    await config().update('auth.tenant', env.tenant, vscode.ConfigurationTarget.Workspace);
    await config().update('auth.flow', 'deviceCode', vscode.ConfigurationTarget.Workspace);
    await config().update('environment', 'global', vscode.ConfigurationTarget.Workspace);
    await waitFor('the connection to be on the global cloud', () => api.connection.current.environment === 'global');
  });

  suiteTeardown(async () => {
    // Leave the run as the other sign-in suites expect it: nobody signed in, Alice approved next.
    for (const account of accounts()) await vscode.commands.executeCommand('partnerCenter.signOut', account.id);
    for (const k of KEYS) await config().update(k, before.get(k), vscode.ConfigurationTarget.Workspace);
    await approveNextSignInAs(env, ALICE);
  });

  /** Signs `upn` in to the global cloud, marked as an integration sandbox or not (the setting a person sets). */
  const signIn = async (upn: string, integrationSandbox: boolean): Promise<CloudAccount> => {
    await config().update('auth.integrationSandbox', integrationSandbox, vscode.ConfigurationTarget.Workspace);
    await approveNextSignInAs(env, upn);
    const account = await vscode.commands.executeCommand<CloudAccount | undefined>('partnerCenter.signIn');
    assert.equal(account?.username, upn, 'the sign-in command returns the account the authority approved');
    // The real cloud's own authority, as the product has it; no setting moved it.
    assert.equal(account.app.cloud, 'global');
    assert.equal(account.app.authorityHost, 'https://login.microsoftonline.com');
    await waitFor(`the connection to use ${upn}`, () => api.connection.current.account === upn);
    return account;
  };

  /** The account item's text once it names `upn`; exactly one item does. */
  const statusBarFor = async (upn: string): Promise<string> => {
    const texts = await ui.waitFor(parts.statusBarItem, upn);
    assert.equal(texts.length, 1, `one status bar item names ${upn}: ${JSON.stringify(texts)}`);
    return texts[0]!.trim();
  };

  test('an account signed in as an integration sandbox says "Integration sandbox", without the production warning', async () => {
    await waitFor('the connection to say not signed in', () => api.connection.current.signedIn === false);
    assert.equal(await statusBarFor('Partner Center: Sign In'), 'Partner Center: Sign In (Global)');

    const account = await signIn(ALICE, true);
    assert.equal(account.sandbox, true);
    assert.equal(await statusBarFor(ALICE), `${ALICE} · Global · Integration sandbox`);
    assert.deepEqual(
      await ui.texts(parts.statusBarWarningItem, ALICE),
      [],
      'the sandbox account is not on the production warning background',
    );
    assert.deepEqual(await ui.texts(parts.statusBarItem, 'Production'), [], 'nothing in the status bar says Production');
  });

  test('a production account on the same cloud says "Production", on the warning background', async () => {
    const account = await signIn(BOB, false);
    assert.equal(account.sandbox, false);
    assert.equal(await statusBarFor(BOB), `${BOB} · Global · Production`);
    const warned = await ui.waitFor(parts.statusBarWarningItem, BOB);
    assert.deepEqual(
      warned.map((t) => t.trim()),
      [`${BOB} · Global · Production`],
      'the production account is on the warning background',
    );
    assert.deepEqual(await ui.texts(parts.statusBarItem, 'Integration sandbox'), [], 'the sandbox marker is gone');
  });

  test('the marker belongs to the account: signing Bob out brings back Alice as an integration sandbox', async () => {
    // The setting now says production (Bob's sign-in); Alice was signed in as a sandbox.
    assert.equal(config().get('auth.integrationSandbox'), false);
    const bob = accounts().find((a) => a.username === BOB);
    assert.ok(bob, `Bob is signed in: ${JSON.stringify(accounts().map((a) => a.username))}`);
    await vscode.commands.executeCommand('partnerCenter.signOut', bob.id);
    await waitFor('the connection to fall back to Alice', () => api.connection.current.account === ALICE);
    assert.equal(await statusBarFor(ALICE), `${ALICE} · Global · Integration sandbox`);
    assert.deepEqual(await ui.texts(parts.statusBarWarningItem, ALICE), [], 'not on the production warning background');
  });
});
