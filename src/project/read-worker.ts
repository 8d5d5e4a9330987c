// The read-ahead thread (see read-ahead.ts): reads the files it is given, in order, and posts them in
// batches; it skips to where the parsing thread is whenever that thread has read past it.
import { workerData, type MessagePort } from 'node:worker_threads';
import { readAhead } from './read-ahead.ts';

const { paths, port, progress } = workerData as { paths: string[]; port: MessagePort; progress: Int32Array };
readAhead(paths, port, progress);
