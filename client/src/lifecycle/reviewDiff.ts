// The review of a lifecycle change: a diff editor of the subscription as read just now against the
// whole resource that will be sent. Both are read-only virtual documents named `*.subscription.json`
// and naming the subscription schema, so the language server checks the proposal like any request
// document. Each review gets its own URIs (a fresh diff after a stale etag is a new pair), and a
// closed review's documents are forgotten.
import * as vscode from 'vscode';
import { type ReviewDocuments } from '../../../common/src/lifecycle/review';

export const REVIEW_SCHEME = 'partner-center-review';

export interface OpenReview {
  current: vscode.Uri;
  proposed: vscode.Uri;
  title: string;
}

export class ReviewDocumentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private next = 1;
  private readonly closing: vscode.Disposable;

  constructor() {
    this.closing = vscode.workspace.onDidCloseTextDocument((d) => {
      if (d.uri.scheme === REVIEW_SCHEME) this.texts.delete(d.uri.toString());
    });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '{}\n';
  }

  /** Opens the diff of one review; `key` names the subscription in the documents' paths. */
  async show(review: ReviewDocuments, key: string): Promise<OpenReview> {
    const n = this.next++;
    const uri = (name: string) => vscode.Uri.from({ scheme: REVIEW_SCHEME, path: `/${key}/review-${n}/${name}` });
    const current = uri(review.fileNames?.current ?? 'current.subscription.json');
    const proposed = uri(review.fileNames?.proposed ?? 'proposed.subscription.json');
    this.texts.set(current.toString(), review.current);
    this.texts.set(proposed.toString(), review.proposed);
    const title = `${review.title} (current ↔ proposed)`;
    await vscode.commands.executeCommand('vscode.diff', current, proposed, title, { preview: false });
    return { current, proposed, title };
  }

  dispose(): void {
    this.closing.dispose();
    this.texts.clear();
  }
}
