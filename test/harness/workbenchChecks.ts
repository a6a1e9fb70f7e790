// Tests that only a person's clicks can show, run by the e2e launcher in a workbench like the one
// a partner has: the extension installed (not under test), no smoke-test driver, so modal dialogs
// and notification toasts are real. (With the test driver, or while extension tests run, VS Code
// refuses every modal dialog and hides every toast.) Each check clicks, types and reads the page;
// what was sent is read from the emulator's own record.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { repoExtension, startCodeServer } from './codeServer';
import { startEmulatorProcess } from './emulatorProcess';
import { runExplorerChecks } from './workbench/explorerChecks';
import { runLanguageChecks } from './workbench/languageChecks';
import { CHROMIUM, type Runtime } from './runtime';
import { waitFor } from '../support/waitFor';
import { runRunChecks } from './workbench/runChecks';
import { runWalkthroughChecks } from './workbench/walkthroughChecks';

/** Runs one named check, recording its outcome (and a screenshot when it fails). */
export type Check = (name: string, body: () => Promise<void>) => Promise<void>;

export interface CheckOutcome {
  title: string;
  error?: string;
}

interface Fixtures {
  customerId: string;
  catalog: { license: string; [kind: string]: string };
}
interface Recorded {
  method: string;
  path: string;
  status: number;
  requestId?: string;
}

export const DIALOG = '.monaco-dialog-box';
export const DIALOG_BUTTON = '.monaco-dialog-box .dialog-buttons a.monaco-button';
export const QUICK_INPUT = '.quick-input-widget .quick-input-box input';
export const TOAST = '.notification-toast';

export function exactly(label: string): RegExp {
  return new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

/** Clicks the open modal dialog's button `label`. */
export async function clickDialogButton(page: Page, label: string): Promise<void> {
  await page
    .locator(DIALOG_BUTTON)
    .filter({ hasText: exactly(label) })
    .first()
    .click();
}

/** Opens the extension's walkthrough, "Get Started with Partner Center", from the palette. */
export async function openWalkthrough(page: Page): Promise<void> {
  await runCommand(page, 'Welcome: Open Walkthrough...');
  await page
    .locator('.quick-input-widget .monaco-list-row')
    .filter({ hasText: 'Get Started with Partner Center' })
    .first()
    .click();
  await page.locator('.getting-started-step').first().waitFor();
}

/**
 * Runs `act` up to three times. A busy workbench can drop the first keys typed into an input that
 * is still taking focus, or a right-click on a row it is redrawing; `recover` puts things back
 * between tries, and the last try's error is the one thrown.
 */
export async function tryThrice(act: () => Promise<void>, recover: () => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await act();
      return;
    } catch (err) {
      if (attempt === 3) throw err;
      await recover();
    }
  }
}

/**
 * Opens a quick input with `keys`, types `text` after what it holds (the palette's ">") and waits
 * for `row`. On a loaded machine the first keys can reach the input before it
 * listens; then the input is opened and typed again.
 */
async function typeIntoQuickInput(page: Page, keys: string, text: string, row: ReturnType<Page['locator']>): Promise<void> {
  // A hover left under the pointer (a tree row's tooltip) can hold the quick input: move away first.
  await page.mouse.move(640, 4);
  const input = page.locator(QUICK_INPUT).first();
  await tryThrice(
    async () => {
      await page.keyboard.press(keys);
      await input.waitFor({ timeout: 20_000 });
      await input.fill(`${await input.inputValue()}${text}`, { timeout: 20_000 });
      await row.waitFor({ timeout: 20_000 });
    },
    () => page.keyboard.press('Escape'),
  );
}

/** Types into a quick input opened by `keys` and picks the row that says `text`. */
export async function quickPick(page: Page, keys: string, text: string): Promise<void> {
  await typeIntoQuickInput(
    page,
    keys,
    text,
    page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: text }).first(),
  );
  await page.keyboard.press('Enter');
}

export const runCommand = (page: Page, title: string) => quickPick(page, 'F1', title);

/**
 * Waits for a notification whose text matches `text`, as a toast or else in the notification
 * center. VS Code does not always show a notification as a toast (on VS Code 1.96 one run in a
 * CI gate showed the placed order's notification only in the center: the status bar's bell said
 * so and no toast appeared in 30 s); what the user is told is the same notification either way.
 */
export async function waitForNotification(page: Page, text: RegExp): Promise<void> {
  try {
    await page.locator(TOAST).filter({ hasText: text }).first().waitFor({ timeout: 10_000 });
    return;
  } catch {
    // Not as a toast: the center lists every notification of the session.
  }
  await runCommand(page, 'Notifications: Show Notifications');
  const inCenter = page.locator('.notifications-center .notification-list-item').filter({ hasText: text }).first();
  try {
    await inCenter.waitFor();
  } finally {
    await runCommand(page, 'Notifications: Hide Notifications');
  }
}

/**
 * Puts `target` in the open save dialog and accepts it. The simple file dialog may spend a first
 * Enter on moving to the target's folder, so Enter is pressed again while it is still open.
 */
export async function acceptSaveDialog(page: Page, target: string): Promise<void> {
  const input = page.locator(QUICK_INPUT).first();
  await waitFor(`the save dialog to hold ${target}`, async () => {
    if ((await input.inputValue()) !== target) await input.fill(target);
    return (await input.inputValue()) === target;
  });
  await waitFor(`the save dialog to accept ${target}`, async () => {
    if (!(await input.isVisible())) return true;
    if ((await input.inputValue()) !== target) await input.fill(target);
    await page.keyboard.press('Enter');
    return input
      .waitFor({ state: 'hidden', timeout: 3_000 })
      .then(() => true)
      .catch(() => false);
  });
}

/**
 * Opens the workspace file `name` itself, by its absolute path: Quick Open ranks recently opened
 * editors first, and a response document is named after its request ("buy.order.json — …").
 */
export async function openFile(page: Page, workspace: string, name: string): Promise<void> {
  const pick = page
    .locator('.quick-input-widget .monaco-list-row')
    .first()
    .filter({ has: page.locator('.label-name').filter({ hasText: exactly(name) }) });
  await typeIntoQuickInput(page, 'Control+P', join(workspace, name), pick);
  await pick.click();
  // A tab's accessible name is the file's ("buy.order.json", ", preview" after it in some versions);
  // its visible label may be split ("buy.order" and ".json").
  await waitFor(`${name} to be the active editor`, async () =>
    (await page.locator('.tab.active').evaluateAll((tabs) => tabs.map((t) => t.getAttribute('aria-label') ?? ''))).some(
      (label) => label === name || label.startsWith(`${name},`),
    ),
  );
}

/** The view pane whose header says `title` (Customers, History). */
export function pane(page: Page, title: string) {
  return page
    .locator('.pane')
    .filter({ has: page.locator('.pane-header', { hasText: new RegExp(`^\\s*${title}`, 'i') }) })
    .first();
}

/** Right-clicks `target` and clicks the context menu item `label`; a click the menu swallowed is repeated with Enter. */
export async function contextMenu(page: Page, target: ReturnType<Page['locator']>, label: string): Promise<void> {
  const item = page
    .locator('.monaco-menu .action-item')
    .filter({ hasText: exactly(label) })
    .first();
  // A right-click that lands while the tree redraws its rows (a refresh, an editor closing) opens
  // no menu, or one that closes at once: then the row is right-clicked again.
  await tryThrice(
    async () => {
      await target.click({ button: 'right' });
      try {
        await item.waitFor({ timeout: 5_000 });
      } catch {
        const seen = (await page.locator('.monaco-menu .action-item').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
        await page.keyboard.press('Escape');
        throw new Error(`the context menu has no "${label}": it offers ${JSON.stringify(seen)}`);
      }
    },
    async () => {},
  );
  await item.hover();
  await item.click();
  const menu = page.locator('.monaco-menu').first();
  try {
    await menu.waitFor({ state: 'hidden', timeout: 3000 });
  } catch {
    await page.keyboard.press('Enter'); // the hovered item is the highlighted one
    await menu.waitFor({ state: 'hidden' });
  }
}

/** Clicks a button of a view's title bar (they show while the pointer is over the header). */
export async function viewAction(view: ReturnType<Page['locator']>, label: string): Promise<void> {
  await view.locator('.pane-header').hover();
  await view.locator(`.pane-header .actions a.action-label[aria-label="${label}"]`).first().click();
}

/** A test-only extension that shows the product's confirmation for a production purchase (see test/workbench). */
function helperExtension(repoRoot: string): { path: string; id: string; version: string } {
  const dir = mkdtempSync(join(tmpdir(), 'pc-workbench-helper-'));
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify(
      {
        name: 'workbench-helper',
        publisher: 'pc-test',
        version: '0.0.1',
        engines: { vscode: '^1.96.0' },
        main: './extension.js',
        activationEvents: ['onCommand:pcTest.confirmProductionPurchase', 'onCommand:pcTest.invokeRunRequestTool'],
        contributes: {
          commands: [
            { command: 'pcTest.confirmProductionPurchase', title: 'Confirm a Production Purchase', category: 'PC Test' },
            { command: 'pcTest.invokeRunRequestTool', title: 'Invoke the Run Request Agent Tool', category: 'PC Test' },
          ],
        },
      },
      null,
      2,
    ),
  );
  // The bundle keeps node_modules external, so it is loaded from the checkout where they resolve.
  writeFileSync(
    join(dir, 'extension.js'),
    `module.exports = require(${JSON.stringify(join(repoRoot, 'out', 'test', 'workbench', 'helperExtension.js'))});\n`,
  );
  return { path: dir, id: 'pc-test.workbench-helper', version: '0.0.1' };
}

export async function runWorkbenchChecks(repoRoot: string, runtime: Runtime): Promise<CheckOutcome[]> {
  const { chromium } = await import('playwright-core');
  const outcomes: CheckOutcome[] = [];
  const emulator = await startEmulatorProcess(repoRoot, ['--seed', '42']);
  const fixtures = (await (await fetch(`${emulator.url}/_emulator/fixtures`)).json()) as Fixtures;
  const recorded = async () => (await (await fetch(`${emulator.url}/_emulator/requests`)).json()) as Recorded[];
  const orderPosts = async () =>
    (await recorded()).filter(
      (r) => r.method === 'POST' && r.path.toLowerCase() === `/v1/customers/${fixtures.customerId}/orders`.toLowerCase(),
    );

  const workspace = mkdtempSync(join(tmpdir(), 'pc-workbench-'));
  cpSync(join(repoRoot, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  mkdirSync(join(workspace, '.vscode'), { recursive: true });
  writeFileSync(
    join(workspace, '.vscode', 'settings.json'),
    JSON.stringify({ 'partnerCenter.environment': 'emulator', 'partnerCenter.emulatorUrl': emulator.url }, null, 2),
  );
  writeFileSync(
    join(workspace, 'buy.order.json'),
    JSON.stringify(
      {
        $schema: 'partner-center:/schemas/order.schema.json',
        referenceCustomerId: fixtures.customerId,
        partnerOnRecordAttestationAccepted: true,
        billingCycle: 'monthly',
        lineItems: [{ lineItemNumber: 0, offerId: fixtures.catalog.license, quantity: 4, termDuration: 'P1Y' }],
      },
      null,
      2,
    ),
  );
  const resultFile = join(mkdtempSync(join(tmpdir(), 'pc-workbench-result-')), 'confirmed.json');

  const session = await startCodeServer(runtime, {
    installExtensions: [repoExtension(repoRoot), helperExtension(repoRoot)],
    environment: { PC_WORKBENCH_RESULT: resultFile },
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const title = (name: string) => `Workbench (VS Code ${runtime.version.vscode}, clicked): ${name}`;
  const check: Check = async (name, body) => {
    try {
      await body();
      outcomes.push({ title: title(name) });
    } catch (err) {
      await page.screenshot({ path: join(session.runDir, `failure-${outcomes.length}.png`) }).catch(() => undefined);
      outcomes.push({
        title: title(name),
        error: `${err instanceof Error ? err.message : String(err)}\n(screenshot in ${session.runDir})`,
      });
    } finally {
      await page.keyboard.press('Escape').catch(() => undefined);
    }
  };
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(30_000);
  try {
    await page.goto(await session.workbenchUrl({ folder: workspace }));
    await page.locator('.activitybar [aria-label^="Partner Center"]').first().waitFor({ timeout: 90_000 });
    await runWalkthroughChecks(page, check);

    await check("Run Request's modal names the environment, the customer and every line; Cancel sends nothing", async () => {
      await openFile(page, workspace, 'buy.order.json');
      await page.locator('.codelens-decoration a').filter({ hasText: 'Run' }).first().click();
      const text = await page.locator(DIALOG).first().innerText();
      for (const expected of [
        'Place order for',
        'local emulator: no money is spent',
        fixtures.customerId,
        fixtures.catalog.license,
      ]) {
        if (!text.includes(expected)) throw new Error(`the dialog does not show "${expected}":\n${text}`);
      }
      // The same purchase from the command line must be put in the same words (issue 13).
      const question = (await page.locator(`${DIALOG} .dialog-message-text`).first().innerText()).trim().replace(/\?$/, '');
      const detail = await page.locator(`${DIALOG} .dialog-message-detail`).first().innerText();
      const cli = await cliConfirmation(repoRoot, join(workspace, 'buy.order.json'), emulator.url);
      const words = (t: string) => t.replace(/\s+/g, ' ').trim();
      if (words(`${question}\n${detail}`) !== words(cli)) {
        throw new Error(`the dialog and the CLI say different things.\ndialog:\n${question}\n${detail}\nCLI:\n${cli}`);
      }
      await clickDialogButton(page, 'Cancel');
      await page.locator(DIALOG).first().waitFor({ state: 'hidden' });
      await page.locator(TOAST).filter({ hasText: '"Place order" was not confirmed' }).first().waitFor();
      const posts = await orderPosts();
      if (posts.length !== 0) throw new Error(`${posts.length} order(s) were posted after Cancel`);
    });

    await check(
      "an agent's partnercenter_run_request brings up the same modal; Cancel sends nothing and the agent is told",
      async () => {
        await openFile(page, workspace, 'buy.order.json');
        await runCommand(page, 'PC Test: Invoke the Run Request Agent Tool');
        const text = await page.locator(DIALOG).first().innerText();
        for (const expected of ['Place order for', fixtures.customerId, fixtures.catalog.license]) {
          if (!text.includes(expected)) throw new Error(`the dialog does not show "${expected}":\n${text}`);
        }
        await clickDialogButton(page, 'Cancel');
        const answer = (await readJsonOnceWritten(`${resultFile}.tool.json`)) as { text?: string };
        if (!/declined the confirmation: nothing was sent/.test(answer.text ?? '')) {
          throw new Error(`the tool's answer does not say nothing was sent: ${JSON.stringify(answer)}`);
        }
        const posts = await orderPosts();
        if (posts.length !== 0) throw new Error(`${posts.length} order(s) were posted after the agent's request was cancelled`);
      },
    );

    await check('Run Request\'s "Place order" button places exactly one order, and says so', async () => {
      await openFile(page, workspace, 'buy.order.json');
      await page.locator('.codelens-decoration a').filter({ hasText: 'Run' }).first().click();
      await clickDialogButton(page, 'Place order');
      await waitForNotification(page, /POST \/v1\/customers\/.+\/orders → 201/);
      const posts = await orderPosts();
      if (posts.length !== 1 || posts[0]!.status !== 201) {
        throw new Error(`expected one order POST answered 201, found ${JSON.stringify(posts)}`);
      }
    });

    await check(
      'History: a run is listed; Open Response re-opens it; Send Again asks again and sends with a new request id',
      async () => {
        const history = pane(page, 'History');
        // A click on the container's icon closes it when it is open already.
        if (!(await history.isVisible())) await page.locator('.activitybar [aria-label^="Partner Center"]').first().click();
        const row = history.locator('.monaco-list-row').filter({ hasText: 'buy.order.json' }).first();
        await row.waitFor();
        await page.keyboard.press('Control+K');
        await page.keyboard.press('W'); // close every editor, so re-opening is visible
        await contextMenu(page, row, 'Open Response');
        await page.locator('.tab.active').filter({ hasText: 'buy.order.json' }).first().waitFor();
        const editorText = await page.locator('.editor-instance .view-lines').first().innerText();
        if (!/"status": 201/.test(editorText.replace(/\u00a0/g, ' '))) {
          throw new Error(`the re-opened response does not show the 201:\n${editorText.slice(0, 500)}`);
        }

        const first = await orderPosts();
        await contextMenu(page, row, 'Send Again');
        await clickDialogButton(page, 'Place order');
        await page
          .locator(TOAST)
          .filter({ hasText: /orders → 201/ })
          .nth(1)
          .waitFor()
          .catch(() => undefined);
        const posts = await waitFor('Send Again to post an order', async () => {
          const now = await orderPosts();
          return now.length >= first.length + 1 && now;
        });
        if (posts.length !== first.length + 1) throw new Error(`Send Again posted ${posts.length - first.length} order(s)`);
        const newId = posts.at(-1)!.requestId;
        if (!newId || first.some((p) => p.requestId === newId)) throw new Error(`Send Again reused a request id (${newId})`);
        await history.locator('.monaco-list-row').nth(1).waitFor();
      },
    );

    await check(
      "History: the title bar's Export as HAR and the palette's Export as JSON write every run to the chosen file",
      async () => {
        const history = pane(page, 'History');
        const save = async (target: string) => {
          const input = page.locator(QUICK_INPUT).first();
          await input.waitFor();
          // The save dialog fills in its default path a moment after it opens (overwriting anything
          // typed before): wait for the default, then type ours and see that it stayed.
          await waitFor('the save dialog to show its default path', async () =>
            /partner-center-history\.(har|json)$/.test(await input.inputValue()),
          );
          await acceptSaveDialog(page, target);
          return readJsonOnceWritten(target);
        };
        await history.locator('.monaco-list-row').first().click(); // an item has focus: the title bar still exports all
        await viewAction(history, 'Export History as HAR');
        const har = (await save(join(workspace, 'exported-history.har'))) as { log: { entries: { request: { url: string } }[] } };
        if (har.log.entries.length !== 2 || !har.log.entries.every((e) => /\/orders$/.test(e.request.url))) {
          throw new Error(
            `the HAR holds ${har.log.entries.length} entries: ${JSON.stringify(har.log.entries.map((e) => e.request.url))}`,
          );
        }
        await runCommand(page, 'Partner Center: Export History as JSON');
        const runs = (await save(join(workspace, 'exported-history.json'))) as {
          title: string;
          exchanges: { requestId: string }[];
        }[];
        if (runs.length !== 2 || !runs.every((r) => r.title === 'buy.order.json' && r.exchanges.length === 1)) {
          throw new Error(`unexpected export: ${JSON.stringify(runs.map((r) => [r.title, r.exchanges.length]))}`);
        }
        if (runs[0]!.exchanges[0]!.requestId === runs[1]!.exchanges[0]!.requestId) {
          throw new Error('the two runs share a request id');
        }
      },
    );

    await check('History: Delete from History removes one run; Clear History asks, then removes the rest', async () => {
      const history = pane(page, 'History');
      const rows = history.locator('.monaco-list-row');
      await contextMenu(page, rows.first(), 'Delete from History');
      await rows.nth(1).waitFor({ state: 'detached' });
      if ((await rows.count()) !== 1) throw new Error(`expected one run left, found ${await rows.count()}`);
      await runCommand(page, 'Partner Center: Clear History');
      const text = await page.locator(DIALOG).first().innerText();
      if (!/Delete every request and response/.test(text)) throw new Error(`unexpected dialog: ${text}`);
      await clickDialogButton(page, 'Clear History');
      await rows.first().waitFor({ state: 'detached' });
      await history.locator('.welcome-view-content').filter({ hasText: 'Requests you send' }).first().waitFor();
    });

    await check('Customers: clicking the "Load more" row loads the next page', async () => {
      const customers = pane(page, 'Customers');
      const listings = async () =>
        (await recorded()).filter((r) => r.method === 'GET' && /^\/v1\/customers(\?|$)/.test(r.path)).length;
      // The tree is virtual: go to its last row (the Load more row) with the keyboard first.
      await customers.locator('.monaco-list-row').first().click();
      await page.keyboard.press('End');
      const more = customers
        .locator('.monaco-list-row')
        .filter({ hasText: /Load more/i })
        .first();
      await more.waitFor();
      const before = await listings();
      await more.click();
      await waitFor('clicking Load more to ask Partner Center for the next page', async () => (await listings()) !== before);
      // The next page's customers are in the tree: the row that was "Load more" is a customer now.
      await customers
        .locator('.monaco-list-row[aria-level="1"][aria-posinset="41"]')
        .filter({ hasNotText: /Load more/i })
        .first()
        .waitFor();
    });

    await check(
      "against production the customer's domain must be typed: a wrong domain is refused, the right one confirms",
      async () => {
        await runCommand(page, 'PC Test: Confirm a Production Purchase');
        const text = await page.locator(DIALOG).first().innerText();
        if (!/PRODUCTION: real money/.test(text)) throw new Error(`the dialog does not say it is production:\n${text}`);
        await clickDialogButton(page, 'Place order');
        const domainBox = page.locator(QUICK_INPUT).first();
        await domainBox.waitFor();
        // Filled, not typed key by key: keys pressed while the modal hands focus back can be lost.
        await domainBox.fill('fabrikam.onmicrosoft.com');
        await page
          .locator('.quick-input-widget .quick-input-message')
          .filter({ hasText: 'Type contoso.onmicrosoft.com exactly.' })
          .first()
          .waitFor();
        await domainBox.press('Enter');
        // Not accepted: the box is still there, with the wrong domain in it, and nothing was answered.
        if (!(await domainBox.isVisible())) throw new Error('the domain box closed on a wrong domain');
        const kept = await domainBox.inputValue();
        if (kept !== 'fabrikam.onmicrosoft.com') throw new Error(`the domain box now holds "${kept}"`);
        if (existsSync(resultFile)) throw new Error(`answered after a wrong domain: ${readFileSync(resultFile, 'utf8')}`);
        await domainBox.fill('Contoso.onmicrosoft.com');
        await domainBox.press('Enter');
        await page.locator(QUICK_INPUT).first().waitFor({ state: 'hidden' });
        const answer = (await readJsonOnceWritten(resultFile)) as { confirmed?: boolean };
        if (answer.confirmed !== true) throw new Error(`the right domain did not confirm: ${JSON.stringify(answer)}`);
      },
    );
    await runRunChecks({ page, check, workspace, emulatorUrl: emulator.url });
    await runExplorerChecks({ page, check, emulatorUrl: emulator.url, customerId: fixtures.customerId, workspace, recorded });
    await runLanguageChecks(page, check, workspace, fixtures.catalog.license);
  } catch (err) {
    outcomes.push({
      title: title('the workbench opens with the extension installed'),
      error: err instanceof Error ? err.message : String(err),
    });
  } finally {
    await browser.close();
    await session.stop();
    await emulator.stop();
  }
  return outcomes;
}

/**
 * What `partner-center send` shows to confirm the purchase in `file`: run with no terminal and no
 * --yes, it prints the confirmation, refuses, and sends nothing.
 */
async function cliConfirmation(repoRoot: string, file: string, endpoint: string): Promise<string> {
  const journal = join(mkdtempSync(join(tmpdir(), 'pc-workbench-cli-')), 'journal.json');
  const child = spawn(
    process.execPath,
    [join(repoRoot, 'dist', 'cli.js'), 'send', file, '--endpoint', endpoint, '--journal', journal],
    {
      env: { ...process.env, PARTNER_CENTER_TOKEN: 'workbench-check' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  child.stdout.resume();
  const code = await new Promise<number | null>((done) => child.on('close', done));
  const lines = stderr.split('\n');
  const start = lines.findIndex((l) => l.startsWith('Place order for'));
  const end = lines.findIndex((l) => l.startsWith('refusing to make a purchase'));
  if (code !== 2 || start < 0 || end < start) {
    throw new Error(`the CLI did not show a confirmation and refuse (exit ${code}):\n${stderr}`);
  }
  return lines.slice(start, end).join('\n');
}

/**
 * The JSON a dialog or the helper extension writes to `path`, once it is whole: the file can be
 * seen empty or half-written for a moment.
 */
export async function readJsonOnceWritten(path: string): Promise<unknown> {
  return waitFor(`${path} to hold a whole JSON document`, () => JSON.parse(readFileSync(path, 'utf8')) as unknown);
}
