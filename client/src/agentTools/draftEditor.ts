// A drafted request opened as an untitled editor, named so its kind is recognised (x.order.json), for
// the person to read, change and run themselves. Never saved or sent by the tool.
import * as vscode from 'vscode';

export async function openDraft(fileName: string, text: string): Promise<vscode.Uri> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
  // A second draft for the same customer gets its own editor, not the first one's text replaced.
  let uri: vscode.Uri;
  for (let n = 1; ; n++) {
    const name = n === 1 ? fileName : fileName.replace(/^([^.]+)/, `$1-${n}`);
    uri = folder
      ? vscode.Uri.joinPath(folder, name).with({ scheme: 'untitled' })
      : vscode.Uri.from({ scheme: 'untitled', path: name });
    if (!open.has(uri.toString())) break;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, new vscode.Position(0, 0), text);
  await vscode.workspace.applyEdit(edit);
  await vscode.window.showTextDocument(document, { preview: false });
  return uri;
}
