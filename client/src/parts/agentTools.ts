// The "agentTools" part (dist/client-agentTools.js): the agent tools' table and runner
// (common/src/tools) with the language core they check documents with. Loaded by the first tool
// call a chat makes; activation only registers the names (client/src/agentTools).
export { agentToolByName, createToolRunner } from '../../../common/src/tools';
