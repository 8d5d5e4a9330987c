// The datafile shapes that @featurevisor/sdk 2.x reads (schemaVersion "2").
// Key order of the objects built from these types is part of the byte-stable output.

export type AttributeValue = string | number | boolean | Date | null | undefined | AttributeValue[] | { [key: string]: AttributeValue };
export type Context = Record<string, AttributeValue>;

export type ConditionValue = string | number | boolean | null | string[] | number[];

export interface PlainCondition {
  attribute: string;
  operator: string;
  value?: ConditionValue;
  regexFlags?: string;
}

export type Condition =
  | PlainCondition
  | { and: Condition[] }
  | { or: Condition[] }
  | { not: Condition[] }
  | string; // "*" matches everyone

/** Segment expression used by rules, force entries and overrides: keys combined with and/or/not. */
export type GroupSegment =
  | string
  | GroupSegment[]
  | { and: GroupSegment[] }
  | { or: GroupSegment[] }
  | { not: GroupSegment[] };

export type BucketBy = string | string[] | { or: string[] };

export type VariableType = 'boolean' | 'string' | 'integer' | 'double' | 'array' | 'object' | 'json';
export type VariableValue = string | number | boolean | null | VariableValue[] | { [key: string]: VariableValue };

export interface VariableSchemaEntry {
  type: VariableType;
  defaultValue: VariableValue;
  deprecated?: boolean;
  useDefaultWhenDisabled?: boolean;
  disabledValue?: VariableValue;
}

/** Conditions or segments, possibly stringified (config `stringify`). */
export interface VariableOverride {
  conditions?: Condition | Condition[] | string;
  segments?: GroupSegment | string;
  value: VariableValue;
}

export interface Variation {
  value: string;
  weight?: number;
  variables?: Record<string, VariableValue>;
  variableOverrides?: Record<string, VariableOverride[]>;
}

/** [start, end]: allocation ranges are inclusive at both ends, group ranges end-exclusive. */
export type Range = [number, number];

export interface Allocation {
  variation: string;
  range: Range;
}

export interface Traffic {
  key: string;
  segments: GroupSegment | string;
  /** 0..100000 */
  percentage: number;
  allocation?: Allocation[];
  variationWeights?: Record<string, number>;
  variables?: Record<string, VariableValue>;
  variation?: string;
  enabled?: boolean;
}

export interface Force {
  conditions?: Condition | Condition[] | string;
  segments?: GroupSegment | string;
  enabled?: boolean;
  variation?: string;
  variables?: Record<string, VariableValue>;
}

export type Required = string | { key: string; variation?: string };

export interface DatafileFeature {
  deprecated?: boolean;
  bucketBy: BucketBy;
  required?: Required[];
  disabledVariationValue?: string;
  variations?: Variation[];
  traffic: Traffic[];
  ranges?: Range[];
  variablesSchema?: Record<string, VariableSchemaEntry>;
  force?: Force[];
  hash?: string;
}

export interface DatafileSegment {
  conditions: Condition | Condition[] | string;
}

export interface DatafileV2 {
  schemaVersion: '2';
  revision: string;
  segments: Record<string, DatafileSegment>;
  features: Record<string, DatafileFeature>;
}

/** schemaVersion "1" as read by @featurevisor/sdk 1.x: arrays of keyed entities. */
export interface DatafileV1 {
  schemaVersion: '1';
  revision: string;
  attributes: Array<{ key: string; type: string; capture?: boolean }>;
  segments: Array<{ key: string; conditions: string | Condition | Condition[] }>;
  features: Array<Record<string, unknown> & { key: string }>;
}

export type AnyDatafile = DatafileV2 | DatafileV1;
