// The CLI journal's file: changes from several stores over one file (as from several processes)
// take turns under its lock, a lock left by a process that is gone does not block, and the
// temporary file of a write is never one that someone planted (a symlink at the old fixed name).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { JsonFileStore, SerialStore } from '../../../common/src/send';

const journalIn = () => join(mkdtempSync(join(tmpdir(), 'pc-journal-')), 'journal.json');

test('changes made at once through separate stores over one file are all kept', async () => {
  const path = journalIn();
  // Each SerialStore has its own queue, as each process would: only the file lock orders them.
  const writers = Array.from({ length: 8 }, () => new SerialStore(new JsonFileStore<number>(path)));
  await Promise.all(
    writers.map((w, i) =>
      w.update(async (items) => {
        await new Promise((r) => setTimeout(r, 5)); // a slow read-modify-write, where another could slip in
        return [...items, i];
      }),
    ),
  );
  assert.deepEqual(
    (await new JsonFileStore<number>(path).read()).sort((a, b) => a - b),
    [0, 1, 2, 3, 4, 5, 6, 7],
  );
});

test('a lock left by a process that is gone is broken', async () => {
  const path = journalIn();
  const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
  writeFileSync(`${path}.lock`, JSON.stringify({ pid: Number(gone), host: hostname(), token: 'left-by-a-crash' }));
  await new SerialStore(new JsonFileStore<string>(path)).update((items) => [...items, 'written']);
  assert.deepEqual(await new JsonFileStore<string>(path).read(), ['written']);
});

test('a symlink planted at the old temporary name is neither written through nor moved into place', async () => {
  const path = journalIn();
  const victim = join(mkdtempSync(join(tmpdir(), 'pc-victim-')), 'victim.txt');
  writeFileSync(victim, 'untouched');
  symlinkSync(victim, `${path}.${process.pid}.tmp`);
  await new JsonFileStore<string>(path).write(['entry']);
  assert.equal(readFileSync(victim, 'utf8'), 'untouched');
  assert.equal(lstatSync(path).isSymbolicLink(), false, 'the journal is a file of its own');
  assert.deepEqual(JSON.parse(readFileSync(path, 'utf8')), ['entry']);
});
