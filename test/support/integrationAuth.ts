// For the integration suites in the extension host: the fake authority and the emulator that
// trusts it (started by test/harness/authRig.ts), settings that point the extension at them,
// and a look into the extension's SecretStorage (exposed only in development and test hosts).
import { request } from 'undici';
import * as vscode from 'vscode';
import { activateExtension, waitFor } from '../integration/helpers';

export interface AuthEnvironment {
  authority: string;
  tenant: string;
  clientId: string;
  trustedEmulatorUrl: string;
}

/** The fake authority and trusting emulator the launcher started; a launcher that did not is a failure, not a skip. */
export function authEnvironment(): AuthEnvironment {
  const e = process.env;
  if (!e.PC_AUTH_AUTHORITY || !e.PC_AUTH_TENANT || !e.PC_AUTH_CLIENT_ID || !e.PC_TRUSTED_EMULATOR_URL) {
    throw new Error(
      'The sign-in suites need the fake authority: run them through npm run test:e2e or test:electron (test/harness/authRig.ts).',
    );
  }
  return {
    authority: e.PC_AUTH_AUTHORITY,
    tenant: e.PC_AUTH_TENANT,
    clientId: e.PC_AUTH_CLIENT_ID,
    trustedEmulatorUrl: e.PC_TRUSTED_EMULATOR_URL,
  };
}

/**
 * Registers the set-up every sign-in suite shares: the extension's API, and the workspace pointed
 * at the trusting emulator (restored afterwards). `beforeRestore` runs first in the teardown.
 */
export function useSignInSuite(beforeRestore?: (api: AuthTestApi) => Promise<void>): {
  readonly env: AuthEnvironment;
  readonly api: AuthTestApi;
} {
  let env: AuthEnvironment | undefined;
  let api: AuthTestApi | undefined;
  let restore: (() => Promise<void>) | undefined;
  suiteSetup(async () => {
    env = authEnvironment();
    ({ api } = await activateExtension<AuthTestApi>());
    restore = await useTrustedEmulator(env);
  });
  suiteTeardown(async () => {
    if (api && beforeRestore) await beforeRestore(api);
    await restore?.();
  });
  return {
    get env() {
      if (!env) throw new Error('the suite set-up has not run');
      return env;
    },
    get api() {
      if (!api) throw new Error('the suite set-up has not run');
      return api;
    },
  };
}

export interface AuthTestApi {
  connection: { current: { signedIn: boolean; environment: string; label: string; account?: string } };
  /** The extension's accounts, and a look into its SecretStorage (client/src/extension.ts). */
  auth: {
    accounts: { accounts: { id: string; username: string }[] };
    secrets: { keys(): string[]; read(key: string): Promise<string | undefined> };
  };
  explorer: { provider: { getChildren(node?: unknown): Promise<{ id: string }[]>; refresh(): void } };
}

const KEYS = ['environment', 'emulatorUrl', 'auth.authority', 'auth.clientId', 'auth.tenant', 'auth.flow'] as const;

/** Points the workspace at the trusted emulator with device code sign-in; returns the undo. */
export async function useTrustedEmulator(env: AuthEnvironment): Promise<() => Promise<void>> {
  const config = () => vscode.workspace.getConfiguration('partnerCenter');
  const before = new Map(KEYS.map((k) => [k, config().inspect(k)?.workspaceValue]));
  const values: Record<(typeof KEYS)[number], string> = {
    environment: 'emulator',
    emulatorUrl: env.trustedEmulatorUrl,
    'auth.authority': env.authority,
    'auth.clientId': env.clientId,
    'auth.tenant': env.tenant,
    'auth.flow': 'deviceCode',
  };
  for (const k of KEYS) await config().update(k, values[k], vscode.ConfigurationTarget.Workspace);
  const { api } = await activateExtension<AuthTestApi>();
  await waitFor(
    'the connection to need a sign-in',
    () => !api.connection.current.signedIn || api.connection.current.account !== undefined,
  );
  return async () => {
    for (const k of KEYS) await config().update(k, before.get(k), vscode.ConfigurationTarget.Workspace);
  };
}

/** Every value the fake authority issued so far (the suite's tokens, codes...). */
export async function issuedValues(env: AuthEnvironment): Promise<string[]> {
  // undici's own pool, like the extension's: it trusts the run's CA through NODE_EXTRA_CA_CERTS
  // (the extension host's global fetch uses VS Code's certificate handling instead).
  const res = await request(`${env.authority}/_test/issued`);
  return (await res.body.json()) as string[];
}

/** Makes the fake authority approve the next user sign-in as this test user (ALICE or BOB in fakeAuthority.ts). */
export async function approveNextSignInAs(env: AuthEnvironment, upn: string): Promise<void> {
  const res = await request(`${env.authority}/_test/user`, {
    method: 'POST',
    body: JSON.stringify({ upn }),
    headers: { 'content-type': 'application/json' },
  });
  const body = await res.body.text();
  if (res.statusCode !== 200) {
    throw new Error(`the fake authority refused to switch its user to ${upn}: ${res.statusCode} ${body}`);
  }
}
