// Parses many YAML files on both cores: a worker takes the second half while this thread parses the first.
// Small projects, and busy machines, stay on one thread (starting a worker costs more than it saves).
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { parseYamlFile, type ParseOutcome } from './parse.ts';

const PARALLEL_THRESHOLD = 1500;

type Job = { absolute: string; file: string };

function threadsFromEnvironment(): 'auto' | 1 | 2 {
  const value = process.env.FLAGWRIGHT_PARSE_THREADS;
  return value === '1' ? 1 : value === '2' ? 2 : 'auto';
}

/** The worker script: next to this module in the source tree, or at the bundle's top level in dist/. */
function workerScript(): string | undefined {
  for (const candidate of ['./parse-worker.ts', './parse-worker.js', '../parse-worker.js']) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(path)) return path;
  }
  return undefined;
}

function parseInWorker(script: string, files: Job[]): Promise<ParseOutcome[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: { files } });
    worker.once('message', (outcomes: ParseOutcome[]) => {
      resolve(outcomes);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`parse worker exited with ${code}`));
    });
  });
}

/** `threads`: 'auto' decides by size and idle cores; 1 or 2 force it (FLAGWRIGHT_PARSE_THREADS does the same). */
export async function parseFilesInParallel(files: Job[], threads: 'auto' | 1 | 2 = threadsFromEnvironment()): Promise<ParseOutcome[]> {
  const parseHere = (jobs: Job[]) => jobs.map(({ absolute, file }) => parseYamlFile(absolute, file));
  // A second thread only pays when a core is idle: on a busy machine its start-up and copying cost more than it saves.
  const useWorker = threads === 2 || (threads === 'auto' && files.length >= PARALLEL_THRESHOLD && availableParallelism() - loadavg()[0] >= 1);
  const script = useWorker && files.length > 1 ? workerScript() : undefined;
  if (!script) return parseHere(files);
  const split = Math.floor(files.length / 2);
  const remote = parseInWorker(script, files.slice(split)).catch((error: unknown) => {
    if (threads === 2) throw error; // forced: a broken worker must not hide behind the fallback
    return undefined;
  });
  const local = parseHere(files.slice(0, split));
  const rest = (await remote) ?? parseHere(files.slice(split));
  return local.concat(rest);
}
