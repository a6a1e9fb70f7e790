// What happens to the orders a run placed (or found placed): they are revealed in the explorer and
// followed until they settle, through the follower the explorer shares, so an order the tree also
// shows is read once per turn. Each status is written into the run's History record, so the
// response beside the request says what the order is now, not only the "pending" it was answered
// with; when it settles, a notification offers to show it in the explorer.
import * as vscode from 'vscode';
import { type PartnerCenterClient } from '../../../common/src/api';
import { type FollowHandle, type StatusFollower } from '../../../common/src/follow/statusFollower';
import { type History, type HistoryRecord } from '../../../common/src/send/history';
import { type ExplorerHooks } from './runController';

export interface FollowUpDeps {
  follower: StatusFollower;
  explorer: ExplorerHooks;
  history: () => History;
  log: vscode.LogOutputChannel;
  /** The record changed: its open response document is redrawn. */
  onRecordChanged: (recordId: string) => void;
}

export class OrderFollowUps implements vscode.Disposable {
  /** Orders followed, with their last status. */
  readonly followed = new Map<string, string>();
  private readonly follows = new Set<FollowHandle>();

  constructor(private readonly deps: FollowUpDeps) {}

  /** Reveals and follows `orderIds`; `recordId` is the History record of the run that placed them. */
  follow(client: PartnerCenterClient, customerId: string, orderIds: readonly string[], recordId?: string): void {
    for (const orderId of orderIds) {
      this.followed.set(orderId, 'pending');
      void this.reveal(customerId, orderId, false);
      let last: string | undefined;
      const following = this.deps.follower.follow(`/customers/${customerId}/orders/${orderId}`, {
        firstDelayMs: 1000,
        maxDelayMs: 30_000,
        timeoutMs: 15 * 60_000,
        read: async (signal) => (await client.orders.get(customerId, orderId, { signal })).status,
        onStatus: (status) => {
          if (!recordId || status === undefined || status === last) return;
          last = status;
          void this.deps
            .history()
            .noteOrderStatus(recordId, orderId, status)
            .then(() => this.deps.onRecordChanged(recordId));
        },
        onDone: (status) => {
          this.follows.delete(following);
          const word = (status ?? 'unknown').toLowerCase();
          this.followed.set(orderId, word);
          this.deps.log.info(`Order ${orderId} for customer ${customerId}: ${word}.`);
          const show = 'Show in Explorer';
          void vscode.window
            .showInformationMessage(`Partner Center: order ${orderId} is ${word}.`, show)
            .then((choice) => (choice === show ? this.reveal(customerId, orderId, true) : undefined));
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

  /** Shows the first order a History record placed in the explorer (the response's "Show in Explorer"). */
  async showInExplorer(record: HistoryRecord | undefined): Promise<void> {
    const orderId = record?.orderIds?.[0];
    if (!record?.customerId || !orderId) {
      void vscode.window.showInformationMessage('Partner Center: this response placed no order to show in the explorer.');
      return;
    }
    await this.reveal(record.customerId, orderId, true);
  }

  /** `focus`: the person asked, so the Customers view is opened first (the explorer reveals only in a visible view). */
  private async reveal(customerId: string, orderId: string, focus: boolean): Promise<void> {
    if (typeof this.deps.explorer.revealOrder !== 'function') return;
    try {
      if (focus) await vscode.commands.executeCommand('partnerCenter.customers.focus');
      // The explorer says why an order it cannot show is missing (a filter, or not found), once.
      await this.deps.explorer.revealOrder(customerId, orderId, { explain: focus });
    } catch (err) {
      this.deps.log.warn(`Could not reveal order ${orderId}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  dispose(): void {
    for (const following of this.follows) following.dispose();
    this.follows.clear();
  }
}
