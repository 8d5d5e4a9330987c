// Reads many small files on a second thread, ahead of the parser. Each read is four system calls
// (~6 µs a file on a VM): for 20,000 files that is ~130 ms the parsing thread no longer spends.
// The parser never waits for that thread: a file it has not delivered yet (while it starts up) is
// read here, and the thread's copy is skipped.
import { readFileSync } from 'node:fs';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { threadsSetting, workerEntry } from '../threads/worker-entry.ts';
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

/** Calls `each(index, result)` for every path, in order. FLAGWRIGHT_THREADS=1 reads them all here, =2 always ahead. */
export function readInOrder(paths: string[], each: (index: number, result: ReadResult) => void): void {
  const threads = threadsSetting();
  const ahead = threads === 'on' || (threads === 'auto' && paths.length >= MIN_FILES);
  const script = ahead && paths.length > 0 ? workerEntry('project/read-worker') : undefined;
  if (!script) {
    paths.forEach((path, index) => each(index, readText(path)));
    return;
  }
  const { port1, port2 } = new MessageChannel();
  // Where this thread has got to: the reader skips files it would deliver too late.
  const progress = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(script, { workerData: { paths, port: port2, progress }, transferList: [port2] });
  worker.unref();
  worker.on('error', () => {}); // a failed thread only means every file is read here
  let batch: ReadBatch = { start: 0, texts: [] };
  try {
    for (let index = 0; index < paths.length; index++) {
      // Batches the thread has posted so far, without waiting for more; older ones are passed over.
      while (index >= batch.start + batch.texts.length) {
        const posted = receiveMessageOnPort(port1) as { message: ReadBatch } | undefined;
        if (!posted) break;
        batch = posted.message;
      }
      const fromThread = index >= batch.start && index < batch.start + batch.texts.length;
      if (!fromThread) Atomics.store(progress, 0, index + 1);
      each(index, fromThread ? batch.texts[index - batch.start]! : readText(paths[index]!));
    }
  } finally {
    port1.close();
    void worker.terminate();
  }
}
