// Each agent tool is described once, in common/src/tools (issue 16). VS Code reads the model's
// description and the input schema from package.json's languageModelTools before the extension
// runs, so the manifest holds a copy; this test keeps the copy equal to the table, and keeps
// run_request (VS Code only) the one tool the table does not have.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { agentTools } from '../../../common/src/tools';
import { REPO } from '../send/helpers';

interface Contributed {
  name: string;
  displayName: string;
  modelDescription: string;
  inputSchema: unknown;
  toolReferenceName?: string;
}

const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
  contributes: { languageModelTools: Contributed[] };
};
const contributed = manifest.contributes.languageModelTools;

test("package.json's languageModelTools are the agent tools' table, plus run_request", () => {
  assert.deepEqual(
    contributed.map((t) => t.name),
    [...agentTools.map((t) => t.name), 'partnercenter_run_request'],
  );
  for (const tool of agentTools) {
    const entry = contributed.find((c) => c.name === tool.name) as Contributed;
    assert.equal(entry.modelDescription, tool.description, `${tool.name}: copy the description from common/src/tools`);
    assert.equal(entry.displayName, tool.title, `${tool.name}: copy the title from common/src/tools`);
    assert.deepEqual(entry.inputSchema, JSON.parse(JSON.stringify(tool.inputSchema)), `${tool.name}: copy the input schema`);
  }
  const names = contributed.map((t) => t.toolReferenceName);
  assert.equal(new Set(names).size, names.length, 'each tool can be referenced in a prompt by its own #name');
});
