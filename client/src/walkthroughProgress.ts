// The walkthrough's steps are completed by doing them (contributes.walkthroughs in package.json).
// VS Code counts each completion event once per window, and not at all when it happened before the
// walkthrough was registered: a Customers view that is open when the window loads never completes
// "Browse a customer" by `onView`, and a context key that is already true at registration never
// completes its step. So each step is also completed by a context key of our own, set (false → true)
// when the person has done the thing, which is always after the walkthrough is registered.
import * as vscode from 'vscode';

/** What a person has done that completes a walkthrough step; each is `partnerCenter.walkthrough.<name>`. */
export type WalkthroughMilestone = 'customersListed' | 'customerBrowsed';

const reached = new Set<WalkthroughMilestone>();

export function reachMilestone(milestone: WalkthroughMilestone): void {
  if (reached.has(milestone)) return;
  reached.add(milestone);
  void vscode.commands.executeCommand('setContext', `partnerCenter.walkthrough.${milestone}`, true);
}
