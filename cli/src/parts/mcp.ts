// The "mcp" part (dist/cli-mcp.js): the MCP SDK, the agent tools with the language core and the API
// client they use, and the mcp command. Loaded only by `partner-center mcp`.
export { mcpCommand } from '../mcp';
