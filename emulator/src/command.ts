// `partner-center emulator [flags]`: runs the emulator in the foreground until SIGINT/SIGTERM.
// Prints exactly one "listening on <url>" line on stdout once it accepts connections, so
// scripts and tests can wait for that line instead of sleeping.

import { parseArgs } from 'node:util';
import { parseFaults } from './faults';
import { type EmulatorFaults, type EmulatorOptions } from './options';
import { startEmulator } from './server';

const HELP = `usage: partner-center emulator [options]

Runs a local Partner Center REST API (paths under /v1) with seeded data.

options:
  --port <n>                   port to listen on (default 0 = a free port)
  --host <addr>                address to bind (default 127.0.0.1)
  --seed <n>                   seed of the data set and of fault draws (default 1)
  --rate-limit <n>             requests per minute per tenant before 429 (default 500)
  --provisioning-delay-ms <n>  time before a new order completes (default 3000)
  --bom                        start every JSON body with a UTF-8 BOM, as the real service may
  --fault <name>=<value>       repeatable; names:
                                 reset-after-commit=<p>   process, then drop the connection
                                 reset-before-commit=<p>  drop the connection unprocessed
                                 status-503=<p>           answer 503 before processing
                                 status-500=<p>           answer a write 500 before processing
                                 status-500-after-commit=<p>  process a write, then answer 500
                                 status-200-error=<p>     answer a write 200 with error 400072
                                 checkout-order-errors=<p>  per order group: list it in
                                                          orderErrors (800010) instead of placing it
                                 slow-patch=<p>           make a subscription PATCH, then answer
                                                          202 with Location (a slow update)
                                 latency-ms=<n>           delay every response
                                 limit=<n>                the p faults above fire n times at most
  --require-token <value>      accept only "Authorization: Bearer <value>"
  --trust-issuer <url>         validate JWT bearer tokens from this issuer (signature from its
                               JWKS, audience, expiry; App+User tokens need MFA) instead of
                               accepting any token. NODE_EXTRA_CA_CERTS adds CAs for reaching it
  --help                       show this help

Admin endpoints: GET /_emulator/health, GET /_emulator/requests,
POST /_emulator/requests/reset, POST /_emulator/faults, GET /_emulator/fixtures
(loopback or own Host only, no foreign Origin, JSON POSTs; with --require-token, that token)
`;

export async function emulatorCommand(argv: string[]): Promise<number> {
  let options: EmulatorOptions;
  try {
    const parsed = parseFlags(argv);
    if (parsed === 'help') {
      process.stdout.write(HELP);
      return 0;
    }
    options = parsed;
  } catch (e) {
    process.stderr.write(
      `emulator: ${e instanceof Error ? e.message : String(e)}\nRun 'partner-center emulator --help' for the options.\n`,
    );
    return 2;
  }
  const emulator = await startEmulator(options);
  process.stdout.write(`Partner Center emulator listening on ${emulator.url} (seed ${options.seed ?? 1})\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await emulator.close();
  return 0;
}

function parseFlags(argv: string[]): EmulatorOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      'rate-limit': { type: 'string' },
      'provisioning-delay-ms': { type: 'string' },
      bom: { type: 'boolean' },
      fault: { type: 'string', multiple: true },
      'require-token': { type: 'string' },
      'trust-issuer': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  const options: EmulatorOptions = {};
  if (values.port !== undefined) options.port = integer('--port', values.port, 0, 65535);
  if (values.host !== undefined) options.host = values.host;
  if (values.seed !== undefined) options.seed = integer('--seed', values.seed, -2147483648, 2147483647);
  if (values['rate-limit'] !== undefined) {
    options.rateLimitPerMinute = integer('--rate-limit', values['rate-limit'], 1, Number.MAX_SAFE_INTEGER);
  }
  if (values['provisioning-delay-ms'] !== undefined) {
    options.provisioningDelayMs = integer('--provisioning-delay-ms', values['provisioning-delay-ms'], 0, Number.MAX_SAFE_INTEGER);
  }
  if (values.bom) options.bom = true;
  if (values['require-token'] !== undefined) options.requireToken = values['require-token'];
  if (values['trust-issuer'] !== undefined) options.trustIssuer = issuerUrl(values['trust-issuer']);
  if (values.fault) options.faults = faultFlags(values.fault);
  return options;
}

function issuerUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`--trust-issuer needs a URL, got '${text}'`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`--trust-issuer needs an http(s) URL, got '${text}'`);
  }
  // Kept as typed: it must equal the tokens' "iss" claim exactly.
  return text;
}

function integer(flag: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || n < min || n > max) {
    throw new Error(`${flag} needs an integer between ${min} and ${max}, got '${text}'`);
  }
  return n;
}

function faultFlags(flags: string[]): EmulatorFaults {
  const entries: Record<string, string> = {};
  for (const flag of flags) {
    const eq = flag.indexOf('=');
    if (eq <= 0) throw new Error(`--fault needs <name>=<value>, got '${flag}'`);
    entries[flag.slice(0, eq)] = flag.slice(eq + 1);
  }
  return parseFaults(entries);
}
