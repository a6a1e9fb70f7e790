// Registers the subscription lifecycle commands (issue 15). Each acts on the subscription node it
// is invoked on (context menu) or the one selected in the Customers view (palette); one that the
// subscription does not allow now says why instead of asking anything. A command may be given its
// value after the node (`changeQuantity(node, 5)`), as tests and keybindings do; otherwise it asks.
import * as vscode from 'vscode';
import {
  availability,
  type LifecycleActionId,
  type LifecycleRequest,
  upgradeAvailability,
} from '../../../common/src/lifecycle/actions';
import { describeScheduled } from '../../../common/src/lifecycle/subscriptionState';
import { type UpgradeRequest } from '../../../common/src/lifecycle/upgrade';
import { type JsonObject } from '../../../common/src/send/jsonValues';
import { type Explorer } from '../explorer/registerExplorer';
import { SubscriptionNode } from '../explorer/SubscriptionNode';
import { type PartContext } from '../partContext';
import { type RunPart } from '../run/registerRun';
import { type RunHost } from '../run/runHost';
import { LifecycleController, type LifecycleOutcome } from './lifecycleController';
import { askBillingCycle, askQuantity, askSchedule, askUpgrade } from './lifecycleInputs';
import { REVIEW_SCHEME, ReviewDocumentProvider } from './reviewDiff';

type Refusal = { status: 'refused'; message: string; reviews: [] };

export function registerLifecycle(ctx: PartContext, explorer: Explorer, run: RunPart, host: RunHost): LifecycleController {
  const { extensionContext: context, connection, log } = ctx;
  const reviews = new ReviewDocumentProvider();
  const controller = new LifecycleController({
    connection,
    log,
    host,
    journal: () => run.journal(),
    history: () => run.history(),
    onHistoryChanged: () => run.historyChanged(),
    reviews,
    environment: () => run.controller.environment(),
  });

  const refused = (message: string): Refusal => {
    void vscode.window.showWarningMessage(`Partner Center: ${message}`);
    return { status: 'refused', message, reviews: [] };
  };

  /** The node to act on, and whether the action is offered on it now; else the reason, shown. */
  function target(node: unknown, action: LifecycleActionId): SubscriptionNode | Refusal {
    const picked = node instanceof SubscriptionNode ? node : explorer.view.selection[0];
    if (!(picked instanceof SubscriptionNode)) return refused('select a subscription in the Partner Center view first.');
    const offered = availability(action, picked.lifecycle());
    return offered.offered ? picked : refused(offered.reason);
  }

  /** A command: find the node, ask what the action needs (unless given), then run it. */
  function command(
    id: string,
    action: LifecycleActionId,
    ask: (node: SubscriptionNode, given: unknown) => Promise<LifecycleRequest | undefined> | LifecycleRequest | undefined,
  ): vscode.Disposable {
    return vscode.commands.registerCommand(id, async (node?: unknown, given?: unknown): Promise<LifecycleOutcome | undefined> => {
      const found = target(node, action);
      if (!(found instanceof SubscriptionNode)) return found;
      const request = await ask(found, given);
      return request ? controller.run(found, request) : undefined;
    });
  }

  context.subscriptions.push(
    reviews,
    vscode.workspace.registerTextDocumentContentProvider(REVIEW_SCHEME, reviews),
    command('partnerCenter.subscription.changeQuantity', 'quantity', async (node, given) => {
      const quantity = typeof given === 'number' ? given : await askQuantity(node.lifecycle());
      return quantity === undefined ? undefined : { action: 'quantity', quantity };
    }),
    command('partnerCenter.subscription.turnAutoRenewOff', 'autoRenew', () => ({ action: 'autoRenew', enabled: false })),
    command('partnerCenter.subscription.turnAutoRenewOn', 'autoRenew', () => ({ action: 'autoRenew', enabled: true })),
    command('partnerCenter.subscription.suspend', 'suspend', () => ({ action: 'suspend' })),
    command('partnerCenter.subscription.reactivate', 'reactivate', () => ({ action: 'reactivate' })),
    command('partnerCenter.subscription.cancel', 'cancel', () => ({ action: 'cancel' })),
    command('partnerCenter.subscription.scheduleChanges', 'schedule', async (node, given) => {
      const instructions =
        given && typeof given === 'object'
          ? (given as JsonObject)
          : await askSchedule(connection.getClient(), node.customerId, node.subscription.offerId, node.lifecycle());
      return instructions ? { action: 'schedule', instructions } : undefined;
    }),
    command('partnerCenter.subscription.removeScheduledChanges', 'schedule', () => ({ action: 'schedule' })),
    command('partnerCenter.subscription.changeBillingCycle', 'billingCycle', async (node, given) => {
      const billingCycle = typeof given === 'string' ? given : await askBillingCycle(node.lifecycle());
      return billingCycle ? { action: 'billingCycle', billingCycle } : undefined;
    }),
    vscode.commands.registerCommand('partnerCenter.subscription.viewScheduledChanges', async (node?: unknown) => {
      const found = node instanceof SubscriptionNode ? node : explorer.view.selection[0];
      if (!(found instanceof SubscriptionNode)) return refused('select a subscription in the Partner Center view first.');
      const state = found.lifecycle();
      if (!state.scheduled) return refused('no changes are scheduled for the next term of this subscription.');
      const remove = 'Remove Scheduled Changes…';
      const choice = await vscode.window.showInformationMessage(
        `Scheduled for the next term of ${found.documentTitle}`,
        {
          modal: true,
          detail: [
            describeScheduled(state.scheduled),
            `Availability: ${state.scheduled.availabilityId ?? '—'}`,
            `Applies at the renewal${state.nextRenewal ? ` on ${state.nextRenewal}` : ''}.`,
          ].join('\n'),
        },
        remove,
      );
      return choice === remove
        ? vscode.commands.executeCommand('partnerCenter.subscription.removeScheduledChanges', found)
        : undefined;
    }),
    // Upgrade… has its own path (a transition): given a target (`upgrade(node, {toCatalogItemId,
    // quantity?})`, as tests do) it asks nothing; otherwise it picks from the eligibilities.
    vscode.commands.registerCommand('partnerCenter.subscription.upgrade', async (node?: unknown, given?: unknown) => {
      const found = node instanceof SubscriptionNode ? node : explorer.view.selection[0];
      if (!(found instanceof SubscriptionNode)) return refused('select a subscription in the Partner Center view first.');
      const offered = upgradeAvailability(found.lifecycle());
      if (!offered.offered) return refused(offered.reason);
      const request =
        given && typeof given === 'object' && typeof (given as UpgradeRequest).toCatalogItemId === 'string'
          ? (given as UpgradeRequest)
          : await askUpgrade(
              connection.getClient(),
              { customerId: found.customerId, subscriptionId: found.resourceId },
              found.lifecycle(),
            );
      if (!request) return undefined;
      const outcome = await controller.upgrade(found, request);
      // A partial upgrade made a new subscription: show it (the folder is read again if needed).
      if (outcome.status !== 'refused' && outcome.newSubscriptionId) {
        await explorer.revealSubscription(found.customerId, outcome.newSubscriptionId);
      }
      return outcome;
    }),
    // Outside the cancellation window the menu offers this instead of Cancel…: it says why.
    vscode.commands.registerCommand('partnerCenter.subscription.whyNoCancel', (node?: unknown) => target(node, 'cancel')),
  );
  return controller;
}
