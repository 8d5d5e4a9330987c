// Generates small schemaVersion-2 datafiles for deploy tests (no builder needed).
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface DatafileSpec {
  environments: string[];
  tags: string[];
  revision: string;
  /** Feature keys per tag; a feature's "variant" value lets a test change one feature's bytes. */
  features?: Record<string, number>;
  /** Padding to reach a target size per file. */
  padBytes?: number;
}

export function datafileJson(spec: DatafileSpec, environment: string, tag: string): string {
  const features: Record<string, unknown> = {};
  for (const [key, variant] of Object.entries(spec.features ?? { alpha: 1, beta: 1 })) {
    // Features tagged by name: "all" gets every feature, other tags get those whose key starts with the tag's first letter.
    if (tag !== 'all' && key[0] !== tag[0]) continue;
    features[key] = {
      bucketBy: 'userId',
      traffic: [{ key: 'everyone', segments: '*', percentage: 100000, allocation: [], variation: `v${variant}` }],
      variations: [{ value: `v${variant}` }],
    };
  }
  const datafile: Record<string, unknown> = { schemaVersion: '2', revision: spec.revision, segments: {}, features };
  if (spec.padBytes) datafile.padding = `${environment}-${tag}-`.padEnd(spec.padBytes, 'x');
  return JSON.stringify(datafile);
}

/** Writes <env>/featurevisor-tag-<tag>.json (or top-level files when environments is empty). */
export async function writeDatafiles(spec: DatafileSpec, dir?: string): Promise<string> {
  const root = dir ?? (await mkdtemp(join(tmpdir(), 'fw-datafiles-')));
  const envs = spec.environments.length ? spec.environments : [''];
  for (const env of envs) {
    await mkdir(join(root, env), { recursive: true });
    for (const tag of spec.tags) await writeFile(join(root, env, `featurevisor-tag-${tag}.json`), datafileJson(spec, env, tag));
  }
  return root;
}
