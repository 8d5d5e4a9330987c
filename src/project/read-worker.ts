// The read-ahead thread (see read-ahead.ts): reads the files it is given, in order, and posts them in
// batches; it skips to where the parsing thread is whenever that thread has read past it.
import { workerData, type MessagePort } from 'node:worker_threads';
import type { ReadResult } from './parse.ts';
import { READ_BATCH, readText, type ReadBatch } from './read-ahead.ts';

const { paths, port, progress } = workerData as { paths: string[]; port: MessagePort; progress: Int32Array };
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
