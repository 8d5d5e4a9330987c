// Reads many small files on another thread, ahead of the parser. Each read is four system calls
// (~6 µs a file on a VM): for 20,000 files that is ~130 ms the parsing thread no longer spends.
// The parser never waits for that thread: a file it has not delivered yet (while it starts up) is
// read here, and the thread's copy is skipped. The reader is a read-ahead thread of its own, or, for a
// command thread, the main thread that started it (idle otherwise), which then also lists the files.
import { readFileSync } from 'node:fs';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { ProjectConfig } from '../model/project.ts';
import { threadsSetting, workerEntry } from '../threads/worker-entry.ts';
import { packFiles, unpackFiles, type PackedFiles, type ProjectFiles } from './files.ts';
import type { ReadResult } from './parse.ts';

export const READ_BATCH = 256;
/** Below this many files the thread is not worth starting. */
const MIN_FILES = 2000;

/** The texts of files `start`, `start + 1`, … */
export interface ReadBatch {
  start: number;
  texts: ReadResult[];
}

/** One file as UTF-8 text, or why it could not be read (the same on either thread). */
export const readText = (path: string): ReadResult => {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    return { error: (error as Error).message };
  }
};

/** A reader's end: its batches arrive on `port`; `progress[0]` is where the parser has got to. */
export interface ReadAhead {
  port: MessagePort;
  progress: Int32Array;
}

/** Where the parser has got to, shared with the reader: it skips files it would deliver too late. */
export const newProgress = (): Int32Array => new Int32Array(new SharedArrayBuffer(4));

/** The reader: reads `paths` in order, posting batches, and stops once the parser is past the end. */
export function readAhead(paths: string[], port: MessagePort, progress: Int32Array): void {
  let start = 0;
  let texts: ReadResult[] = [];
  const post = () => {
    if (texts.length) port.postMessage({ start, texts } satisfies ReadBatch);
  };
  for (let index = 0; index < paths.length; index++) {
    const parserAt = Atomics.load(progress, 0);
    if (parserAt > index) {
      // The parser read these itself meanwhile: reading them again would only be wasted.
      post();
      index = parserAt;
      if (index >= paths.length) break;
      start = index;
      texts = [];
    }
    texts.push(readText(paths[index]!));
    if (texts.length === READ_BATCH) {
      post();
      start = index + 1;
      texts = [];
    }
  }
  post();
}

/**
 * Calls `each(index, result)` for every path, in order, with batches from `given` (a reader already under
 * way) or else from a read-ahead thread of its own. FLAGWRIGHT_THREADS=1 reads them all here, =2 always ahead.
 */
export function readInOrder(paths: string[], each: (index: number, result: ReadResult) => void, given?: ReadAhead): void {
  const reader: ReadAhead & { worker?: Worker } | undefined = given ?? startReadAheadThread(paths);
  if (!reader) {
    paths.forEach((path, index) => each(index, readText(path)));
    return;
  }
  const { port, progress } = reader;
  let batch: ReadBatch = { start: 0, texts: [] };
  try {
    for (let index = 0; index < paths.length; index++) {
      // Batches the thread has posted so far, without waiting for more; older ones are passed over.
      while (index >= batch.start + batch.texts.length) {
        const posted = receiveMessageOnPort(port) as { message: ReadBatch } | undefined;
        if (!posted) break;
        batch = posted.message;
      }
      const fromThread = index >= batch.start && index < batch.start + batch.texts.length;
      if (!fromThread) Atomics.store(progress, 0, index + 1);
      each(index, fromThread ? batch.texts[index - batch.start]! : readText(paths[index]!));
    }
  } finally {
    Atomics.store(progress, 0, paths.length); // a reader still going stops
    port.close();
    void reader.worker?.terminate();
  }
}

/** A read-ahead thread of this load's own, when the settings and the number of files call for one. */
function startReadAheadThread(paths: string[]): (ReadAhead & { worker: Worker }) | undefined {
  const threads = threadsSetting();
  const ahead = threads === 'on' || (threads === 'auto' && paths.length >= MIN_FILES);
  const script = ahead && paths.length > 0 ? workerEntry('project/read-worker') : undefined;
  if (!script) return undefined;
  const { port1, port2 } = new MessageChannel();
  const progress = newProgress();
  const worker = new Worker(script, { workerData: { paths, port: port2, progress }, transferList: [port2] });
  worker.unref();
  worker.on('error', () => {}); // a failed thread only means every file is read here
  return { port: port1, progress, worker };
}

/** What a command thread's loader is given by the thread that started it (see threads/command-thread.ts). */
export interface ReadPlan extends ReadAhead {
  files: PackedFiles;
  /** The directories the listing covers (specs' only if listed), which the loader's own config must name too. */
  directories: string[];
}

const planDirectories = (config: ProjectConfig, tests: boolean): string[] => [
  config.rootDirectory,
  config.attributesDirectoryPath,
  config.segmentsDirectoryPath,
  config.featuresDirectoryPath,
  config.groupsDirectoryPath,
  tests ? config.testsDirectoryPath : '',
];

/**
 * The starting thread's half: the plan to hand over (its port goes with it) and this thread's end of the
 * channel, which readAhead() feeds with the files' texts.
 */
export function makeReadPlan(config: ProjectConfig, files: ProjectFiles, tests: boolean): { plan: ReadPlan; port: MessagePort } {
  const { port1, port2 } = new MessageChannel();
  return { plan: { files: packFiles(files), directories: planDirectories(config, tests), port: port2, progress: newProgress() }, port: port1 };
}

let offered: ReadPlan | undefined;

/** A command thread keeps the plan it was given for the load that matches it. */
export function offerReadPlan(plan: ReadPlan): void {
  offered = plan;
}

/** The offered plan, once, if it lists this config's files; otherwise it is dropped (its reader stops). */
export function takeReadPlan(config: ProjectConfig, tests: boolean): (ReadAhead & { files: ProjectFiles }) | undefined {
  const plan = offered;
  offered = undefined;
  if (!plan) return undefined;
  const wanted = planDirectories(config, tests);
  if (plan.directories.every((dir, i) => dir === wanted[i])) return { files: unpackFiles(plan.files), port: plan.port, progress: plan.progress };
  dropReadPlan(plan);
  return undefined;
}

/** Stops a plan's reader: nothing will read its batches. */
export function dropReadPlan(plan: ReadPlan | undefined = offered): void {
  if (!plan) return;
  if (plan === offered) offered = undefined;
  Atomics.store(plan.progress, 0, 0x7fffffff);
  plan.port.close();
}
