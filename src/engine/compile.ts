// One compiled view per datafile: features and segments are compiled lazily on first use and cached,
// so a 10,000-feature datafile costs nothing for the features a caller never evaluates.
import type {
  AnyDatafile,
  Allocation,
  DatafileFeature,
  DatafileV1,
  DatafileV2,
  Force,
  Range,
  Traffic,
  VariableOverride,
  VariableSchemaEntry,
  Variation,
} from '../model/datafile.ts';
import { compileBucketKey, type BucketKeyBuilder } from './bucket.ts';
import { MATCH_NONE, compileConditions, throwingMatcher, type Matcher } from './conditions.ts';
import { compileSegmentConditions, compileStringifiedSegments, type SegmentLookup } from './segments.ts';
import { convertV1Datafile } from './v1.ts';

export interface CompiledTraffic {
  raw: Traffic;
  key: string;
  percentage: number;
  match: Matcher;
  allocation: Allocation[] | undefined;
}

export interface CompiledForce {
  raw: Force;
  index: number;
  match: Matcher;
}

export interface CompiledOverride {
  raw: VariableOverride;
  match: Matcher;
}

export interface CompiledVariation {
  raw: Variation;
  overrides: Record<string, CompiledOverride[]> | undefined;
}

export interface CompiledRequired {
  key: string;
  variation: string | undefined;
}

export interface CompiledFeature {
  key: string;
  raw: DatafileFeature;
  bucketKey: BucketKeyBuilder;
  /** Undefined when the datafile's traffic is not an array (the SDK then fails the evaluation). */
  traffic: CompiledTraffic[] | undefined;
  force: CompiledForce[];
  required: CompiledRequired[];
  hasVariations: boolean;
  variations: Map<string, CompiledVariation>;
  ranges: Range[] | undefined;
  variablesSchema: Record<string, VariableSchemaEntry> | undefined;
}

export class CompiledDatafile {
  readonly datafile: DatafileV2;
  private readonly features = new Map<string, CompiledFeature | null>();
  private readonly segments = new Map<string, Matcher | null>();
  private readonly expressions = new Map<string, Matcher>();
  readonly lookupSegment: SegmentLookup;

  constructor(datafile: DatafileV2) {
    this.datafile = datafile;
    this.lookupSegment = (key) => this.segment(key);
  }

  /** The matcher of a (possibly stringified) segment expression; rules of many features share the same strings. */
  segmentsMatcher(segments: unknown): Matcher {
    if (typeof segments !== 'string') return compileStringifiedSegments(segments, this.lookupSegment);
    let matcher = this.expressions.get(segments);
    if (!matcher) {
      matcher = compileStringifiedSegments(segments, this.lookupSegment);
      this.expressions.set(segments, matcher);
    }
    return matcher;
  }

  featureKeys(): string[] {
    return Object.keys(this.datafile.features ?? {});
  }

  segment(key: string): Matcher | undefined {
    let matcher = this.segments.get(key);
    if (matcher === undefined) {
      const segments = this.datafile.segments ?? {};
      const segment = Object.hasOwn(segments, key) ? segments[key] : undefined;
      matcher = segment ? compileSharedSegmentConditions(segment.conditions) : null;
      this.segments.set(key, matcher);
    }
    return matcher ?? undefined;
  }

  feature(key: string): CompiledFeature | undefined {
    let compiled = this.features.get(key);
    if (compiled === undefined) {
      const features = this.datafile.features ?? {};
      const raw = Object.hasOwn(features, key) ? features[key] : undefined;
      compiled = raw ? compileFeature(key, raw, this) : null;
      this.features.set(key, compiled);
    }
    return compiled ?? undefined;
  }
}

/** Stringified segment conditions compile to pure matchers: share them between datafiles (one per environment). */
const sharedConditions = new Map<string, Matcher>();
const MAX_SHARED_CONDITIONS = 100_000;

function compileSharedSegmentConditions(conditions: unknown): Matcher {
  if (typeof conditions !== 'string') return compileSegmentConditions(conditions);
  let matcher = sharedConditions.get(conditions);
  if (!matcher) {
    matcher = compileSegmentConditions(conditions);
    if (sharedConditions.size < MAX_SHARED_CONDITIONS) sharedConditions.set(conditions, matcher);
  }
  return matcher;
}

function compileFeature(key: string, raw: DatafileFeature, lookup: CompiledDatafile): CompiledFeature {
  const variations = new Map<string, CompiledVariation>();
  const rawVariations = Array.isArray(raw.variations) ? raw.variations : [];
  for (const variation of rawVariations) {
    // Array#find semantics: the first variation with a value wins.
    if (!variations.has(variation.value)) variations.set(variation.value, compileVariation(variation, lookup));
  }
  return {
    key,
    raw,
    bucketKey: compileBucketKey(key, raw.bucketBy),
    traffic: Array.isArray(raw.traffic) ? raw.traffic.map((t) => compileTraffic(t, lookup)) : undefined,
    force: Array.isArray(raw.force) ? raw.force.map((f, index) => compileForce(f, index, lookup)) : [],
    required: (raw.required ?? []).map((r) =>
      typeof r === 'string' ? { key: r, variation: undefined } : { key: r.key, variation: r.variation },
    ),
    hasVariations: rawVariations.length > 0,
    variations,
    ranges: raw.ranges && raw.ranges.length > 0 ? raw.ranges : undefined,
    variablesSchema: raw.variablesSchema,
  };
}

function compileTraffic(raw: Traffic, lookup: CompiledDatafile): CompiledTraffic {
  return {
    raw,
    key: raw.key,
    percentage: raw.percentage,
    match: lookup.segmentsMatcher(raw.segments),
    allocation: raw.allocation,
  };
}

function compileForce(raw: Force, index: number, lookup: CompiledDatafile): CompiledForce {
  // Force conditions: any string but "*" is JSON (unparsable → no match), like segment conditions.
  const byConditions = raw.conditions ? compileSegmentConditions(raw.conditions) : undefined;
  const bySegments = raw.segments ? lookup.segmentsMatcher(raw.segments) : undefined;
  let match: Matcher;
  if (byConditions && bySegments) match = (context) => byConditions(context) || bySegments(context);
  else match = byConditions ?? bySegments ?? MATCH_NONE;
  return { raw, index, match };
}

function compileVariation(raw: Variation, lookup: CompiledDatafile): CompiledVariation {
  let overrides: Record<string, CompiledOverride[]> | undefined;
  if (raw.variableOverrides) {
    overrides = {};
    for (const [variableKey, list] of Object.entries(raw.variableOverrides)) {
      if (Array.isArray(list)) overrides[variableKey] = list.map((o) => ({ raw: o, match: compileOverride(o, lookup) }));
    }
  }
  return { raw, overrides };
}

function compileOverride(raw: VariableOverride, lookup: CompiledDatafile): Matcher {
  if (raw.conditions) {
    // Overrides parse any string but "*" strictly: bad JSON fails the evaluation.
    if (typeof raw.conditions === 'string' && raw.conditions !== '*') {
      try {
        return compileConditions(JSON.parse(raw.conditions));
      } catch (error) {
        return throwingMatcher(error as Error);
      }
    }
    return compileConditions(raw.conditions);
  }
  if (raw.segments) return lookup.segmentsMatcher(raw.segments);
  return MATCH_NONE;
}

const compiledByDatafile = new WeakMap<object, CompiledDatafile>();

/** The compiled view of a datafile object (v1 converted in memory), cached per object. */
export function compileDatafile(datafile: AnyDatafile): CompiledDatafile {
  let compiled = compiledByDatafile.get(datafile);
  if (!compiled) {
    // schemaVersion "1" keeps features and segments in arrays; convert those (whatever the label says).
    const isV1 = datafile.schemaVersion === '1' || Array.isArray((datafile as { features?: unknown }).features);
    const v2 = isV1 ? convertV1Datafile(datafile as DatafileV1) : (datafile as DatafileV2);
    compiled = new CompiledDatafile(v2);
    compiledByDatafile.set(datafile, compiled);
  }
  return compiled;
}
