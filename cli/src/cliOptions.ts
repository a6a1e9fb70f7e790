// The options every command-line subcommand that talks to Partner Center shares: where (--endpoint),
// with which token, and which kind of document (--kind). One parser and one help text, so `send`
// and `validate` cannot drift apart; both import this module whole, as `sharedOptions`. The token
// is best given in the environment or a file: on the command line it lands in shell history and,
// while the command runs, in every user's `ps`. The commands that send (`send`, `subscription`) also
// share how they read --yes, --sandbox and --journal, and the walk over their command lines.
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

/** Where a command writes: `out` for what it was asked for, `err` for the rest. */
export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
}

/**
 * How every command starts: --help (or -h) prints the usage on `out` (exit 0); a command line that
 * `parse` finds wrong is said on `err` with the usage after it (exit 2). Returns the options, or
 * the exit status when the command is done.
 */
export function readCommandLine<O extends object>(
  argv: string[],
  usage: string,
  parse: (argv: string[]) => O | string,
  io: CliOutput,
): O | number {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(`${usage}\n`);
    return 0;
  }
  const options = parse(argv);
  if (typeof options === 'string') {
    io.err(`${options}\n\n${usage}\n`);
    return 2;
  }
  return options;
}

/** The token of a command that sends, or undefined once it has said on `err` (with the usage) why there is none. */
export async function requireToken(
  o: SharedCliOptions,
  env: Readonly<Record<string, string | undefined>>,
  usage: string,
  io: CliOutput,
): Promise<string | undefined> {
  const { token, error } = await resolveToken(o, env);
  if (!token) io.err(`${error ?? `no token: set ${TOKEN_ENV} or pass --token-file`}\n\n${usage}\n`);
  return token;
}

/** The options of the commands that send (send, subscription): who confirms, where it goes, where unsettled sends are kept. */
export interface SendingCliOptions extends SharedCliOptions {
  yes: boolean;
  sandbox: boolean;
  journal?: string;
}

/**
 * Reads the command line of a command that sends into `into`. Each argument goes to the first
 * that takes it: `own`, the command's own options (it returns the index of the last argument it
 * used, an error, or undefined when `argv[i]` is not one of them); the shared options; --yes/-y,
 * --sandbox, --journal <file>. Any other option is an error; the rest go to `positional`, which
 * returns an error or undefined. Returns the first error, or undefined.
 */
export function readSendingArgs(
  argv: readonly string[],
  into: SendingCliOptions,
  own: (i: number) => number | string | undefined,
  positional: (arg: string) => string | undefined,
): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const used = own(i) ?? readOption(argv, i, into) ?? readSendingOption(argv, i, into);
    if (typeof used === 'string') return used;
    if (used !== undefined) {
      i = used;
      continue;
    }
    if (argv[i].startsWith('-')) return `unknown option ${argv[i]}`;
    const problem = positional(argv[i]);
    if (problem) return problem;
  }
  return undefined;
}

function readSendingOption(argv: readonly string[], i: number, into: SendingCliOptions): number | undefined {
  switch (argv[i]) {
    case '--yes':
    case '-y':
      into.yes = true;
      return i;
    case '--sandbox':
      into.sandbox = true;
      return i;
    case '--journal': {
      // Without a value (the next argument is another option, or there is none) the default journal is used.
      const value = argv[i + 1]?.startsWith('--') ? undefined : argv[i + 1];
      into.journal = value;
      return value === undefined ? i : i + 1;
    }
    default:
      return undefined;
  }
}

/** What a command that sends checks once its own arguments are in order: an endpoint, and the shared options. */
export function checkSendingOptions(o: SendingCliOptions): string | undefined {
  if (!o.endpoint) return '--endpoint is required';
  return checkOptions(o);
}
