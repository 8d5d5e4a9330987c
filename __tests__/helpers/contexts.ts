// Random evaluation contexts that actually hit a project's segments: values are drawn from the
// values its conditions compare against (and near misses), with attributes sometimes missing.
import type { Project } from '../../src/model/project.ts';
import { seededRandom } from './temp-project.ts';

type Value = string | number | boolean | undefined;

function collectConditionValues(node: unknown, into: Map<string, unknown[]>): void {
  if (Array.isArray(node)) {
    for (const item of node) collectConditionValues(item, into);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  if (typeof record.attribute === 'string') {
    const list = into.get(record.attribute) ?? [];
    if (Array.isArray(record.value)) list.push(...record.value);
    else if (record.value !== undefined) list.push(record.value);
    into.set(record.attribute, list);
  }
  for (const key of ['and', 'or', 'not', 'conditions']) if (key in record) collectConditionValues(record[key], into);
}

function variants(value: unknown, random: () => number): Value[] {
  if (value instanceof Date) {
    const shift = (random() - 0.5) * 400 * 86400000;
    return [value.toISOString(), new Date(value.getTime() + shift).toISOString()];
  }
  if (typeof value === 'number') return [value, value + 1, value - 1, value + random() * 10];
  if (typeof value === 'string') {
    if (/^\d+\.\d+(\.\d+)?$/.test(value)) {
      const [major, minor] = value.split('.').map(Number);
      return [value, `${major}.${minor + 1}.0`, `${Math.max(0, major - 1)}.9.9`];
    }
    return [value, `${value}x`, `x${value}`, value.toUpperCase()];
  }
  if (typeof value === 'boolean') return [value, !value];
  return [];
}

export function contextGenerator(project: Project, seed: number): () => Record<string, Value> {
  const random = seededRandom(seed);
  const values = new Map<string, unknown[]>();
  for (const segment of project.segments.values()) collectConditionValues(segment.conditions, values);
  for (const feature of project.features.values()) {
    for (const entries of Object.values(feature.force)) for (const entry of entries) collectConditionValues(entry.conditions, values);
    for (const variation of feature.variations) {
      for (const overrides of Object.values(variation.variableOverrides ?? {})) for (const o of overrides) collectConditionValues(o.conditions, values);
    }
  }
  const pools = new Map<string, Value[]>();
  for (const attribute of project.attributes.values()) {
    const pool = (values.get(attribute.key) ?? []).flatMap((v) => variants(v, random));
    if (attribute.type === 'boolean') pool.push(true, false);
    if (attribute.type === 'integer' || attribute.type === 'double') pool.push(0, 7, 42.5, 1000);
    if (attribute.type === 'string' || pool.length === 0) pool.push('alpha', 'beta');
    pools.set(attribute.key, pool);
  }
  let counter = 0;
  return () => {
    const context: Record<string, Value> = {};
    for (const [key, pool] of pools) {
      if (random() < 0.15) continue; // missing attribute
      context[key] = pool[Math.floor(random() * pool.length)];
    }
    context.userId = `user-${seed}-${counter++}`;
    if (random() < 0.3) context.deviceId = `device-${Math.floor(random() * 1e9)}`;
    return context;
  };
}
