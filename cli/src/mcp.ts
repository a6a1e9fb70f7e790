// `partner-center mcp`: the agent tools (common/src/tools) as an MCP server over stdio, with the
// official SDK, for any MCP client (VS Code's mcp.json, Claude Code, Cursor). The same tools as in
// VS Code minus run_request: over MCP nothing is ever sent that spends money or changes a
// subscription, the tools only read and check. stdout is the protocol channel, so everything this
// command says goes to stderr; the token is never written anywhere.
import { type ChildProcess, spawn } from 'node:child_process';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { PartnerCenterClient } from '../../common/src/api/client';
import { clouds, isLoopbackHost } from '../../common/src/api/clouds';
import { agentTools, createToolRunner, type ToolHost } from '../../common/src/tools';
import { version } from '../../package.json';
import * as sharedOptions from './cliOptions';

const USAGE = `usage: partner-center mcp [--endpoint <url> | --emulator] [--token-file <path>]

Serves the Partner Center agent tools to an MCP client over stdio (stdin/stdout); logs go to stderr.
The tools read customers, subscriptions, orders, entitlements and the catalog, check request
documents, explain error codes and draft requests. Nothing is ever sent that buys or changes anything.

options:
  --endpoint <url>     the Partner Center API base URL (default ${clouds.global.endpoint})
  --emulator           start the bundled local emulator and use it (no token needed)
  ${sharedOptions.TOKEN_ENV}  (environment variable) the access token: the preferred way to pass it
  --token-file <path>  read the access token from this file`;

/** The emulator accepts any non-empty token; this one says in its logs where the calls came from. */
const EMULATOR_TOKEN = 'partner-center-mcp-emulator';

interface Options extends sharedOptions.SharedCliOptions {
  emulator: boolean;
}

function parseArgs(argv: string[]): Options | string {
  const options: Options = { emulator: false };
  for (let i = 0; i < argv.length; i++) {
    const shared = sharedOptions.readOption(argv, i, options);
    if (typeof shared === 'string') return shared;
    if (typeof shared === 'number') {
      i = shared;
      continue;
    }
    if (argv[i] === '--emulator') options.emulator = true;
    else return `unknown option ${argv[i]}`;
  }
  if (options.kind !== undefined) return '--kind is not an option of mcp';
  if (options.emulator && options.endpoint !== undefined) return 'give --endpoint or --emulator, not both';
  return sharedOptions.checkOptions(options) ?? options;
}

function log(line: string): void {
  process.stderr.write(`[partner-center mcp] ${line}\n`);
}

/** Starts the emulator shipped beside this file (dist/cli.js emulator) and answers its URL. */
function startEmulator(): Promise<{ url: string; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [process.argv[1], 'emulator', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let seen = '';
    child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const url = /listening on (\S+)/.exec(seen)?.[1];
      if (url) resolve({ url, child });
    });
    // The client may end this process with a signal rather than by closing stdin: the emulator goes with it.
    process.once('exit', () => child.kill());
    for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
      process.once(signal, () => {
        child.kill();
        process.exit(0);
      });
    }
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the emulator exited (code ${code}) before it was listening`)));
  });
}

function environmentOf(endpoint: string): string {
  const url = new URL(endpoint);
  if (isLoopbackHost(url.hostname)) return `Emulator (${url.origin})`;
  const cloud = Object.values(clouds).find((c) => c.endpoint !== undefined && new URL(c.endpoint).origin === url.origin);
  return cloud ? `${cloud.displayName} (${url.origin})` : url.origin;
}

export async function mcpCommand(argv: string[]): Promise<number> {
  // Help goes to stderr too: stdout is the protocol's.
  const stderr = (t: string) => process.stderr.write(t);
  const options = sharedOptions.readCommandLine(argv, USAGE, parseArgs, { out: stderr, err: stderr });
  if (typeof options === 'number') return options;
  const resolved = options.emulator ? { token: EMULATOR_TOKEN } : await sharedOptions.resolveToken(options, process.env);
  if (resolved.error) {
    process.stderr.write(`${resolved.error}\n`);
    return 2;
  }
  const emulator = options.emulator ? await startEmulator() : undefined;
  const endpoint = emulator?.url ?? options.endpoint ?? clouds.global.endpoint ?? '';
  const token = resolved.token;
  const environment = environmentOf(endpoint);
  let client: PartnerCenterClient | undefined;
  const host: ToolHost = {
    environment,
    client() {
      if (!token) {
        throw new Error(
          `No Partner Center token, so ${environment} cannot be read. Set the ${sharedOptions.TOKEN_ENV} environment variable ` +
            'to an access token in the MCP client configuration, or start the server with --token-file <path> (or --emulator to try the local emulator).',
        );
      }
      client ??= new PartnerCenterClient({
        endpoint,
        tokenProvider: { getToken: () => Promise.resolve(token) },
        maxRetries: 2,
        userAgent: 'partner-center-vscode-mcp',
        logger: (e) => log(`${e.method} ${e.path} → ${e.status ?? e.error ?? '…'} in ${e.durationMs} ms`),
      });
      return client;
    },
    secrets: () => (token ? [token] : []),
  };
  const runner = createToolRunner(host);
  const server = new Server({ name: 'partner-center', version }, { capabilities: { tools: {} } });
  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: agentTools.map((t) => ({
      name: t.name,
      title: t.title,
      description: t.description,
      inputSchema: t.inputSchema as { type: 'object'; [key: string]: unknown },
      annotations: { title: t.title, readOnlyHint: true, destructiveHint: false, openWorldHint: t.readsPartnerCenter },
    })),
  }));
  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const started = Date.now();
    const outcome = await runner.run(request.params.name, request.params.arguments ?? {}, extra.signal);
    log(`${request.params.name}: ${outcome.isError ? 'tool error' : 'ok'} in ${Date.now() - started} ms`);
    return { content: [{ type: 'text', text: outcome.text }], structuredContent: outcome.structured, isError: outcome.isError };
  });
  const closed = new Promise<void>((resolve) => {
    server.onclose = resolve;
  });
  await server.connect(new StdioServerTransport());
  log(
    `serving ${agentTools.length} tools over stdio; requests go to ${environment}${token ? '' : ' (no token: reads will say how to give one)'}`,
  );
  await closed;
  await client?.close();
  emulator?.child.kill();
  return 0;
}
