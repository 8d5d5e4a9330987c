// Comparable forms of datafile values: stringified conditions/segments are parsed back, object keys sorted,
// so `stringify: true` and `false` builds of the same content compare equal.
import type { DatafileFeature, GroupSegment } from '../model/datafile.ts';

/** Parses a stringified condition/segment expression; "*" and non-JSON strings stay as they are. */
export function unstringify(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  if (trimmed.startsWith('[') || trimmed.startsWith('{') || trimmed.startsWith('"')) {
    try {
      return JSON.parse(trimmed);
    } catch {
      return value;
    }
  }
  return value;
}

/** JSON with object keys sorted: the identity used for "did this change". */
export function canonical(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'undefined';
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** Readable form of a segments expression: `*`, `a and (b or c)`, `not (d)`. */
export function showExpression(value: unknown): string {
  return showSegmentNode(unstringify(value), true);
}

function showSegmentNode(node: unknown, top = false): string {
  if (typeof node === 'string') return node;
  if (Array.isArray(node)) {
    if (node.length === 1) return showSegmentNode(node[0], top);
    const inner = node.map((n) => showSegmentNode(n)).join(' and ');
    return top ? inner : `(${inner})`;
  }
  if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (Array.isArray(o.and)) return showSegmentNode(o.and, top);
    if (Array.isArray(o.or)) {
      const inner = o.or.map((n) => showSegmentNode(n)).join(' or ');
      return top || o.or.length === 1 ? inner : `(${inner})`;
    }
    if (Array.isArray(o.not)) return `not (${o.not.map((n) => showSegmentNode(n)).join(' or ')})`;
  }
  return JSON.stringify(node) ?? 'undefined';
}

const OPERATORS: Record<string, string> = {
  equals: '=',
  notEquals: '≠',
  greaterThan: '>',
  greaterThanOrEquals: '≥',
  lessThan: '<',
  lessThanOrEquals: '≤',
  in: 'in',
  notIn: 'not in',
};

/** Readable form of segment or force conditions: `plan in ["pro","enterprise"] and accountAge > 30`. */
export function showConditions(value: unknown): string {
  return showConditionNode(unstringify(value), true);
}

function showConditionNode(node: unknown, top = false): string {
  if (node === '*') return '*';
  if (Array.isArray(node)) {
    if (node.length === 1) return showConditionNode(node[0], top);
    const inner = node.map((n) => showConditionNode(n)).join(' and ');
    return top ? inner : `(${inner})`;
  }
  if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.attribute === 'string' && typeof o.operator === 'string') {
      const op = OPERATORS[o.operator] ?? o.operator;
      return 'value' in o ? `${o.attribute} ${op} ${JSON.stringify(o.value)}` : `${o.attribute} ${op}`;
    }
    if (Array.isArray(o.and)) return showConditionNode(o.and, top);
    if (Array.isArray(o.or)) {
      const inner = o.or.map((n) => showConditionNode(n)).join(' or ');
      return top || o.or.length === 1 ? inner : `(${inner})`;
    }
    if (Array.isArray(o.not)) return `not (${showConditionNode(o.not, true)})`;
  }
  return JSON.stringify(node) ?? 'undefined';
}

/** Display form of any value inside a sentence. */
export function showValue(value: unknown): string {
  if (value === undefined) return '(none)';
  if (typeof value === 'string') return JSON.stringify(value);
  return JSON.stringify(value) ?? String(value);
}

/** Segment keys an expression references (rules, force and overrides). */
export function segmentRefs(expression: unknown, into: Set<string>): Set<string> {
  const parsed = unstringify(expression);
  walk(parsed as GroupSegment);
  return into;
  function walk(node: GroupSegment | undefined): void {
    if (node === undefined || node === null) return;
    if (typeof node === 'string') {
      if (node !== '*') into.add(node);
      return;
    }
    if (Array.isArray(node)) {
      for (const child of node) walk(child);
      return;
    }
    if (typeof node === 'object') {
      for (const child of Object.values(node)) walk(child as GroupSegment);
    }
  }
}

/** Every segment key a built feature uses. */
export function featureSegments(feature: DatafileFeature): Set<string> {
  const keys = new Set<string>();
  for (const rule of feature.traffic ?? []) segmentRefs(rule.segments, keys);
  for (const force of feature.force ?? []) if (force.segments !== undefined) segmentRefs(force.segments, keys);
  for (const variation of feature.variations ?? []) {
    for (const overrides of Object.values(variation.variableOverrides ?? {})) {
      for (const override of overrides) if (override.segments !== undefined) segmentRefs(override.segments, keys);
    }
  }
  return keys;
}

/** Percentage out of 100000 as a human percentage string: 20000 → "20%", 33333 → "33.333%". */
export function showPercentage(value: number): string {
  return `${formatNumber(value / 1000)}%`;
}

export function formatNumber(value: number): string {
  return String(Number(value.toFixed(3)));
}

/** A bucket count as a share of users, two decimals: 15000 → "15%", 30001 → "30%", 3 → "<0.01%". */
export function showShare(buckets: number): string {
  const percent = (buckets * 100) / 100000;
  if (percent > 0 && percent < 0.01) return '<0.01%';
  return `${Number(percent.toFixed(2))}%`;
}
