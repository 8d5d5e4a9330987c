// Large projects use both cores: a second thread loads the project itself and does one share of the
// work (the spec lint, the build's lint, half of the specs) while this thread does the rest. Passing
// the loaded project across would cost as much as loading it, so each thread reads the files it needs.
import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ProjectConfig } from '../model/project.ts';
import { threadScript, YOUNG_GENERATION_MB } from './command-thread.ts';
import type { SideResult, SideTask } from './tasks.ts';

/** Below this many feature files a thread's start-up costs more than it saves. */
const MIN_FEATURE_FILES = 1000;

/**
 * Whether threads pay for this project: a large project and `cores` cores (a command thread needs one,
 * a side thread two). FLAGWRIGHT_THREADS=1 keeps everything on the main thread, =2 forces threads.
 */
export function threadsPay(config: ProjectConfig, cores = 2): boolean {
  const forced = process.env.FLAGWRIGHT_THREADS;
  if (forced === '1') return false;
  if (forced === '2') return true;
  if (availableParallelism() < cores) return false;
  try {
    return readdirSync(config.featuresDirectoryPath, { recursive: true }).length >= MIN_FEATURE_FILES;
  } catch {
    return false;
  }
}

/**
 * Starts `task` on a second thread. The promise never rejects: it resolves to undefined when the
 * thread could not run the task, and the caller then does that share itself.
 */
export function startSideTask<K extends SideTask['kind']>(task: Extract<SideTask, { kind: K }>): Promise<SideResult<K> | undefined> {
  const script = threadScript('side-worker');
  if (!script) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    let settled = false;
    const settle = (value: SideResult<K> | undefined) => {
      if (!settled) (settled = true), resolve(value);
    };
    let worker: Worker;
    try {
      worker = new Worker(script, { workerData: task, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    } catch {
      return settle(undefined);
    }
    worker.once('message', (message: { ok: true; result: SideResult<K> } | { ok: false }) => settle(message.ok ? message.result : undefined));
    worker.once('error', () => settle(undefined));
    worker.once('exit', () => settle(undefined));
  });
}
