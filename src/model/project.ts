// The normalised project model: v1 and v2 YAML both load into these shapes.
// Every entity remembers its file and, for its parts, the path inside the source document,
// so diagnostics can be turned into file:line:col (see src/project/positions.ts).

import type {
  BucketBy,
  Condition,
  GroupSegment,
  Required,
  VariableSchemaEntry,
  VariableValue,
  VariableOverride,
  AttributeValue,
} from './datafile.ts';

export type Dialect = 'v1' | 'v2';
/** A path inside a parsed YAML document, e.g. ["environments", "production", "rules", 0]. */
export type DocPath = Array<string | number>;

/** Where a value came from: the project-relative file and the path inside it. */
export interface SourceRef {
  file: string;
  path: DocPath;
}

/** The pseudo-environment used when the config sets `environments: false`. */
export const NO_ENVIRONMENT = '';

export interface ProjectConfig {
  /** Absolute project root. */
  rootDirectory: string;
  /** Absolute path of the config file, or undefined when defaults are used. */
  configFile?: string;
  /** Configured environments; [NO_ENVIRONMENT] when the config says `environments: false`. */
  environments: string[];
  environmentsDisabled: boolean;
  tags: string[];
  defaultBucketBy: BucketBy;
  stringify: boolean;
  prettyDatafile: boolean;
  enforceCatchAllRule: boolean;
  datafileNamePattern: string;
  maxVariableStringLength?: number;
  maxVariableArrayStringifiedLength?: number;
  maxVariableObjectStringifiedLength?: number;
  maxVariableJSONStringifiedLength?: number;
  attributesDirectoryPath: string;
  segmentsDirectoryPath: string;
  featuresDirectoryPath: string;
  groupsDirectoryPath: string;
  testsDirectoryPath: string;
  stateDirectoryPath: string;
  datafilesDirectoryPath: string;
}

export interface Entity {
  key: string;
  /** Project-relative path, forward slashes. */
  file: string;
  dialect: Dialect;
  /** The parsed YAML document as written. */
  raw: Record<string, unknown>;
}

export interface AttributeProperty {
  type: string;
  description?: string;
}

export interface Attribute extends Entity {
  type: string;
  description?: string;
  archived?: boolean;
  capture?: boolean;
  properties?: Record<string, AttributeProperty>;
}

export interface Segment extends Entity {
  description?: string;
  archived?: boolean;
  conditions: Condition | Condition[];
}

export interface Rule {
  key: string;
  description?: string;
  segments: GroupSegment;
  percentage: number;
  enabled?: boolean;
  variation?: string;
  variables?: Record<string, VariableValue>;
  variationWeights?: Record<string, number>;
  source: SourceRef;
}

export interface ForceEntry {
  conditions?: Condition | Condition[];
  segments?: GroupSegment;
  enabled?: boolean;
  variation?: string;
  variables?: Record<string, VariableValue>;
  source: SourceRef;
}

export interface FeatureVariation {
  value: string;
  description?: string;
  weight: number;
  variables?: Record<string, VariableValue>;
  variableOverrides?: Record<string, VariableOverride[]>;
  source: SourceRef;
}

export interface FeatureVariableSchema extends VariableSchemaEntry {
  key: string;
  description?: string;
  source: SourceRef;
}

export interface Feature extends Entity {
  description?: string;
  tags: string[];
  archived?: boolean;
  deprecated?: boolean;
  /** As written; undefined means the config's defaultBucketBy. */
  bucketBy?: BucketBy;
  required?: Required[];
  disabledVariationValue?: string;
  /** In declaration order. */
  variablesSchema: FeatureVariableSchema[];
  variations: FeatureVariation[];
  /** Keyed by environment (NO_ENVIRONMENT when environments are disabled). */
  rules: Record<string, Rule[]>;
  force: Record<string, ForceEntry[]>;
  expose: Record<string, boolean | string[]>;
}

export interface GroupSlot {
  feature?: string;
  percentage: number;
}

export interface Group extends Entity {
  description?: string;
  slots: GroupSlot[];
}

export interface FeatureAssertion {
  description?: string;
  environment?: string;
  at?: number;
  context?: Record<string, AttributeValue>;
  sticky?: Record<string, { enabled?: boolean; variation?: string; variables?: Record<string, VariableValue> }>;
  defaultVariationValue?: string;
  defaultVariableValues?: Record<string, VariableValue>;
  expectedToBeEnabled?: boolean;
  expectedVariation?: string | null;
  expectedVariables?: Record<string, unknown>;
  expectedEvaluations?: {
    flag?: Record<string, unknown>;
    variation?: Record<string, unknown>;
    variables?: Record<string, Record<string, unknown>>;
  };
  children?: Array<Omit<FeatureAssertion, 'children' | 'environment' | 'at' | 'matrix'>>;
  matrix?: Record<string, unknown[]>;
  /** The index of the assertion as written (matrix rows share it). */
  index: number;
  source: SourceRef;
}

export interface SegmentAssertion {
  description?: string;
  context: Record<string, AttributeValue>;
  expectedToMatch: boolean;
  matrix?: Record<string, unknown[]>;
  index: number;
  source: SourceRef;
}

export type TestSpec =
  | (Entity & { kind: 'feature'; feature: string; assertions: FeatureAssertion[] })
  | (Entity & { kind: 'segment'; segment: string; assertions: SegmentAssertion[] });

export interface Project {
  config: ProjectConfig;
  attributes: Map<string, Attribute>;
  segments: Map<string, Segment>;
  features: Map<string, Feature>;
  groups: Map<string, Group>;
  tests: TestSpec[];
}
