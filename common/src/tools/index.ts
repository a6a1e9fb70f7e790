// The agent tools (issue 16), in one table, and the one way to call them. Both hosts, VS Code's
// language model tools (client/src/agentTools) and the command line's MCP server (cli/src/mcp.ts),
// list this table and call runTool: input is checked against the schema first, failures become a
// clear tool error, and no answer can carry a host secret. The tools only read Partner Center and
// check documents; none sends anything that spends money or changes a subscription.
import { createApiCatalogSource } from '../language/apiCatalogSource';
import { draftRequest } from './draftRequest';
import { explainError } from './explainError';
import { listCustomers } from './listCustomers';
import { listEntitlements } from './listEntitlements';
import { listOrders } from './listOrders';
import { listSubscriptions } from './listSubscriptions';
import { searchCatalog } from './searchCatalog';
import { checkInput } from './toolInput';
import { failureMessage } from './toolFailure';
import { type AgentTool, type ToolContext, type ToolHost, type ToolResult } from './toolTypes';
import { validateRequest } from './validateRequest';

export { type AgentTool, type JsonSchema, type ToolHost, type ToolResult, ToolInputError } from './toolTypes';

/** In the order a model is shown them: find the customer, read, look up, check, draft. */
export const agentTools: readonly AgentTool[] = [
  listCustomers,
  listSubscriptions,
  listOrders,
  listEntitlements,
  searchCatalog,
  validateRequest,
  explainError,
  draftRequest,
] as readonly AgentTool<never>[] as readonly AgentTool[];

export function agentToolByName(name: string): AgentTool | undefined {
  return agentTools.find((t) => t.name === name);
}

export interface ToolOutcome extends ToolResult {
  isError: boolean;
}

export interface ToolRunner {
  run(name: string, input: unknown, signal?: AbortSignal): Promise<ToolOutcome>;
}

/** A runner for one host; it keeps one catalog cache across calls, as the editor's catalog source does. */
export function createToolRunner(host: ToolHost): ToolRunner {
  const catalog =
    host.catalog ??
    createApiCatalogSource(
      () => {
        try {
          return host.client();
        } catch {
          return undefined;
        }
      },
      {
        signedOutReason: `not connected to Partner Center (${host.environment}), so catalog items, terms and quantities were not checked.`,
      },
    );
  return {
    async run(name, input, signal) {
      const tool = agentToolByName(name);
      let outcome: ToolOutcome;
      if (!tool) {
        outcome = errorOutcome(`There is no tool ${name}; the tools are ${agentTools.map((t) => t.name).join(', ')}.`);
      } else {
        try {
          const checked = (input ?? {}) as Record<string, unknown>;
          checkInput(tool.inputSchema, checked);
          const ctx: ToolContext = { host, catalog, signal };
          outcome = { ...(await tool.run(checked, ctx)), isError: false };
        } catch (err) {
          outcome = errorOutcome(failureMessage(err));
        }
      }
      return withoutSecrets(outcome, host.secrets?.() ?? []);
    },
  };
}

function errorOutcome(message: string): ToolOutcome {
  return { text: message, structured: { error: message }, isError: true };
}

/** The last guard: a secret that reached an answer anyway (echoed by a service, say) is replaced. */
function withoutSecrets(outcome: ToolOutcome, secrets: readonly string[]): ToolOutcome {
  const real = secrets.filter((s) => s.length >= 8);
  const text = JSON.stringify(outcome);
  if (!real.some((s) => text.includes(s))) return outcome;
  let scrubbed = text;
  for (const s of real) scrubbed = scrubbed.split(JSON.stringify(s).slice(1, -1)).join('[redacted]');
  return JSON.parse(scrubbed) as ToolOutcome;
}
