// Builds schemaVersion "2" datafiles exactly as @featurevisor/sdk 2.x reads them.
// Each feature is built and serialised once per environment and shared by every tag's datafile.
import type { Condition, DatafileFeature, DatafileSegment, DatafileV2, Force, GroupSegment, Range, Traffic, Variation } from '../model/datafile.ts';
import type { Feature, Project } from '../model/project.ts';
import { allocateRules, groupRangesByFeature } from './allocation.ts';
import { base62Hash } from './hash.ts';
import type { PreviousState } from './state.ts';

const EMPTY = Buffer.alloc(0);
const MIDDLE = Buffer.from('},"features":{');
const END = Buffer.from('}}');

export interface BuiltFeature {
  key: string;
  /** Position in the project, the order of features in a datafile. */
  order: number;
  feature: DatafileFeature;
  /** `,"key":{...}` as compact JSON bytes, computed once and shared by every tag's datafile. */
  fragment: Buffer;
  /**
   * Indices (project order) of the non-archived segments it uses, sorted by key as the hash covers them;
   * found on first use (hashes and tag datafiles need them, the spec runner's datafiles do not).
   */
  segments: number[] | undefined;
  shared: SharedParts;
  source: Feature;
  environment: string;
}

/** The features built for one environment: by key, and in project order. */
interface BuiltFeatures {
  byKey: Map<string, BuiltFeature>;
  list: BuiltFeature[];
}

/** The environment-independent parts of a feature's datafile entry. */
interface SharedParts {
  variations?: Variation[];
  variablesSchema?: DatafileFeature['variablesSchema'];
  /** The segment expressions of variable overrides. */
  overrideSegments: unknown[];
  /** JSON computed on first use: the feature's entries before "traffic" (its opening brace included), and variablesSchema. */
  headJson?: string;
  variablesSchemaJson?: string;
}

export interface BuildOptions {
  hashes?: boolean;
  allSegments?: boolean;
}

export interface DatafileBuilder {
  /**
   * tag null: every non-archived feature (what the spec runner and `evaluate` need). `hashes: false` skips
   * feature hashes; `allSegments` carries every non-archived segment, not only those its features use (the
   * same evaluations, without working out which segments each feature uses).
   */
  build(environment: string, tag: string | null, revision: string, options?: BuildOptions): DatafileV2;
  /**
   * The same datafile as bytes, in pieces: compact output is per-feature JSON shared by every tag's datafile,
   * so a writer can write the pieces as they are (one vectored write) instead of copying them together.
   */
  serializeParts(environment: string, tag: string | null, revision: string): Buffer[];
}

/** Adds `key` and the features it requires, transitively, to `keys` (what a datafile carrying it must also carry). */
export function addWithRequired(project: Project, key: string, keys: Set<string>): void {
  if (keys.has(key)) return;
  keys.add(key);
  const required = project.features.get(key)?.required;
  if (!Array.isArray(required)) return;
  for (const entry of required) addWithRequired(project, typeof entry === 'string' ? entry : entry?.key, keys);
}

export interface BuilderOptions {
  /** Environment → the only features to build there (the spec runner needs just what its assertions evaluate). */
  only?: Map<string, Set<string>>;
}

export function createDatafileBuilder(project: Project, state?: PreviousState, options: BuilderOptions = {}): DatafileBuilder {
  const { config } = project;
  // Unstringified, a value is kept as the written JSON holds it (a YAML date as its ISO string), so the datafile
  // that `test` and `evaluate` use in memory answers like the published one.
  const stringify = <T>(value: T): T | string => (typeof value === 'string' ? value : config.stringify ? JSON.stringify(value) : asWritten(value));
  const groupRanges = groupRangesByFeature(project.groups.values());
  const perEnvironment = new Map<string, BuiltFeatures>();
  // Project order, for indexed loops: with Turbofan off (see threads/command-worker.ts) a for-of over an
  // array costs several times as much.
  const featureList = [...project.features.values()];

  // Segments are referred to by index (project order); per-segment JSON and bytes are computed once.
  const segmentKeys = [...project.segments.keys()];
  const segmentIndex = new Map(segmentKeys.map((key, index) => [key, index]));
  const segmentJson: Array<string | undefined> = [];
  const buildSegment = (index: number): string => {
    let json = segmentJson[index];
    if (json === undefined) {
      const segment = project.segments.get(segmentKeys[index])!;
      const out: DatafileSegment = { conditions: stringify(segment.conditions) as DatafileSegment['conditions'] };
      segmentJson[index] = json = JSON.stringify(out);
    }
    return json;
  };
  // A feature hash covers the hashes of the segments it uses: each segment's JSON is hashed once.
  const segmentHashes: Array<string | undefined> = [];
  const segmentHash = (index: number): string => (segmentHashes[index] ??= base62Hash(segmentKeys[index] + '\n' + buildSegment(index)));
  // Rank of each segment key in string order: the order in which a feature hash covers its segments.
  const nameRank = new Int32Array(segmentKeys.length);
  segmentKeys
    .map((key, index) => [key, index] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .forEach(([, index], rank) => (nameRank[index] = rank));
  const live = segmentKeys.map((key) => project.segments.get(key)!.archived !== true);
  // Indices of the live segments an expression names, each once: a per-segment stamp instead of a Set of keys.
  const seen = new Uint32Array(segmentKeys.length);
  let seenStamp = 0;
  const collectSegments = (expression: unknown, into: number[]): void => {
    if (typeof expression === 'string') {
      const index = expression === '*' ? undefined : segmentIndex.get(expression);
      if (index !== undefined && live[index] && seen[index] !== seenStamp) {
        seen[index] = seenStamp;
        into.push(index);
      }
    } else if (Array.isArray(expression)) {
      for (let i = 0; i < expression.length; i++) collectSegments(expression[i], into);
    } else if (expression && typeof expression === 'object') {
      for (const value of Object.values(expression)) collectSegments(value, into);
    }
  };
  const sortByName = (indices: number[]): number[] => {
    if (indices.length > 32) return indices.sort((a, b) => nameRank[a] - nameRank[b]);
    // Insertion sort: these lists are short, and Array#sort allocates a work array for each of 30,000.
    for (let i = 1; i < indices.length; i++) {
      const index = indices[i];
      let j = i - 1;
      for (; j >= 0 && nameRank[indices[j]] > nameRank[index]; j--) indices[j + 1] = indices[j];
      indices[j + 1] = index;
    }
    return indices;
  };

  // Variations and variablesSchema do not depend on the environment: built once per feature, shared by
  // every environment's feature object, and serialised once (featureJsonOpen).
  // Indexed by project order: a Map keyed by the feature object would first have to give it an identity hash.
  const sharedParts: Array<SharedParts | undefined> = [];
  const sharedPartsOf = (feature: Feature, order: number): SharedParts => {
    const cached = sharedParts[order];
    if (cached) return cached;
    const parts: SharedParts = { overrideSegments: [] };
    if (feature.variations.length > 0 || Array.isArray(feature.raw.variations)) {
      parts.variations = feature.variations.map((variation) => {
        const built: Variation = { value: variation.value, weight: variation.weight };
        if (variation.variables !== undefined) built.variables = variation.variables;
        if (variation.variableOverrides !== undefined) {
          built.variableOverrides = Object.fromEntries(
            Object.entries(variation.variableOverrides).map(([key, overrides]) => [
              key,
              overrides.map((override) => {
                if (override.conditions !== undefined) return { conditions: stringify(override.conditions), value: override.value };
                if (override.segments !== undefined) {
                  parts.overrideSegments.push(override.segments);
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
    if (feature.variablesSchema.length > 0) {
      parts.variablesSchema = Object.fromEntries(
        feature.variablesSchema.map((schema) => {
          const entry: NonNullable<DatafileFeature['variablesSchema']>[string] = { type: schema.type, defaultValue: schema.defaultValue };
          if (schema.deprecated === true) entry.deprecated = true;
          if (schema.useDefaultWhenDisabled === true) entry.useDefaultWhenDisabled = true;
          if (schema.disabledValue !== undefined) entry.disabledValue = schema.disabledValue;
          return [schema.key, entry];
        }),
      );
    }
    sharedParts[order] = parts;
    return parts;
  };
  /**
   * JSON.stringify(feature) without its closing brace, for a feature object as buildFeature makes it (its keys
   * in that order, no hash yet). Written out key by key (a for-in over 30,000 objects of a dozen shapes cost
   * more than the JSON); what does not depend on the environment is serialised once per feature, and no
   * slice makes V8 copy the joined string.
   */
  const featureJsonOpen = (feature: DatafileFeature, shared: SharedParts): string => {
    let head = shared.headJson;
    if (head === undefined) {
      head = '';
      if (feature.deprecated !== undefined) head += ',"deprecated":' + JSON.stringify(feature.deprecated);
      if (feature.bucketBy !== undefined) head += ',"bucketBy":' + JSON.stringify(feature.bucketBy);
      if (feature.required !== undefined) head += ',"required":' + JSON.stringify(feature.required);
      if (feature.disabledVariationValue !== undefined) head += ',"disabledVariationValue":' + JSON.stringify(feature.disabledVariationValue);
      if (feature.variations !== undefined) head += ',"variations":' + JSON.stringify(feature.variations);
      shared.headJson = head = '{' + head.slice(1) + (head ? ',' : '');
    }
    let json = head + '"traffic":' + JSON.stringify(feature.traffic);
    if (feature.ranges !== undefined) json += ',"ranges":' + JSON.stringify(feature.ranges);
    if (feature.variablesSchema !== undefined) json += ',"variablesSchema":' + (shared.variablesSchemaJson ??= JSON.stringify(feature.variablesSchema));
    if (feature.force !== undefined) json += ',"force":' + JSON.stringify(feature.force);
    return json;
  };

  const buildFeature = (feature: Feature, order: number, environment: string): BuiltFeature => {
    const out: DatafileFeature = {} as DatafileFeature;
    if (feature.deprecated === true) out.deprecated = true;
    out.bucketBy = feature.bucketBy ?? config.defaultBucketBy;
    if (feature.required !== undefined) out.required = feature.required;
    if (feature.disabledVariationValue !== undefined) out.disabledVariationValue = feature.disabledVariationValue;
    const shared = sharedPartsOf(feature, order);
    if (shared.variations) out.variations = shared.variations;
    const rules = feature.rules[environment] ?? [];
    const ranges: Range[] = groupRanges.get(feature.key) ?? [];
    const allocations = allocateRules(feature.variations, rules, state?.get(environment)?.get(feature.key), ranges);
    out.traffic = rules.map((rule, index): Traffic => {
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
    if (shared.variablesSchema) out.variablesSchema = shared.variablesSchema;
    const force = feature.force[environment] ?? [];
    if (force.length > 0) {
      out.force = force.map((entry) => {
        // Keep the YAML key order of force entries, as the official builder does.
        const raw = rawAt(feature.raw, entry.source.path);
        const built: Record<string, unknown> = {};
        for (const key of Object.keys(raw)) {
          if (key === 'conditions') built.conditions = stringify(raw.conditions as Condition);
          else if (key === 'segments') built.segments = stringify(raw.segments as GroupSegment);
          else built[key] = raw[key];
        }
        return built as Force;
      });
    }
    return { key: feature.key, order, feature: out, fragment: EMPTY, segments: undefined, shared, source: feature, environment };
  };

  /** The segments a built feature uses: its variable overrides', its rules' and its force entries'. */
  const segmentsUsedBy = (entry: BuiltFeature): number[] => {
    if (entry.segments) return entry.segments;
    const used: number[] = [];
    seenStamp++;
    const { overrideSegments } = entry.shared;
    for (let i = 0; i < overrideSegments.length; i++) collectSegments(overrideSegments[i], used);
    const rules = entry.source.rules[entry.environment] ?? [];
    for (let i = 0; i < rules.length; i++) collectSegments(rules[i].segments, used);
    const force = entry.source.force[entry.environment] ?? [];
    for (let i = 0; i < force.length; i++) if (force[i].segments !== undefined) collectSegments(force[i].segments, used);
    return (entry.segments = sortByName(used));
  };

  const featuresFor = (environment: string): BuiltFeatures => {
    let built = perEnvironment.get(environment);
    if (built) return built;
    built = { byKey: new Map(), list: [] };
    const only = options.only?.get(environment);
    for (let order = 0; order < featureList.length; order++) {
      const feature = featureList[order];
      if (feature.archived === true || feature.expose[environment] === false || (only && !only.has(feature.key))) continue;
      const entry = buildFeature(feature, order, environment);
      built.byKey.set(feature.key, entry);
      built.list.push(entry);
    }
    perEnvironment.set(environment, built);
    return built;
  };

  const requiredKey = (requirement: string | { key: string }): string => (typeof requirement === 'string' ? requirement : requirement.key);

  // Hashes cover required features' hashes and used segments' conditions; each feature is serialised once.
  // Only datafiles that are written or compared need them, so the spec runner skips this work.
  const hashed = new Set<string>();
  const keyJsons: Array<string | undefined> = [];
  const ensureHashes = (environment: string): void => {
    if (hashed.has(environment)) return;
    const built = featuresFor(environment);
    const visiting = new Uint8Array(featureList.length);
    const hashOf = (entry: BuiltFeature): string => {
      if (entry.feature.hash) return entry.feature.hash;
      if (visiting[entry.order]) return 'cycle';
      visiting[entry.order] = 1;
      let requiredHashes = '';
      const required = entry.feature.required;
      if (required) {
        for (let i = 0; i < required.length; i++) {
          const dependency = built.byKey.get(requiredKey(required[i]));
          requiredHashes += (i ? ',' : '') + (dependency ? hashOf(dependency) : '-');
        }
      }
      const open = featureJsonOpen(entry.feature, entry.shared);
      let input = entry.key + '\n' + open + '}\n' + requiredHashes;
      const segments = segmentsUsedBy(entry);
      for (let i = 0; i < segments.length; i++) input += '\n' + segmentHash(segments[i]);
      const hash = base62Hash(input);
      entry.feature.hash = hash;
      // The leading comma lets a datafile be fragments back to back (the first one is written without it).
      const keyJson = (keyJsons[entry.order] ??= JSON.stringify(entry.key));
      entry.fragment = Buffer.from(',' + keyJson + ':' + open + ',"hash":"' + hash + '"}');
      return hash;
    };
    for (let i = 0; i < built.list.length; i++) hashOf(built.list[i]);
    hashed.add(environment);
  };

  // environment → tag → features in project order.
  const selections = new Map<string, Map<string, BuiltFeature[]>>();
  // Which features a tag's datafile already holds: a per-feature stamp (one value per tag) instead of a Set.
  const member = new Uint32Array(featureList.length);
  let memberStamp = 0;
  const tagSelections = (environment: string): Map<string, BuiltFeature[]> => {
    const built = featuresFor(environment);
    // Tagged features, in project order.
    const byTag = new Map<string, BuiltFeature[]>();
    for (let i = 0; i < built.list.length; i++) {
      const entry = built.list[i];
      const { tags } = entry.source;
      const expose = entry.source.expose[environment];
      for (let index = 0; index < tags.length; index++) {
        const tag = tags[index];
        if (tags.indexOf(tag) !== index) continue; // a repeated tag
        if (Array.isArray(expose) && !expose.includes(tag)) continue;
        let list = byTag.get(tag);
        if (!list) byTag.set(tag, (list = []));
        list.push(entry);
      }
    }
    for (const [tag, list] of byTag) {
      memberStamp++;
      for (let i = 0; i < list.length; i++) member[list[i].order] = memberStamp;
      // A datafile that carries a feature also carries its required chain, or the feature could never be on.
      const tagged = list.length;
      for (let i = 0; i < list.length; i++) {
        const requirements = list[i].feature.required;
        if (!requirements) continue;
        for (const requirement of requirements) {
          const required = built.byKey.get(requiredKey(requirement));
          if (!required || member[required.order] === memberStamp) continue;
          member[required.order] = memberStamp;
          list.push(required); // visited by this loop too, so its own chain follows
        }
      }
      // Pulled-in dependencies were appended: merge them into project order.
      if (list.length > tagged) byTag.set(tag, mergeByOrder(list.slice(0, tagged), list.slice(tagged)));
    }
    return byTag;
  };
  const featuresIn = (environment: string, tag: string | null): BuiltFeature[] => {
    // tag null: every built feature; with no tag filter no dependency can be missing.
    if (tag === null) return featuresFor(environment).list;
    let byTag = selections.get(environment);
    if (!byTag) selections.set(environment, (byTag = tagSelections(environment)));
    return byTag.get(tag) ?? [];
  };

  const segmentFragments: Array<Buffer | undefined> = [];
  const segmentFragment = (index: number): Buffer =>
    (segmentFragments[index] ??= Buffer.from(',' + JSON.stringify(segmentKeys[index]) + ':' + buildSegment(index)));

  const segmentObjects: Array<DatafileSegment | undefined> = [];
  const segmentObject = (index: number): DatafileSegment => (segmentObjects[index] ??= JSON.parse(buildSegment(index)) as DatafileSegment);

  // Union of the features' segments, in project order: a per-segment stamp instead of a Set of keys.
  const stamp = new Uint32Array(segmentKeys.length);
  let stampValue = 0;
  const segmentsOf = (features: BuiltFeature[]): number[] => {
    stampValue++;
    for (let i = 0; i < features.length; i++) {
      const used = segmentsUsedBy(features[i]);
      for (let j = 0; j < used.length; j++) stamp[used[j]] = stampValue;
    }
    const segments: number[] = [];
    for (let index = 0; index < stamp.length; index++) if (stamp[index] === stampValue) segments.push(index);
    return segments;
  };

  const selected = new Map<string, { features: BuiltFeature[]; segments: number[] }>();
  const select = (environment: string, tag: string | null) => {
    const cacheKey = environment + '\0' + (tag ?? '\0');
    let result = selected.get(cacheKey);
    if (!result) {
      const features = featuresIn(environment, tag);
      selected.set(cacheKey, (result = { features, segments: segmentsOf(features) }));
    }
    return result;
  };

  let liveSegments: number[] | undefined;
  const allSegments = (): number[] =>
    (liveSegments ??= segmentKeys.flatMap((_, index) => (live[index] ? [index] : [])));

  const build = (environment: string, tag: string | null, revision: string, options: BuildOptions = {}): DatafileV2 => {
    if (options.hashes !== false) ensureHashes(environment);
    const { features, segments } = options.allSegments ? { features: featuresIn(environment, tag), segments: allSegments() } : select(environment, tag);
    const datafile: DatafileV2 = { schemaVersion: '2', revision, segments: {}, features: {} };
    for (let i = 0; i < segments.length; i++) datafile.segments[segmentKeys[segments[i]]] = segmentObject(segments[i]);
    for (let i = 0; i < features.length; i++) datafile.features[features[i].key] = features[i].feature;
    return datafile;
  };

  const serializeParts = (environment: string, tag: string | null, revision: string): Buffer[] => {
    if (config.prettyDatafile) return [Buffer.from(JSON.stringify(build(environment, tag, revision), null, 2))];
    ensureHashes(environment);
    const { features, segments } = select(environment, tag);
    const parts: Buffer[] = [Buffer.from(`{"schemaVersion":"2","revision":${JSON.stringify(revision)},"segments":{`)];
    // Each fragment leads with a comma; the first of each list goes without it.
    for (let i = 0; i < segments.length; i++) {
      const fragment = segmentFragment(segments[i]);
      parts.push(i === 0 ? fragment.subarray(1) : fragment);
    }
    parts.push(MIDDLE);
    for (let i = 0; i < features.length; i++) parts.push(i === 0 ? features[i].fragment.subarray(1) : features[i].fragment);
    parts.push(END);
    return parts;
  };

  return { build, serializeParts };
}

/** Merges two lists each sorted by project order. */
function mergeByOrder(a: BuiltFeature[], b: BuiltFeature[]): BuiltFeature[] {
  b.sort((x, y) => x.order - y.order);
  const merged: BuiltFeature[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) merged.push(j >= b.length || (i < a.length && a[i].order < b[j].order) ? a[i++] : b[j++]);
  return merged;
}

function rawAt(doc: Record<string, unknown>, path: Array<string | number>): Record<string, unknown> {
  let node: unknown = doc;
  for (const step of path) node = (node as Record<string | number, unknown>)?.[step];
  return (node && typeof node === 'object' ? node : {}) as Record<string, unknown>;
}

/** `value` as JSON writes it: the same object unless it holds a Date, a non-finite number or -0 (rare in flags). */
function asWritten<T>(value: T): T {
  return holdsNonJson(value) ? (JSON.parse(JSON.stringify(value)) as T) : value;
}

function holdsNonJson(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isFinite(value) || Object.is(value, -0);
  if (value === null || typeof value !== 'object') return false;
  return value instanceof Date || Object.values(value).some(holdsNonJson);
}
