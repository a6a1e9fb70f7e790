// What a person reviews before a lifecycle change is confirmed: the subscription as read and the
// whole resource that will be sent, as two JSON documents (both name the subscription schema, so
// the language server checks the proposal like any `*.subscription.json` and only the change
// differs), and, for the terminal, a line diff of the two.
import { SCHEMA_BASE } from '../requestKinds';
import { type LifecycleProposal } from './lifecycleChange';

export interface ReviewDocuments {
  title: string;
  current: string;
  proposed: string;
  consequences: string[];
  /** The documents' file names when they are not subscriptions (an upgrade's transition request). */
  fileNames?: { current: string; proposed: string };
}

export function reviewDocuments(proposal: LifecycleProposal): ReviewDocuments {
  const schema = `${SCHEMA_BASE}subscription.schema.json`;
  return {
    title: `${proposal.plan.title}: ${String(proposal.current.friendlyName ?? proposal.current.offerName ?? proposal.subscriptionId)}`,
    current: `${JSON.stringify({ $schema: schema, ...proposal.current }, null, 2)}\n`,
    proposed: `${JSON.stringify({ $schema: schema, ...proposal.proposed }, null, 2)}\n`,
    consequences: proposal.plan.consequences,
  };
}

/**
 * A unified-style diff of two texts by lines (longest common subsequence), with `context` lines
 * around each change; small documents only (a subscription is about a hundred lines).
 */
export function lineDiff(before: string, after: string, context = 2): string {
  const a = before.replace(/\n$/, '').split('\n');
  const b = after.replace(/\n$/, '').split('\n');
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const lines: { mark: ' ' | '-' | '+'; text: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      lines.push({ mark: ' ', text: a[i++] });
      j++;
    } else if (i < a.length && (j === b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
      lines.push({ mark: '-', text: a[i++] });
    } else {
      lines.push({ mark: '+', text: b[j++] });
    }
  }
  const near = (k: number) => lines.slice(Math.max(0, k - context), k + context + 1).some((l) => l.mark !== ' ');
  const out: string[] = [];
  let skipped = false;
  lines.forEach((l, k) => {
    if (near(k)) {
      if (skipped) out.push('…');
      skipped = false;
      out.push(`${l.mark} ${l.text}`);
    } else skipped = true;
  });
  return out.join('\n');
}
