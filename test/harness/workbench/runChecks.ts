// Run Request and History as a person meets them (issue 12), clicked in a workbench without the
// smoke-test driver so toasts, modals and context menus are real: Send Again is offered once, the
// title bar's Export writes every run outside the workspace and says so, a send shows in the
// status bar while it is in flight, a placed order's settling is announced with Show in Explorer,
// and Discard Interrupted Send says what it dropped.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { waitFor } from '../../support/waitFor';
import {
  acceptSaveDialog,
  clickDialogButton,
  exactly,
  openFile,
  pane,
  QUICK_INPUT,
  readJsonOnceWritten,
  runCommand,
  TOAST,
  viewAction,
} from '../workbenchChecks';

export interface RunCheckContext {
  page: Page;
  /** Runs one named check, recording its outcome; the page is left as the check left it. */
  check: (name: string, body: () => Promise<void>) => Promise<void>;
  workspace: string;
  emulatorUrl: string;
}

export async function runRunChecks({ page, check, workspace, emulatorUrl }: RunCheckContext): Promise<void> {
  const history = pane(page, 'History');
  const rows = history.locator('.monaco-list-row');
  writeFileSync(
    join(workspace, 'list.request.json'),
    JSON.stringify({ method: 'GET', path: '/v1/customers', query: { size: 1 } }, null, 2),
  );
  const setFaults = (faults: Record<string, number>) =>
    fetch(`${emulatorUrl}/_emulator/faults`, {
      method: 'POST',
      body: JSON.stringify(faults),
      headers: { 'content-type': 'application/json' },
    });
  /** Sends list.request.json once and waits for its History row. */
  const sendList = async () => {
    const before = await rows.filter({ hasText: 'list.request.json' }).count();
    await openFile(page, workspace, 'list.request.json');
    await runCommand(page, 'Partner Center: Run Request');
    await rows.filter({ hasText: 'list.request.json' }).nth(before).waitFor();
  };

  await check('Run Request shows the send in the status bar while it is in flight, and not after', async () => {
    // The container is open after the earlier checks; a click on its icon would close it again.
    if (!(await history.isVisible())) await page.locator('.activitybar [aria-label^="Partner Center"]').first().click();
    await setFaults({ latencyMs: 4000 });
    try {
      const sending = page.locator('.statusbar-item').filter({ hasText: 'Sending list.request.json' }).first();
      const before = await rows.filter({ hasText: 'list.request.json' }).count();
      await openFile(page, workspace, 'list.request.json');
      await runCommand(page, 'Partner Center: Run Request');
      await sending.waitFor();
      await rows.filter({ hasText: 'list.request.json' }).nth(before).waitFor();
      await sending.waitFor({ state: 'detached' });
    } finally {
      await setFaults({});
    }
  });

  await check('History: the context menu offers Send Again once', async () => {
    if ((await rows.count()) === 0) await sendList();
    await rows.first().click({ button: 'right' });
    const items = page.locator('.monaco-menu .action-item').filter({ hasText: exactly('Send Again') });
    await items.first().waitFor();
    const count = await items.count();
    await page.keyboard.press('Escape');
    if (count !== 1) throw new Error(`Send Again is listed ${count} times`);
  });

  await check(
    "History: the title bar's Export, with a run selected, writes every run outside the workspace and offers to open it",
    async () => {
      while ((await rows.count()) < 2) await sendList();
      const runs = await rows.count();
      await rows.first().click(); // a selected run must not narrow the export
      await viewAction(history, 'Export History as HAR');
      const input = page.locator(QUICK_INPUT).first();
      await input.waitFor();
      const suggested = await waitFor('the save dialog to show its default path', async () => {
        const value = await input.inputValue();
        return /partner-center-history\.har$/.test(value) && value;
      });
      if (suggested.startsWith(workspace)) throw new Error(`the export is suggested inside the workspace: ${suggested}`);
      const target = join(mkdtempSync(join(tmpdir(), 'pc-export-')), 'all.har');
      await acceptSaveDialog(page, target);
      const toast = page
        .locator(TOAST)
        .filter({ hasText: `exported ${runs} runs to ${target}` })
        .first();
      await toast.waitFor();
      const har = (await readJsonOnceWritten(target)) as { log: { entries: unknown[] } };
      if (har.log.entries.length < runs) throw new Error(`the HAR holds ${har.log.entries.length} of ${runs} runs`);
      await toast
        .locator('a.monaco-button, .monaco-button')
        .filter({ hasText: exactly('Open') })
        .first()
        .click();
      await page.locator('.tab.active').filter({ hasText: 'all.har' }).first().waitFor();
    },
  );

  await check('a placed order that settles is announced with Show in Explorer, which selects it in Customers', async () => {
    await openFile(page, workspace, 'buy.order.json');
    await runCommand(page, 'Partner Center: Run Request');
    await clickDialogButton(page, 'Place order');
    const placed = page
      .locator(TOAST)
      .filter({ hasText: /order \S+ is completed/ })
      .first();
    await placed.waitFor({ timeout: 60_000 });
    const orderId = /order (\S+) is completed/.exec(await placed.innerText())?.[1];
    if (!orderId) throw new Error('the notification names no order');
    await placed
      .locator('.monaco-button')
      .filter({ hasText: exactly('Show in Explorer') })
      .first()
      .click();
    await pane(page, 'Customers').locator('.monaco-list-row.selected').filter({ hasText: orderId }).first().waitFor();
  });

  await check('Discard Interrupted Send asks, then says what it dropped', async () => {
    // Every answer is lost after the order was committed: the send ends unknown, and journaled. The
    // faults stay on until it is discarded, or the extension's own check with the service (which
    // finds the order placed) would settle it first, leaving nothing to discard.
    await setFaults({ resetAfterCommit: 1 });
    try {
      await openFile(page, workspace, 'buy.order.json');
      await runCommand(page, 'Partner Center: Run Request');
      await clickDialogButton(page, 'Place order');
      // The run's end, not the progress line "No definite answer yet; sending again…": six sends, each
      // tried by the client too, with back-off.
      await page
        .locator(TOAST)
        .filter({ hasText: /No definite answer \(/ })
        .first()
        .waitFor({ timeout: 240_000 });
      await runCommand(page, 'Partner Center: Discard Interrupted Send');
      await page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: 'POST' }).first().waitFor();
      await page.keyboard.press('Enter');
      await clickDialogButton(page, 'Discard');
      await page.locator(TOAST).filter({ hasText: 'discarded the interrupted send POST' }).first().waitFor();
    } finally {
      await setFaults({});
    }
  });
}
