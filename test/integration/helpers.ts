// Helpers for tests that run inside the extension host. They wait on state (polling with a
// deadline, test/support/waitFor.ts), never on a fixed sleep.
import * as vscode from 'vscode';

export const EXTENSION_ID = 'partner-center-tools.partner-center-vscode';

/** The polling helper every test tier shares (test/support/waitFor.ts). */
export { waitFor } from '../support/waitFor';

export async function activateExtension<T = unknown>(): Promise<{ extension: vscode.Extension<T>; api: T }> {
  const extension = vscode.extensions.getExtension<T>(EXTENSION_ID);
  if (!extension) throw new Error(`Extension ${EXTENSION_ID} is not installed in this host.`);
  const api = await extension.activate();
  return { extension, api };
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('The integration tests need a workspace folder.');
  return folder.uri;
}

/** The emulator the launcher started for this run. */
export function emulatorUrl(): string {
  const url = process.env.PC_EMULATOR_URL;
  if (!url) throw new Error('PC_EMULATOR_URL is not set: run the suite through npm run test:e2e.');
  return url;
}

/** Writes a document into the test workspace and opens it. */
export async function openNewDocument(relativePath: string, content: string): Promise<vscode.TextDocument> {
  const uri = vscode.Uri.joinPath(workspaceRoot(), relativePath);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(content, 'utf8'));
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return document;
}
