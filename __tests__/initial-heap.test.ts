// A command thread gets its large initial heap from a V8 flag that is set only while the thread configures
// its heap: afterwards every flag must be back at its default, or the V8 flag hash (part of the tag that
// cached code must match) stays changed for every thread started later.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { test } from 'node:test';
import { cachedDataVersionTag, setFlagsFromString } from 'node:v8';
import { startWorkerWithInitialHeap } from '../src/threads/initial-heap.ts';

test('a worker started with a large initial heap runs, and leaves V8 flags at their defaults', async () => {
  const defaults = cachedDataVersionTag();
  // What the check rests on: the tag follows the flags.
  setFlagsFromString('--initial-heap-size=64');
  assert.notEqual(cachedDataVersionTag(), defaults);
  setFlagsFromString('--initial-heap-size=0');
  assert.equal(cachedDataVersionTag(), defaults);

  const worker = startWorkerWithInitialHeap("require('node:worker_threads').parentPort.postMessage(6 * 7)", { eval: true }, 256);
  assert.equal(cachedDataVersionTag(), defaults, 'the flags are back at their defaults once the worker has started');
  const [answer] = await once(worker, 'message');
  assert.equal(answer, 42);
  await worker.terminate();
});
