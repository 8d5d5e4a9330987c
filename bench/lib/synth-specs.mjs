// Test specs for a synthetic project. Expectations come from the Oracle; assertions it cannot
// vouch for (near a bucket boundary, or where SDK 1.x and 2.x disagree) are dropped.

import { allocationOf, conditionsHold } from './oracle.mjs';
import { expressionWitness, sampleValue } from './synth-model.mjs';

const round2 = (x) => Math.round(x * 100) / 100;
const CATEGORY_ORDER = ['in', 'out', 'forced', 'targeted'];

// An `at` well inside one of the rule's allocation ranges, or inside its rollout when it has none.
function atInside(feature, percentage, random) {
  if (feature.variations) {
    const ranges = allocationOf(feature.variations, percentage);
    if (ranges.length) {
      const range = random.one(ranges);
      return round2((range.start + (range.end - range.start) * (0.2 + random.float() * 0.6)) / 1000);
    }
  }
  return round2(Math.max(0.5, percentage * (0.1 + random.float() * 0.85)));
}

function candidatesFor(feature, index, environments, oracle, segments, random) {
  const found = [];
  const user = () => ({ userId: `user-${random.between(1, 999999)}` });
  // Rotate the environment order so assertions spread over all environments.
  const order = environments.map((_, k) => environments[(k + index) % environments.length]).reverse();
  for (const env of order) {
    const setup = feature.envs[env];
    if (setup.expose !== undefined) continue; // the two CLIs' test runners treat hidden features differently
    const targeted = setup.rules.slice(0, -1);
    const everyone = setup.rules[setup.rules.length - 1].percentage;
    let plain = user();
    for (let t = 0; t < 6 && targeted.some((r) => oracle.segmentsMatch(r.segments, plain)); t++) plain = user();
    if (everyone > 0) {
      const at = atInside(feature, everyone, random);
      found.push({ category: 'in', env, context: plain, at, description: `everyone, at ${at} of ${everyone}%` });
    }
    if (everyone < 100) {
      const at = round2(everyone + (100 - everyone) * (0.1 + random.float() * 0.85));
      found.push({ category: 'out', env, context: plain, at, description: `outside the ${everyone}% rollout, at ${at}` });
    }
    for (const rule of targeted) {
      const witness = expressionWitness(rule.segments, segments, random);
      if (!witness) continue;
      const context = 'userId' in witness ? { ...witness } : { ...witness, ...user() };
      const at = rule.percentage > 0 ? atInside(feature, rule.percentage, random) : round2(1 + random.float() * 98);
      found.push({ category: 'targeted', env, context, at, description: `rule ${rule.key}, at ${at}` });
    }
    for (const force of setup.force ?? []) {
      let context;
      if (force.segments) context = { ...segments.get(force.segments).witness };
      else {
        const condition = Array.isArray(force.conditions) ? force.conditions[0] : force.conditions;
        context = { userId: Array.isArray(condition.value) ? condition.value[0] : condition.value };
      }
      const at = round2(1 + random.float() * 98);
      found.push({ category: 'forced', env, context, at, description: `forced user, at ${at}` });
    }
  }
  return found;
}

// Interleave categories so even a small assertion budget covers several decision paths.
function interleave(candidates) {
  const byCategory = new Map(CATEGORY_ORDER.map((c) => [c, []]));
  for (const candidate of candidates) byCategory.get(candidate.category).push(candidate);
  const ordered = [];
  for (let round = 0; ordered.length < candidates.length; round++) {
    for (const category of CATEGORY_ORDER) {
      const next = byCategory.get(category)[round];
      if (next) ordered.push(next);
    }
  }
  return ordered;
}

function assertionFor(feature, candidate, oracle) {
  const { env, context, at } = candidate;
  const flag = oracle.probe(() => oracle.isEnabled(feature.key, env, context, at));
  if (!flag.trusted) return undefined;
  const assertion = { description: candidate.description, environment: env, at, context, expectedToBeEnabled: flag.value };
  if (!flag.value) return assertion;
  if (feature.variations) {
    const variation = oracle.probe(() => oracle.variationOf(feature.key, env, context, at));
    if (variation.trusted && variation.value !== undefined) assertion.expectedVariation = variation.value;
  }
  // SDK 2 answers variables of features with `required` wrongly (its nested flag check inherits the variable key).
  if (feature.variablesSchema && !feature.required) {
    const variables = {};
    for (const schema of feature.variablesSchema.slice(0, 3)) {
      const variable = oracle.probe(() => oracle.variableOf(feature.key, schema.key, env, context, at));
      if (variable.trusted && variable.value !== undefined) variables[schema.key] = variable.value;
    }
    if (Object.keys(variables).length) assertion.expectedVariables = variables;
  }
  return assertion;
}

// Some rollouts get their catch-all checked over a matrix of `at` values that agree.
function matrixAssertion(feature, environments, oracle, random) {
  const env = environments.find((e) => feature.envs[e].expose === undefined);
  if (!env) return undefined;
  const setup = feature.envs[env];
  const everyone = setup.rules[setup.rules.length - 1].percentage;
  const context = { userId: `user-${random.between(1, 999999)}` };
  if (everyone < 20 || setup.rules.slice(0, -1).some((r) => oracle.segmentsMatch(r.segments, context))) return undefined;
  const ats = [round2(everyone * 0.15), round2(everyone * 0.55), round2(everyone * 0.9)];
  const results = ats.map((at) => oracle.probe(() => oracle.isEnabled(feature.key, env, context, at)));
  if (!results.every((r) => r.trusted && r.value === results[0].value)) return undefined;
  return {
    matrix: { at: ats },
    description: 'everyone, at ${{ at }}',
    environment: env,
    at: '${{ at }}',
    context,
    expectedToBeEnabled: results[0].value,
  };
}

export function makeFeatureSpecs(features, { environments, segments, perFeature }, oracle, random) {
  const specs = [];
  if (perFeature === 0) return specs;
  const segmentByKey = new Map(segments.map((s) => [s.key, s]));
  features.forEach((feature, index) => {
    if (feature.archived) return;
    const assertions = [];
    for (const candidate of interleave(candidatesFor(feature, index, environments, oracle, segmentByKey, random))) {
      if (assertions.length === perFeature) break;
      const assertion = assertionFor(feature, candidate, oracle);
      if (assertion) assertions.push(assertion);
    }
    if (assertions.length && feature.kind === 'rollout' && random.chance(0.1)) {
      const matrix = matrixAssertion(feature, environments, oracle, random);
      if (matrix) assertions[assertions.length - 1] = matrix;
    }
    if (assertions.length) specs.push({ file: `${feature.key}.feature.spec.yml`, body: { feature: feature.key, assertions } });
  });
  return specs;
}

/** Specs for every fifth live segment: its witness matches, a nudged context (usually) does not. */
export function makeSegmentSpecs(segments, attributes, random) {
  const attributeByKey = new Map(attributes.map((a) => [a.key, a]));
  const specs = [];
  segments.forEach((segment, index) => {
    if (segment.archived || index % 5 !== 0) return;
    const positive = { ...segment.witness };
    let negative = {};
    const keys = Object.keys(positive);
    for (let t = 0; t < 12 && keys.length; t++) {
      const key = random.one(keys);
      const candidate = { ...positive, [key]: sampleValue(attributeByKey.get(key), random) };
      if (!conditionsHold(segment.conditions, candidate)) {
        negative = candidate;
        break;
      }
    }
    specs.push({
      file: `${segment.key}.segment.spec.yml`,
      body: {
        segment: segment.key,
        assertions: [
          { description: 'witness context', context: positive, expectedToMatch: conditionsHold(segment.conditions, positive) },
          { description: 'altered context', context: negative, expectedToMatch: conditionsHold(segment.conditions, negative) },
        ],
      },
    });
  });
  return specs;
}
