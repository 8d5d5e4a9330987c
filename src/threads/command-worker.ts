// A command thread's entry (see command-thread.ts): loads the CLI and the command, waits until the starting
// thread says "run" (it may still decide to run the command itself and stop this thread), then runs the
// command and posts its output and exit code.
import module from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import type { ReadPlan } from '../project/read-ahead.ts';

const told = new Promise((resolve) => parentPort!.once('message', resolve));
// The compile cache (see cli/bin.ts) is per thread: enabled here too before the CLI's modules load.
module.enableCompileCache?.();
const { argv, isTTY } = workerData as { argv: string[]; isTTY: boolean };
const [{ main, loadCommand }, { dropReadPlan, offerReadPlan }] = await Promise.all([import('../cli/main.ts'), import('../project/read-ahead.ts')]);
await loadCommand(argv[0]!);
// The starting thread lists the project's files and reads them for this one (see project/read-ahead.ts).
const { plan } = (await told) as { plan?: ReadPlan };
if (plan) offerReadPlan(plan);
const exitCode = await main(argv, {
  stdout: (text) => parentPort!.postMessage({ stdout: text }),
  stderr: (text) => parentPort!.postMessage({ stderr: text }),
  isTTY,
  cwd: process.cwd(),
  env: process.env,
});
dropReadPlan(); // not taken (the command stopped before loading): its reader stops
parentPort!.postMessage({ exitCode });
