// `partner-center send <file>`: the run-request core from a terminal or a script. It prints the
// response as JSON on stdout and progress on stderr. A purchase needs --yes, or a person at a
// terminal who confirms it; piped or scheduled runs without --yes refuse to buy. Unsettled
// purchases are journaled in a file (a crash must not forget them), by default in the user's cache.
import { homedir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { pathToFileURL } from 'node:url';
import { PartnerCenterClient } from '../../common/src/api/client';
import { isLoopbackHost } from '../../common/src/api/clouds';
import * as sharedOptions from './cliOptions';
import { writeStdout } from './stdout';
import { requestKindById, requestKindOf } from '../../common/src/requestKinds';
import { InvalidUtf8Error, readUtf8File } from '../../common/src/utf8File';
import { JsonFileStore } from '../../common/src/send/fileStore';
import { Journal, type JournalEntry, type RecentSend } from '../../common/src/send/journal';
import { describeSummary, type EnvironmentInfo, type PurchaseSummary } from '../../common/src/send/purchase';
import { responseDocument } from '../../common/src/send/responseDocument';
import { runDocument } from '../../common/src/send/runner';
import { type RunPrompts, type RunResult } from '../../common/src/send/runTypes';

const USAGE = `usage: partner-center send <file> --endpoint <url> [--customer <id>] [--yes]
                           [--kind <kind>] [--sandbox] [--journal <file>]
       the token: ${sharedOptions.TOKEN_ENV}=<token> in the environment, or --token-file <path>

Sends a Partner Center request document (*.order.json, *.cart.json, *.subscription.json,
*.customer.json, *.request.json) and prints the response as JSON.
${sharedOptions.HELP}
  --customer <id>      the customer when the document names none
  --yes                confirm purchases without asking (required when stdin is not a terminal)
  --sandbox            the endpoint is an integration sandbox account (shown in confirmations)
  --journal <file>     where unsettled purchases are kept, so a re-run after a crash asks first
                       (default: $XDG_CACHE_HOME or ~/.cache, then partner-center-vscode/cli-journal.json)
Exit status: 0 sent and accepted, 1 Partner Center answered with an error (or no definite
answer), 2 usage problem or nothing sent (bad arguments or document, purchase not confirmed).`;

interface Options extends sharedOptions.SendingCliOptions {
  file?: string;
  customer?: string;
}

function parseArgs(argv: string[]): Options | string {
  const o: Options = { yes: false, sandbox: false };
  const problem = sharedOptions.readSendingArgs(
    argv,
    o,
    (i) => {
      if (argv[i] !== '--customer') return undefined;
      o.customer = argv[i + 1];
      return i + 1;
    },
    (arg) => {
      if (o.file) return 'send takes one file';
      o.file = arg;
      return undefined;
    },
  );
  if (problem) return problem;
  if (!o.file) return 'no file given';
  return sharedOptions.checkSendingOptions(o) ?? o;
}

/** The journal file when --journal is not given: the user's cache directory (XDG), which survives crashes and reboots. */
export function defaultJournalPath(env: Readonly<Record<string, string | undefined>>, home = homedir()): string {
  const cache = env.XDG_CACHE_HOME?.trim() ? env.XDG_CACHE_HOME : join(home, '.cache');
  return join(cache, 'partner-center-vscode', 'cli-journal.json');
}

/** The journal of --journal, or the default one. */
export function openJournal(
  option: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): { journal: Journal; journalPath: string } {
  const journalPath = option ? resolve(option) : defaultJournalPath(env);
  // Settled sends are remembered beside the journal (and under its lock) for an hour, so two
  // commands sending one purchase in two terminals buy once even when one finishes while the other asks.
  const journal = new Journal(
    new JsonFileStore<JournalEntry>(journalPath),
    new JsonFileStore<RecentSend>(`${journalPath}.recent`),
  );
  return { journal, journalPath };
}

/** What a confirmation says about where it goes: only a loopback address is the emulator, where no money is spent. */
export function environmentOf(endpoint: string, sandbox: boolean): EnvironmentInfo {
  const url = new URL(endpoint);
  return isLoopbackHost(url.hostname)
    ? { kind: 'emulator', label: `Emulator (${url.origin})` }
    : { kind: sandbox ? 'sandbox' : 'production', label: url.origin };
}

export interface SendIo {
  stdinIsTty: boolean;
  /** Where PARTNER_CENTER_TOKEN and XDG_CACHE_HOME are read; process.env by default. */
  env?: Readonly<Record<string, string | undefined>>;
  out(text: string): void;
  err(text: string): void;
  ask(question: string): Promise<string>;
}

export const processIo: SendIo = {
  stdinIsTty: process.stdin.isTTY === true,
  out: writeStdout,
  err: (t) => process.stderr.write(t),
  ask: async (question) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      return await rl.question(question);
    } finally {
      rl.close();
    }
  },
};

export async function sendCommand(argv: string[], io: SendIo = processIo): Promise<number> {
  const o = sharedOptions.readCommandLine(argv, USAGE, parseArgs, io);
  if (typeof o === 'number') return o;
  const env = io.env ?? process.env;
  const token = await sharedOptions.requireToken(o, env, USAGE, io);
  if (!token) return 2;
  const path = resolve(String(o.file));
  let text: string;
  try {
    text = (await readUtf8File(path)).replace(/^\uFEFF/, '');
  } catch (err) {
    io.err(err instanceof InvalidUtf8Error ? `${err.message}\n` : `cannot read ${path}: ${(err as Error).message}\n`);
    return 2;
  }
  // The kinds' file patterns read URIs, whose escapes are decoded: a file URL keeps a "%" in a name literal.
  const documentUri = pathToFileURL(path).href;
  const kind = o.kind ? requestKindById(o.kind) : requestKindOf(documentUri, text);
  if (!kind) {
    io.err(`${basename(path)} is not a Partner Center request document; name it *.order.json, *.cart.json, ... or pass --kind\n`);
    return 2;
  }
  const environment = environmentOf(String(o.endpoint), o.sandbox);
  const client = new PartnerCenterClient({ endpoint: String(o.endpoint), tokenProvider: { getToken: async () => token } });
  const { journal, journalPath } = openJournal(o.journal, env);
  let refusal: string | undefined;
  const prompts: RunPrompts = {
    pickCustomer: async () => o.customer,
    confirmPurchase: async (summary) => {
      io.err(`${describeSummary(summary)}\n`);
      if (o.yes) return true;
      if (!io.stdinIsTty) {
        const interrupted = (summary.warnings ?? []).some((w) => w.includes('sent again under the same request id'));
        refusal = `refusing to make a purchase without --yes: stdin is not a terminal, so nobody can confirm it${
          interrupted
            ? '. An interrupted earlier send of this purchase is open (see the notes above): with --yes it is sent again under its request id, which Partner Center places at most once; nothing is concluded from the orders listed'
            : ''
        }`;
        return false;
      }
      return confirmAtTerminal(io, summary);
    },
    showCartPreview: async (summary) => io.err(`Cart preview:\n${describeSummary(summary)}\n`),
  };
  const controller = new AbortController();
  const onSigint = (): void => controller.abort();
  process.once('SIGINT', onSigint);
  try {
    const result = await runDocument(text, kind, {
      client,
      environment,
      journal,
      prompts,
      signal: controller.signal,
      customerId: o.customer,
      documentUri,
      progress: (m) => io.err(`${m}\n`),
    });
    if (result.exchanges.length > 0) {
      const record = {
        id: '',
        time: result.exchanges[0].startedAt,
        title: basename(path),
        kindId: kind.id,
        environment: environment.label,
        endpoint: client.endpoint,
        summary: result.message,
        exchanges: result.exchanges,
      };
      io.out(responseDocument(record));
    }
    io.err(`${refusal ?? result.message}\n`);
    if (await keptInJournal(journal, result)) {
      io.err(`The send is kept in ${journalPath}; run the same command again to check it with Partner Center and finish it.\n`);
    }
    return exitCode(result, refusal !== undefined);
  } finally {
    process.off('SIGINT', onSigint);
    await client.close();
  }
}

/** Whether a call of this run was left unsettled in the journal (only purchases are journaled). */
async function keptInJournal(journal: Journal, result: RunResult): Promise<boolean> {
  if (result.status !== 'unknown' && result.status !== 'cancelled') return false;
  const ids = new Set(result.exchanges.map((e) => e.requestId));
  return (await journal.unsettled()).some((e) => ids.has(e.requestId));
}

function exitCode(result: RunResult, refused: boolean): number {
  if (refused) return 2;
  switch (result.status) {
    case 'done':
    case 'alreadyDone':
      return 0;
    case 'blocked':
    case 'declined':
      return result.exchanges.some((e) => e.outcome !== 'ok') ? 1 : 2;
    default:
      return 1;
  }
}

/** The person at the terminal says yes (in production, by typing the customer's domain). */
export async function confirmAtTerminal(io: SendIo, summary: PurchaseSummary): Promise<boolean> {
  if (summary.environment.kind === 'production' && summary.customer.domain) {
    const typed = await io.ask(`Type the customer's domain (${summary.customer.domain}) to confirm: `);
    return typed.trim().toLowerCase() === summary.customer.domain.toLowerCase();
  }
  const answer = await io.ask(`${summary.action}? [y/N] `);
  return /^y(es)?$/i.test(answer.trim());
}
