// Worker side of parallel parsing: parses the files it is given and posts the outcomes back.
import { parentPort, workerData } from 'node:worker_threads';
import { parseYamlFile } from './parse.ts';

const files = (workerData as { files: Array<{ absolute: string; file: string }> }).files;
parentPort!.postMessage(files.map(({ absolute, file }) => parseYamlFile(absolute, file)));
