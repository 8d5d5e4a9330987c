// The generator's own model of how the Featurevisor SDK decides a flag, so generated test specs can
// state expected results. It follows the evaluation order both SDK 1.27 and 2.0 share:
// force → required → first rule whose segments match → rollout (bucket <= percentage) →
// allocation ranges → variable overrides. Callers avoid the cases where the two SDKs differ.
// Every bucket comparison records how close it came to a threshold (`margin`), so a caller can drop
// assertions whose `at` sits on (or within float noise of) a range boundary.

import { Timestamp } from './yaml-emit.mjs';

export const BUCKET_SPAN = 100000;
// Closest an assertion's bucket (at * 1000) may come to a threshold: float noise stays far below it.
const MIN_MARGIN = 1;

function versionParts(text) {
  return text.split('.').map((part) => Number(part));
}

export function compareVersions(a, b) {
  const x = versionParts(a);
  const y = versionParts(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d > 0 ? 1 : -1;
  }
  return 0;
}

const asDate = (value) => (value instanceof Timestamp ? new Date(value.iso) : new Date(value));

/** One plain condition, with the SDKs' type guards (a missing attribute only satisfies notEquals). */
export function conditionHolds(condition, context) {
  const { attribute, operator, value } = condition;
  const actual = context[attribute];
  if (operator === 'equals') return actual === value;
  if (operator === 'notEquals') return actual !== value;
  if (operator === 'before') return asDate(actual) < asDate(value);
  if (operator === 'after') return asDate(actual) > asDate(value);
  if (typeof actual === 'string' && Array.isArray(value)) {
    if (operator === 'in') return value.includes(actual);
    if (operator === 'notIn') return !value.includes(actual);
    return false;
  }
  if (typeof actual === 'string' && typeof value === 'string') {
    switch (operator) {
      case 'contains': return actual.includes(value);
      case 'notContains': return !actual.includes(value);
      case 'startsWith': return actual.startsWith(value);
      case 'endsWith': return actual.endsWith(value);
      case 'semverEquals': return compareVersions(actual, value) === 0;
      case 'semverNotEquals': return compareVersions(actual, value) !== 0;
      case 'semverGreaterThan': return compareVersions(actual, value) > 0;
      case 'semverGreaterThanOrEquals': return compareVersions(actual, value) >= 0;
      case 'semverLessThan': return compareVersions(actual, value) < 0;
      case 'semverLessThanOrEquals': return compareVersions(actual, value) <= 0;
      default: return false;
    }
  }
  if (typeof actual === 'number' && typeof value === 'number') {
    switch (operator) {
      case 'greaterThan': return actual > value;
      case 'greaterThanOrEquals': return actual >= value;
      case 'lessThan': return actual < value;
      case 'lessThanOrEquals': return actual <= value;
      default: return false;
    }
  }
  return false;
}

/** Condition trees: arrays and `and` mean all, `or` some, `not` = NOT(all of them). */
export function conditionsHold(conditions, context) {
  if (Array.isArray(conditions)) return conditions.every((c) => conditionsHold(c, context));
  if ('attribute' in conditions) return conditionHolds(conditions, context);
  if (conditions.and) return conditions.and.every((c) => conditionsHold(c, context));
  if (conditions.or) return conditions.or.some((c) => conditionsHold(c, context));
  if (conditions.not) return !conditions.not.every((c) => conditionsHold(c, context));
  return false;
}

/** Allocation ranges of a rule built from scratch: from 0 upward, in variation order. */
export function allocationOf(variations, percentage) {
  const ranges = [];
  let start = 0;
  for (const variation of variations ?? []) {
    const width = variation.weight * 1000 * (percentage / 100);
    const end = Math.min(start + width, BUCKET_SPAN);
    if (end > start) ranges.push({ variation: variation.value, start, end });
    start = end;
  }
  return ranges;
}

export class Oracle {
  constructor(features, segments) {
    this.features = new Map(features.map((f) => [f.key, f]));
    this.segments = new Map(segments.map((s) => [s.key, s]));
    this.reset();
  }

  /** Starts a new assertion: clears the closest-boundary distance and the ambiguity mark. */
  reset() {
    this.margin = Infinity;
    // Set when SDK 1.x and 2.x would answer differently (a forced user on a 0% rule).
    this.ambiguous = false;
  }

  /** Segment expressions: key, "*", arrays/`and` = all, `or` = some, `not` = none of them. */
  segmentsMatch(expression, context) {
    if (expression === '*') return true;
    if (typeof expression === 'string') {
      const segment = this.segments.get(expression);
      return Boolean(segment && !segment.archived && conditionsHold(segment.conditions, context));
    }
    if (Array.isArray(expression)) return expression.every((e) => this.segmentsMatch(e, context));
    if (expression.and) return expression.and.every((e) => this.segmentsMatch(e, context));
    if (expression.or) return expression.or.some((e) => this.segmentsMatch(e, context));
    if (expression.not) return expression.not.every((e) => !this.segmentsMatch(e, context));
    return false;
  }

  forceFor(feature, env, context) {
    for (const entry of feature.envs[env].force ?? []) {
      if (entry.conditions && conditionsHold(entry.conditions, context)) return entry;
      if (entry.segments && this.segmentsMatch(entry.segments, context)) return entry;
    }
    return undefined;
  }

  ruleFor(feature, env, context) {
    return feature.envs[env].rules.find((rule) => this.segmentsMatch(rule.segments, context));
  }

  /** Runs `question` on a fresh assertion state; `trusted` is false near a boundary or where the SDKs differ. */
  probe(question) {
    this.reset();
    const value = question();
    return { value, trusted: !this.ambiguous && this.margin >= MIN_MARGIN };
  }

  note(bucket, threshold) {
    this.margin = Math.min(this.margin, Math.abs(bucket - threshold));
  }

  allocated(feature, rule, bucket) {
    for (const range of allocationOf(feature.variations, rule.percentage)) {
      this.note(bucket, range.start);
      this.note(bucket, range.end);
    }
    return allocationOf(feature.variations, rule.percentage).find((r) => r.start <= bucket && r.end >= bucket)?.variation;
  }

  /** `at` is the test runner's percentage; the runner sets every feature's bucket to at * 1000. */
  isEnabled(key, env, context, at) {
    const feature = this.features.get(key);
    if (!feature || feature.archived || feature.envs[env].expose === false) return false;
    const force = this.forceFor(feature, env, context);
    if (force && force.enabled !== undefined) return force.enabled;
    for (const requirement of feature.required ?? []) {
      const needed = typeof requirement === 'string' ? { key: requirement } : requirement;
      if (!this.isEnabled(needed.key, env, context, at)) return false;
      if (needed.variation !== undefined && this.variationOf(needed.key, env, context, at) !== needed.variation) return false;
    }
    const rule = this.ruleFor(feature, env, context);
    if (!rule || rule.percentage === 0) return false;
    const bucket = at * (BUCKET_SPAN / 100);
    this.note(bucket, rule.percentage * 1000);
    return bucket <= rule.percentage * 1000;
  }

  variationOf(key, env, context, at) {
    if (!this.isEnabled(key, env, context, at)) return undefined;
    const feature = this.features.get(key);
    if (!feature.variations?.length) return undefined;
    const known = (value) => feature.variations.some((v) => v.value === value);
    const force = this.forceFor(feature, env, context);
    if (force?.variation && known(force.variation)) return force.variation;
    const rule = this.ruleFor(feature, env, context);
    if (!rule) return undefined;
    if (rule.percentage === 0) this.ambiguous = true;
    if (rule.variation && known(rule.variation)) return rule.variation;
    return this.allocated(feature, rule, at * (BUCKET_SPAN / 100));
  }

  variableOf(key, variableKey, env, context, at) {
    if (!this.isEnabled(key, env, context, at)) return undefined;
    const feature = this.features.get(key);
    const schema = feature.variablesSchema?.find((s) => s.key === variableKey);
    if (!schema) return undefined;
    const force = this.forceFor(feature, env, context);
    if (force?.variables && force.variables[variableKey] !== undefined) return force.variables[variableKey];
    const rule = this.ruleFor(feature, env, context);
    if (rule) {
      if (rule.percentage === 0) this.ambiguous = true;
      if (rule.variables && rule.variables[variableKey] !== undefined) return rule.variables[variableKey];
      // SDK 2 reads the variable from the rule's variation, SDK 1 from the allocated one.
      if (rule.variation && !force?.variation) this.ambiguous = true;
      const variationValue = force?.variation ?? (feature.variations?.length ? this.allocated(feature, rule, at * (BUCKET_SPAN / 100)) : undefined);
      const variation = feature.variations?.find((v) => v.value === variationValue);
      const own = variation?.variables?.find((v) => v.key === variableKey);
      if (own) {
        const override = own.overrides?.find((o) =>
          o.conditions ? conditionsHold(o.conditions, context) : o.segments ? this.segmentsMatch(o.segments, context) : false,
        );
        if (override) return override.value;
        if (own.value !== undefined) return own.value;
      }
    }
    return schema.defaultValue;
  }
}
