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

/** Deterministic pseudo-random numbers (mulberry32) so generated inputs are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
