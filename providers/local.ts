// file://DIR: a plain folder (the embedded default). Writes are atomic per file (temp + rename).
import { mkdir, readdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { listFolder } from './folder.ts';
import type { Provider, ProviderFactory } from './types.ts';

const createLocal: ProviderFactory = async (location) => {
  const root = location.dir!;
  const info = await stat(root).catch(() => undefined);
  if (info && !info.isDirectory()) throw new Error(`${location.uri}: ${root} exists and is not a directory`);
  let counter = 0;
  const provider: Provider = {
    kind: 'local folder',
    supportsHeaders: false,
    list: (listOptions = {}) => listFolder(root, listOptions, (name) => name.includes('.flagwright-tmp-')),
    async get(key) {
      const body = await readFile(join(root, key)).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      });
      return body ? { body } : undefined;
    },
    async put(key, body) {
      const path = join(root, key);
      await mkdir(dirname(path), { recursive: true });
      const temp = `${path}.flagwright-tmp-${process.pid}-${counter++}`;
      await writeFile(temp, body);
      await rename(temp, path);
    },
    async delete(keys) {
      await Promise.all(keys.map((key) => rm(join(root, key), { force: true })));
      // Drop emptied revision folders so pruning leaves no litter.
      await Promise.all(keys.map((key) => rmEmpty(root, dirname(join(root, key)))));
    },
    publicUrl(key) {
      return pathToFileURL(join(root, key)).href;
    },
  };
  return provider;
};

async function rmEmpty(root: string, dir: string): Promise<void> {
  while (dir.startsWith(root) && dir !== root) {
    const entries = await readdir(dir).catch(() => undefined);
    if (!entries || entries.length > 0) return;
    await rmdir(dir).catch(() => undefined);
    dir = dirname(dir);
  }
}

export default createLocal;
