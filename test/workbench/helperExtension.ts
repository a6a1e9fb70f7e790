// A test-only extension, installed beside Partner Center in the workbench checks (never shipped).
// It shows the extension's own purchase confirmation for a production purchase, which no test
// session can reach for real (there is no production Partner Center here), and writes the answer
// to PC_WORKBENCH_RESULT so the launcher can compare it with what was clicked and typed. It also
// invokes the run_request agent tool, so that the modal an agent's request brings up can be clicked.
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { modalConfirmer } from '../../client/src/run/confirmer';
import { type PurchaseSummary } from '../../common/src/send';

export const PRODUCTION_SUMMARY: PurchaseSummary = {
  action: 'Place order',
  environment: { kind: 'production', label: 'Global' },
  customer: { id: '0b1f7d52-5c1e-4a8e-9f0c-3d6a2b7c8e91', name: 'Contoso Ltd', domain: 'contoso.onmicrosoft.com' },
  lines: [
    {
      number: 0,
      product: 'Microsoft 365 E3',
      catalogItemId: 'CFQ7TTC0LH18:0001',
      quantity: 5,
      termDuration: 'P1Y',
      billingCycle: 'monthly',
    },
  ],
};

export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('pcTest.confirmProductionPurchase', async () => {
      const confirmed = await modalConfirmer.confirmPurchase(PRODUCTION_SUMMARY, { typed: true });
      writeFileSync(process.env.PC_WORKBENCH_RESULT!, JSON.stringify({ confirmed }));
    }),
    // As an agent would: Partner Center's run_request tool on the active editor, with no chat around it.
    vscode.commands.registerCommand('pcTest.invokeRunRequestTool', async () => {
      const result = await vscode.lm.invokeTool('partnercenter_run_request', { input: {}, toolInvocationToken: undefined });
      const text = result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('\n');
      writeFileSync(`${process.env.PC_WORKBENCH_RESULT!}.tool.json`, JSON.stringify({ text }));
    }),
  );
}
