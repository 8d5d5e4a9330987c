// Runs a CLI command that reads a large project on a worker thread whose young generation is sized
// for the job. V8 sizes the young generation from the machine's memory: with 24 GiB it grows to
// 128 MiB, a quarter of a 10,000-feature build's peak memory, and a running process cannot change
// it. A worker's can be set (resourceLimits). (A second thread sharing the parsing was tried and dropped: on two
// cores V8's own background threads already use the second one, and parsed documents cost as much to send.)
// The main thread, idle while it waits, lists and reads the project's files for the command thread; for lint
// it then checks the test specs, which need only a small summary of the rest (spec-lint.ts).
import { opendirSync, type Dir } from 'node:fs';
import { MessageChannel } from 'node:worker_threads';
import type { CliIO } from '../cli/command.ts';
import type { ProjectConfig } from '../model/project.ts';
import { listProjectFiles, pathsOf } from '../project/files.ts';
import { makeReadPlan, readAhead } from '../project/read-ahead.ts';
import { startWorkerWithInitialHeap } from './initial-heap.ts';
import { lintSpecsForCommandThread } from './spec-lint.ts';
import { threadsSetting, workerEntry } from './worker-entry.ts';

/** Young generation of a command thread, MiB. At 10,000 features 12 MiB spent 30–50% more time in GC than 64; 48 still keeps ~80 MiB off the peak. */
const YOUNG_GENERATION_MB = 48;

/**
 * Initial heap of a command thread, MiB. A 10,000-feature project's heap grows to 130–170 MiB of which little
 * is garbage; starting small, V8 marks (concurrently, with write barriers slowing every store) and compacts
 * each time it grows. Paired A/B at 10,000 features: build −48…−138 ms wall (−160…−290 ms CPU), test −86 ms,
 * lint −38 ms; peak RSS +4 MiB. resourceLimits has no initial size: it takes a V8 flag (see initial-heap.ts).
 */
const INITIAL_HEAP_MB = 256;

/** Below this many feature files the thread's start-up (~30 ms) is not worth it: small projects stay on the main thread. */
const MIN_FEATURE_FILES = 1000;

/** What a command thread needs of the CLI's IO: its own cwd and env are the process's. */
export type CommandIO = Pick<CliIO, 'stdout' | 'stderr' | 'isTTY'>;

type Message = { stdout: string } | { stderr: string } | { exitCode: number };

/** Whether `featuresDirectory` holds at least MIN_FEATURE_FILES entries (counting stops there). */
export function holdsManyFeatures(featuresDirectory: string): boolean {
  let dir: Dir | undefined;
  try {
    dir = opendirSync(featuresDirectory, { recursive: true });
    let count = 0;
    while (dir.readSync() && ++count < MIN_FEATURE_FILES);
    return count >= MIN_FEATURE_FILES;
  } catch {
    return false;
  } finally {
    dir?.closeSync();
  }
}

/** Whether the project is large enough for a command thread. */
export function wantsCommandThread(config: ProjectConfig): boolean {
  const threads = threadsSetting();
  if (threads !== 'auto') return threads === 'on';
  return holdsManyFeatures(config.featuresDirectoryPath);
}

/** The project files a command loads (specs too, or not). */
export interface CommandReads {
  config: ProjectConfig;
  tests: boolean;
  /** lint: this thread checks the specs itself, the command thread the rest (see spec-lint.ts). */
  lintSpecs?: boolean;
}

/** A command thread that has started and loaded the command, and runs nothing until told to. */
export interface CommandThread {
  /**
   * Runs the command there and resolves to its exit code; undefined when the thread failed to start (run it
   * here). This thread, idle otherwise, lists and reads the project's files (`reads`) for it meanwhile.
   */
  run(reads: CommandReads): Promise<number | undefined>;
  /** Stops the thread unused. */
  cancel(): void;
}

/**
 * Starts a command thread for `argv` (~50 ms until it is ready, on another core), so that it can start
 * while this thread still decides whether to use it. Undefined when no thread can be started.
 */
export function startCommandThread(argv: string[], io: CommandIO): CommandThread | undefined {
  const script = workerEntry('threads/command-worker');
  if (!script) return undefined;
  const worker = startWorkerWithInitialHeap(
    script,
    { workerData: { argv, isTTY: io.isTTY }, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } },
    INITIAL_HEAP_MB,
  );
  let running = false;
  let failed: Error | undefined;
  let exitCode: number | undefined;
  // Output comes as messages, in order, before the exit code: nothing is lost when the thread ends.
  worker.on('message', (message: Message) => {
    if ('stdout' in message) io.stdout(message.stdout);
    else if ('stderr' in message) io.stderr(message.stderr);
    else exitCode = message.exitCode;
  });
  const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
  worker.once('error', (error) => {
    if (running) io.stderr(`flagwright: ${error.stack ?? String(error)}\n`);
    failed = error;
    exitCode ??= 1;
  });
  return {
    async run(reads) {
      running = true;
      if (failed) return undefined;
      const reader = readerFor(reads);
      if (!reader) worker.postMessage({ run: true });
      else {
        const specs = reader.specs.length > 0 ? new MessageChannel() : undefined;
        const specLint = specs && { port: specs.port2, testsDirectory: reads.config.testsDirectoryPath };
        worker.postMessage({ run: true, plan: reader.plan, specLint }, specs ? [reader.plan.port, specs.port2] : [reader.plan.port]);
        readAhead(reader.paths, reader.port, reader.plan.progress);
        reader.port.unref();
        if (specs) void lintSpecsForCommandThread(reads.config, reader.specs, specs.port1);
      }
      const code = await exited;
      return exitCode ?? (code || 1);
    },
    cancel() {
      worker.unref();
      void worker.terminate();
    },
  };
}

/**
 * The plan handed to the command thread, this thread's end of its channel, the paths to read into it, and the
 * specs this thread checks itself (for lint, when the project has features; otherwise none).
 */
function readerFor({ config, tests, lintSpecs }: CommandReads) {
  let files;
  try {
    files = listProjectFiles(config, tests);
  } catch {
    return undefined; // the command thread lists them itself and reports what is wrong
  }
  const specs = lintSpecs && files.feature.length > 0 ? files.test : [];
  const listed = specs.length > 0 ? { ...files, test: [] } : files;
  return { ...makeReadPlan(config, listed, tests && specs.length === 0), paths: pathsOf(listed), specs };
}
