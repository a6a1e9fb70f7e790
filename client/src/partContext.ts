// What every part of the extension is given (issue 13): activate builds one PartContext, and each
// register* part takes it first, followed only by what it needs from another part (Run Request
// needs the explorer's hooks). A part registers its own disposables in
// extensionContext.subscriptions and returns only what others (or the tests) use of it; compare
// rust-analyzer's editors/code/src/ctx.ts.
import type * as vscode from 'vscode';
import { type Config } from './config';
import { type PartnerCenterConnection } from './connection';

export interface PartContext {
  readonly extensionContext: vscode.ExtensionContext;
  readonly config: Config;
  readonly log: vscode.LogOutputChannel;
  /** Which Partner Center requests go to, and the API client for it. */
  readonly connection: PartnerCenterConnection;
}
