// A lifecycle action from a subscription node to the settled node (issue 15), on the shared core
// (common/src/lifecycle): read the subscription now and propose the change; open the review diff
// with its consequences; confirm with Run Request's dialogs (typed in production for reductions,
// cancellations and other purchase-like changes); send once through the journal; follow until it
// shows; redraw the node. A stale etag opens a fresh diff of the newer subscription and asks again.
import * as vscode from 'vscode';
import { type PartnerCenterClient } from '../../../common/src/api';
import { type LifecycleRequest } from '../../../common/src/lifecycle/actions';
import {
  type LifecycleProposal,
  type LifecycleResult,
  type LifecycleStatus,
} from '../../../common/src/lifecycle/lifecycleChange';
import { type ReviewDocuments } from '../../../common/src/lifecycle/review';
import { type UpgradeRequest, type UpgradeResult } from '../../../common/src/lifecycle/upgrade';
import { type JsonObject } from '../../../common/src/send/jsonValues';
import {
  type EnvironmentInfo,
  type Exchange,
  type History,
  type Journal,
  type RunContext,
  type RunStatus,
} from '../../../common/src/send';
import { config } from '../config';
import { NotSignedInError, type PartnerCenterConnection } from '../connection';
import { type SubscriptionNode } from '../explorer/SubscriptionNode';
import { apiPart } from '../parts';
import { type RunHost } from '../run/runHost';
import { type OpenReview, type ReviewDocumentProvider } from './reviewDiff';

export interface LifecycleDeps {
  connection: PartnerCenterConnection;
  log: vscode.LogOutputChannel;
  host: RunHost;
  journal: () => Journal;
  history: () => History;
  onHistoryChanged: () => void;
  reviews: ReviewDocumentProvider;
  /** Where requests go, in a confirmation's words: Run Request's (runController.ts). */
  environment: () => EnvironmentInfo;
}

/** What an action came to: the core's result, or why it never got as far as a proposal. */
type Outcome<R> = (R & { reviews: OpenReview[] }) | { status: 'refused'; message: string; reviews: OpenReview[] };

export type LifecycleOutcome = Outcome<LifecycleResult>;
export type UpgradeOutcome = Outcome<UpgradeResult>;

/** What both actions' cores return; the tail records it, redraws the node and says it. */
type ActionResult = { status: LifecycleStatus; message: string; exchanges: Exchange[]; subscription?: JsonObject };

/** An action's steps end in a refusal (with the reads that led to it) or the core's result. */
type Step<R> = { refused: string; exchanges: Exchange[] } | { applied: R };

type Show = typeof vscode.window.showInformationMessage;

/** What an action's steps get from {@link LifecycleController.withSession}. */
interface Session {
  ctx: RunContext;
  target: { customerId: string; subscriptionId: string };
  /** Whether the confirmation is typed in production; an action sets it once it knows the change. */
  purchaseLike: boolean;
  progress(message: string): void;
  /** Opens the review diff; the journal then names its proposed side as the document. */
  review(review: ReviewDocuments): Promise<void>;
}

/** How long the follow-up waits between reads when a change is accepted but does not show yet (202). */
const FOLLOW = { delayMs: 1000, maxReads: 20 };

export class LifecycleController {
  constructor(private readonly deps: LifecycleDeps) {}

  async run(node: SubscriptionNode, request: LifecycleRequest): Promise<LifecycleOutcome> {
    return this.withSession(
      node,
      async (session): Promise<Step<LifecycleResult>> => {
        const { proposeLifecycle, applyLifecycle, reviewDocuments } = apiPart();
        session.progress('Reading the subscription…');
        const first = await proposeLifecycle(session.ctx, session.target, request);
        if (!first.proposal) return { refused: first.refused, exchanges: first.read ? [first.read] : [] };
        let proposal: LifecycleProposal = first.proposal;
        for (;;) {
          await session.review(reviewDocuments(proposal));
          session.purchaseLike = proposal.plan.purchaseLike;
          const applied = await applyLifecycle(session.ctx, proposal, FOLLOW);
          if (applied.status !== 'stale' || !applied.fresh) return { applied };
          // Someone changed the subscription meanwhile: say so, show the new diff, ask again.
          void vscode.window.showWarningMessage(`Partner Center: ${applied.message}`);
          await this.record(node, applied.exchanges, applied.message, 'failed');
          proposal = applied.fresh;
        }
      },
      (applied) =>
        applied.status === 'done' ||
        applied.status === 'alreadyDone' ||
        applied.status === 'declined' ||
        applied.status === 'cancelled'
          ? vscode.window.showInformationMessage
          : applied.status === 'unknown' || applied.status === 'stale'
            ? vscode.window.showWarningMessage
            : vscode.window.showErrorMessage,
    );
  }

  /**
   * Upgrade…: the same path with the transition call (common/src/lifecycle/upgrade.ts): read the
   * subscription and its eligibilities now, review, confirm like a purchase (typed in production),
   * POST once through the journal, follow the transition's events, redraw the node.
   */
  async upgrade(node: SubscriptionNode, request: UpgradeRequest): Promise<UpgradeOutcome> {
    return this.withSession(
      node,
      async (session): Promise<Step<UpgradeResult>> => {
        const { proposeUpgrade, applyUpgrade, upgradeReview } = apiPart();
        // An upgrade moves money: typed in production, like a purchase.
        session.purchaseLike = true;
        session.progress('Reading the subscription and its upgrade paths…');
        const proposed = await proposeUpgrade(session.ctx, session.target, request);
        if (!proposed.proposal) return { refused: proposed.refused, exchanges: proposed.reads };
        await session.review(upgradeReview(proposed.proposal));
        return { applied: await applyUpgrade(session.ctx, proposed.proposal, FOLLOW) };
      },
      (applied) =>
        applied.status === 'done' && applied.settled !== false
          ? vscode.window.showInformationMessage
          : applied.status === 'declined' || applied.status === 'cancelled' || applied.status === 'alreadyDone'
            ? vscode.window.showInformationMessage
            : applied.status === 'failed' || applied.status === 'blocked'
              ? vscode.window.showErrorMessage
              : vscode.window.showWarningMessage,
    );
  }

  /**
   * What every action shares: refuse in an untrusted workspace or when signed out; run the
   * action's steps under a cancellable progress notification with a RunContext for this node;
   * then record what was sent, redraw the node and say how it ended (`show` picks how loudly).
   */
  private async withSession<R extends ActionResult>(
    node: SubscriptionNode,
    steps: (session: Session) => Promise<Step<R>>,
    show: (applied: R) => Show,
  ): Promise<Outcome<R>> {
    const reviews: OpenReview[] = [];
    const refuse = (message: string, say = vscode.window.showWarningMessage): Outcome<R> => {
      void say(`Partner Center: ${message}`);
      return { status: 'refused', message, reviews };
    };
    if (!this.deps.host.isTrusted()) {
      return refuse('changing subscriptions is disabled in an untrusted workspace. Trust the workspace first.');
    }
    let client: PartnerCenterClient;
    try {
      client = this.deps.connection.getClient();
    } catch (err) {
      if (err instanceof NotSignedInError) return refuse(err.message, vscode.window.showErrorMessage);
      throw err;
    }
    const target = { customerId: node.customerId, subscriptionId: node.resourceId };
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Partner Center: ${node.documentTitle}`, cancellable: true },
      async (progress, token) => {
        const abort = new AbortController();
        const sub = token.onCancellationRequested(() => abort.abort());
        const report = (message: string) => progress.report({ message });
        const session: Session = {
          target,
          purchaseLike: false,
          progress: report,
          ctx: {
            client,
            environment: this.deps.environment(),
            journal: this.deps.journal(),
            signal: abort.signal,
            retry: this.deps.host.retry(),
            progress: report,
            prompts: {
              pickCustomer: async () => target.customerId,
              confirmPurchase: (summary) =>
                this.deps.host.confirmer().confirmPurchase(summary, {
                  typed: session.purchaseLike && summary.environment.kind === 'production' && config.run.requireTypedConfirmation,
                }),
            },
          },
          review: async (review) => {
            session.ctx.documentUri = (await this.review(review, node, reviews)).proposed.toString();
            report('Review the change, then confirm or cancel it…');
          },
        };
        try {
          return await steps(session);
        } finally {
          sub.dispose();
        }
      },
    );
    if ('refused' in result) {
      // Only reads were made: nothing was sent, as when a confirmation is cancelled.
      await this.record(node, result.exchanges, result.refused, 'cancelled');
      return refuse(result.refused);
    }
    const applied = result.applied;
    await this.record(node, applied.exchanges, applied.message, historyStatus(applied.status));
    if (applied.subscription) node.applied(applied.subscription as typeof node.subscription);
    void show(applied)(`Partner Center: ${applied.message}`);
    return { ...applied, reviews };
  }

  /** Opens the diff and logs the consequences the confirmation will repeat. */
  private async review(review: ReviewDocuments, node: SubscriptionNode, reviews: OpenReview[]): Promise<OpenReview> {
    const open = await this.deps.reviews.show(review, `${node.customerId}/${node.resourceId}`);
    reviews.push(open);
    this.deps.log.info(`${review.title}: ${review.consequences.join(' ')}`);
    return open;
  }

  /**
   * Every exchange goes into the History view, as Run Request's do, with how the action ended: its
   * last call alone would show a declined change as a green read.
   */
  private async record(node: SubscriptionNode, exchanges: Exchange[], summary: string, status: RunStatus): Promise<void> {
    if (exchanges.length === 0) return;
    for (const e of exchanges) {
      const line = `${e.call.method} ${e.call.path} → ${e.status ?? e.outcome} (request ${e.requestId}${e.attempts > 1 ? `, ${e.attempts} attempts` : ''})`;
      if (e.outcome === 'ok') this.deps.log.info(line);
      else this.deps.log.warn(`${line}${e.error ? `: ${e.error.message}` : ''}`);
    }
    await this.deps.history().add({
      time: exchanges[0].startedAt,
      title: node.documentTitle,
      kindId: 'subscription',
      environment: this.deps.connection.current.label,
      endpoint: this.deps.connection.current.endpoint,
      customerId: node.customerId,
      summary,
      status,
      exchanges,
    });
    this.deps.onHistoryChanged();
  }
}

/** A stale etag is the service refusing the change (412): nothing was sent over the newer subscription. */
function historyStatus(status: LifecycleStatus): RunStatus {
  return status === 'stale' ? 'failed' : status;
}
