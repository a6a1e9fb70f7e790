// `npm run screenshot`: pictures of the real workbench for the README: a customer expanded, an
// order with its line items, an error node, a subscription change under review and settled, the
// walkthrough, and the language server's diagnostics. Runs the demo setup (emulator + code-server +
// the extension in development mode) and drives it with headless Chromium.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Page } from 'playwright-core';
import { CHROMIUM, ensureRuntime } from './runtime';
import { repoExtension, startCodeServer } from './codeServer';
import { startEmulatorProcess } from './emulatorProcess';
import { clickDialogButton, contextMenu, DIALOG, openWalkthrough, QUICK_INPUT } from './workbenchChecks';

const repoRoot = resolve(__dirname, '..', '..', '..');
const outDir = join(repoRoot, 'docs', 'images');

/** The tree row whose text starts with `label`. */
function row(page: Page, label: string) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page
    .locator('.monaco-list-row')
    .filter({ hasText: new RegExp(`^\\s*${escaped}`) })
    .first();
}

async function main(): Promise<void> {
  const runtime = ensureRuntime();
  const { chromium } = await import('playwright-core');
  // Seed 1 is the demo's: the demo documents name its customer and catalog items.
  const emulator = await startEmulatorProcess(repoRoot, ['--seed', '1']);
  const workspace = mkdtempSync(join(tmpdir(), 'pc-screenshot-workspace-'));
  cpSync(join(repoRoot, 'demo'), workspace, { recursive: true });
  mkdirSync(join(workspace, '.vscode'), { recursive: true });
  writeFileSync(
    join(workspace, '.vscode', 'settings.json'),
    JSON.stringify({ 'partnerCenter.environment': 'emulator', 'partnerCenter.emulatorUrl': emulator.url }, null, 2),
  );
  const session = await startCodeServer(runtime, {
    installExtensions: [repoExtension(repoRoot)],
    userSettings: { 'workbench.colorTheme': 'Default Light Modern', 'window.commandCenter': false },
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 720 } });
    await page.goto(await session.workbenchUrl({ folder: workspace, extensionPath: repoRoot }));
    await page.locator('.activitybar [aria-label^="Partner Center"]').first().click({ timeout: 60_000 });
    // No secondary side bar (it is empty here), and a wider side bar so descriptions are readable.
    await page.keyboard.press('Control+Alt+B');
    let box: { x: number; y: number; width: number; height: number } | null = null;
    for (const sash of await page.locator('.monaco-sash.vertical').all()) {
      const b = await sash.boundingBox();
      if (b && b.x > 250 && b.x < 450 && b.height > 300) box = b;
    }
    if (box) {
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(620, box.y + box.height / 2, { steps: 5 });
      await page.mouse.up();
    }
    const customers = page.locator('.monaco-list-row[aria-label]');
    await customers.first().waitFor({ timeout: 30_000 });
    const firstCustomer = (await customers.first().getAttribute('aria-label'))!.split(/\s/)[0]!;
    await customers.first().click();
    await row(page, 'Orders').click();
    const order = row(page, 'Order ');
    await order.waitFor();
    await order.click();
    await page.locator('.monaco-list-row[aria-level="4"]').first().waitFor();
    await page.waitForTimeout(500);
    mkdirSync(outDir, { recursive: true });
    await page.screenshot({ path: join(outDir, 'explorer-order.png') });
    await row(page, 'Orders').click(); // collapse again: the customer with its three folders
    await row(page, 'Subscriptions').click();
    await page.locator('.monaco-list-row[aria-level="3"]').first().waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(outDir, 'explorer-customer.png') });
    await row(page, 'Subscriptions').click();
    await fetch(`${emulator.url}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status503: 1 }),
    });
    await row(page, 'Entitlements').click();
    try {
      await row(page, 'Error').waitFor({ timeout: 60_000 });
    } catch (err) {
      await page.screenshot({ path: join(tmpdir(), 'pc-screenshot-failure.png') });
      throw err;
    }
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(outDir, 'explorer-error.png') });
    await fetch(`${emulator.url}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({}),
    });
    await row(page, 'Entitlements').click();

    // A subscription change from the tree (issue 15): Change Quantity…, reviewed as a diff with the
    // confirmation over it, then the node once the change has settled. A wider window, so the diff
    // shows side by side next to the wide side bar.
    await page.setViewportSize({ width: 1600, height: 900 });
    await row(page, 'Subscriptions').click();
    const subscription = page.locator('.monaco-list-row[aria-level="3"]').first();
    await subscription.waitFor();
    await contextMenu(page, subscription, 'Change Quantity…');
    const quantity = page.locator(QUICK_INPUT).first();
    await quantity.waitFor();
    await quantity.fill('30');
    await page.keyboard.press('Enter');
    await page.locator(DIALOG).first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1500);
    await page.screenshot({ path: join(outDir, 'lifecycle-review.png') });
    await clickDialogButton(page, 'Add seats');
    await page.locator('.monaco-list-row[aria-level="3"]').filter({ hasText: /×30/ }).first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1000);
    await page.screenshot({ path: join(outDir, 'lifecycle-settled.png') });
    await page.keyboard.press('Control+K');
    await page.keyboard.press('W'); // close the review
    await row(page, 'Subscriptions').click();
    await page.setViewportSize({ width: 1200, height: 720 });

    // The walkthrough.
    await openWalkthrough(page);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: join(outDir, 'walkthrough.png') });
    await page.keyboard.press('Control+K');
    await page.keyboard.press('W');

    // The language server on the demo's order full of mistakes, with the Problems panel open.
    await page.keyboard.press('Control+P');
    await page.keyboard.type('mistakes.order.json');
    await page.waitForTimeout(800);
    await page.keyboard.press('Enter');
    await page.locator('.squiggly-error').first().waitFor({ timeout: 60_000 });
    // Room for the editor: hide both side bars, then open the Problems panel.
    await page.keyboard.press('Control+B');
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel').first().waitFor();
    await page.waitForTimeout(1500);
    await page.screenshot({ path: join(outDir, 'language-diagnostics.png') });
    process.stdout.write(
      `Saved explorer-order.png, explorer-customer.png, explorer-error.png, lifecycle-review.png, lifecycle-settled.png, walkthrough.png and language-diagnostics.png (customer ${firstCustomer}…) in ${outDir}\n`,
    );
  } finally {
    await browser.close();
    await session.stop();
    await emulator.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
