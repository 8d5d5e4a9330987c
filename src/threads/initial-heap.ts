// Gives a worker thread a large initial heap without slowing its start. V8 has one set of flags per process:
// `--initial-heap-size` is read once, when a new thread configures its heap, but while any flag differs from
// its default the flag hash (v8.cachedDataVersionTag) no longer matches what Node ships precompiled for its
// internal modules, and the thread compiles them again (~90 ms of a 10,000-feature command thread's start).
// So the flag is set only until the thread has configured its heap, then put back to its default.
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** How long to wait for the thread's heap, at most: past it the flag goes back anyway (the thread then starts small). */
const MAX_WAIT_MS = 20;
/** A thread's heap reserves hundreds of MiB of address space as soon as it is configured. */
const HEAP_RESERVATION_MB = 128;

export function startWorkerWithInitialHeap(script: string, options: WorkerOptions, initialHeapMb: number): Worker {
  setFlagsFromString(`--initial-heap-size=${initialHeapMb}`);
  let worker: Worker;
  try {
    worker = new Worker(script, options);
    waitForHeapConfigured(worker);
  } finally {
    setFlagsFromString('--initial-heap-size=0'); // the default
  }
  return worker;
}

/**
 * Blocks (~1 ms) until the thread has configured its heap. The thread fills in its resource limits just
 * before it creates its heap, and the heap reserves its address space right after reading its size: on
 * Linux that shows in /proc/self/statm. Elsewhere a short pause after the limits appear stands in for it.
 */
function waitForHeapConfigured(worker: Worker): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const sleep = (ms: number) => Atomics.wait(pause, 0, 0, ms);
  const deadline = performance.now() + MAX_WAIT_MS;
  while (!((worker.resourceLimits?.maxOldGenerationSizeMb ?? 0) > 0)) {
    if (performance.now() > deadline) return;
    sleep(0.1);
  }
  const before = addressSpaceMb();
  if (before === undefined) return void sleep(2);
  while (addressSpaceMb()! - before < HEAP_RESERVATION_MB) {
    if (performance.now() > deadline) return;
    sleep(0.05);
  }
}

/** The process's virtual memory size, MiB (Linux); undefined where /proc is missing. */
function addressSpaceMb(): number | undefined {
  try {
    return (Number(readFileSync('/proc/self/statm', 'latin1').split(' ', 1)[0]) * 4096) / 1048576;
  } catch {
    return undefined;
  }
}
