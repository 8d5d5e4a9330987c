// Builds schemaVersion "2" datafiles exactly as @featurevisor/sdk 2.x reads them.
// Each feature is built and serialised once per environment and shared by every tag's datafile.
import type { Condition, DatafileFeature, DatafileSegment, DatafileV2, Force, GroupSegment, Range, Traffic, Variation } from '../model/datafile.ts';
import type { Feature, Project } from '../model/project.ts';
import { allocateRules, groupRangesByFeature } from './allocation.ts';
import { base62Hash } from './hash.ts';
import type { PreviousState } from './state.ts';

export interface BuiltFeature {
  feature: DatafileFeature;
  /** Compact JSON of `feature`, computed once. */
  json: string;
  segments: Set<string>;
}

export interface DatafileBuilder {
  /** tag null: every non-archived feature (what the spec runner and `evaluate` need). */
  build(environment: string, tag: string | null, revision: string): DatafileV2;
  /** The same datafile as bytes; compact output is assembled from per-feature JSON. */
  serialize(environment: string, tag: string | null, revision: string): { datafile: DatafileV2; bytes: Buffer };
}

/** Segment keys named by a segment expression ("*" names none). */
export function segmentKeysOf(expression: unknown, into: Set<string>): Set<string> {
  if (typeof expression === 'string') {
    if (expression !== '*') into.add(expression);
  } else if (Array.isArray(expression)) {
    for (const item of expression) segmentKeysOf(item, into);
  } else if (expression && typeof expression === 'object') {
    for (const value of Object.values(expression)) segmentKeysOf(value, into);
  }
  return into;
}

export function isIncluded(feature: Feature, environment: string, tag: string | null): boolean {
  if (feature.archived === true) return false;
  if (tag !== null && !feature.tags.includes(tag)) return false;
  const expose = feature.expose[environment];
  if (expose === false) return false;
  if (Array.isArray(expose) && tag !== null && !expose.includes(tag)) return false;
  return true;
}

export function createDatafileBuilder(project: Project, state?: PreviousState): DatafileBuilder {
  const { config } = project;
  const stringify = <T>(value: T): T | string => (config.stringify && typeof value !== 'string' ? JSON.stringify(value) : value);
  const groupRanges = groupRangesByFeature(project.groups.values());
  const perEnvironment = new Map<string, Map<string, BuiltFeature>>();
  const segmentJson = new Map<string, string>();

  const buildSegment = (key: string): string => {
    let json = segmentJson.get(key);
    if (json === undefined) {
      const segment = project.segments.get(key)!;
      const out: DatafileSegment = { conditions: stringify(segment.conditions) as DatafileSegment['conditions'] };
      json = JSON.stringify(out);
      segmentJson.set(key, json);
    }
    return json;
  };

  const buildFeature = (feature: Feature, environment: string): BuiltFeature => {
    const used = new Set<string>();
    const out: DatafileFeature = {} as DatafileFeature;
    if (feature.deprecated === true) out.deprecated = true;
    out.bucketBy = feature.bucketBy ?? config.defaultBucketBy;
    if (feature.required !== undefined) out.required = feature.required;
    if (feature.disabledVariationValue !== undefined) out.disabledVariationValue = feature.disabledVariationValue;
    if (feature.variations.length > 0 || Array.isArray(feature.raw.variations)) {
      out.variations = feature.variations.map((variation) => {
        const built: Variation = { value: variation.value, weight: variation.weight };
        if (variation.variables !== undefined) built.variables = variation.variables;
        if (variation.variableOverrides !== undefined) {
          built.variableOverrides = Object.fromEntries(
            Object.entries(variation.variableOverrides).map(([key, overrides]) => [
              key,
              overrides.map((override) => {
                if (override.conditions !== undefined) return { conditions: stringify(override.conditions), value: override.value };
                if (override.segments !== undefined) {
                  segmentKeysOf(override.segments, used);
                  return { segments: stringify(override.segments), value: override.value };
                }
                return override;
              }),
            ]),
          );
        }
        return built;
      });
    }
    const rules = feature.rules[environment] ?? [];
    const ranges: Range[] = groupRanges.get(feature.key) ?? [];
    const allocations = allocateRules(feature.variations, rules, state?.get(environment)?.get(feature.key), ranges);
    out.traffic = rules.map((rule, index): Traffic => {
      segmentKeysOf(rule.segments, used);
      const traffic: Traffic = { key: rule.key, segments: stringify(rule.segments) as GroupSegment, percentage: allocations[index].percentage };
      if (allocations[index].allocation.length > 0) traffic.allocation = allocations[index].allocation;
      if (rule.variationWeights !== undefined) traffic.variationWeights = rule.variationWeights;
      if (rule.variables !== undefined) traffic.variables = rule.variables;
      if (rule.variation !== undefined) traffic.variation = rule.variation;
      // The SDK honours traffic.enabled; the official builder drops it (upstream bug), Flagwright keeps it.
      if (rule.enabled !== undefined) traffic.enabled = rule.enabled;
      return traffic;
    });
    if (ranges.length > 0) out.ranges = ranges;
    if (feature.variablesSchema.length > 0) {
      out.variablesSchema = Object.fromEntries(
        feature.variablesSchema.map((schema) => {
          const entry: NonNullable<DatafileFeature['variablesSchema']>[string] = { type: schema.type, defaultValue: schema.defaultValue };
          if (schema.deprecated === true) entry.deprecated = true;
          if (schema.useDefaultWhenDisabled === true) entry.useDefaultWhenDisabled = true;
          if (schema.disabledValue !== undefined) entry.disabledValue = schema.disabledValue;
          return [schema.key, entry];
        }),
      );
    }
    const force = feature.force[environment] ?? [];
    if (force.length > 0) {
      out.force = force.map((entry) => {
        // Keep the YAML key order of force entries, as the official builder does.
        const raw = rawAt(feature.raw, entry.source.path);
        const built: Record<string, unknown> = {};
        for (const key of Object.keys(raw)) {
          if (key === 'conditions') built.conditions = stringify(raw.conditions as Condition);
          else if (key === 'segments') {
            segmentKeysOf(raw.segments, used);
            built.segments = stringify(raw.segments as GroupSegment);
          } else built[key] = raw[key];
        }
        return built as Force;
      });
    }
    for (const key of [...used]) {
      const segment = project.segments.get(key);
      if (!segment || segment.archived === true) used.delete(key);
    }
    return { feature: out, json: '', segments: used };
  };

  const featuresFor = (environment: string): Map<string, BuiltFeature> => {
    let built = perEnvironment.get(environment);
    if (built) return built;
    built = new Map();
    for (const feature of project.features.values()) {
      if (feature.archived === true || feature.expose[environment] === false) continue;
      built.set(feature.key, buildFeature(feature, environment));
    }
    // Hashes cover required features' hashes and used segments' conditions.
    const hashing = new Set<string>();
    const hashOf = (key: string): string | undefined => {
      const entry = built!.get(key);
      if (!entry) return undefined;
      if (entry.feature.hash) return entry.feature.hash;
      if (hashing.has(key)) return 'cycle';
      hashing.add(key);
      const requiredHashes = (entry.feature.required ?? []).map((r) => hashOf(typeof r === 'string' ? r : r.key) ?? null);
      const segments = [...entry.segments].sort().map((s) => [s, buildSegment(s)]);
      entry.feature.hash = base62Hash(JSON.stringify([key, entry.feature, requiredHashes, segments]));
      entry.json = JSON.stringify(entry.feature);
      return entry.feature.hash;
    };
    for (const key of built.keys()) hashOf(key);
    perEnvironment.set(environment, built);
    return built;
  };

  const select = (environment: string, tag: string | null) => {
    const built = featuresFor(environment);
    const features: Array<[string, BuiltFeature]> = [];
    const usedSegments = new Set<string>();
    for (const feature of project.features.values()) {
      const entry = built.get(feature.key);
      if (!entry || !isIncluded(feature, environment, tag)) continue;
      features.push([feature.key, entry]);
      for (const segment of entry.segments) usedSegments.add(segment);
    }
    const segments = [...project.segments.keys()].filter((key) => usedSegments.has(key));
    return { features, segments };
  };

  const build = (environment: string, tag: string | null, revision: string): DatafileV2 => {
    const { features, segments } = select(environment, tag);
    return {
      schemaVersion: '2',
      revision,
      segments: Object.fromEntries(segments.map((key) => [key, JSON.parse(buildSegment(key)) as DatafileSegment])),
      features: Object.fromEntries(features.map(([key, entry]) => [key, entry.feature])),
    };
  };

  const serialize = (environment: string, tag: string | null, revision: string) => {
    const { features, segments } = select(environment, tag);
    const datafile: DatafileV2 = {
      schemaVersion: '2',
      revision,
      segments: Object.fromEntries(segments.map((key) => [key, JSON.parse(buildSegment(key)) as DatafileSegment])),
      features: Object.fromEntries(features.map(([key, entry]) => [key, entry.feature])),
    };
    if (config.prettyDatafile) return { datafile, bytes: Buffer.from(JSON.stringify(datafile, null, 2)) };
    const parts: string[] = [`{"schemaVersion":"2","revision":${JSON.stringify(revision)},"segments":{`];
    segments.forEach((key, i) => parts.push(`${i ? ',' : ''}${JSON.stringify(key)}:${buildSegment(key)}`));
    parts.push('},"features":{');
    features.forEach(([key, entry], i) => parts.push(`${i ? ',' : ''}${JSON.stringify(key)}:${entry.json}`));
    parts.push('}}');
    return { datafile, bytes: Buffer.from(parts.join('')) };
  };

  return { build, serialize };
}

function rawAt(doc: Record<string, unknown>, path: Array<string | number>): Record<string, unknown> {
  let node: unknown = doc;
  for (const step of path) node = (node as Record<string | number, unknown>)?.[step];
  return (node && typeof node === 'object' ? node : {}) as Record<string, unknown>;
}
