// Sign-in in the real extension host: against an emulator that trusts only the fake authority
// (--trust-issuer), the explorer asks for a sign-in; a device code sign-in (the authority
// approves after two polls, so no browser is needed) lets it browse; sign-out removes the
// account and leaves no token in SecretStorage. With VS Code's http.proxy set, sign-in goes
// through that proxy, as the API client does.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from '../helpers';
import { issuedValues, useSignInSuite } from '../../support/integrationAuth';
import { startTunnelProxy } from '../../support/tunnelProxy';

suite('Auth', () => {
  const ctx = useSignInSuite();

  test('an emulator started with --trust-issuer needs a sign-in first', async () => {
    await waitFor('the connection to say not signed in', () => ctx.api.connection.current.signedIn === false);
    ctx.api.explorer.provider.refresh();
    const nodes = await ctx.api.explorer.provider.getChildren();
    // An empty tree shows the welcome view, whose first action is "Sign In to Partner Center".
    assert.deepEqual(
      nodes.map((n) => n.id),
      [],
    );
  });

  test('signs in with a device code and browses the trusting emulator', async () => {
    const account = await vscode.commands.executeCommand<{ id: string; username: string } | undefined>('partnerCenter.signIn');
    assert.ok(account, 'the sign-in command returns the account');
    assert.equal(account.username, 'alice@contoso.example');
    await waitFor('the connection to use the account', () => ctx.api.connection.current.account === 'alice@contoso.example');
    assert.match(ctx.api.connection.current.label, /alice@contoso\.example/);
    ctx.api.explorer.provider.refresh();
    const nodes = await ctx.api.explorer.provider.getChildren();
    assert.ok(nodes.filter((n) => n.id.startsWith('customer/')).length > 0, 'customers are listed with the signed-in token');
  });

  test('signs out: the account and its tokens are gone from SecretStorage', async () => {
    const accounts = ctx.api.auth.accounts;
    const inspection = ctx.api.auth.secrets;
    const cacheKeys = () => inspection.keys().filter((k) => k.includes('.cache.'));
    assert.equal(cacheKeys().length, 1, 'the MSAL cache is in SecretStorage while signed in');
    const issued = await issuedValues(ctx.env);
    const stored = await inspection.read(cacheKeys()[0]!);
    assert.ok(
      issued.some((t) => stored?.includes(t)),
      'the stored cache holds the issued refresh token',
    );

    await vscode.commands.executeCommand('partnerCenter.signOut', accounts.accounts[0]!.id);
    assert.equal(accounts.accounts.length, 0);
    assert.deepEqual(cacheKeys(), [], 'the cache entry was deleted');
    for (const key of inspection.keys()) {
      const value = (await inspection.read(key)) ?? '';
      assert.deepEqual(
        issued.filter((t) => value.includes(t)).map((t) => t.slice(0, 8)),
        [],
        `no issued token left in ${key}`,
      );
    }
    await waitFor('the connection to need a sign-in again', () => ctx.api.connection.current.signedIn === false);
  });

  test("signs in through the proxy in VS Code's http.proxy setting", async () => {
    // A tunnel proxy that carries the authority and the emulator and refuses every other host.
    const authority = new URL(ctx.env.authority);
    const emulator = new URL(ctx.env.trustedEmulatorUrl);
    const proxy = await startTunnelProxy({ [authority.host]: Number(authority.port), [emulator.host]: Number(emulator.port) });
    const http = () => vscode.workspace.getConfiguration('http');
    const before = http().inspect<string>('proxy')?.globalValue;
    try {
      await http().update('proxy', proxy.url, vscode.ConfigurationTarget.Global);
      const account = await vscode.commands.executeCommand<{ id: string; username: string } | undefined>('partnerCenter.signIn');
      assert.equal(account?.username, 'alice@contoso.example', 'signed in through the proxy');
      assert.ok(
        proxy.connects.some((c) => c.target === authority.host && !c.refused),
        `the sign-in requests went through the proxy (it saw ${JSON.stringify(proxy.connects.map((c) => c.target))})`,
      );
      await vscode.commands.executeCommand('partnerCenter.signOut', account.id);
    } finally {
      await http().update('proxy', before, vscode.ConfigurationTarget.Global);
      await proxy.close();
    }
    await waitFor('the connection to need a sign-in again', () => ctx.api.connection.current.signedIn === false);
  });
});
