// The agent tools as VS Code language model tools (issue 16), for Copilot's agent mode and any chat
// participant. Activation registers only the names package.json contributes; the tools themselves
// (common/src/tools, with the language core) load with the first call (the agentTools part). They
// read with the account or emulator the explorer uses, through the same connection. Two things are
// VS Code's own: a draft opens as an editor for the person to read, and partnercenter_run_request
// (runRequestTool.ts) hands a document to Run Request, whose confirmation decides what is sent.
import * as vscode from 'vscode';
import { type ToolHost, type ToolRunner } from '../../../common/src/tools';
import { type PartContext } from '../partContext';
import { agentToolsPart, apiPart } from '../parts';
import { openDraft } from './draftEditor';
import { RUN_REQUEST_TOOL, runRequestTool } from './runRequestTool';

interface ContributedTool {
  name: string;
}

/** Whether reads go to a real Partner Center, where the person is asked before a tool reads. */
function isProduction(ctx: PartContext): boolean {
  const { environment, sandbox } = ctx.connection.current;
  return environment !== 'emulator' && !sandbox;
}

export function registerAgentTools(ctx: PartContext): void {
  const { extensionContext: context, connection, log } = ctx;
  // VS Code before the language model API, or a host without it (some web hosts): nothing to offer.
  if (typeof vscode.lm?.registerTool !== 'function') return;
  const contributed = ((context.extension.packageJSON as { contributes?: { languageModelTools?: ContributedTool[] } }).contributes
    ?.languageModelTools ?? []) as ContributedTool[];

  let runner: ToolRunner | undefined;
  const getRunner = (): ToolRunner => {
    if (runner) return runner;
    const host: ToolHost = {
      get environment() {
        return connection.current.label;
      },
      // Throws NotSignedInError, whose message says how to sign in or use the emulator.
      client: () => connection.getClient(),
      // Made in the api part, beside the client whose errors it reads (a 404 there means "no such item").
      catalog: apiPart().createExtensionCatalogSource(() => connection.tryGetClient()),
    };
    return (runner = agentToolsPart().createToolRunner(host));
  };

  for (const { name } of contributed) {
    if (name === RUN_REQUEST_TOOL) {
      context.subscriptions.push(vscode.lm.registerTool(name, runRequestTool(ctx)));
      continue;
    }
    const tool: vscode.LanguageModelTool<Record<string, unknown>> = {
      prepareInvocation() {
        const reads = agentToolsPart().agentToolByName(name)?.readsPartnerCenter === true;
        const where = connection.current.label;
        const title = agentToolsPart().agentToolByName(name)?.title ?? name;
        if (!reads) return { invocationMessage: `${title}` };
        return {
          invocationMessage: `${title} (reading ${where})`,
          // Production data leaves the service for the model: the person says yes first.
          confirmationMessages: isProduction(ctx)
            ? {
                title: `${title}: read live Partner Center data?`,
                message: new vscode.MarkdownString(
                  `This tool reads from **${where}**, the production Partner Center, and gives what it reads to the chat model. It changes nothing.`,
                ),
              }
            : undefined,
        };
      },
      async invoke(options, token) {
        const abort = new AbortController();
        const cancel = token.onCancellationRequested(() => abort.abort());
        try {
          const outcome = await getRunner().run(name, options.input, abort.signal);
          log.info(`Agent tool ${name}: ${outcome.isError ? 'tool error' : 'answered'} (${connection.current.label}).`);
          // A tool error is thrown: VS Code hands its message to the model, which can correct its input.
          if (outcome.isError) throw new Error(outcome.text);
          let text = outcome.text;
          const draft = outcome.structured as { document?: unknown; fileName?: unknown };
          if (
            name === 'partnercenter_draft_request' &&
            typeof draft.document === 'string' &&
            typeof draft.fileName === 'string'
          ) {
            const opened = await openDraft(draft.fileName, draft.document);
            text = `${text}\nOpened for the person to review as ${opened.toString()}; nothing has been sent. To send it, they (or partnercenter_run_request) run it, and they confirm.`;
          }
          return new vscode.LanguageModelToolResult([
            new vscode.LanguageModelTextPart(text),
            new vscode.LanguageModelTextPart(JSON.stringify(outcome.structured)),
          ]);
        } finally {
          cancel.dispose();
        }
      },
    };
    context.subscriptions.push(vscode.lm.registerTool(name, tool));
  }
}
