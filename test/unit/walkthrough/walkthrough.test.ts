// The getting-started walkthrough (issue 12): the five journeys of a first visit, each completed by
// doing it. Each completion event must name something that exists (a contributed command, view or
// context key this extension sets), each step's page must be shipped in the .vsix, and every
// command link must lead somewhere, or the step can never be ticked or its button does nothing.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const root = join(__dirname, '..', '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes: {
    commands: { command: string }[];
    views: Record<string, { id: string }[]>;
    walkthroughs?: {
      id: string;
      steps: { id: string; description: string; media: { markdown?: string }; completionEvents?: string[] }[];
    }[];
  };
};
const commands = new Set(manifest.contributes.commands.map((c) => c.command));
const views = new Set(Object.values(manifest.contributes.views).flatMap((v) => v.map((view) => view.id)));
/** Every command a step can name: contributed ones and each view's generated focus command. */
const runnable = new Set([...commands, ...[...views].map((v) => `${v}.focus`)]);

test('the walkthrough walks the emulator, a customer, an order, its send and History, in that order', () => {
  const [walkthrough] = manifest.contributes.walkthroughs ?? [];
  assert.ok(walkthrough, 'a walkthrough is contributed');
  assert.deepEqual(
    walkthrough.steps.map((s) => s.id),
    ['emulator', 'browse', 'author', 'send', 'history'],
  );
});

test('every step is completed by doing something that exists, and its links lead somewhere', () => {
  const clientSource = readdirSync(join(root, 'client', 'src'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => readFileSync(join(root, 'client', 'src', file), 'utf8'))
    .join('\n');
  /** A context key is set by name, or, for the walkthrough's own keys, by reaching its milestone. */
  const setsContextKey = (name: string) => {
    const milestone = /^partnerCenter\.walkthrough\.(\w+)$/.exec(name)?.[1];
    return milestone ? clientSource.includes(`reachMilestone('${milestone}')`) : clientSource.includes(`'${name}'`);
  };
  for (const step of manifest.contributes.walkthroughs?.[0]?.steps ?? []) {
    assert.ok(step.completionEvents?.length, `step ${step.id} is completed only by a click on it`);
    for (const event of step.completionEvents ?? []) {
      const [kind, name] = event.split(':');
      if (kind === 'onCommand') assert.ok(commands.has(name), `${step.id}: no command ${name}`);
      else if (kind === 'onView') assert.ok(views.has(name), `${step.id}: no view ${name}`);
      else if (kind === 'onContext') assert.ok(setsContextKey(name), `${step.id}: nothing sets ${name}`);
      else assert.fail(`${step.id}: ${event} is not done by the person`);
    }
    for (const [, command] of step.description.matchAll(/\(command:([\w.]+)\)/g)) {
      assert.ok(runnable.has(command), `${step.id}: its link runs ${command}, which does not exist`);
    }
    assert.ok(step.media.markdown && existsSync(join(root, step.media.markdown)), `${step.id}: its page is missing`);
  }
});

test('the pages of the walkthrough are shipped', () => {
  const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  const files = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .map((l) => l.trim());
  for (const step of manifest.contributes.walkthroughs?.[0]?.steps ?? []) {
    assert.ok(files.includes(step.media.markdown ?? ''), `${step.media.markdown} is not in the .vsix`);
  }
});
