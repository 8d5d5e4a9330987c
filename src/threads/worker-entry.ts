// Worker threads: whether to use them (FLAGWRIGHT_THREADS) and where a worker's script is: in the source
// tree (`src/<path>.ts`), or at the bundle's top level (`dist/<name>.js`, beside the chunk folder).
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

/** FLAGWRIGHT_THREADS=1 keeps all work on the main thread, =2 uses worker threads whatever the size; else by size. */
export function threadsSetting(): 'off' | 'on' | 'auto' {
  const value = process.env.FLAGWRIGHT_THREADS;
  return value === '1' ? 'off' : value === '2' ? 'on' : 'auto';
}
