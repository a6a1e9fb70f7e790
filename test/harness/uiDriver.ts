// The browser half of the integration suite. Tests run inside the extension host and cannot reach
// the workbench's DOM; what only a click shows (modal dialogs, input boxes, tree rows, status bar,
// title-bar buttons) they ask of this small loopback server, which drives the page with Playwright.
// The extension host finds it through PC_UI_DRIVER_URL; test/integration/ui.ts is the other half.
import { createServer, type IncomingMessage } from 'node:http';
import { type AddressInfo } from 'node:net';
import { type Locator, type Page } from 'playwright-core';

/** One request from a test: what to find, and what to do with it. */
export interface UiCommand {
  action: 'click' | 'texts' | 'waitFor' | 'waitForGone' | 'press' | 'type' | 'fill' | 'hover' | 'screenshot';
  /** A CSS selector in the workbench page. */
  selector?: string;
  /** Keep only elements whose text contains this (or matches it, for `/…/flags`). */
  text?: string;
  /** Keys for `press` (Playwright names, e.g. `Enter`, `Control+A`); text for `type` / `fill`. */
  value?: string;
  /** For `click`: a right click opens context menus. */
  button?: 'left' | 'right';
  timeoutMs?: number;
}

function textFilter(text: string): string | RegExp {
  const regex = /^\/(.*)\/([a-z]*)$/s.exec(text);
  return regex ? new RegExp(regex[1]!, regex[2]) : text;
}

function locate(page: Page, command: UiCommand): Locator {
  if (!command.selector) throw new Error(`${command.action} needs a selector`);
  let locator = page.locator(command.selector);
  if (command.text !== undefined) locator = locator.filter({ hasText: textFilter(command.text) });
  return locator;
}

async function perform(page: Page, command: UiCommand): Promise<unknown> {
  const timeout = command.timeoutMs ?? 20_000;
  switch (command.action) {
    case 'click':
      await locate(page, command)
        .first()
        .click({ timeout, button: command.button ?? 'left' });
      return undefined;
    case 'hover':
      await locate(page, command).first().hover({ timeout });
      return undefined;
    case 'waitFor':
      await locate(page, command).first().waitFor({ state: 'visible', timeout });
      return await locate(page, command).allInnerTexts();
    case 'waitForGone':
      await locate(page, command).first().waitFor({ state: 'hidden', timeout });
      return undefined;
    case 'texts':
      return locate(page, command).allInnerTexts();
    case 'press':
      await page.keyboard.press(command.value ?? 'Enter');
      return undefined;
    case 'type':
      await page.keyboard.type(command.value ?? '');
      return undefined;
    case 'fill':
      await locate(page, command)
        .first()
        .fill(command.value ?? '', { timeout });
      return undefined;
    case 'screenshot':
      await page.screenshot({ path: command.value ?? 'ui-driver.png' });
      return undefined;
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

export interface UiDriver {
  url: string;
  stop(): Promise<void>;
}

/** `page` is asked for at each command: the server starts before the page exists, its URL goes into the payload. */
export async function startUiDriver(page: () => Page | undefined): Promise<UiDriver> {
  // Commands run one at a time, in the order the tests sent them, as a person's hands would.
  let queue: Promise<unknown> = Promise.resolve();
  const server = createServer((req, res) => {
    void readBody(req)
      .then((body) => {
        const run = queue.then(() => {
          const current = page();
          if (!current) throw new Error('the workbench page is not open');
          return perform(current, JSON.parse(body) as UiCommand);
        });
        queue = run.catch(() => undefined);
        return run;
      })
      .then(
        (value) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, value })),
        (err: unknown) =>
          res
            .writeHead(200, { 'content-type': 'application/json' })
            .end(JSON.stringify({ ok: false, error: err instanceof Error ? err.message.split('\n')[0] : String(err) })),
      );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
