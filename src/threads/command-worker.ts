// A command thread's entry (see command-thread.ts): runs the CLI command and posts its output and exit code.
import { parentPort, workerData } from 'node:worker_threads';
import { main } from '../cli/main.ts';

const { argv, isTTY } = workerData as { argv: string[]; isTTY: boolean };
const exitCode = await main(argv, {
  stdout: (text) => parentPort!.postMessage({ stdout: text }),
  stderr: (text) => parentPort!.postMessage({ stderr: text }),
  isTTY,
  cwd: process.cwd(),
  env: process.env,
});
parentPort!.postMessage({ exitCode });
