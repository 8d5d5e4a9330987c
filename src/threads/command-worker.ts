// A command thread's entry (see command-thread.ts): loads the CLI and the command, waits until the starting
// thread says "run" (it may still decide to run the command itself and stop this thread), then runs the
// command and posts its output and exit code.
import module from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

const told = new Promise((resolve) => parentPort!.once('message', resolve));
// The compile cache (see cli/bin.ts) is per thread: enabled here too before the CLI's modules load.
module.enableCompileCache?.();
const { argv, isTTY } = workerData as { argv: string[]; isTTY: boolean };
const { main, loadCommand } = await import('../cli/main.ts');
await loadCommand(argv[0]!);
await told;
const exitCode = await main(argv, {
  stdout: (text) => parentPort!.postMessage({ stdout: text }),
  stderr: (text) => parentPort!.postMessage({ stderr: text }),
  isTTY,
  cwd: process.cwd(),
  env: process.env,
});
parentPort!.postMessage({ exitCode });
