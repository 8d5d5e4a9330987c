// In-memory conversion of a schemaVersion "1" datafile (arrays of keyed entities, variables as arrays
// with nested `overrides`) into the schemaVersion "2" shape the evaluator reads.
import type {
  DatafileFeature,
  DatafileSegment,
  DatafileV1,
  DatafileV2,
  VariableOverride,
  VariableSchemaEntry,
  VariableValue,
  Variation,
} from '../model/datafile.ts';

interface V1Variable {
  key: string;
  value: VariableValue;
  overrides?: VariableOverride[];
}

export function convertV1Datafile(datafile: DatafileV1): DatafileV2 {
  const segments: Record<string, DatafileSegment> = {};
  for (const segment of datafile.segments ?? []) segments[segment.key] = { conditions: segment.conditions };

  const features: Record<string, DatafileFeature> = {};
  for (const raw of datafile.features ?? []) {
    const { key, variablesSchema, variations, ...rest } = raw as Record<string, unknown> & { key: string };
    const feature = { ...rest } as unknown as DatafileFeature;
    if (Array.isArray(variablesSchema)) {
      const schema: Record<string, VariableSchemaEntry> = {};
      for (const entry of variablesSchema as Array<VariableSchemaEntry & { key: string }>) {
        const { key: variableKey, ...definition } = entry;
        schema[variableKey] = definition;
      }
      feature.variablesSchema = schema;
    } else if (variablesSchema !== undefined) {
      feature.variablesSchema = variablesSchema as Record<string, VariableSchemaEntry>;
    }
    if (Array.isArray(variations)) feature.variations = variations.map(convertVariation);
    features[key] = feature;
  }
  return { schemaVersion: '2', revision: datafile.revision, segments, features };
}

function convertVariation(raw: Record<string, unknown>): Variation {
  const { variables, ...rest } = raw;
  const variation = { ...rest } as unknown as Variation;
  if (Array.isArray(variables)) {
    const values: Record<string, VariableValue> = {};
    const overrides: Record<string, VariableOverride[]> = {};
    for (const variable of variables as V1Variable[]) {
      values[variable.key] = variable.value;
      if (variable.overrides && variable.overrides.length > 0) overrides[variable.key] = variable.overrides;
    }
    variation.variables = values;
    if (Object.keys(overrides).length > 0) variation.variableOverrides = overrides;
  } else if (variables !== undefined) {
    variation.variables = variables as Record<string, VariableValue>;
  }
  return variation;
}
