// The run-request command: the guardrails (trust, error diagnostics, sign-in), the customer, the
// progress with cancel, then the shared core (common/src/send) with this window's dialogs; after
// it, the history record, the response beside the request, and the placed orders followed.
import * as vscode from 'vscode';
import { type PartnerCenterClient } from '../../../common/src/api';
import { type FollowHandle, type StatusFollower } from '../../../common/src/follow/statusFollower';
import { type RequestKind } from '../../../common/src/requestKinds';
import { requestKindOf } from '../language/requestDocuments';
import {
  type EnvironmentInfo,
  type Exchange,
  type History,
  type HistoryRecord,
  type Journal,
  type RecoveryOutcome,
  type RunPrompts,
  type RunResult,
} from '../../../common/src/send';
import { NotSignedInError, type PartnerCenterConnection } from '../connection';
import { apiPart } from '../parts';
import { type CustomerMemory } from './customerPicker';
import { openResponse } from './responseProvider';
import { type RunHost } from './runHost';
import { config } from '../config';

/** What the explorer offers (called defensively: it may not provide them yet). */
export interface ExplorerHooks {
  selectedCustomerId?(): string | undefined;
  revealOrder?(customerId: string, orderId: string): Promise<unknown>;
}

export interface RunDeps {
  connection: PartnerCenterConnection;
  log: vscode.LogOutputChannel;
  explorer: ExplorerHooks;
  memory: CustomerMemory;
  journal: () => Journal;
  history: () => History;
  onHistoryChanged: () => void;
  /** The dialogs, the trust check and the retry tuning (runHost.ts). */
  host: RunHost;
  /** The follower the explorer polls with (common/src/follow). */
  follower: StatusFollower;
}

/**
 * Why Run Request sent nothing before the core was even asked. Each reason is also shown to the
 * person; tests and callers tell them apart by `reason`.
 */
export interface RunRefusal {
  status: 'refused';
  reason: 'untrusted' | 'notARequest' | 'alreadyRunning' | 'documentErrors' | 'notSignedIn';
  message: string;
}

export type RunOutcome = RunResult | RunRefusal;

function refuse(
  reason: RunRefusal['reason'],
  message: string,
  show: (message: string) => Thenable<unknown> = vscode.window.showErrorMessage,
): RunRefusal {
  void show(`Partner Center: ${message}`);
  return { status: 'refused', reason, message };
}

export class RunController implements vscode.Disposable {
  /** Orders followed after placing or recovery, with their last status. */
  readonly followed = new Map<string, string>();
  /** The follow-ups of placed orders, stopped when the extension goes away. */
  private readonly follows = new Set<FollowHandle>();
  /**
   * Documents being run now. A double-click on the CodeLens or ▶ would queue a second confirmation
   * of the same purchase; the core refuses a second send too, but the person should not be asked twice.
   */
  private readonly running = new Set<string>();

  constructor(private readonly deps: RunDeps) {}

  kindOf(document: vscode.TextDocument): RequestKind | undefined {
    return requestKindOf(document);
  }

  async run(uri?: vscode.Uri, options: { token?: vscode.CancellationToken } = {}): Promise<RunOutcome> {
    if (!this.deps.host.isTrusted()) {
      return refuse('untrusted', 'sending requests is disabled in an untrusted workspace. Trust the workspace to send.');
    }
    const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    const kind = document ? this.kindOf(document) : undefined;
    if (!document || !kind) {
      return refuse(
        'notARequest',
        'open a request document (*.order.json, *.cart.json, *.subscription.json, *.customer.json or *.request.json) to run it.',
      );
    }
    const key = document.uri.toString();
    if (this.running.has(key)) {
      return refuse(
        'alreadyRunning',
        `${this.title(document)} is already being sent. Wait for that run to finish before running it again.`,
        vscode.window.showWarningMessage,
      );
    }
    this.running.add(key);
    try {
      return await this.runDocument(document, kind, options);
    } finally {
      this.running.delete(key);
    }
  }

  private async runDocument(
    document: vscode.TextDocument,
    kind: RequestKind,
    options: { token?: vscode.CancellationToken },
  ): Promise<RunOutcome> {
    // The sending core (with the language checks it runs on the body) is in the api part.
    const { planFromText, runPlan } = apiPart();
    const plan = planFromText(document.getText(), kind);
    const errors = vscode.languages.getDiagnostics(document.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    if (errors.length > 0 && !(plan.isRead && (await this.deps.host.confirmer().confirmReadWithErrors(errors.length)))) {
      return refuse(
        'documentErrors',
        `not sent — the document has ${errors.length} error(s). Fix them first (see the Problems view).`,
      );
    }
    let client: PartnerCenterClient;
    try {
      client = this.deps.connection.getClient();
    } catch (err) {
      if (!(err instanceof NotSignedInError)) throw err;
      void vscode.window.showErrorMessage(err.message);
      return { status: 'refused', reason: 'notSignedIn', message: err.message };
    }
    const customerId = plan.customerId ?? this.deps.memory.get(document.uri);
    const prompts = this.prompts(client, document);
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Partner Center: ${kind.title}`, cancellable: true },
      async (progress, progressToken) => {
        const controller = new AbortController();
        const cancel = () => controller.abort();
        const subs = [progressToken.onCancellationRequested(cancel), options.token?.onCancellationRequested(cancel)];
        try {
          return await runPlan(plan, {
            client,
            environment: this.environment(),
            journal: this.deps.journal(),
            prompts,
            signal: controller.signal,
            documentUri: document.uri.toString(),
            customerId,
            retry: this.deps.host.retry(),
            progress: (message) => progress.report({ message }),
          });
        } finally {
          subs.forEach((s) => s?.dispose());
        }
      },
    );
    await this.finish(document, kind, client, result);
    return result;
  }

  /** Asks the service about journaled sends left open by a crash or reload (found orders are followed). */
  async recover(): Promise<RecoveryOutcome[]> {
    // Most start-ups have nothing to recover: then nothing is loaded and nothing is asked.
    if (!this.deps.connection.hasClient || (await this.deps.journal().unsettled()).length === 0) return [];
    const client = this.deps.connection.getClient();
    const outcomes = await apiPart().recoverAll(client, this.deps.journal());
    for (const outcome of outcomes) {
      this.deps.log.info(
        `Interrupted send ${outcome.entry.requestId} (${outcome.entry.startedAt}): ${outcome.state}. ${outcome.message}`,
      );
      if (outcome.state === 'found') {
        void vscode.window.showInformationMessage(`Partner Center: ${outcome.message} It will not be sent again.`);
        this.afterOrders(client, outcome.entry.customerId, outcome.orderIds);
      }
      if (outcome.state === 'matched') {
        // A look-alike is not proof: say what was seen and leave the decision to the next run,
        // which asks with these orders named and re-sends under the same request id.
        void vscode.window.showWarningMessage(
          `Partner Center: an order sent before the window closed has no definite answer yet. ${outcome.message} Run its document again to settle it: you are asked first, and it cannot be bought twice.`,
        );
      }
    }
    return outcomes;
  }

  environment(): EnvironmentInfo {
    const current = this.deps.connection.current;
    if (current.environment === 'emulator') return { kind: 'emulator', label: current.label };
    return { kind: current.sandbox ? 'sandbox' : 'production', label: current.label };
  }

  private prompts(client: PartnerCenterClient, document: vscode.TextDocument): RunPrompts {
    return {
      pickCustomer: async () => {
        const id = await this.deps.host.confirmer().pickCustomer(client, this.deps.explorer.selectedCustomerId?.());
        if (id) await this.deps.memory.set(document.uri, id);
        return id;
      },
      confirmPurchase: (summary) =>
        this.deps.host.confirmer().confirmPurchase(summary, {
          typed: summary.environment.kind === 'production' && config.run.requireTypedConfirmation,
        }),
      showCartPreview: async (summary, cart, exchange) => {
        await this.record(document, {
          title: `${this.title(document)} (cart preview)`,
          kindId: 'cart',
          summary: `Cart ${cart.id ?? ''} created: ${summary.lines.length} line(s)`,
          status: 'done',
          exchanges: [exchange],
          customerId: summary.customer.id,
        });
      },
    };
  }

  private async finish(
    document: vscode.TextDocument,
    kind: RequestKind,
    client: PartnerCenterClient,
    result: RunResult,
  ): Promise<void> {
    for (const e of result.exchanges) this.logExchange(e);
    if (result.exchanges.length > 0) {
      await this.record(document, {
        title: this.title(document),
        kindId: kind.id,
        summary: result.message,
        status: result.status,
        exchanges: result.exchanges,
        customerId: result.customerId,
      });
    }
    const show =
      result.status === 'done' || result.status === 'alreadyDone'
        ? vscode.window.showInformationMessage
        : result.status === 'declined' || result.status === 'cancelled'
          ? vscode.window.showInformationMessage
          : result.status === 'unknown'
            ? vscode.window.showWarningMessage
            : vscode.window.showErrorMessage;
    void show(`Partner Center: ${result.message}`);
    if (result.customerId) this.afterOrders(client, result.customerId, result.orderIds);
  }

  /** Keeps the run in the history and opens its response beside the request. */
  private async record(
    document: vscode.TextDocument,
    run: Pick<HistoryRecord, 'title' | 'kindId' | 'summary' | 'status' | 'exchanges' | 'customerId'>,
  ): Promise<HistoryRecord> {
    const record = await this.deps.history().add({
      ...run,
      time: run.exchanges[0]?.startedAt ?? new Date().toISOString(),
      documentUri: document.uri.toString(),
      environment: this.deps.connection.current.label,
      endpoint: this.deps.connection.current.endpoint,
    });
    this.deps.onHistoryChanged();
    await openResponse(record);
    return record;
  }

  /**
   * Placed orders are shown in the explorer and followed until they settle, through the follower
   * the explorer shares: an order the tree also shows is read once per turn, not twice.
   */
  private afterOrders(client: PartnerCenterClient, customerId: string, orderIds: readonly string[]): void {
    for (const orderId of orderIds) {
      this.followed.set(orderId, 'pending');
      if (typeof this.deps.explorer.revealOrder === 'function') {
        this.deps.explorer
          .revealOrder(customerId, orderId)
          .catch((err: unknown) => this.deps.log.warn(`Could not reveal order ${orderId}: ${String(err)}`));
      }
      const following = this.deps.follower.follow(`/customers/${customerId}/orders/${orderId}`, {
        firstDelayMs: 1000,
        maxDelayMs: 30_000,
        timeoutMs: 15 * 60_000,
        read: async (signal) => (await client.orders.get(customerId, orderId, { signal })).status,
        onDone: (last) => {
          this.follows.delete(following);
          const status = (last ?? 'unknown').toLowerCase();
          this.followed.set(orderId, status);
          this.deps.log.info(`Order ${orderId} for customer ${customerId}: ${status}.`);
          if (status === 'completed') {
            void vscode.window.setStatusBarMessage(`$(check) Partner Center order ${orderId} completed`, 10_000);
          }
        },
        onError: (err) => {
          following.dispose();
          this.follows.delete(following);
          this.deps.log.warn(`Stopped following order ${orderId}: ${err instanceof Error ? err.message : String(err)}`);
        },
      });
      this.follows.add(following);
    }
  }

  private logExchange(e: Exchange): void {
    const line = `${e.call.method} ${e.call.path} → ${e.status ?? e.outcome} in ${e.durationMs} ms (request ${e.requestId}, correlation ${e.correlationId}${e.attempts > 1 ? `, ${e.attempts} attempts` : ''})`;
    // The client logged each attempt at info already (logging.ts): a success adds nothing there.
    if (e.outcome === 'ok') this.deps.log.debug(line);
    else this.deps.log.warn(`${line}${e.error ? `: ${e.error.message}` : ''}`);
  }

  dispose(): void {
    for (const following of this.follows) following.dispose();
    this.follows.clear();
  }

  private title(document: vscode.TextDocument): string {
    return document.uri.path.split('/').pop() ?? document.uri.toString();
  }
}
