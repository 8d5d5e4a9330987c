// Builds schemaVersion "2" datafiles exactly as @featurevisor/sdk 2.x reads them.
// Each feature is built and serialised once per environment and shared by every tag's datafile.
import type { Condition, DatafileFeature, DatafileSegment, DatafileV2, Force, GroupSegment, Range, Traffic, Variation } from '../model/datafile.ts';
import type { Feature, Project } from '../model/project.ts';
import { allocateRules, groupRangesByFeature } from './allocation.ts';
import { base62Hash } from './hash.ts';
import type { PreviousState } from './state.ts';

const EMPTY = Buffer.alloc(0);
const COMMA = Buffer.from(',');

export interface BuiltFeature {
  feature: DatafileFeature;
  /** `"key":{...}` as compact JSON bytes, computed once and shared by every tag's datafile. */
  fragment: Buffer;
  segments: Set<string>;
}

export interface DatafileBuilder {
  /** tag null: every non-archived feature (what the spec runner and `evaluate` need). `hashes: false` skips feature hashes. */
  build(environment: string, tag: string | null, revision: string, options?: { hashes?: boolean }): DatafileV2;
  /** The same datafile as bytes; compact output is assembled from per-feature JSON. */
  serialize(environment: string, tag: string | null, revision: string): Buffer;
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
    return { feature: out, fragment: EMPTY, segments: used };
  };

  const featuresFor = (environment: string): Map<string, BuiltFeature> => {
    let built = perEnvironment.get(environment);
    if (built) return built;
    built = new Map();
    for (const feature of project.features.values()) {
      if (feature.archived === true || feature.expose[environment] === false) continue;
      built.set(feature.key, buildFeature(feature, environment));
    }
    perEnvironment.set(environment, built);
    return built;
  };

  // Hashes cover required features' hashes and used segments' conditions; each feature is serialised once.
  // Only datafiles that are written or compared need them, so the spec runner skips this work.
  const hashed = new Set<string>();
  const ensureHashes = (environment: string): void => {
    if (hashed.has(environment)) return;
    const built = featuresFor(environment);
    const hashing = new Set<string>();
    const hashOf = (key: string): string | undefined => {
      const entry = built.get(key);
      if (!entry) return undefined;
      if (entry.feature.hash) return entry.feature.hash;
      if (hashing.has(key)) return 'cycle';
      hashing.add(key);
      const requiredHashes = (entry.feature.required ?? []).map((r) => hashOf(typeof r === 'string' ? r : r.key) ?? '-');
      const withoutHash = JSON.stringify(entry.feature);
      let input = key + '\n' + withoutHash + '\n' + requiredHashes.join(',');
      for (const segment of [...entry.segments].sort()) input += '\n' + segment + buildSegment(segment);
      const hash = base62Hash(input);
      entry.feature.hash = hash;
      entry.fragment = Buffer.from(JSON.stringify(key) + ':' + withoutHash.slice(0, -1) + (withoutHash.length > 2 ? ',' : '') + '"hash":' + JSON.stringify(hash) + '}');
      return hash;
    };
    for (const key of built.keys()) hashOf(key);
    hashed.add(environment);
  };

  // environment → tag (or "\0" for every feature) → features in project order.
  const selections = new Map<string, Map<string, Array<[string, BuiltFeature]>>>();
  const featureOrder = new Map([...project.features.keys()].map((key, index) => [key, index]));
  const segmentOrder = new Map([...project.segments.keys()].map((key, index) => [key, index]));
  const ALL = '\0';
  const featuresIn = (environment: string, tag: string | null): Array<[string, BuiltFeature]> => {
    if (tag === null) {
      // Every built feature: no tag filter, so no dependency can be missing.
      return [...featuresFor(environment)];
    }
    let byTag = selections.get(environment);
    if (!byTag) {
      const built = featuresFor(environment);
      const keys = new Map<string, Set<string>>();
      for (const feature of project.features.values()) {
        if (!built.has(feature.key)) continue;
        for (const featureTag of feature.tags) {
          if (!isIncluded(feature, environment, featureTag)) continue;
          let set = keys.get(featureTag);
          if (!set) keys.set(featureTag, (set = new Set()));
          set.add(feature.key);
        }
      }
      byTag = new Map();
      for (const [key, set] of keys) {
        // A datafile that carries a feature also carries its required chain, or the feature could never be on.
        let pulledIn = false;
        for (const featureKey of set) {
          for (const requirement of built.get(featureKey)!.feature.required ?? []) {
            const required = typeof requirement === 'string' ? requirement : requirement.key;
            if (!set.has(required) && built.has(required)) {
              set.add(required); // iteration visits it too, so its own chain follows
              pulledIn = true;
            }
          }
        }
        // Sets were filled in project order; pulled-in dependencies were appended, so restore the order.
        const ordered = pulledIn ? [...set].sort((a, b) => featureOrder.get(a)! - featureOrder.get(b)!) : [...set];
        byTag.set(key, ordered.map((featureKey) => [featureKey, built.get(featureKey)!]));
      }
      selections.set(environment, byTag);
    }
    return byTag.get(tag) ?? [];
  };

  const segmentFragments = new Map<string, Buffer>();
  const segmentFragment = (key: string): Buffer => {
    let fragment = segmentFragments.get(key);
    if (!fragment) segmentFragments.set(key, (fragment = Buffer.from(JSON.stringify(key) + ':' + buildSegment(key))));
    return fragment;
  };

  const segmentObjects = new Map<string, DatafileSegment>();
  const segmentObject = (key: string): DatafileSegment => {
    let segment = segmentObjects.get(key);
    if (!segment) segmentObjects.set(key, (segment = JSON.parse(buildSegment(key)) as DatafileSegment));
    return segment;
  };

  const selected = new Map<string, { features: Array<[string, BuiltFeature]>; segments: string[] }>();
  const select = (environment: string, tag: string | null) => {
    const cacheKey = environment + '\0' + (tag ?? ALL);
    const cached = selected.get(cacheKey);
    if (cached) return cached;
    const features = featuresIn(environment, tag);
    const usedSegments = new Set<string>();
    for (const [, entry] of features) for (const segment of entry.segments) usedSegments.add(segment);
    const segments = [...usedSegments].sort((a, b) => segmentOrder.get(a)! - segmentOrder.get(b)!);
    const result = { features, segments };
    selected.set(cacheKey, result);
    return result;
  };

  const build = (environment: string, tag: string | null, revision: string, options: { hashes?: boolean } = {}): DatafileV2 => {
    if (options.hashes !== false) ensureHashes(environment);
    const { features, segments } = select(environment, tag);
    const datafile: DatafileV2 = { schemaVersion: '2', revision, segments: {}, features: {} };
    for (const key of segments) datafile.segments[key] = segmentObject(key);
    for (const [key, entry] of features) datafile.features[key] = entry.feature;
    return datafile;
  };

  const serialize = (environment: string, tag: string | null, revision: string): Buffer => {
    if (config.prettyDatafile) return Buffer.from(JSON.stringify(build(environment, tag, revision), null, 2));
    ensureHashes(environment);
    const { features, segments } = select(environment, tag);
    // Concatenating cached byte fragments avoids building and re-encoding a large string per datafile.
    const parts: Buffer[] = [Buffer.from(`{"schemaVersion":"2","revision":${JSON.stringify(revision)},"segments":{`)];
    segments.forEach((key, i) => {
      if (i) parts.push(COMMA);
      parts.push(segmentFragment(key));
    });
    parts.push(Buffer.from('},"features":{'));
    features.forEach(([, entry], i) => {
      if (i) parts.push(COMMA);
      parts.push(entry.fragment);
    });
    parts.push(Buffer.from('}}'));
    return Buffer.concat(parts);
  };

  return { build, serialize };
}

function rawAt(doc: Record<string, unknown>, path: Array<string | number>): Record<string, unknown> {
  let node: unknown = doc;
  for (const step of path) node = (node as Record<string | number, unknown>)?.[step];
  return (node && typeof node === 'object' ? node : {}) as Record<string, unknown>;
}
