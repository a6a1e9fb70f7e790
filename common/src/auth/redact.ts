// Last line of defence between credentials and anything a person can read (logs, messages).
// The first line is never putting a token into a string at all; this catches what MSAL's own
// log lines or a server's error description might carry.

const SENSITIVE_KEYS =
  'access_token|refresh_token|id_token|client_secret|client_assertion|code_verifier|device_code|code|assertion|password|client_info';

const PATTERNS: [RegExp, string][] = [
  // JWTs (access and id tokens, client assertions): three base64url parts, the first a JSON header.
  [/eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/g, '[redacted jwt]'],
  // key=value in form bodies and URLs.
  [new RegExp(`\\b(${SENSITIVE_KEYS})=[^&\\s"']+`, 'gi'), '$1=[redacted]'],
  // "key": "value" in JSON.
  [new RegExp(`"(${SENSITIVE_KEYS})"\\s*:\\s*"[^"]*"`, 'gi'), '"$1":"[redacted]"'],
  // PEM blocks (private keys, certificates).
  [/-----BEGIN [A-Z ]+-----[\s\S]*?-----END [A-Z ]+-----/g, '[redacted pem]'],
  // Opaque tokens (refresh tokens, codes) have long unbroken runs; ids, URLs and words do not.
  [/[A-Za-z0-9_+=-]{40,}/g, '[redacted]'],
];

export function redactSecrets(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
