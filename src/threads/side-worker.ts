// The second thread's entry: runs the task it is given and posts the result (or that it failed).
import { parentPort, workerData } from 'node:worker_threads';
import { runSideTask, type SideTask } from './tasks.ts';

try {
  parentPort!.postMessage({ ok: true, result: await runSideTask(workerData as SideTask) });
} catch {
  // The main thread does this share itself and reports whatever went wrong there.
  parentPort!.postMessage({ ok: false });
}
