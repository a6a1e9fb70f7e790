// The options every command-line subcommand that talks to Partner Center shares: where (--endpoint),
// with which token, and which kind of document (--kind). One parser and one help text, so `send`
// and `validate` cannot drift apart; both import this module whole, as `sharedOptions`. The token
// is best given in the environment or a file: on the command line it lands in shell history and,
// while the command runs, in every user's `ps`.
import { readFile as readFileCallback } from 'node:fs';
import { promisify } from 'node:util';
import { requestKindById, requestKinds } from '../../common/src/requestKinds';

// Not node:fs/promises: node does not load it at start, and every command-line run would pay for it.
const readFile = promisify(readFileCallback);

export interface SharedCliOptions {
  endpoint?: string;
  /** Given with --token (kept for compatibility). */
  token?: string;
  tokenFile?: string;
  kind?: string;
}

export const TOKEN_ENV = 'PARTNER_CENTER_TOKEN';

/** Help lines for the shared options; the safe ways to pass a token come first. */
export const HELP = [
  '  --endpoint <url>     the Partner Center API (or emulator) base URL',
  `  ${TOKEN_ENV}  (environment variable) the access token: the preferred way to pass it`,
  '  --token-file <path>  read the access token from this file',
  '  --token <token>      the token itself (discouraged: visible in shell history and to `ps`)',
  `  --kind <kind>        treat the file as this kind (${requestKinds.map((k) => k.id).join(', ')})`,
].join('\n');

const VALUE_OPTIONS: Record<string, keyof SharedCliOptions> = {
  '--endpoint': 'endpoint',
  '--token': 'token',
  '--token-file': 'tokenFile',
  '--kind': 'kind',
};

/**
 * Reads the shared option at `argv[i]` into `into`. Returns the index of the last argument used,
 * an error message, or undefined when `argv[i]` is not a shared option.
 */
export function readOption(argv: readonly string[], i: number, into: SharedCliOptions): number | string | undefined {
  const name = VALUE_OPTIONS[argv[i]];
  if (!name) return undefined;
  const value = argv[i + 1];
  if (value === undefined || value.startsWith('--')) return `${argv[i]} needs a value`;
  into[name] = value;
  return i + 1;
}

/** Problems with the shared options as given (a bad URL, an unknown kind, two tokens). */
export function checkOptions(o: SharedCliOptions): string | undefined {
  if (o.token !== undefined && o.tokenFile !== undefined) return 'give the token once: --token-file or --token, not both';
  if (o.kind !== undefined && !requestKindById(o.kind)) return `unknown kind ${o.kind}`;
  if (o.endpoint !== undefined) {
    try {
      new URL(o.endpoint);
    } catch {
      return `--endpoint is not a URL: ${o.endpoint}`;
    }
  }
  return undefined;
}

/** The token from --token-file, --token or the environment, in that order; undefined when none is given. */
export async function resolveToken(
  o: SharedCliOptions,
  env: Readonly<Record<string, string | undefined>>,
): Promise<{ token?: string; error?: string }> {
  if (o.tokenFile !== undefined) {
    try {
      const token = (await readFile(o.tokenFile, 'utf8')).trim();
      return token ? { token } : { error: `the token file ${o.tokenFile} is empty` };
    } catch (err) {
      return { error: `cannot read the token file ${o.tokenFile}: ${(err as Error).message}` };
    }
  }
  if (o.token !== undefined) return { token: o.token };
  const fromEnv = env[TOKEN_ENV]?.trim();
  return fromEnv ? { token: fromEnv } : {};
}
