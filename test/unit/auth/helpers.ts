// Shared setup for the sign-in tests: one test CA per process, a fake authority per test, and a
// PartnerCenterAuth wired like the extension's (SecretStore cache, undici) but trusting the CA
// through an injected dispatcher and capturing every log line for the leak checks.
import { type TestContext } from 'node:test';
import { Agent } from 'undici';
import { clouds } from '../../../common/src/api/clouds';
import {
  type AppRegistration,
  MemorySecretStore,
  PartnerCenterAuth,
  UndiciNetworkModule,
  resolveAppRegistration,
} from '../../../common/src/auth';
import { type FakeAuthority, type FakeAuthorityOptions, startFakeAuthority } from '../../support/fakeAuthority';
import { type TestCertificates, createTestCertificates } from '../../support/testCa';

let certificates: TestCertificates | undefined;

export function testCertificates(): TestCertificates {
  if (!certificates) {
    // The server certificate also names the global cloud's authority, for realCloud.test.ts.
    certificates = createTestCertificates({ serverNames: [new URL(clouds.global.authority!).hostname] });
    process.once('exit', () => certificates?.remove());
  }
  return certificates;
}

export interface AuthHarness {
  authority: FakeAuthority;
  secrets: MemorySecretStore;
  auth: PartnerCenterAuth;
  app: AppRegistration;
  dispatcher: Agent;
  /** Every line MSAL and the auth layer logged, at the most verbose level. */
  logs: string[];
  /** A second PartnerCenterAuth over the same secrets: a new VS Code window or a restart. */
  restart(): PartnerCenterAuth;
  close(): Promise<void>;
}

export async function startAuthHarness(options: Partial<FakeAuthorityOptions> = {}): Promise<AuthHarness> {
  const certs = testCertificates();
  const authority = await startFakeAuthority({
    tls: { key: certs.serverKeyPem, cert: certs.serverCertPem },
    clientCertificatePem: certs.clientCertPem,
    ...options,
  });
  const dispatcher = new Agent({ connect: { ca: certs.caPem } });
  const secrets = new MemorySecretStore();
  const logs: string[] = [];
  const make = () =>
    new PartnerCenterAuth({
      secrets,
      network: (host) => new UndiciNetworkModule({ authority: host, dispatcher }),
      log: (level, message) => logs.push(`${level} ${message}`),
      msalLogLevel: 'debug',
    });
  const app = resolveAppRegistration({
    cloud: 'emulator',
    clientId: authority.clientId,
    tenant: authority.tenantId,
    authorityHost: authority.url,
  });
  return {
    authority,
    secrets,
    auth: make(),
    app,
    dispatcher,
    logs,
    restart: make,
    close: async () => {
      await authority.close();
      await dispatcher.close();
    },
  };
}

/** A harness for one test, closed when it ends, so no test depends on another's sign-ins. */
export async function authHarness(t: TestContext, options: Partial<FakeAuthorityOptions> = {}): Promise<AuthHarness> {
  const h = await startAuthHarness(options);
  t.after(() => h.close());
  return h;
}

/** Values the authority issued that appear in `text`; a leak check wants this empty. */
export function leakedIn(text: string, authority: FakeAuthority): string[] {
  return [...authority.issued].filter((value) => text.includes(value));
}

export function decodeJwt(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}
