// The extension host's half of the UI driver (test/harness/uiDriver.ts): tests click, type and read
// the workbench as a person would, for what only the screen shows (modal dialogs, input boxes,
// tree rows, the status bar). Each call waits for its element, up to the timeout.
import { type UiCommand } from '../harness/uiDriver';

async function send<T = unknown>(command: UiCommand): Promise<T> {
  const url = process.env.PC_UI_DRIVER_URL;
  if (!url) throw new Error('PC_UI_DRIVER_URL is not set: run the suite through npm run test:e2e.');
  const res = await fetch(url, { method: 'POST', body: JSON.stringify(command) });
  const answer = (await res.json()) as { ok: boolean; value?: T; error?: string };
  if (!answer.ok) {
    throw new Error(
      `UI ${command.action} ${command.selector ?? command.value ?? ''}${command.text ? ` "${command.text}"` : ''}: ${answer.error}`,
    );
  }
  return answer.value as T;
}

/** Workbench parts, by the classes VS Code gives them (the same in 1.96 and the newest release). */
export const parts = {
  dialog: '.monaco-dialog-box',
  dialogButton: '.monaco-dialog-box .dialog-buttons a.monaco-button',
  quickInput: '.quick-input-widget',
  quickInputBox: '.quick-input-widget .quick-input-box input',
  quickInputMessage: '.quick-input-widget .quick-input-message',
  quickPickRow: '.quick-input-widget .monaco-list-row',
  treeRow: '.monaco-list-row',
  statusBarItem: '.statusbar-item',
  /** A status bar item on `statusBarItem.warningBackground`. */
  statusBarWarningItem: '.statusbar-item.warning-kind',
  contextMenuItem: '.context-view .action-item, .monaco-menu .action-item',
} as const;

export const ui = {
  click: (selector: string, text?: string, options: { button?: 'left' | 'right'; timeoutMs?: number } = {}) =>
    send({ action: 'click', selector, text, ...options }),
  hover: (selector: string, text?: string) => send({ action: 'hover', selector, text }),
  /** Waits until an element is visible and returns the texts of all that match. */
  waitFor: (selector: string, text?: string, timeoutMs?: number) =>
    send<string[]>({ action: 'waitFor', selector, text, timeoutMs }),
  waitForGone: (selector: string, text?: string, timeoutMs?: number) =>
    send({ action: 'waitForGone', selector, text, timeoutMs }),
  texts: (selector: string, text?: string) => send<string[]>({ action: 'texts', selector, text }),
  press: (keys: string) => send({ action: 'press', value: keys }),
  type: (value: string) => send({ action: 'type', value }),
  fill: (selector: string, value: string) => send({ action: 'fill', selector, value }),
  screenshot: (path: string) => send({ action: 'screenshot', value: path }),

  /** The modal dialog's whole text, once it is shown. */
  async dialogText(): Promise<string> {
    return (await ui.waitFor(parts.dialog)).join('\n');
  },
  /** Clicks a modal dialog's button by its exact label, and waits for the dialog to close. */
  async answerDialog(label: string): Promise<void> {
    await ui.click(parts.dialogButton, `/^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$/`);
    await ui.waitForGone(parts.dialog);
  },
};
