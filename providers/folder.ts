// Listing a folder as remote objects: shared by the local-folder and Pages providers (Pages lists its clone).
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { digestHex } from '../src/util/digest.ts';
import type { ListOptions, RemoteObject } from './types.ts';

async function walk(root: string, dir: string, out: RemoteObject[], shallow: boolean, skip: (name: string) => boolean): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  await Promise.all(
    entries.map(async (entry) => {
      if (skip(entry.name)) return;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return shallow ? undefined : walk(root, path, out, false, skip);
      if (!entry.isFile()) return;
      const bytes = await readFile(path);
      out.push({ key: relative(root, path).split(sep).join('/'), size: bytes.length, md5: digestHex('md5', bytes) });
    }),
  );
}

/** Every file under `root` (or under `listOptions.under`), with its MD5; `skip` leaves out entries by name. */
export async function listFolder(root: string, listOptions: ListOptions, skip: (name: string) => boolean): Promise<RemoteObject[]> {
  const out: RemoteObject[] = [];
  const start = listOptions.under ? join(root, ...listOptions.under.split('/')) : root;
  await walk(root, start, out, listOptions.shallow === true, skip);
  return out;
}
