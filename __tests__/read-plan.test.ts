// A command thread's loader takes the file listing and the reader that the starting thread set going
// (project/read-ahead.ts): the listing must survive the hand-over, the batches must be the files' texts,
// and a plan for other folders must be refused and its reader stopped.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { loadConfig } from '../src/project/config.ts';
import { listProjectFiles, packFiles, pathsOf, unpackFiles } from '../src/project/files.ts';
import { makeReadPlan, newProgress, offerReadPlan, readAhead, readInOrder, takeReadPlan } from '../src/project/read-ahead.ts';

const example = fileURLToPath(new URL('../examples/seed-project', import.meta.url));

test('a listing packed for another thread unpacks to the same files', async () => {
  const files = listProjectFiles(await loadConfig(example), true);
  assert.ok(files.feature.length > 0 && files.test.length > 0);
  assert.deepEqual(unpackFiles(structuredClone(packFiles(files))), files);
});

test('the plan is taken by a load of the same folders, and its batches are the files', async () => {
  const config = await loadConfig(example);
  const files = listProjectFiles(config, true);
  const { plan, port: port1 } = makeReadPlan(config, files, true);
  offerReadPlan(plan);
  const paths = pathsOf(files);
  readAhead(paths, port1, plan.progress); // what the starting thread does while the command thread loads

  const taken = takeReadPlan(config, true);
  assert.ok(taken);
  assert.deepEqual(taken.files, files);
  const texts: unknown[] = [];
  readInOrder(paths, (index, result) => (texts[index] = result), taken);
  assert.deepEqual(texts, paths.map((path) => readFileSync(path, 'utf8')));
  assert.equal(takeReadPlan(config, true), undefined, 'a plan is taken once');
  port1.close();
});

test('the loader uses what the reader posted instead of reading it again', () => {
  const { port1, port2 } = new MessageChannel();
  const progress = newProgress();
  port1.postMessage({ start: 0, texts: ['posted 0', 'posted 1'] });
  const texts: unknown[] = [];
  readInOrder([join(example, 'no-such-0.yml'), join(example, 'no-such-1.yml'), join(example, 'no-such-2.yml')], (index, result) => (texts[index] = result), { port: port2, progress });
  assert.deepEqual(texts.slice(0, 2), ['posted 0', 'posted 1']);
  assert.ok(typeof texts[2] === 'object' && texts[2] !== null && 'error' in texts[2], 'a file not posted is read here');
  assert.equal(Atomics.load(progress, 0), 3, 'the reader is told the parser is done');
  port1.close();
});

test('a plan for other folders is refused and its reader stopped', async () => {
  const config = await loadConfig(example);
  const files = listProjectFiles(config, false);
  for (const [other, tests] of [[{ ...config, featuresDirectoryPath: join(example, 'elsewhere') }, false], [config, true]] as const) {
    const { plan, port: port1 } = makeReadPlan(config, files, false);
    const { progress } = plan;
    offerReadPlan(plan);
    assert.equal(takeReadPlan(other, tests), undefined);
    readAhead(pathsOf(files), port1, progress);
    assert.ok(Atomics.load(progress, 0) > pathsOf(files).length, 'the reader was told to stop');
    port1.close();
  }
});
