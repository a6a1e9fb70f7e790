// The sign-in part of the e2e run: a test CA, a fake Entra authority (HTTPS) and a second
// emulator that trusts only that authority's tokens (--trust-issuer). After the run, every token
// the authority issued is looked for in the run's files (logs, the output channel, settings):
// finding one fails the run.
//
// A real cloud signs in at login.microsoftonline.com, and the extension has no setting to change
// that (partnerCenter.auth.authority is for the emulator only). So the extension host gets what a
// partner behind a corporate proxy has: HTTPS_PROXY, here a tunnel proxy that carries
// login.microsoftonline.com to the fake authority (whose certificate names that host) and refuses
// every other host, so no test can reach Microsoft's real services.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { clouds } from '../../common/src/api/clouds';
import { type FakeAuthority, startFakeAuthority } from '../support/fakeAuthority';
import { type TestCertificates, createTestCertificates } from '../support/testCa';
import { startTunnelProxy } from '../support/tunnelProxy';
import { type EmulatorProcess, startEmulatorProcess } from './emulatorProcess';

export interface AuthRig {
  authority: FakeAuthority;
  trustedEmulator: EmulatorProcess;
  certificates: TestCertificates;
  /** Variables for the extension host (the suite reads them in test/support/integrationAuth.ts). */
  environment: Record<string, string>;
  stop(): Promise<void>;
}

/** The global cloud's sign-in host, as the product has it; the fake authority answers as it. */
const GLOBAL_AUTHORITY_HOST = new URL(clouds.global.authority!).hostname;
const LOOPBACK = '127.0.0.1,localhost,::1';

export async function startAuthRig(repoRoot: string): Promise<AuthRig> {
  const certificates = createTestCertificates({ serverNames: [GLOBAL_AUTHORITY_HOST] });
  // Child processes (the emulator, code-server and its extension host) trust the test CA the
  // standard way, so the extension's undici calls need no test-only code path.
  process.env.NODE_EXTRA_CA_CERTS = certificates.caFile;
  // Two pending polls at a one-second interval: the device code flow is exercised for real.
  const authority = await startFakeAuthority({
    tls: { key: certificates.serverKeyPem, cert: certificates.serverCertPem },
    deviceCodePendingPolls: 2,
    deviceCodeIntervalSeconds: 1,
    aliasHosts: [GLOBAL_AUTHORITY_HOST],
  });
  // The extension host's HTTPS_PROXY: login.microsoftonline.com → the fake authority, nothing else.
  const proxy = await startTunnelProxy({ [`${GLOBAL_AUTHORITY_HOST}:443`]: authority.port });
  const trustedEmulator = await startEmulatorProcess(repoRoot, ['--seed', '42', '--trust-issuer', authority.issuer]);
  return {
    authority,
    trustedEmulator,
    certificates,
    environment: {
      PC_AUTH_AUTHORITY: authority.url,
      PC_AUTH_TENANT: authority.tenantId,
      PC_AUTH_CLIENT_ID: authority.clientId,
      PC_TRUSTED_EMULATOR_URL: trustedEmulator.url,
      // Both spellings: the lower-case one wins where both are read, and the machine may have one.
      // Loopback (the emulators, the fake authority's own URL, the UI driver) never goes through it.
      HTTPS_PROXY: proxy.url,
      https_proxy: proxy.url,
      NO_PROXY: LOOPBACK,
      no_proxy: LOOPBACK,
    },
    stop: async () => {
      await trustedEmulator.stop();
      await proxy.close();
      await authority.close();
      certificates.remove();
    },
  };
}

export interface LeakScan {
  files: number;
  tokens: number;
  /** "file: token prefix…" for each leak; empty when clean. */
  leaks: string[];
}

/** Looks for every issued value in every file under the given folders. */
export function scanForIssuedTokens(authority: FakeAuthority, folders: string[]): LeakScan {
  const tokens = [...authority.issued];
  const result: LeakScan = { files: 0, tokens: tokens.length, leaks: [] };
  const visit = (path: string): void => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const name of readdirSync(path)) visit(join(path, name));
      return;
    }
    if (!stat.isFile() || stat.size > 50 * 1024 * 1024) return;
    result.files++;
    // latin1 keeps every byte, so binary stores (SQLite) are searched as well.
    const text = readFileSync(path).toString('latin1');
    for (const token of tokens) {
      if (text.includes(token)) result.leaks.push(`${path}: ${token.slice(0, 12)}…`);
    }
  };
  folders.forEach(visit);
  return result;
}
