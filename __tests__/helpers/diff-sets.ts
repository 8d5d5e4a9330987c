// Hand-written datafile sets for the diff tests: a compact spec (features per environment, segment
// conditions, tags) expanded into one schemaVersion "2" datafile per environment × tag, as a build would.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DatafileFeature, DatafileV2 } from '../../src/model/datafile.ts';
import type { DatafileSet } from '../../src/model/datafile-set.ts';
import { featureSegments } from '../../src/diff/normalize.ts';

export interface SetSpec {
  revision: string;
  commit?: string;
  tags: string[];
  featureTags: Record<string, string[]>;
  segments: Record<string, unknown>;
  environments: Record<string, Record<string, DatafileFeature>>;
}

export function expandSet(spec: SetSpec): DatafileSet {
  const files: DatafileSet['files'] = [];
  for (const [environment, features] of Object.entries(spec.environments)) {
    for (const tag of spec.tags) {
      const datafile: DatafileV2 = { schemaVersion: '2', revision: spec.revision, segments: {}, features: {} };
      const used = new Set<string>();
      for (const [key, feature] of Object.entries(features)) {
        if (!(spec.featureTags[key] ?? ['all']).includes(tag)) continue;
        const built: DatafileFeature = {
          ...feature,
          traffic: feature.traffic.map((t) => ({ ...t, segments: typeof t.segments === 'string' ? t.segments : JSON.stringify(t.segments) })),
        };
        datafile.features[key] = built;
        for (const s of featureSegments(built)) used.add(s);
      }
      for (const key of [...used].sort()) {
        const conditions = spec.segments[key];
        if (conditions === undefined) continue;
        datafile.segments[key] = { conditions: typeof conditions === 'string' ? conditions : JSON.stringify(conditions) };
      }
      const bytes = Buffer.from(JSON.stringify(datafile));
      files.push({ environment, tag, path: `${environment}/featurevisor-tag-${tag}.json`, datafile, bytes });
    }
  }
  return { revision: spec.revision, commit: spec.commit, files };
}

/** RFC 7386 JSON merge patch: objects merge, null deletes, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) return structuredClone(patch);
  const out: Record<string, unknown> =
    target && typeof target === 'object' && !Array.isArray(target) ? structuredClone(target as Record<string, unknown>) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}

/** Reads base.json/head.json of a case: `{"$ref": file}` loads another spec, `{"$patch": p}` patches the base. */
export function loadCaseSpecs(dir: string): { base?: SetSpec; head: SetSpec } {
  const read = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
  const resolve = (value: unknown, from: string, base?: SetSpec): SetSpec => {
    const v = value as Record<string, unknown>;
    if (typeof v.$ref === 'string') {
      const file = join(from, v.$ref);
      const target = resolve(read(file), dirname(file));
      return v.$patch ? (mergePatch(target, v.$patch) as SetSpec) : target;
    }
    if (v.$patch) {
      if (!base) throw new Error(`${from}: $patch needs a base`);
      return mergePatch(base, v.$patch) as SetSpec;
    }
    return v as unknown as SetSpec;
  };
  let base: SetSpec | undefined;
  try {
    const raw = read(join(dir, 'base.json'));
    base = raw === null ? undefined : resolve(raw, dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const head = resolve(read(join(dir, 'head.json')), dir, base);
  return { base, head };
}

/** A large synthetic pair: `count` features over three environments, `changed` of them edited in every way. */
export function largeSpecs(count: number, changed: number): { base: SetSpec; head: SetSpec } {
  const envs = ['development', 'staging', 'production'];
  const base: SetSpec = { revision: 'base', commit: 'a'.repeat(40), tags: ['all'], featureTags: {}, segments: {}, environments: {} };
  for (let s = 0; s < 20; s++) base.segments[`segment_${s}`] = [{ attribute: 'country', operator: 'equals', value: `C${s}` }];
  for (const env of envs) {
    const features: Record<string, DatafileFeature> = {};
    for (let i = 0; i < count; i++) {
      const key = `feature_${String(i).padStart(5, '0')}`;
      features[key] = {
        bucketBy: 'userId',
        variations: [{ value: 'control', weight: 50 }, { value: 'treatment', weight: 50, variables: { color: 'green' } }],
        traffic: [
          { key: 'targeted', segments: `segment_${i % 20}`, percentage: 100000, allocation: [{ variation: 'control', range: [0, 50000] }, { variation: 'treatment', range: [50000, 100000] }] },
          { key: 'everyone', segments: '*', percentage: 10000, allocation: [{ variation: 'control', range: [0, 5000] }, { variation: 'treatment', range: [5000, 10000] }] },
        ],
        variablesSchema: { color: { type: 'string', defaultValue: 'blue' } },
      };
    }
    base.environments[env] = features;
  }
  const head = structuredClone(base);
  head.revision = 'head';
  head.commit = 'b'.repeat(40);
  for (const env of envs) {
    const features = head.environments[env];
    for (let i = 0; i < changed; i++) {
      const f = features[`feature_${String(i).padStart(5, '0')}`];
      f.traffic[1] = { key: 'everyone', segments: '*', percentage: 5000, allocation: [{ variation: 'control', range: [0, 2500] }, { variation: 'treatment', range: [2500, 5000] }] };
      f.traffic.unshift({ key: `new_rule_${i}`, segments: `segment_${(i + 1) % 20}`, percentage: 30000 });
      f.variablesSchema!.color = { type: 'string', defaultValue: `red-${i}` };
      f.variations![1].variables = { color: `purple-${i}` };
    }
  }
  return { base, head };
}
