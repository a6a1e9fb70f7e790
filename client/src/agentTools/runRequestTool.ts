// partnercenter_run_request, the one tool only VS Code has: it starts the normal Run Request on a
// document, exactly as the ▶ button does. The person sees the usual confirmation (the environment,
// the customer and every line; the typed domain against production) and nothing is sent unless they
// confirm it; the agent learns only the outcome. Never offered over MCP, where no person confirms.
import * as vscode from 'vscode';
import { type PartContext } from '../partContext';
import { type RunOutcome } from '../run/runController';

export const RUN_REQUEST_TOOL = 'partnercenter_run_request';

interface Input {
  uri?: string;
}

function documentFor(input: Input): vscode.TextDocument | undefined {
  if (input.uri === undefined) return vscode.window.activeTextEditor?.document;
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === input.uri || d.uri.fsPath === input.uri);
}

export function runRequestTool(ctx: PartContext): vscode.LanguageModelTool<Input> {
  return {
    prepareInvocation(options) {
      const doc = documentFor(options.input);
      const name = doc ? vscode.workspace.asRelativePath(doc.uri) : 'the active document';
      return {
        invocationMessage: `Starting Run Request on ${name} against ${ctx.connection.current.label}; you will be asked to confirm before anything is sent`,
      };
    },
    async invoke(options) {
      if (options.input.uri !== undefined && typeof options.input.uri !== 'string') throw new Error('uri must be a string.');
      const doc = documentFor(options.input);
      if (!doc) {
        throw new Error(
          options.input.uri === undefined
            ? 'No document is active. Give uri: the URI of an open request document (a draft from partnercenter_draft_request is one).'
            : `No open document has the URI ${options.input.uri}. Open it first, or draft it with partnercenter_draft_request.`,
        );
      }
      const outcome =
        (await vscode.commands.executeCommand<RunOutcome | undefined>('partnerCenter.runRequest', doc.uri)) ?? undefined;
      const status = outcome?.status ?? 'unknown';
      const text = !outcome
        ? 'Run Request ended without an answer.'
        : status === 'declined'
          ? 'The person declined the confirmation: nothing was sent.'
          : `Run Request ${status}: ${outcome.message}`;
      ctx.log.info(`Agent tool ${RUN_REQUEST_TOOL}: ${status}.`);
      const orderIds = outcome && 'orderIds' in outcome ? outcome.orderIds : [];
      return new vscode.LanguageModelToolResult([
        new vscode.LanguageModelTextPart(text),
        new vscode.LanguageModelTextPart(JSON.stringify({ status, message: outcome?.message, orderIds })),
      ]);
    },
  };
}
