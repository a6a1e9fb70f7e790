// The run-request command: the guardrails (trust, error diagnostics, sign-in), the customer, the
// progress with cancel, then the shared core (common/src/send) with this window's dialogs; after
// it, the history record, the response beside the request, and the placed orders followed.
import * as vscode from 'vscode';
import { type PartnerCenterClient } from '../../../common/src/api';
import { type StatusFollower } from '../../../common/src/follow/statusFollower';
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
import { OrderFollowUps } from './orderFollowUps';
import { openResponse } from './responseProvider';
import { type RunHost } from './runHost';
import { config } from '../config';

/** What the explorer offers (called defensively: it may not provide them yet). */
export interface ExplorerHooks {
  selectedCustomerId?(): string | undefined;
  revealOrder?(customerId: string, orderId: string, options?: { explain?: boolean }): Promise<unknown>;
}

export interface RunDeps {
  connection: PartnerCenterConnection;
  log: vscode.LogOutputChannel;
  explorer: ExplorerHooks;
  memory: CustomerMemory;
  journal: () => Journal;
  history: () => History;
  onHistoryChanged: () => void;
  /** A record's open response document must be redrawn. */
  onRecordChanged: (recordId: string) => void;
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
  /** Placed orders, revealed and followed until they settle (orderFollowUps.ts). */
  private readonly orders: OrderFollowUps;
  /**
   * Documents being run now. A double-click on the CodeLens or ▶ would queue a second confirmation
   * of the same purchase; the core refuses a second send too, but the person should not be asked twice.
   */
  private readonly running = new Set<string>();

  constructor(private readonly deps: RunDeps) {
    this.orders = new OrderFollowUps({
      follower: deps.follower,
      explorer: deps.explorer,
      history: deps.history,
      log: deps.log,
      onRecordChanged: deps.onRecordChanged,
    });
  }

  /** Orders followed after placing or recovery, with their last status. */
  get followed(): ReadonlyMap<string, string> {
    return this.orders.followed;
  }

  /** The response's "Show in Explorer": the order the run of `record` placed. */
  showInExplorer(record: HistoryRecord | undefined): Promise<void> {
    return this.orders.showInExplorer(record);
  }

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
    // The notification can be hidden (Do Not Disturb, or collapsed): the status bar says it too.
    const sending = vscode.window.createStatusBarItem('partnerCenter.sending', vscode.StatusBarAlignment.Left, 100);
    sending.name = 'Partner Center: Sending';
    sending.text = `$(sync~spin) Sending ${this.title(document)}…`;
    sending.tooltip = `Partner Center: ${kind.title} is being sent to ${this.deps.connection.current.label}.`;
    sending.show();
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
          sending.dispose();
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
        this.orders.follow(client, outcome.entry.customerId, outcome.orderIds);
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
    let record: HistoryRecord | undefined;
    if (result.exchanges.length > 0) {
      record = await this.record(document, {
        title: this.title(document),
        kindId: kind.id,
        summary: result.message,
        status: result.status,
        exchanges: result.exchanges,
        customerId: result.customerId,
        ...(result.orderIds.length > 0 ? { orderIds: result.orderIds } : {}),
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
    if (result.customerId) this.orders.follow(client, result.customerId, result.orderIds, record?.id);
  }

  /** Keeps the run in the history and opens its response beside the request. */
  private async record(
    document: vscode.TextDocument,
    run: Pick<HistoryRecord, 'title' | 'kindId' | 'summary' | 'status' | 'exchanges' | 'customerId' | 'orderIds'>,
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

  private logExchange(e: Exchange): void {
    const line = `${e.call.method} ${e.call.path} → ${e.status ?? e.outcome} in ${e.durationMs} ms (request ${e.requestId}, correlation ${e.correlationId}${e.attempts > 1 ? `, ${e.attempts} attempts` : ''})`;
    // The client logged each attempt at info already (logging.ts): a success adds nothing there.
    if (e.outcome === 'ok') this.deps.log.debug(line);
    else this.deps.log.warn(`${line}${e.error ? `: ${e.error.message}` : ''}`);
  }

  dispose(): void {
    this.orders.dispose();
  }

  private title(document: vscode.TextDocument): string {
    return document.uri.path.split('/').pop() ?? document.uri.toString();
  }
}
