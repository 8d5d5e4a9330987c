// A command thread's entry (see command-thread.ts): loads the CLI and the command, waits until the starting
// thread says "run" (it may still decide to run the command itself and stop this thread), then runs the
// command and posts its output and exit code.
import module from 'node:module';
import v8 from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { resolveChunksDirectly } from '../util/chunk-resolution.ts';
import type { ReadPlan } from '../project/read-ahead.ts';
import { dropSpecLint, offerSpecLint, type SpecLintOffer } from './spec-lint.ts';

const told = new Promise((resolve) => parentPort!.once('message', resolve));
// The compile cache (see cli/bin.ts) is per thread: enabled here too before the CLI's modules load.
module.enableCompileCache?.();
resolveChunksDirectly(import.meta.url);
const { argv, isTTY } = workerData as { argv: string[]; isTTY: boolean };
const [{ main, loadCommand }, { dropReadPlan, offerReadPlan }] = await Promise.all([import('../cli/main.ts'), import('../project/read-ahead.ts')]);
await loadCommand(argv[0]!);
// No Turbofan from here on: a command runs each of its loops for a second or a few, and Turbofan spent ~1 s
// of CPU (~300 ms on the YAML parser alone) compiling code that was ready when most of the work was done,
// on the two cores this thread shares with the reader and the GC. Maglev's code is good enough. Paired A/B
// at 10,000 features: build -208 ms wall (10/11) and -610 ms CPU, test -133 ms (9/11), lint even (CPU
// -290 ms); build at 30,000: -476 ms (5/7). The flag is process-wide (the starting thread only waits) and
// set once the modules above are loaded: their compile-cache entries, shared with the starting thread, are
// checked against the flags they were made with.
v8.setFlagsFromString('--no-turbofan');
// The starting thread lists the project's files and reads them for this one (see project/read-ahead.ts).
const { plan, specLint } = (await told) as { plan?: ReadPlan; specLint?: SpecLintOffer };
if (plan) offerReadPlan(plan);
// lint: the starting thread checks the specs meanwhile (see spec-lint.ts).
if (specLint) offerSpecLint(specLint);
const exitCode = await main(argv, {
  stdout: (text) => parentPort!.postMessage({ stdout: text }),
  stderr: (text) => parentPort!.postMessage({ stderr: text }),
  isTTY,
  cwd: process.cwd(),
  env: process.env,
});
dropReadPlan(); // not taken (the command stopped before loading): its reader stops
dropSpecLint();
parentPort!.postMessage({ exitCode });
