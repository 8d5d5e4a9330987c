// schemaVersion "1" for SDKs before 2.0: arrays of keyed entities, variables as arrays with overrides.
// Unlike the official v2 CLI's --schema-version=1, features without variations are kept.
import type { DatafileV1, DatafileV2 } from '../model/datafile.ts';
import type { Project } from '../model/project.ts';
import { collectConditionAttributes } from './attributes.ts';

export function toSchemaV1(datafile: DatafileV2, project: Project): DatafileV1 {
  const parse = (value: unknown) => (typeof value === 'string' && /^[[{]/.test(value) ? JSON.parse(value) : value);
  const attributeKeys = new Set<string>();
  const segments = Object.entries(datafile.segments).map(([key, segment]) => {
    collectConditionAttributes(parse(segment.conditions), attributeKeys);
    return { key, conditions: typeof segment.conditions === 'string' ? segment.conditions : JSON.stringify(segment.conditions) };
  });
  const features = Object.entries(datafile.features).map(([key, feature]) => {
    const { variations, traffic, variablesSchema, hash: _hash, ...rest } = feature;
    const out: Record<string, unknown> & { key: string } = { key, ...rest };
    if (variations) {
      out.variations = variations.map((variation) => {
        const mapped: Record<string, unknown> = { value: variation.value, weight: variation.weight };
        if (variation.variables) {
          mapped.variables = Object.entries(variation.variables).map(([variableKey, value]) => {
            const overrides = variation.variableOverrides?.[variableKey];
            overrides?.forEach((o) => collectConditionAttributes(parse(o.conditions), attributeKeys));
            return overrides ? { key: variableKey, value, overrides } : { key: variableKey, value };
          });
        }
        return mapped;
      });
    }
    out.traffic = traffic.map((t) => ({ ...t, segments: typeof t.segments === 'string' ? t.segments : JSON.stringify(t.segments), allocation: t.allocation ?? [] }));
    if (variablesSchema) out.variablesSchema = Object.entries(variablesSchema).map(([variableKey, schema]) => ({ key: variableKey, ...schema }));
    feature.force?.forEach((f) => collectConditionAttributes(parse(f.conditions), attributeKeys));
    return out;
  });
  const attributes = [...project.attributes.values()]
    .filter((attribute) => attribute.archived !== true && (attribute.capture === true || attributeKeys.has(attribute.key)))
    .map((attribute) => (attribute.capture ? { key: attribute.key, type: attribute.type, capture: true } : { key: attribute.key, type: attribute.type }));
  return { schemaVersion: '1', revision: datafile.revision, attributes, segments, features };
}
