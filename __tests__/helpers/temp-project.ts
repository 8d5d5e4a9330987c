// Small on-disk Featurevisor projects for tests, written from a map of relative path → content.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export function writeProject(files: Record<string, string | Buffer>, directory = mkdtempSync(join(tmpdir(), 'flagwright-'))): string {
  for (const [path, content] of Object.entries(files)) {
    const file = join(directory, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return directory;
}

export function removeProject(directory: string): void {
  rmSync(directory, { recursive: true, force: true });
}

export { seededRandom } from './random-datafile.ts';
