// App-only credentials: a client secret or a certificate with its private key. Both are kept
// whole in the SecretStore (never in settings or on disk by us) and turned into what MSAL needs
// only when a token is requested.
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { type AppCredentialKind } from './appRegistration';

export type AppCredential = { kind: 'clientSecret'; secret: string } | { kind: 'clientCertificate'; pem: string };

export interface CertificateCredential {
  thumbprintSha256: string;
  privateKey: string;
  x5c?: string;
}

export interface MsalCredential {
  clientSecret?: string;
  clientCertificate?: CertificateCredential;
}

/**
 * Reads a PEM bundle holding the certificate and its unencrypted private key (PKCS#8 or PKCS#1),
 * as `openssl pkcs12 -nodes` or Azure Key Vault export it. Throws a message that says what is missing.
 */
export function parseCertificatePem(pem: string): CertificateCredential {
  const certBlock = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0];
  if (!certBlock) {
    throw new Error('The file has no certificate: it needs a "BEGIN CERTIFICATE" block and the private key, both PEM.');
  }
  if (/BEGIN ENCRYPTED PRIVATE KEY/.test(pem)) {
    throw new Error(
      'The private key is encrypted. Export it without a password (for example `openssl pkcs12 -in app.pfx -nodes`).',
    );
  }
  const keyBlock = /-----BEGIN (?:RSA |EC )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA |EC )?PRIVATE KEY-----/.exec(pem)?.[0];
  if (!keyBlock) throw new Error('The file has no private key: it needs a "BEGIN PRIVATE KEY" block beside the certificate.');
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(certBlock);
  } catch {
    throw new Error('The certificate in the file cannot be read.');
  }
  let privateKey: string;
  try {
    // MSAL signs with a PKCS#8 key; older exports use PKCS#1 ("RSA PRIVATE KEY").
    privateKey = createPrivateKey(keyBlock).export({ type: 'pkcs8', format: 'pem' }).toString();
  } catch {
    throw new Error('The private key in the file cannot be read.');
  }
  if (!cert.checkPrivateKey(createPrivateKey(privateKey))) {
    throw new Error('The private key does not belong to the certificate in the file.');
  }
  return {
    thumbprintSha256: cert.fingerprint256.replace(/:/g, '').toLowerCase(),
    privateKey,
    // Sending the chain lets Entra ID accept certificate rotation by subject name and issuer.
    x5c: certBlock,
  };
}

export function toMsalCredential(credential: AppCredential): MsalCredential {
  if (credential.kind === 'clientSecret') return { clientSecret: credential.secret };
  return { clientCertificate: parseCertificatePem(credential.pem) };
}

export function serializeCredential(credential: AppCredential): string {
  return JSON.stringify(credential);
}

export function parseStoredCredential(text: string | undefined): AppCredential | undefined {
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as Partial<AppCredential>;
    if (value.kind === 'clientSecret' && typeof (value as { secret?: unknown }).secret === 'string') {
      return value as AppCredential;
    }
    if (value.kind === 'clientCertificate' && typeof (value as { pem?: unknown }).pem === 'string') return value as AppCredential;
  } catch {
    // A damaged entry is treated as missing: the person is asked for the credential again.
  }
  return undefined;
}

export function credentialKindLabel(kind: AppCredentialKind): string {
  return kind === 'clientSecret' ? 'client secret' : 'certificate';
}
