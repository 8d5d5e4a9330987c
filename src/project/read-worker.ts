// The read-ahead thread (see read-ahead.ts): reads the files it is given, in order, and posts them in batches.
import { readFileSync } from 'node:fs';
import { workerData, type MessagePort } from 'node:worker_threads';
import { READ_BATCH, type ReadResult } from './read-ahead.ts';

const { paths, port } = workerData as { paths: string[]; port: MessagePort };
let batch: ReadResult[] = [];
for (const path of paths) {
  try {
    batch.push(readFileSync(path, 'utf8'));
  } catch (error) {
    batch.push({ error: (error as Error).message });
  }
  if (batch.length === READ_BATCH) {
    port.postMessage(batch);
    batch = [];
  }
}
port.postMessage(batch);
