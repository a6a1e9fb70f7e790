// `partner-center subscription <customer> <subscription> --quantity N | --auto-renew on|off | ...`:
// the explorer's lifecycle actions for scripts (issue 15), on the same path (common/src/lifecycle):
// read the subscription now, print the diff of current against proposed and the consequences,
// confirm (--yes, or a person at a terminal; a script without --yes is refused), send once through
// the journal with If-Match, follow until the change shows, and print the settled subscription as
// JSON on stdout. A stale etag prints the fresh diff; at a terminal it asks again, with --yes it stops
// (what was confirmed was a change to another version of the subscription).
import { resolve } from 'node:path';
import { PartnerCenterClient } from '../../common/src/api/client';
import { type LifecycleRequest } from '../../common/src/lifecycle/actions';
import {
  applyLifecycle,
  type LifecycleProposal,
  type LifecycleTarget,
  proposeLifecycle,
} from '../../common/src/lifecycle/lifecycleChange';
import { lineDiff, reviewDocuments } from '../../common/src/lifecycle/review';
import { applyUpgrade, proposeUpgrade, type UpgradeRequest, upgradeReview } from '../../common/src/lifecycle/upgrade';
import { isObject } from '../../common/src/send/jsonValues';
import { describeSummary } from '../../common/src/send/purchase';
import { type RunContext } from '../../common/src/send/runTypes';
import { InvalidUtf8Error, readUtf8File } from '../../common/src/utf8File';
import * as sharedOptions from './cliOptions';
import { confirmAtTerminal, environmentOf, openJournal, processIo, type SendIo } from './send';

const USAGE = `usage: partner-center subscription <customer-id> <subscription-id> --endpoint <url> <action>
                                   [--yes] [--sandbox] [--journal <file>]
       the token: ${sharedOptions.TOKEN_ENV}=<token> in the environment, or --token-file <path>

Changes a new-commerce subscription the safe way: the whole subscription is read now, the change
merged over it and shown as a diff with what else it does, then sent once with its etag (If-Match).
Actions (one):
  --quantity <n>          change the number of seats (removing seats: only within 7 days of adding them)
  --auto-renew on|off     turn auto-renew on or off
  --suspend               suspend (turns auto-renew off and removes scheduled changes)
  --reactivate            reactivate a suspended subscription
  --cancel                cancel, only within 7 days of purchase or renewal
  --schedule <file>       schedule changes for the next term: a JSON file with the
                          scheduledNextTermInstructions object ({"product": {...}, "quantity": n})
  --remove-schedule       remove the changes scheduled for the next term
  --billing-cycle <cycle> change the billing cycle (three-year terms, monthly or annual)
  --upgrade <catalogItemId>
                          upgrade (transition) to an eligible target of GET transitionEligibilities;
                          with --quantity <n>, only n seats move (into a new subscription)
${sharedOptions.HELP.split('\n')
  .filter((l) => !l.includes('--kind'))
  .join('\n')}
  --yes                   confirm without asking (required when stdin is not a terminal)
  --sandbox               the endpoint is an integration sandbox account (shown in confirmations)
  --journal <file>        where unsettled changes are kept (default: as for send)
Exit status: 0 applied, 1 Partner Center refused it or gave no definite answer (or the subscription
changed meanwhile), 2 usage problem or nothing sent (not allowed now, not confirmed).`;

interface Options extends sharedOptions.SendingCliOptions {
  customer?: string;
  subscription?: string;
  request?: LifecycleRequest;
  upgrade?: UpgradeRequest;
  scheduleFile?: string;
}

function parseArgs(argv: string[]): Options | string {
  const o: Options = { yes: false, sandbox: false };
  const actions: string[] = [];
  const set = (name: string, request?: LifecycleRequest) => {
    actions.push(name);
    o.request = request;
  };
  /** The actions; each returns the index of the last argument it used, or what is wrong. */
  const action = (i: number): number | string | undefined => {
    const arg = argv[i];
    // An action's value is the next argument, unless that is another option.
    const text = argv[i + 1]?.startsWith('--') ? undefined : argv[i + 1];
    switch (arg) {
      case '--kind':
        // Only when it has a value: without one, the shared parser's "--kind needs a value" is said.
        return text === undefined ? undefined : 'subscription takes no --kind';
      case '--quantity':
        if (!text || !/^\d+$/.test(text)) return '--quantity needs a whole number';
        set(arg, { action: 'quantity', quantity: Number(text) });
        return i + 1;
      case '--auto-renew': {
        const onOff = text?.toLowerCase();
        if (onOff !== 'on' && onOff !== 'off') return '--auto-renew needs on or off';
        set(arg, { action: 'autoRenew', enabled: onOff === 'on' });
        return i + 1;
      }
      case '--suspend':
        set(arg, { action: 'suspend' });
        return i;
      case '--reactivate':
        set(arg, { action: 'reactivate' });
        return i;
      case '--cancel':
        set(arg, { action: 'cancel' });
        return i;
      case '--schedule':
        o.scheduleFile = text;
        if (!o.scheduleFile) return '--schedule needs a file';
        set(arg);
        return i + 1;
      case '--remove-schedule':
        set(arg, { action: 'schedule' });
        return i;
      case '--billing-cycle':
        if (!text) return '--billing-cycle needs monthly or annual';
        set(arg, { action: 'billingCycle', billingCycle: text.toLowerCase() });
        return i + 1;
      case '--upgrade':
        if (!text) return '--upgrade needs the target catalog item id (productId:skuId:availabilityId)';
        actions.push(arg);
        o.upgrade = { toCatalogItemId: text };
        return i + 1;
      default:
        return undefined;
    }
  };
  const problem = sharedOptions.readSendingArgs(argv, o, action, (arg) => {
    if (!o.customer) o.customer = arg;
    else if (!o.subscription) o.subscription = arg;
    else return 'subscription takes a customer id and a subscription id';
    return undefined;
  });
  if (problem) return problem;
  if (!o.customer || !o.subscription) return 'give the customer id and the subscription id';
  // With --upgrade, --quantity is how many seats move, not an action of its own.
  if (o.upgrade && actions.includes('--quantity')) {
    actions.splice(actions.indexOf('--quantity'), 1);
    o.upgrade.quantity = o.request?.action === 'quantity' ? o.request.quantity : undefined;
    o.request = undefined;
  }
  if (actions.length !== 1) {
    return actions.length === 0 ? 'give one action (--quantity, --cancel, ...)' : `give one action, not ${actions.join(' and ')}`;
  }
  return sharedOptions.checkSendingOptions(o) ?? o;
}

async function readSchedule(file: string): Promise<LifecycleRequest | string> {
  let text: string;
  try {
    text = (await readUtf8File(resolve(file))).replace(/^\uFEFF/, '');
  } catch (err) {
    return err instanceof InvalidUtf8Error ? err.message : `cannot read ${file}: ${(err as Error).message}`;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return `${file} is not JSON: ${(err as Error).message}`;
  }
  // The file may hold the instructions themselves or a subscription fragment that carries them.
  const instructions =
    isObject(value) && isObject(value.scheduledNextTermInstructions) ? value.scheduledNextTermInstructions : value;
  if (!isObject(instructions)) return `${file} must hold a JSON object: the scheduledNextTermInstructions`;
  return { action: 'schedule', instructions };
}

export async function subscriptionCommand(argv: string[], io: SendIo = processIo): Promise<number> {
  const o = sharedOptions.readCommandLine(argv, USAGE, parseArgs, io);
  if (typeof o === 'number') return o;
  const request = o.scheduleFile ? await readSchedule(o.scheduleFile) : o.request;
  if (typeof request === 'string' || (!request && !o.upgrade)) {
    io.err(`${request ?? 'no action'}\n`);
    return 2;
  }
  const env = io.env ?? process.env;
  const token = await sharedOptions.requireToken(o, env, USAGE, io);
  if (!token) return 2;
  const client = new PartnerCenterClient({ endpoint: String(o.endpoint), tokenProvider: { getToken: async () => token } });
  const { journal } = openJournal(o.journal, env);
  let refusal: string | undefined;
  const controller = new AbortController();
  const onSigint = (): void => controller.abort();
  process.once('SIGINT', onSigint);
  const ctx: RunContext = {
    client,
    environment: environmentOf(String(o.endpoint), o.sandbox),
    journal,
    signal: controller.signal,
    progress: (m) => io.err(`${m}\n`),
    prompts: {
      pickCustomer: async () => o.customer,
      confirmPurchase: async (summary) => {
        io.err(`${describeSummary(summary)}\n`);
        if (o.yes) return true;
        if (!io.stdinIsTty) {
          refusal = 'refusing to change the subscription without --yes: stdin is not a terminal, so nobody can confirm it';
          return false;
        }
        return confirmAtTerminal(io, summary);
      },
    },
  };
  const target = { customerId: String(o.customer), subscriptionId: String(o.subscription) };
  try {
    if (o.upgrade) return await upgrade(io, ctx, target, o.upgrade, () => refusal);
    if (!request) return 2;
    const first = await proposeLifecycle(ctx, target, request);
    if (!first.proposal) {
      io.err(`Not sent: ${first.refused}\n`);
      return first.read && first.read.outcome !== 'ok' ? 1 : 2;
    }
    let proposal: LifecycleProposal = first.proposal;
    for (;;) {
      printReview(io, proposal);
      const result = await applyLifecycle(ctx, proposal);
      if (result.status === 'stale' && result.fresh && !o.yes && io.stdinIsTty) {
        io.err(`${result.message}\n`);
        proposal = result.fresh;
        continue;
      }
      if (result.status === 'stale' && result.fresh) printReview(io, result.fresh);
      if (result.subscription) io.out(`${JSON.stringify(result.subscription, null, 2)}\n`);
      io.err(`${refusal ?? result.message}\n`);
      if (result.status === 'stale' && o.yes) {
        io.err('Nothing was sent over the newer subscription; run the command again to apply it there.\n');
      }
      if (refusal || result.status === 'declined') return 2;
      return result.status === 'done' || result.status === 'alreadyDone' ? 0 : 1;
    }
  } finally {
    process.off('SIGINT', onSigint);
    await client.close();
  }
}

/** --upgrade: the same path with the transition call (common/src/lifecycle/upgrade.ts). */
async function upgrade(
  io: SendIo,
  ctx: RunContext,
  target: LifecycleTarget,
  request: UpgradeRequest,
  refusal: () => string | undefined,
): Promise<number> {
  const proposed = await proposeUpgrade(ctx, target, request);
  if (!proposed.proposal) {
    io.err(`Not sent: ${proposed.refused}\n`);
    return proposed.reads.some((r) => r.outcome !== 'ok') ? 1 : 2;
  }
  const review = upgradeReview(proposed.proposal);
  io.err(
    `${review.title}\n--- current subscription (as read now)\n+++ after the upgrade, and the transition request (POST …/transitions)\n`,
  );
  io.err(`${lineDiff(review.current, review.proposed)}\n`);
  for (const c of review.consequences) io.err(`* ${c}\n`);
  const result = await applyUpgrade(ctx, proposed.proposal);
  if (result.subscription) io.out(`${JSON.stringify(result.subscription, null, 2)}\n`);
  io.err(`${refusal() ?? result.message}\n`);
  if (refusal() || result.status === 'declined') return 2;
  return result.status === 'done' && result.settled ? 0 : 1;
}

/** The diff and the consequences, on stderr (stdout is the settled subscription, for scripts). */
function printReview(io: SendIo, proposal: LifecycleProposal): void {
  const review = reviewDocuments(proposal);
  io.err(`${review.title}\n--- current (as read now)\n+++ proposed (sent with If-Match ${proposal.etag ?? '(none)'})\n`);
  io.err(`${lineDiff(review.current, review.proposed)}\n`);
  for (const c of review.consequences) io.err(`* ${c}\n`);
}
