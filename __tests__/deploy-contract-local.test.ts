import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { deployContract, type Snapshot } from './helpers/deploy-contract.ts';

async function walk(root: string, dir = root, out = new Map<string, string>()): Promise<Map<string, string>> {
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk(root, path, out);
    else out.set(relative(root, path).split(sep).join('/'), createHash('sha1').update(await readFile(path)).digest('hex'));
  }
  return out;
}

deployContract('local folder', async () => {
  const root = await mkdtemp(join(tmpdir(), 'fw-local-target-'));
  return {
    target: `file://${join(root, 'site')}`,
    options: {},
    supportsHeaders: false,
    async snapshot(): Promise<Snapshot> {
      const content = new Map([...(await walk(root)).entries()]);
      return { content, cacheControl: new Map(), body: (key) => readFile(join(root, key), 'utf8').catch(() => undefined) };
    },
    close: () => rm(root, { recursive: true, force: true }),
  };
});
