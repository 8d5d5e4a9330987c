// Where a worker thread's script is: in the source tree (`src/<path>.ts`), or at the bundle's top level
// (`dist/<name>.js`, beside the chunk folder this module is bundled into).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** `path` below src/ without extension, e.g. "project/read-worker"; undefined when neither exists. */
export function workerEntry(path: string): string | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  for (const candidate of [`../${path}.ts`, `../${name}.js`]) {
    const file = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(file)) return file;
  }
  return undefined;
}
