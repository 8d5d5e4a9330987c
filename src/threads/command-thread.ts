// Runs a CLI command that reads a large project on a worker thread whose young generation is sized
// for the job. V8 sizes the young generation from the machine's memory: with 24 GiB it reserves
// 128 MiB per isolate, most of a 10,000-feature build's peak, and it cannot be changed once the
// process runs. A worker's can (resourceLimits), and scavenges of a small young generation are no
// slower for loading thousands of small files: what survives is kept anyway.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** Young generation of a command (and side) thread, MiB: three semi-spaces of 4 MiB. */
export const YOUNG_GENERATION_MB = 12;

export interface CommandIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
}

type Message = { stdout: string } | { stderr: string } | { exitCode: number };

/** The script of `name` (a worker entry): next to this module in the source tree, or at the bundle's top level. */
export function threadScript(name: string): string | undefined {
  for (const candidate of [`./${name}.ts`, `../${name}.js`, `./${name}.js`]) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(path)) return path;
  }
  return undefined;
}

/** Runs `argv` on a command thread; undefined when no thread could be started (the caller runs it here). */
export function runCommandOnThread(argv: string[], io: CommandIO): Promise<number> | undefined {
  const script = threadScript('command-worker');
  if (!script) return undefined;
  return new Promise((resolve) => {
    const worker = new Worker(script, {
      workerData: { argv, isTTY: io.isTTY },
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    let exitCode: number | undefined;
    // Output comes as messages, in order, before the exit code: nothing is lost when the thread ends.
    worker.on('message', (message: Message) => {
      if ('stdout' in message) io.stdout(message.stdout);
      else if ('stderr' in message) io.stderr(message.stderr);
      else exitCode = message.exitCode;
    });
    worker.once('error', (error) => {
      io.stderr(`flagwright: ${error.stack ?? String(error)}\n`);
      exitCode ??= 1;
    });
    worker.once('exit', (code) => resolve(exitCode ?? (code || 1)));
  });
}
