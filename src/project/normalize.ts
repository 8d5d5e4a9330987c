// Turns parsed YAML documents of either dialect into the one Project model.
// Defensive on purpose: malformed parts are skipped here and reported by the linter's schema checks,
// so a broken file never crashes loading.
import type { Condition, GroupSegment, Required, VariableOverride, VariableType, VariableValue } from '../model/datafile.ts';
import {
  NO_ENVIRONMENT,
  type Attribute,
  type Dialect,
  type DocPath,
  type Feature,
  type FeatureAssertion,
  type FeatureVariableSchema,
  type FeatureVariation,
  type ForceEntry,
  type Group,
  type ProjectConfig,
  type Rule,
  type Segment,
  type SegmentAssertion,
  type SourceRef,
  type TestSpec,
} from '../model/project.ts';

type Doc = Record<string, unknown>;

const isRecord = (value: unknown): value is Doc =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asRecord = (value: unknown): Doc => (isRecord(value) ? value : {});
const optionalString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const optionalBoolean = (value: unknown): boolean | undefined => (typeof value === 'boolean' ? value : undefined);

/**
 * Where a rule, force entry, variation, variable or assertion sits: its path is built when read. Few are
 * ever read outside lint (findings, failed assertions), and retained path arrays for all of them were a
 * sixth of what normalising a large project kept in memory, which young-generation collections then copied.
 */
class SourceAt implements SourceRef {
  readonly file: string;
  /** Shared by the siblings of one list; never changed. */
  private readonly parent: DocPath;
  private readonly step: string | number;

  constructor(file: string, parent: DocPath, step: string | number) {
    this.file = file;
    this.parent = parent;
    this.step = step;
  }

  get path(): DocPath {
    return extend(this.parent, this.step);
  }
}

/** `[...path, step]`, sized exactly (a spread leaves room to grow; concat is several times slower). */
function extend(path: DocPath, step: string | number): DocPath {
  const length = path.length;
  const out: DocPath = new Array(length + 1);
  for (let i = 0; i < length; i++) out[i] = path[i]!;
  out[length] = step;
  return out;
}

const VARIABLES_SCHEMA: DocPath = ['variablesSchema'];
const VARIATIONS: DocPath = ['variations'];
const ASSERTIONS: DocPath = ['assertions'];

/** The strings of a list; the list itself when it holds nothing else (the usual case). */
function stringsOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.every((item) => typeof item === 'string') ? (value as string[]) : value.filter((item): item is string => typeof item === 'string');
}

export function featureDialect(doc: Doc): Dialect {
  if (isRecord(doc.environments) || Array.isArray(doc.variablesSchema)) return 'v1';
  return 'v2';
}

export function normalizeAttribute(key: string, file: string, doc: Doc): Attribute {
  const properties = isRecord(doc.properties)
    ? Object.fromEntries(Object.entries(doc.properties).map(([name, value]) => [name, { type: String(asRecord(value).type ?? ''), description: optionalString(asRecord(value).description) }]))
    : undefined;
  return {
    key,
    file,
    dialect: 'capture' in doc ? 'v1' : 'v2',
    raw: doc,
    type: String(doc.type ?? ''),
    description: optionalString(doc.description),
    archived: optionalBoolean(doc.archived),
    capture: optionalBoolean(doc.capture),
    properties,
  };
}

export function normalizeSegment(key: string, file: string, doc: Doc, dialect: Dialect): Segment {
  return {
    key,
    file,
    dialect,
    raw: doc,
    description: optionalString(doc.description),
    archived: optionalBoolean(doc.archived),
    conditions: (doc.conditions ?? []) as Condition | Condition[],
  };
}

export function normalizeGroup(key: string, file: string, doc: Doc, dialect: Dialect): Group {
  return {
    key,
    file,
    dialect,
    raw: doc,
    description: optionalString(doc.description),
    slots: asArray(doc.slots).map((slot) => {
      const record = asRecord(slot);
      return { feature: optionalString(record.feature), percentage: Number(record.percentage ?? 0) };
    }),
  };
}

export function normalizeFeature(key: string, file: string, doc: Doc, config: ProjectConfig): Feature {
  const dialect = featureDialect(doc);
  const variablesSchema = dialect === 'v1' ? variablesSchemaV1(doc, file) : variablesSchemaV2(doc, file);
  const variations = asArray(doc.variations).map((variation, index) =>
    dialect === 'v1' ? variationV1(asRecord(variation), file, index) : variationV2(asRecord(variation), file, index),
  );

  const rules: Record<string, Rule[]> = {};
  const force: Record<string, ForceEntry[]> = {};
  const expose: Record<string, boolean | string[]> = {};
  const environments = config.environments;
  for (let e = 0; e < environments.length; e++) {
    const environment = environments[e]!;
    // v1 keeps an environment's rules/force/expose under environments.<env>; v2 keeps <section>.<env>.
    const scope = dialect === 'v1' ? asRecord(config.environmentsDisabled ? doc : asRecord(doc.environments)[environment]) : undefined;
    const rulesValue = sectionValue(doc, scope, config, environment, 'rules');
    rules[environment] = isList(rulesValue) ? listWithPath(rulesValue, file, sectionPath(dialect, config, environment, 'rules'), toRule) : [];
    const forceValue = sectionValue(doc, scope, config, environment, 'force');
    force[environment] = isList(forceValue) ? listWithPath(forceValue, file, sectionPath(dialect, config, environment, 'force'), toForce) : [];
    const exposeValue = sectionValue(doc, scope, config, environment, 'expose');
    if (typeof exposeValue === 'boolean' || Array.isArray(exposeValue)) expose[environment] = exposeValue as boolean | string[];
  }

  return {
    key,
    file,
    dialect,
    raw: doc,
    description: optionalString(doc.description),
    tags: stringsOf(doc.tags),
    archived: optionalBoolean(doc.archived),
    deprecated: optionalBoolean(doc.deprecated),
    bucketBy: doc.bucketBy as Feature['bucketBy'],
    required: Array.isArray(doc.required) ? (doc.required as Required[]) : undefined,
    disabledVariationValue: optionalString(doc.disabledVariationValue),
    variablesSchema,
    variations,
    rules,
    force,
    expose,
  };
}

/** An environment's `rules`, `force` or `expose`: from its v1 `scope` (environments.<env>), else v2's <name>.<env>. */
function sectionValue(doc: Doc, scope: Doc | undefined, config: ProjectConfig, environment: string, name: string): unknown {
  if (scope) return scope[name];
  return config.environmentsDisabled ? doc[name] : asRecord(doc[name])[environment];
}

const isList = (value: unknown): value is unknown[] => Array.isArray(value) && value.length > 0;

/** Each item of the list at `path` (built only for a list that has items) converted with its source. */
function listWithPath<T>(list: unknown[], file: string, path: DocPath, convert: (doc: Doc, source: SourceAt) => T): T[] {
  const out: T[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) out[i] = convert(asRecord(list[i]), new SourceAt(file, path, i));
  return out;
}

/** Where an environment's `rules`, `force` or `expose` sits in a feature document of `dialect`. */
export function sectionPath(dialect: Dialect, config: ProjectConfig, environment: string, name: string): DocPath {
  if (config.environmentsDisabled) return [name];
  return dialect === 'v1' ? ['environments', environment, name] : [name, environment];
}

function schemaEntry(key: string, entry: Doc, source: SourceRef): FeatureVariableSchema {
  return {
    key,
    type: entry.type as VariableType,
    defaultValue: entry.defaultValue as VariableValue,
    description: optionalString(entry.description),
    deprecated: optionalBoolean(entry.deprecated),
    useDefaultWhenDisabled: optionalBoolean(entry.useDefaultWhenDisabled),
    disabledValue: entry.disabledValue as VariableValue | undefined,
    source,
  };
}

function variablesSchemaV1(doc: Doc, file: string): FeatureVariableSchema[] {
  return asArray(doc.variablesSchema).flatMap((entry, index) => {
    const record = asRecord(entry);
    return typeof record.key === 'string' ? [schemaEntry(record.key, record, new SourceAt(file, VARIABLES_SCHEMA, index))] : [];
  });
}

function variablesSchemaV2(doc: Doc, file: string): FeatureVariableSchema[] {
  return Object.entries(asRecord(doc.variablesSchema)).map(([key, entry]) => schemaEntry(key, asRecord(entry), new SourceAt(file, VARIABLES_SCHEMA, key)));
}

function toOverride(entry: Doc): VariableOverride {
  const override: VariableOverride = { value: entry.value as VariableValue };
  if ('conditions' in entry) override.conditions = entry.conditions as VariableOverride['conditions'];
  if ('segments' in entry) override.segments = entry.segments as VariableOverride['segments'];
  return override;
}

function variationV1(doc: Doc, file: string, index: number): FeatureVariation {
  let variables: Record<string, VariableValue> | undefined;
  let variableOverrides: Record<string, VariableOverride[]> | undefined;
  for (const entry of asArray(doc.variables)) {
    const record = asRecord(entry);
    if (typeof record.key !== 'string') continue;
    (variables ??= {})[record.key] = record.value as VariableValue;
    if (Array.isArray(record.overrides)) {
      (variableOverrides ??= {})[record.key] = record.overrides.map((override) => toOverride(asRecord(override)));
    }
  }
  return {
    value: String(doc.value ?? ''),
    description: optionalString(doc.description),
    weight: typeof doc.weight === 'number' ? doc.weight : 0,
    variables,
    variableOverrides,
    source: new SourceAt(file, VARIATIONS, index),
  };
}

function variationV2(doc: Doc, file: string, index: number): FeatureVariation {
  const overrides = isRecord(doc.variableOverrides)
    ? Object.fromEntries(Object.entries(doc.variableOverrides).map(([key, list]) => [key, asArray(list).map((o) => toOverride(asRecord(o)))]))
    : undefined;
  return {
    value: String(doc.value ?? ''),
    description: optionalString(doc.description),
    weight: typeof doc.weight === 'number' ? doc.weight : 0,
    variables: isRecord(doc.variables) ? (doc.variables as Record<string, VariableValue>) : undefined,
    variableOverrides: overrides,
    source: new SourceAt(file, VARIATIONS, index),
  };
}

function toRule(doc: Doc, source: Rule['source']): Rule {
  return {
    key: String(doc.key ?? ''),
    description: optionalString(doc.description),
    segments: (doc.segments ?? '*') as GroupSegment,
    percentage: typeof doc.percentage === 'number' ? doc.percentage : 0,
    enabled: optionalBoolean(doc.enabled),
    variation: optionalString(doc.variation),
    variables: isRecord(doc.variables) ? (doc.variables as Record<string, VariableValue>) : undefined,
    variationWeights: isRecord(doc.variationWeights) ? (doc.variationWeights as Record<string, number>) : undefined,
    source,
  };
}

function toForce(doc: Doc, source: ForceEntry['source']): ForceEntry {
  return {
    conditions: doc.conditions as ForceEntry['conditions'],
    segments: doc.segments as ForceEntry['segments'],
    enabled: optionalBoolean(doc.enabled),
    variation: optionalString(doc.variation),
    variables: isRecord(doc.variables) ? (doc.variables as Record<string, VariableValue>) : undefined,
    source,
  };
}

export function normalizeTestSpec(key: string, file: string, doc: Doc, dialect: Dialect): TestSpec {
  if (typeof doc.segment === 'string') {
    return {
      kind: 'segment',
      key,
      file,
      dialect,
      raw: doc,
      segment: doc.segment,
      assertions: asArray(doc.assertions).map((assertion, index): SegmentAssertion => {
        const record = asRecord(assertion);
        return {
          description: optionalString(record.description),
          context: asRecord(record.context) as SegmentAssertion['context'],
          expectedToMatch: record.expectedToMatch === true,
          matrix: isRecord(record.matrix) ? (record.matrix as SegmentAssertion['matrix']) : undefined,
          index,
          source: new SourceAt(file, ASSERTIONS, index),
        };
      }),
    };
  }
  return {
    kind: 'feature',
    key,
    file,
    dialect,
    raw: doc,
    feature: String(doc.feature ?? ''),
    assertions: asArray(doc.assertions).map((assertion, index): FeatureAssertion => {
      const record = asRecord(assertion);
      // One copy of the assertion with its own fields normalised (a rest pattern and a spread made two).
      return {
        ...(record as Partial<FeatureAssertion>),
        description: optionalString(record.description),
        environment: record.environment === undefined ? undefined : String(record.environment),
        at: record.at as number | undefined,
        matrix: isRecord(record.matrix) ? (record.matrix as FeatureAssertion['matrix']) : undefined,
        index,
        source: new SourceAt(file, ASSERTIONS, index),
      };
    }),
  };
}

export { NO_ENVIRONMENT };
