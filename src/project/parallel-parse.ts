// Parses many YAML files on both cores: a worker takes the second half while this thread parses the first.
// Small projects stay on one thread (starting a worker costs more than it saves).
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { parseYamlFile, type ParseOutcome } from './parse.ts';

const PARALLEL_THRESHOLD = 1500;

type Job = { absolute: string; file: string };

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

export async function parseFilesInParallel(files: Job[]): Promise<ParseOutcome[]> {
  const parseHere = (jobs: Job[]) => jobs.map(({ absolute, file }) => parseYamlFile(absolute, file));
  const script = files.length >= PARALLEL_THRESHOLD && availableParallelism() > 1 ? workerScript() : undefined;
  if (!script) return parseHere(files);
  const split = Math.floor(files.length / 2);
  const remote = parseInWorker(script, files.slice(split)).catch(() => undefined);
  const local = parseHere(files.slice(0, split));
  const rest = (await remote) ?? parseHere(files.slice(split));
  return local.concat(rest);
}
