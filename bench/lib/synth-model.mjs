// Builds the dialect-neutral model of a synthetic project: attributes, segments (each with a
// "witness" context known to match it) and features. Serialisation to v1/v2 YAML happens elsewhere.

import { Timestamp } from './yaml-emit.mjs';
import { conditionHolds, conditionsHold, Oracle } from './oracle.mjs';
import {
  ADJECTIVES, AREAS, ATTRIBUTE_CATALOGUE, EXTRA_ATTRIBUTE_TYPES, LIST_ITEMS, MAIL_DOMAINS, PEOPLE, POOLS, TEXTS, THINGS,
  VARIABLE_CATALOGUE, WORDS,
} from './synth-vocab.mjs';

const DAY_MS = 86400000;
const EPOCH = Date.UTC(2019, 0, 1);
const isoDay = (day) => new Date(EPOCH + day * DAY_MS).toISOString().replace('.000Z', 'Z');
const dayOf = (iso) => Math.round((Date.parse(iso) - EPOCH) / DAY_MS);
const round2 = (x) => Math.round(x * 100) / 100;

// ------------------------------------------------------------------ attributes and values

export function makeAttributes(count) {
  const attributes = [];
  for (let i = 0; i < count; i++) {
    if (i < ATTRIBUTE_CATALOGUE.length) {
      const [key, type, kind, description] = ATTRIBUTE_CATALOGUE[i];
      attributes.push({ key, type, kind, description, capture: key === 'userId' || key === 'country' });
    } else {
      const [type, kind] = EXTRA_ATTRIBUTE_TYPES[(i - ATTRIBUTE_CATALOGUE.length) % EXTRA_ATTRIBUTE_TYPES.length];
      const key = `extra_${type}_${String(i + 1).padStart(3, '0')}`;
      attributes.push({ key, type, kind, description: `Additional ${type} attribute ${i + 1}` });
    }
  }
  return attributes;
}

export function sampleValue(attribute, random) {
  const { kind, key } = attribute;
  if (Array.isArray(kind)) {
    const [min, max] = kind;
    return attribute.type === 'integer' ? random.between(min, max) : round2(min + random.float() * (max - min));
  }
  switch (kind) {
    case 'id': return `${key.replace(/Id$/, '')}-${random.between(1, 999999)}`;
    case 'pool': return random.one(POOLS[key]);
    case 'email': return `${random.one(PEOPLE)}.${random.between(1, 9999)}@${random.one(MAIL_DOMAINS)}`;
    case 'word': return `${random.one(WORDS)}-${random.between(1, 50)}`;
    case 'semver': return `${random.between(1, 12)}.${random.between(0, 24)}.${random.between(0, 9)}`;
    case 'boolean': return random.chance(0.5);
    case 'date': return isoDay(random.between(0, 2500));
    default: throw new Error(`unknown value kind ${kind}`);
  }
}

function otherValues(attribute, value, random, count) {
  const found = [];
  for (let tries = 0; found.length < count && tries < count * 25; tries++) {
    const candidate = sampleValue(attribute, random);
    if (candidate !== value && !found.includes(candidate)) found.push(candidate);
  }
  return found;
}

// ------------------------------------------------------------------ conditions

const OPERATORS = {
  id: ['equals', 'in', 'notIn', 'startsWith', 'endsWith', 'contains'],
  pool: ['equals', 'notEquals', 'in', 'notIn', 'startsWith', 'endsWith', 'contains', 'notContains'],
  email: ['endsWith', 'contains', 'notContains', 'startsWith', 'equals'],
  word: ['equals', 'in', 'startsWith', 'notContains'],
  semver: ['semverEquals', 'semverNotEquals', 'semverGreaterThan', 'semverGreaterThanOrEquals', 'semverLessThan', 'semverLessThanOrEquals'],
  integer: ['equals', 'notEquals', 'greaterThan', 'greaterThanOrEquals', 'lessThan', 'lessThanOrEquals'],
  double: ['greaterThan', 'greaterThanOrEquals', 'lessThan', 'lessThanOrEquals'],
  boolean: ['equals', 'notEquals'],
  date: ['before', 'after'],
};
const operatorsFor = (attribute) => OPERATORS[Array.isArray(attribute.kind) ? attribute.type : attribute.kind];

function slice(text, random, fromStart) {
  const length = random.between(1, Math.max(1, Math.min(text.length - 1, 5)));
  return fromStart ? text.slice(0, length) : text.slice(text.length - length);
}

function valueFor(operator, attribute, value, random) {
  switch (operator) {
    case 'equals': case 'semverEquals': return value;
    case 'notEquals': return attribute.type === 'boolean' ? !value : otherValues(attribute, value, random, 1)[0];
    case 'semverNotEquals': return otherValues(attribute, value, random, 1)[0];
    case 'in': return random.shuffled([value, ...otherValues(attribute, value, random, random.between(1, 4))]);
    case 'notIn': return otherValues(attribute, value, random, random.between(1, 4));
    case 'startsWith': return slice(value, random, true);
    case 'endsWith': return slice(value, random, false);
    case 'contains': {
      const from = random.between(0, Math.max(0, value.length - 3));
      return value.slice(from, from + random.between(2, 4));
    }
    case 'notContains': return random.one(['zz', 'qx', '-old', '@invalid', 'legacy']);
    case 'semverGreaterThan': case 'semverGreaterThanOrEquals': {
      const [major, minor] = value.split('.').map(Number);
      if (operator === 'semverGreaterThanOrEquals' && random.chance(0.3)) return value;
      return minor > 0 && random.chance(0.5) ? `${major}.${minor - 1}.${random.between(0, 9)}` : `${major - 1}.${random.between(0, 24)}.0`;
    }
    case 'semverLessThan': case 'semverLessThanOrEquals': {
      const [major] = value.split('.').map(Number);
      if (operator === 'semverLessThanOrEquals' && random.chance(0.3)) return value;
      return `${major + random.between(0, 1)}.${random.between(25, 40)}.${random.between(0, 9)}`;
    }
    case 'greaterThan': case 'greaterThanOrEquals':
      return attribute.type === 'integer' ? value - random.between(operator === 'greaterThan' ? 1 : 0, 12) : round2(value - 0.01 - random.float() * 5);
    case 'lessThan': case 'lessThanOrEquals':
      return attribute.type === 'integer' ? value + random.between(operator === 'lessThan' ? 1 : 0, 12) : round2(value + 0.01 + random.float() * 5);
    case 'before': return new Timestamp(isoDay(dayOf(value) + random.between(1, 500)));
    case 'after': return new Timestamp(isoDay(dayOf(value) - random.between(1, 500)));
    default: throw new Error(`unknown operator ${operator}`);
  }
}

const emptyValue = (v) => v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** A plain condition on `attribute` that holds for `value`. */
export function conditionMatching(attribute, value, random) {
  for (let tries = 0; tries < 25; tries++) {
    const operator = random.one(operatorsFor(attribute));
    const conditionValue = valueFor(operator, attribute, value, random);
    if (emptyValue(conditionValue)) continue;
    const condition = { attribute: attribute.key, operator, value: conditionValue };
    if (conditionHolds(condition, { [attribute.key]: value })) return condition;
  }
  return { attribute: attribute.key, operator: attribute.type === 'semver' ? 'semverEquals' : 'equals', value };
}

/** A plain condition on `attribute` that does NOT hold for `value` (it holds for some other value). */
export function conditionExcluding(attribute, value, random) {
  for (let tries = 0; tries < 25; tries++) {
    const other = attribute.type === 'boolean' ? !value : otherValues(attribute, value, random, 1)[0];
    if (other === undefined) break;
    const condition = conditionMatching(attribute, other, random);
    if (!conditionHolds(condition, { [attribute.key]: value })) return condition;
  }
  return { attribute: attribute.key, operator: attribute.type === 'semver' ? 'semverNotEquals' : 'notEquals', value };
}

function attributesIn(conditions, into = new Set()) {
  if (Array.isArray(conditions)) for (const c of conditions) attributesIn(c, into);
  else if ('attribute' in conditions) into.add(conditions.attribute);
  else for (const list of [conditions.and, conditions.or, conditions.not]) if (list) attributesIn(list, into);
  return into;
}

// ------------------------------------------------------------------ segments

export const TESTERS_SEGMENT = 'internal-testers';

export function makeSegments(count, attributes, random) {
  const segments = [];
  const usable = attributes.filter((a) => a.key !== 'deviceId' && a.key !== 'userId');
  const hasUserId = attributes.some((a) => a.key === 'userId');
  for (let i = 0; i < count; i++) {
    const number = String(i + 1).padStart(4, '0');
    if (i === 0 && hasUserId) {
      const ids = ['tester-1', 'tester-2', 'tester-3', 'tester-4', 'tester-5', 'tester-6'];
      segments.push({
        key: TESTERS_SEGMENT,
        description: 'Accounts of the internal test crew',
        conditions: [{ attribute: 'userId', operator: 'in', value: ids }],
        witness: { userId: 'tester-3' },
      });
      continue;
    }
    segments.push(makeSegment(number, usable.length ? usable : attributes, random));
  }
  // A few archived segments, never referenced by features.
  for (const segment of segments) if (segment.key !== TESTERS_SEGMENT && random.chance(0.02)) segment.archived = true;
  return segments;
}

function makeSegment(number, usable, random) {
  for (let attempt = 0; ; attempt++) {
    const picked = random.some(usable, Math.min(4, usable.length));
    const witness = Object.fromEntries(picked.map((a) => [a.key, sampleValue(a, random)]));
    const yes = (a) => conditionMatching(a, witness[a.key], random);
    const no = (a) => conditionExcluding(a, witness[a.key], random);
    const [a, b, c, d] = picked;
    let shape = random.weighted([['single', 30], ['bare', 8], ['all', 25], ['all-any', 15], ['all-not', 12], ['any-all', 10]]);
    if (!b) shape = 'single';
    let conditions;
    if (shape === 'single') conditions = [yes(a)];
    else if (shape === 'bare') conditions = yes(a);
    else if (shape === 'all') conditions = (c && random.chance(0.4) ? [a, b, c] : [a, b]).map(yes);
    else if (shape === 'all-any' && c) conditions = { and: [yes(a), { or: random.shuffled([yes(b), no(c)]) }] };
    else if (shape === 'all-not') {
      conditions = c && random.chance(0.3) ? { and: [yes(a), { not: [no(b), yes(c)] }] } : [yes(a), { not: [no(b)] }];
    } else if (shape === 'any-all' && d) conditions = { or: random.shuffled([{ and: [yes(a), yes(b)] }, { and: [no(c), yes(d)] }]) };
    else conditions = [yes(a), yes(b)];
    const used = [...attributesIn(conditions)];
    const ownWitness = Object.fromEntries(used.map((key) => [key, witness[key]]));
    if (conditionsHold(conditions, ownWitness) || attempt > 20) {
      const lead = used[0].replace(/[A-Z]/g, (ch) => `-${ch.toLowerCase()}`);
      return { key: `${lead}-audience-${number}`, description: `${shape} audience over ${used.join(', ')}`, conditions, witness: ownWitness };
    }
  }
}

// ------------------------------------------------------------------ features

export function variableValue(type, random) {
  switch (type) {
    case 'string': return random.one(TEXTS);
    case 'integer': return random.between(1, 250);
    case 'double': return random.one([0.05, 0.1, 0.125, 0.2, 0.25, 0.4, 0.5, 0.75, 1.25, 2.5]);
    case 'boolean': return random.chance(0.5);
    case 'array': return random.some(LIST_ITEMS, random.between(1, 4));
    case 'object': return { align: random.one(['start', 'center', 'end']), columns: random.between(1, 6), sticky: random.chance(0.5) };
    case 'json': return JSON.stringify({ variant: random.one(['x', 'y', 'z']), cap: random.between(1, 90), flags: { beta: random.chance(0.5) } });
    default: throw new Error(`unknown variable type ${type}`);
  }
}

/** A context that satisfies a segment expression, or null when the parts contradict each other. */
export function expressionWitness(expression, segments, random) {
  if (expression === '*') return {};
  if (typeof expression === 'string') return { ...segments.get(expression).witness };
  const merged = (list) => {
    const context = {};
    for (const part of list) {
      const w = expressionWitness(part, segments, random);
      if (w === null) return null;
      for (const [key, value] of Object.entries(w)) {
        if (key in context && context[key] !== value) return null;
        context[key] = value;
      }
    }
    return context;
  };
  if (Array.isArray(expression)) return merged(expression);
  if (expression.and) return merged(expression.and);
  if (expression.or) return expressionWitness(random.one(expression.or), segments, random);
  return {}; // `not`: the empty context usually matches none of the negated segments; callers verify
}

const VARIATION_NAMES = { 2: [['control', 'treatment'], ['off', 'on'], ['old', 'new'], ['baseline', 'challenger']], 3: [['control', 'variant-a', 'variant-b']] };
const WEIGHTS = { 2: [[50, 50], [50, 50], [10, 90], [25, 75], [40, 60], [80, 20]], 3: [[34, 33, 33], [33, 34, 33], [20, 40, 40], [50, 25, 25], [60, 20, 20]] };

export function makeFeatures(count, { environments, tags, attributes, segments }, random) {
  const segmentByKey = new Map(segments.map((s) => [s.key, s]));
  const oracle = new Oracle([], segments);
  const targetable = segments.filter((s) => !s.archived && s.key !== TESTERS_SEGMENT);
  const hasTesters = segmentByKey.has(TESTERS_SEGMENT);
  const attributeKeys = new Set(attributes.map((a) => a.key));
  const digits = Math.max(4, String(count).length);
  const features = [];

  const withUser = (context) => (attributeKeys.has('userId') && !('userId' in context) ? { ...context, userId: `user-${random.between(1, 999999)}` } : context);
  const ruleSegments = () => {
    for (let attempt = 0; attempt < 12; attempt++) {
      const shape = random.weighted([['one', 50], ['all', 15], ['any', 15], ['but-not', 10], ['nested', 10]]);
      const [s1, s2, s3] = random.some(targetable, 3).map((s) => s.key);
      let expression;
      if (shape === 'one' || !s2) expression = s1;
      else if (shape === 'all') expression = [s1, s2];
      else if (shape === 'any') expression = { or: [s1, s2] };
      else if (shape === 'but-not') expression = [s1, { not: [s2] }];
      else expression = s3 ? { and: [s1, { or: [s2, s3] }] } : [s1, s2];
      const witness = expressionWitness(expression, segmentByKey, random);
      if (witness && oracle.segmentsMatch(expression, withUser(witness))) return expression;
    }
    return random.one(targetable).key;
  };

  for (let i = 0; i < count; i++) {
    const area = random.one(AREAS);
    const kind = random.weighted([['rollout', 50], ['experiment', 30], ['config', 20]]);
    const feature = {
      key: `${area}-${random.one(THINGS)}-${String(i + 1).padStart(digits, '0')}`,
      kind,
      description: `${random.one(ADJECTIVES)} ${area} ${kind} ${i + 1}`,
      tags: tags.length > 1 ? [tags[0], ...random.some(tags.slice(1), random.between(1, Math.min(2, tags.length - 1)))] : [tags[0]],
      bucketBy: 'userId',
      envs: {},
    };
    const bucketRoll = random.float();
    if (bucketRoll < 0.1 && attributeKeys.has('accountId')) feature.bucketBy = ['accountId', 'userId'];
    else if (bucketRoll < 0.2 && attributeKeys.has('deviceId')) feature.bucketBy = { or: ['userId', 'deviceId'] };
    if (!attributeKeys.has('userId')) feature.bucketBy = attributes[0].key;
    if (random.chance(0.02)) feature.archived = true;
    else if (random.chance(0.01)) feature.deprecated = true;

    // `required`: one earlier feature that is live and exposed everywhere.
    if (!feature.archived && i > 10 && random.chance(0.05)) {
      const candidates = features.filter((f) => !f.archived && !f.required && !f.hiddenIn);
      if (candidates.length) {
        const dependency = random.one(candidates);
        feature.required = dependency.variations && random.chance(0.5)
          ? [{ key: dependency.key, variation: random.one(dependency.variations).value }]
          : [dependency.key];
        // Same tags as the dependency, so every tag's datafile that has this feature also has what it requires.
        feature.tags = dependency.tags.slice();
      }
    }

    if (kind !== 'rollout' || random.chance(0.1)) {
      const variableCount = kind === 'config' ? random.between(2, 5) : kind === 'experiment' ? random.between(0, 2) : 1;
      if (variableCount > 0) {
        feature.variablesSchema = random.some(VARIABLE_CATALOGUE, variableCount).map(([key, type]) => ({
          key,
          type,
          description: random.chance(0.3) ? `${key} setting` : undefined,
          defaultValue: variableValue(type, random),
        }));
      }
    }
    if (kind !== 'rollout') {
      const size = kind === 'experiment' ? random.weighted([[2, 70], [3, 30]]) : 2;
      const weights = random.one(WEIGHTS[size]);
      feature.variations = random.one(VARIATION_NAMES[size]).map((value, k) => ({
        value,
        weight: weights[k],
        description: random.chance(0.2) ? `${value} arm` : undefined,
      }));
      if (feature.variablesSchema) {
        for (const variation of feature.variations.slice(1)) {
          const own = [];
          for (const schema of feature.variablesSchema) {
            if (!random.chance(0.7)) continue;
            const entry = { key: schema.key, value: variableValue(schema.type, random) };
            if (random.chance(0.2)) {
              const pools = attributes.filter((a) => a.kind === 'pool');
              if (random.chance(0.6) && targetable.length) entry.overrides = [{ segments: random.one(targetable).key, value: variableValue(schema.type, random) }];
              else {
                const attribute = pools.length ? random.one(pools) : attributes[0];
                entry.overrides = [{ conditions: [conditionMatching(attribute, sampleValue(attribute, random), random)], value: variableValue(schema.type, random) }];
              }
            }
            own.push(entry);
          }
          if (own.length) variation.variables = own;
        }
      }
    }

    if (!feature.archived && environments.length > 1 && random.chance(0.02)) feature.hiddenIn = environments[environments.length - 1];

    environments.forEach((env, index) => {
      const first = index === 0 && environments.length > 1;
      const last = index === environments.length - 1;
      const targeted = first
        ? random.weighted([[0, 70], [1, 30]])
        : last ? random.weighted([[0, 30], [1, 35], [2, 25], [3, 10]]) : random.weighted([[0, 50], [1, 40], [2, 10]]);
      const rules = [];
      for (let r = 0; r < targeted && targetable.length; r++) {
        const rule = {
          key: `segment-${r + 1}`,
          description: random.chance(0.3) ? 'targeted release' : undefined,
          segments: ruleSegments(),
          percentage: random.weighted([[100, 60], [50, 15], [80, 10], [20, 10], [0, 5]]),
        };
        if (feature.variations && random.chance(0.15)) rule.variation = random.one(feature.variations).value;
        if (feature.variablesSchema && random.chance(0.15)) {
          const schema = random.one(feature.variablesSchema);
          rule.variables = { [schema.key]: variableValue(schema.type, random) };
        }
        rules.push(rule);
      }
      const everyone = first ? 100 : last ? random.one([0, 0, 5, 10, 25, 50, 50, 75, 100, 100, 100]) : random.one([50, 100, 100, 100]);
      rules.push({ key: 'everyone', segments: '*', percentage: everyone });
      const setup = { rules };
      if (!first && attributeKeys.has('userId') && random.chance(0.12)) setup.force = [makeForce(feature, i, hasTesters, random)];
      if (feature.hiddenIn === env) setup.expose = false;
      feature.envs[env] = setup;
    });
    features.push(feature);
  }
  return features;
}

function makeForce(feature, index, hasTesters, random) {
  const roll = random.float();
  let force;
  if (roll < 0.45) force = { conditions: [{ attribute: 'userId', operator: 'in', value: [`qa-${index + 1}-a`, `qa-${index + 1}-b`] }], enabled: true };
  else if (roll < 0.75 && hasTesters) force = { segments: TESTERS_SEGMENT, enabled: true };
  else if (roll < 0.9) force = { conditions: [{ attribute: 'userId', operator: 'equals', value: `blocked-${index + 1}` }], enabled: false };
  else force = { conditions: { attribute: 'userId', operator: 'equals', value: `qa-${index + 1}-c` }, enabled: true };
  if (force.enabled && feature.variations && random.chance(0.6)) force.variation = random.one(feature.variations).value;
  if (force.enabled && feature.variablesSchema && random.chance(0.3)) {
    const schema = random.one(feature.variablesSchema);
    force.variables = { [schema.key]: variableValue(schema.type, random) };
  }
  return force;
}
