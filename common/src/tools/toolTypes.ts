// What an agent tool is (issue 16): a name fixed for scripts and docs, a description written for a
// model, the JSON schema of its input, and a handler. One table of them (index.ts) is served both
// by VS Code's language model tools and by the command line's MCP server; this file says only what
// the hosts and the tools agree on.
import { type PartnerCenterClient } from '../api/client';
import { type CatalogSource } from '../language/catalog';

/** The subset of JSON Schema the tools' inputs use; toolInput.ts checks exactly this subset. */
export interface JsonSchema {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | ('string' | 'integer')[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: false;
  items?: JsonSchema;
  enum?: readonly (string | number)[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
}

/** What a host gives the tools: where requests go and how to reach it. */
export interface ToolHost {
  /** A person-readable name of where requests go: "Emulator (http://127.0.0.1:8787)", "Global". */
  readonly environment: string;
  /**
   * The API client. Throws a ToolInputError-free Error whose message says how to connect (sign in,
   * set PARTNER_CENTER_TOKEN) when there is none: the tool reports that message as its error.
   */
  client(): PartnerCenterClient;
  /**
   * The catalog to check documents against, when the host has one of its own (VS Code: made in the
   * bundle that holds the API client). Without it the runner makes one over `client()`.
   */
  catalog?: CatalogSource;
  /** Strings no result may ever contain (the token); the runner removes them as a last guard. */
  secrets?(): readonly string[];
}

/** What a handler is given besides its input. */
export interface ToolContext {
  readonly host: ToolHost;
  /** The catalog behind the host's client, cached for the runner's lifetime. */
  readonly catalog: CatalogSource;
  readonly signal?: AbortSignal;
}

/** A tool's answer: short text a model reads, and the same facts as data. */
export interface ToolResult {
  text: string;
  structured: Record<string, unknown>;
}

export interface AgentTool<Input = Record<string, unknown>> {
  /** Fixed (issue 16): scripts, docs and package.json's languageModelTools name tools by it. */
  readonly name: string;
  /** A short title for people (VS Code shows it). */
  readonly title: string;
  /** For the model: what it answers, when to use it and when another tool is the better choice. */
  readonly description: string;
  readonly inputSchema: JsonSchema & { type: 'object' };
  /** Whether the tool calls Partner Center (reads only): hosts say which environment it will read. */
  readonly readsPartnerCenter: boolean;
  run(input: Input, ctx: ToolContext): Promise<ToolResult>;
}

/** Input the tool cannot use: the model is told why, and can call again. */
export class ToolInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ToolInputError';
  }
}
