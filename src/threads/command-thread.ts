// Runs a CLI command that reads a large project on a worker thread whose young generation is sized
// for the job. V8 sizes the young generation from the machine's memory: with 24 GiB it grows to
// 128 MiB, a quarter of a 10,000-feature build's peak memory, and a running process cannot change
// it. A worker's can be set (resourceLimits). (A second thread sharing the work was tried and dropped: on two
// cores V8's own background threads already use the second one, and it had to load the project twice.)
import { opendirSync, type Dir } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { CliIO } from '../cli/command.ts';
import type { ProjectConfig } from '../model/project.ts';
import { threadsSetting, workerEntry } from './worker-entry.ts';

/** Young generation of a command thread, MiB. At 10,000 features 12 MiB spent 30–50% more time in GC than 64; 48 still keeps ~80 MiB off the peak. */
const YOUNG_GENERATION_MB = 48;

/** Below this many feature files the thread's start-up (~30 ms) is not worth it: small projects stay on the main thread. */
const MIN_FEATURE_FILES = 1000;

/** What a command thread needs of the CLI's IO: its own cwd and env are the process's. */
export type CommandIO = Pick<CliIO, 'stdout' | 'stderr' | 'isTTY'>;

type Message = { stdout: string } | { stderr: string } | { exitCode: number };

/** Whether the project is large enough for a command thread (counting stops at the threshold). */
export function wantsCommandThread(config: ProjectConfig): boolean {
  const threads = threadsSetting();
  if (threads !== 'auto') return threads === 'on';
  let dir: Dir | undefined;
  try {
    dir = opendirSync(config.featuresDirectoryPath, { recursive: true });
    let count = 0;
    while (dir.readSync() && ++count < MIN_FEATURE_FILES);
    return count >= MIN_FEATURE_FILES;
  } catch {
    return false;
  } finally {
    dir?.closeSync();
  }
}

/** Runs `argv` on a command thread; undefined when no thread could be started (the caller runs it here). */
export function runCommandOnThread(argv: string[], io: CommandIO): Promise<number> | undefined {
  const script = workerEntry('threads/command-worker');
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
