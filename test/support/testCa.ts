// A certificate authority made at test time with the machine's openssl, and what it signs:
// a server certificate for 127.0.0.1/localhost (the fake authority), plus any host names it is
// asked for (a real cloud's authority that a test proxy tunnels to the fake one), and a
// self-signed client certificate (App-only sign-in with a certificate). Nothing is reused between runs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestCertificates {
  dir: string;
  /** Path of the CA certificate (PEM), for NODE_EXTRA_CA_CERTS or an undici `connect.ca`. */
  caFile: string;
  caPem: string;
  serverKeyPem: string;
  serverCertPem: string;
  /** Certificate and unencrypted private key in one PEM, as a partner would export it. */
  clientBundlePem: string;
  clientCertPem: string;
  remove(): void;
}

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
}

export interface TestCertificateOptions {
  /** More DNS names for the server certificate, e.g. login.microsoftonline.com. */
  serverNames?: string[];
}

export function createTestCertificates(options: TestCertificateOptions = {}): TestCertificates {
  const names = ['localhost', ...(options.serverNames ?? [])].map((n) => `DNS:${n}`).join(',');
  const dir = mkdtempSync(join(tmpdir(), 'pc-test-ca-'));
  openssl(dir, [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '2',
    '-subj',
    '/CN=Partner Center VS Code Test CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  writeFileSync(
    join(dir, 'server.ext'),
    `basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1,${names}\n`,
  );
  openssl(dir, ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1']);
  openssl(dir, [
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'server.pem',
    '-days',
    '2',
    '-extfile',
    'server.ext',
  ]);
  openssl(dir, [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'client.key',
    '-out',
    'client.pem',
    '-days',
    '2',
    '-subj',
    '/CN=partner-center-test-app',
  ]);
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  return {
    dir,
    caFile: join(dir, 'ca.pem'),
    caPem: read('ca.pem'),
    serverKeyPem: read('server.key'),
    serverCertPem: read('server.pem'),
    clientCertPem: read('client.pem'),
    clientBundlePem: `${read('client.pem')}${read('client.key')}`,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
