// Seeded generator of random (but structurally valid) schemaVersion "2" datafiles and contexts,
// used to compare Flagwright's engine with @featurevisor/sdk 2.0.0. It deliberately produces odd
// inputs too: wrong attribute types, missing attributes, stray operators, invalid semver/regex.
import type { Context, DatafileFeature, DatafileV2, VariableSchemaEntry, VariableValue } from '../../src/model/datafile.ts';

export type Random = () => number;

/** mulberry32: small, fast, deterministic. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const OPERATORS = [
  'equals', 'notEquals', 'exists', 'notExists', 'greaterThan', 'greaterThanOrEquals', 'lessThan',
  'lessThanOrEquals', 'contains', 'notContains', 'startsWith', 'endsWith', 'semverEquals', 'semverNotEquals',
  'semverGreaterThan', 'semverGreaterThanOrEquals', 'semverLessThan', 'semverLessThanOrEquals', 'before',
  'after', 'includes', 'notIncludes', 'matches', 'notMatches', 'in', 'notIn',
] as const;

const ATTRIBUTES = ['userId', 'deviceId', 'orgId', 'country', 'age', 'score', 'appVersion', 'signupDate', 'tags', 'plan', 'email', 'beta', 'user.id', 'user.tier', 'user.profile.age'];
const COUNTRIES = ['nl', 'de', 'us', 'fr', 'NL', ''];
const PLANS = ['free', 'pro', 'enterprise'];
const VERSIONS = ['1.0.0', '1.2.3', '2.0', '2.0.0-beta.1', '2.0.0-beta.2', 'v3.1.4', '1.x', '10.0.1', '1.2.3+build.5', 'abc', '1..2'];
const DATES = ['2023-01-01T00:00:00.000Z', '2024-06-15T12:00:00.000Z', '2025-12-31T23:59:59.999Z', '2024-06-15', 'not a date'];
const REGEXES: Array<[string, string | undefined]> = [['^u[0-9]+$', undefined], ['@example\\.com$', 'i'], ['^(nl|de)$', undefined], ['pro', 'i'], ['(', undefined], ['^a.c$', 's'], ['^x', 'm']];
const TAGS = ['a', 'b', 'c', 'beta', 'vip'];

function pick<T>(random: Random, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)];
}
function chance(random: Random, p: number): boolean {
  return random() < p;
}
function int(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

function conditionValue(random: Random, operator: string, attribute: string): unknown {
  if (chance(random, 0.06)) return pick(random, ['x', 5, true, null, ['nl', 'de'], [1, 2], undefined, '1.2.3', 'pro']);
  switch (operator) {
    case 'equals':
    case 'notEquals':
      if (attribute === 'age' || attribute === 'score' || attribute === 'user.profile.age') return int(random, 0, 60);
      if (attribute === 'beta') return chance(random, 0.5);
      if (attribute === 'country') return pick(random, COUNTRIES);
      if (attribute === 'plan' || attribute === 'user.tier') return pick(random, PLANS);
      if (attribute === 'signupDate') return pick(random, DATES);
      return chance(random, 0.1) ? null : `u${int(random, 0, 9)}`;
    case 'greaterThan':
    case 'greaterThanOrEquals':
    case 'lessThan':
    case 'lessThanOrEquals':
      return chance(random, 0.1) ? String(int(random, 0, 60)) : int(random, 0, 60) + (chance(random, 0.2) ? 0.5 : 0);
    case 'contains':
    case 'notContains':
    case 'startsWith':
    case 'endsWith':
      return pick(random, ['u', '1', 'n', 'example', 'pro', 'e', '']);
    case 'includes':
    case 'notIncludes':
      return pick(random, TAGS);
    case 'in':
    case 'notIn':
      if (attribute === 'age' || attribute === 'score') return [int(random, 0, 60), int(random, 0, 60), 30];
      if (chance(random, 0.2)) return Array.from({ length: 12 }, (_, i) => `u${i}`);
      return [pick(random, COUNTRIES), pick(random, PLANS), `u${int(random, 0, 9)}`, ...(chance(random, 0.2) ? [null as unknown as string] : [])];
    case 'before':
    case 'after':
      return pick(random, DATES.slice(0, 3));
    case 'matches':
    case 'notMatches':
      return pick(random, REGEXES)[0];
    case 'exists':
    case 'notExists':
      return undefined;
    default:
      return pick(random, VERSIONS);
  }
}

function attributeFor(random: Random, operator: string): string {
  if (chance(random, 0.5)) return pick(random, ATTRIBUTES);
  if (operator.startsWith('semver')) return 'appVersion';
  if (operator === 'before' || operator === 'after') return 'signupDate';
  if (operator === 'includes' || operator === 'notIncludes') return 'tags';
  if (operator.includes('Than')) return pick(random, ['age', 'score', 'user.profile.age']);
  if (operator.includes('atches')) return pick(random, ['userId', 'email', 'country']);
  return pick(random, ATTRIBUTES);
}

export function randomCondition(random: Random, depth = 0): unknown {
  const roll = random();
  if (depth < 2 && roll < 0.12) return { and: Array.from({ length: int(random, 0, 3) }, () => randomCondition(random, depth + 1)) };
  if (depth < 2 && roll < 0.24) return { or: Array.from({ length: int(random, 0, 3) }, () => randomCondition(random, depth + 1)) };
  if (depth < 2 && roll < 0.34) return { not: Array.from({ length: int(random, 0, 3) }, () => randomCondition(random, depth + 1)) };
  if (roll < 0.36) return '*';
  const operator = pick(random, OPERATORS);
  const attribute = attributeFor(random, operator);
  const condition: Record<string, unknown> = { attribute, operator };
  const value = conditionValue(random, operator, attribute);
  if (value !== undefined) condition.value = value;
  if (operator === 'matches' || operator === 'notMatches') {
    const flags = REGEXES.find(([source]) => source === value)?.[1];
    if (flags) condition.regexFlags = flags;
  }
  return condition;
}

function randomConditions(random: Random): unknown {
  const roll = random();
  if (roll < 0.1) return '*';
  if (roll < 0.5) return randomCondition(random);
  return Array.from({ length: int(random, 1, 3) }, () => randomCondition(random));
}

function maybeStringify(random: Random, value: unknown): unknown {
  if (value !== null && typeof value === 'object' && chance(random, 0.5)) return JSON.stringify(value);
  return value;
}

function randomSegmentExpression(random: Random, segmentKeys: string[], depth = 0): unknown {
  const roll = random();
  if (depth < 2 && roll < 0.12) return { and: Array.from({ length: int(random, 0, 3) }, () => randomSegmentExpression(random, segmentKeys, depth + 1)) };
  if (depth < 2 && roll < 0.24) return { or: Array.from({ length: int(random, 0, 3) }, () => randomSegmentExpression(random, segmentKeys, depth + 1)) };
  if (depth < 2 && roll < 0.34) return { not: Array.from({ length: int(random, 0, 2) }, () => randomSegmentExpression(random, segmentKeys, depth + 1)) };
  if (depth < 2 && roll < 0.42) return Array.from({ length: int(random, 1, 2) }, () => randomSegmentExpression(random, segmentKeys, depth + 1));
  if (roll < 0.5) return '*';
  if (roll < 0.53) return 'missingSegment';
  return pick(random, segmentKeys);
}

const VARIABLE_TYPES = ['boolean', 'string', 'integer', 'double', 'array', 'object', 'json'] as const;

function variableValue(random: Random, type: string): VariableValue {
  switch (type) {
    case 'boolean':
      return chance(random, 0.5);
    case 'string':
      return pick(random, ['red', 'blue', 'green', '', 'grey']);
    case 'integer':
      return int(random, -5, 100);
    case 'double':
      return int(random, 0, 1000) / 8;
    case 'array':
      return Array.from({ length: int(random, 0, 3) }, () => pick(random, TAGS));
    case 'object':
      return { max: int(random, 0, 10), label: pick(random, ['a', 'b']) };
    default:
      return chance(random, 0.1) ? 'not json' : JSON.stringify({ a: int(random, 0, 9), b: [1, 2] });
  }
}

export interface GeneratorOptions {
  features?: number;
  segments?: number;
}

export function randomDatafile(random: Random, options: GeneratorOptions = {}): DatafileV2 {
  const segmentCount = options.segments ?? 8;
  const featureCount = options.features ?? 8;
  const segmentKeys = Array.from({ length: segmentCount }, (_, i) => `seg${i}`);
  const segments: DatafileV2['segments'] = {};
  for (const key of segmentKeys) segments[key] = { conditions: maybeStringify(random, randomConditions(random)) as never };

  const features: Record<string, DatafileFeature> = {};
  const featureKeys: string[] = [];
  for (let f = 0; f < featureCount; f++) {
    const key = `feature${f}`;
    features[key] = randomFeature(random, key, featureKeys, features, segmentKeys);
    featureKeys.push(key);
  }
  return { schemaVersion: '2', revision: String(int(random, 1, 999)), segments, features };
}

function randomFeature(
  random: Random,
  key: string,
  earlier: string[],
  earlierFeatures: Record<string, DatafileFeature>,
  segmentKeys: string[],
): DatafileFeature {
  const feature: Record<string, unknown> = {};
  if (chance(random, 0.1)) feature.deprecated = true;
  feature.bucketBy = pick(random, ['userId', 'userId', ['orgId', 'userId'], { or: ['userId', 'deviceId'] }, 'user.id', 'score']);

  if (earlier.length > 0 && chance(random, 0.3)) {
    feature.required = Array.from({ length: int(random, 1, 2) }, () => {
      if (chance(random, 0.05)) return 'notAFeature';
      const requiredKey = pick(random, earlier);
      const variations = earlierFeatures[requiredKey].variations;
      if (variations && variations.length > 0 && chance(random, 0.4)) {
        return { key: requiredKey, variation: chance(random, 0.8) ? pick(random, variations).value : 'nope' };
      }
      return requiredKey;
    });
  }

  // variables
  const schema: Record<string, VariableSchemaEntry> = {};
  const variableCount = chance(random, 0.25) ? 0 : int(random, 1, 4);
  for (let v = 0; v < variableCount; v++) {
    const type = pick(random, VARIABLE_TYPES);
    const entry: VariableSchemaEntry = { type, defaultValue: variableValue(random, type) };
    if (chance(random, 0.1)) entry.deprecated = true;
    if (chance(random, 0.2)) entry.useDefaultWhenDisabled = true;
    if (chance(random, 0.2)) entry.disabledValue = variableValue(random, type);
    // Shared names across features make "required + variables" cases likely.
    schema[pick(random, ['color', 'size', 'config', 'items', `v${v}`])] = entry;
  }
  const variableKeys = Object.keys(schema);

  // variations
  const variationCount = chance(random, 0.3) ? 0 : int(random, 1, 3);
  const variations = Array.from({ length: variationCount }, (_, i) => {
    const variation: Record<string, unknown> = { value: ['control', 'treatment', 'b'][i], weight: 0 };
    if (variableKeys.length > 0 && chance(random, 0.6)) {
      const variables: Record<string, VariableValue> = {};
      for (const variableKey of variableKeys) if (chance(random, 0.6)) variables[variableKey] = variableValue(random, schema[variableKey].type);
      variation.variables = variables;
      if (chance(random, 0.5)) {
        const overrides: Record<string, unknown[]> = {};
        for (const variableKey of variableKeys) {
          if (!chance(random, 0.5)) continue;
          overrides[variableKey] = Array.from({ length: int(random, 1, 2) }, () =>
            chance(random, 0.5)
              ? { conditions: maybeStringify(random, randomConditions(random)), value: variableValue(random, schema[variableKey].type) }
              : { segments: maybeStringify(random, randomSegmentExpression(random, segmentKeys)), value: variableValue(random, schema[variableKey].type) },
          );
        }
        variation.variableOverrides = overrides;
      }
    }
    return variation;
  });
  const weights = splitWeights(random, variationCount);
  variations.forEach((variation, i) => (variation.weight = weights[i]));
  if (variationCount > 0 && chance(random, 0.3)) feature.disabledVariationValue = pick(random, variations).value;
  if (variationCount > 0) feature.variations = variations;

  // traffic
  const rules = int(random, 1, 4);
  feature.traffic = Array.from({ length: rules }, (_, i) => {
    const percentage = pick(random, [0, 100000, 50000, int(random, 0, 100000), int(random, 0, 100000)]);
    const rule: Record<string, unknown> = {
      key: String(i + 1),
      segments: i === rules - 1 && chance(random, 0.7) ? '*' : maybeStringify(random, randomSegmentExpression(random, segmentKeys)),
      percentage,
    };
    if (chance(random, 0.1)) rule.enabled = chance(random, 0.5);
    if (variationCount > 0) {
      let ruleWeights = weights;
      if (chance(random, 0.2)) {
        ruleWeights = splitWeights(random, variationCount);
        rule.variationWeights = Object.fromEntries(variations.map((v, j) => [v.value, ruleWeights[j]]));
      }
      const allocation = allocate(variations.map((v) => v.value as string), ruleWeights, percentage);
      if (allocation.length > 0) rule.allocation = allocation;
      if (chance(random, 0.15)) rule.variation = chance(random, 0.9) ? pick(random, variations).value : 'ghost';
    }
    if (variableKeys.length > 0 && chance(random, 0.2)) {
      const variableKey = pick(random, variableKeys);
      rule.variables = { [variableKey]: variableValue(random, schema[variableKey].type) };
    }
    return rule;
  });

  if (chance(random, 0.15)) {
    const start = int(random, 0, 80000);
    const ranges: Array<[number, number]> = [[start, start + int(random, 1000, 20000)]];
    if (chance(random, 0.3)) ranges.push([90000, 100000]);
    feature.ranges = ranges;
  }

  if (variableKeys.length > 0) feature.variablesSchema = schema;

  if (chance(random, 0.4)) {
    feature.force = Array.from({ length: int(random, 1, 2) }, () => {
      const force: Record<string, unknown> = {};
      if (chance(random, 0.5)) force.conditions = maybeStringify(random, randomConditions(random));
      else force.segments = maybeStringify(random, randomSegmentExpression(random, segmentKeys));
      if (chance(random, 0.6)) force.enabled = chance(random, 0.75);
      if (variationCount > 0 && chance(random, 0.5)) force.variation = pick(random, variations).value;
      if (variableKeys.length > 0 && chance(random, 0.4)) {
        const variableKey = pick(random, variableKeys);
        force.variables = { [variableKey]: variableValue(random, schema[variableKey].type) };
      }
      return force;
    });
  }
  return feature as unknown as DatafileFeature;
}

function splitWeights(random: Random, count: number): number[] {
  if (count === 0) return [];
  const raw = Array.from({ length: count }, () => random() + 0.05);
  const total = raw.reduce((a, b) => a + b, 0);
  const weights = raw.map((w) => Math.round((w / total) * 10000) / 100);
  weights[count - 1] = Math.round((100 - weights.slice(0, -1).reduce((a, b) => a + b, 0)) * 100) / 100;
  return weights;
}

/** Allocation ranges over [0, percentage], both ends inclusive, like the builder's output. */
function allocate(values: string[], weights: number[], percentage: number) {
  const allocation: Array<{ variation: string; range: [number, number] }> = [];
  let start = 0;
  values.forEach((variation, i) => {
    const end = i === values.length - 1 ? percentage : Math.round(start + (weights[i] / 100) * percentage);
    if (percentage > 0) allocation.push({ variation, range: [start, end] });
    start = end;
  });
  return allocation;
}

export function randomContext(random: Random): Context {
  const context: Record<string, unknown> = {};
  const put = (key: string, p: number, make: () => unknown) => {
    if (chance(random, p)) context[key] = make();
  };
  put('userId', 0.85, () => (chance(random, 0.1) ? int(random, 0, 9) : `u${int(random, 0, 99999)}`));
  put('deviceId', 0.5, () => `d${int(random, 0, 9999)}`);
  put('orgId', 0.4, () => `o${int(random, 0, 20)}`);
  put('country', 0.7, () => (chance(random, 0.05) ? null : pick(random, COUNTRIES)));
  put('age', 0.6, () => (chance(random, 0.1) ? String(int(random, 0, 60)) : int(random, 0, 60)));
  put('score', 0.4, () => int(random, 0, 60) + (chance(random, 0.3) ? 0.5 : 0));
  put('appVersion', 0.6, () => (chance(random, 0.05) ? 2 : pick(random, VERSIONS)));
  put('signupDate', 0.5, () =>
    chance(random, 0.2) ? new Date(pick(random, DATES.slice(0, 3))) : chance(random, 0.1) ? 1700000000000 : pick(random, DATES),
  );
  put('tags', 0.5, () => (chance(random, 0.1) ? 'a' : TAGS.filter(() => chance(random, 0.4))));
  put('plan', 0.6, () => pick(random, PLANS));
  put('email', 0.5, () => pick(random, ['a@example.com', 'B@EXAMPLE.COM', 'x@test.org', 'abc']));
  put('beta', 0.4, () => chance(random, 0.5));
  put('user', 0.4, () => {
    const user: Record<string, unknown> = {};
    if (chance(random, 0.8)) user.id = chance(random, 0.2) ? int(random, 0, 50) : `u${int(random, 0, 50)}`;
    if (chance(random, 0.6)) user.tier = pick(random, PLANS);
    if (chance(random, 0.5)) user.profile = chance(random, 0.2) ? null : { age: int(random, 0, 60) };
    return user;
  });
  return context as Context;
}
