// Semantic checks of one feature: tags, bucketBy, variables, variations, rules, force, expose.
import type { DocPath, Feature, FeatureVariableSchema, Rule } from '../model/project.ts';
import { sectionPath } from '../project/normalize.ts';
import { checkConditions } from './conditions.ts';
import { checkAttributeReference, checkEntityName, checkSegmentsAt, isRecord, valueAt, type LintContext } from './context.ts';
import { checkVariableMap, checkVariableValue } from './variables.ts';

const TAG_PATTERN = /^[a-z0-9-]+$/;
// Path prefixes; checkAttributeReference copies them before reporting.
const ROOT: DocPath = [];
const BUCKET_BY: DocPath = ['bucketBy'];
const BUCKET_BY_OR: DocPath = ['bucketBy', 'or'];
const WEIGHT_TOLERANCE = 1e-6;
const NONE: string[] = [];

export function checkFeature(ctx: LintContext, feature: Feature): void {
  checkEntityName(ctx.findings, feature.file, feature.key, true);
  checkTags(ctx, feature);
  checkBucketBy(ctx, feature);
  const schemaByKey = checkVariablesSchema(ctx, feature);
  const variationValues = checkVariations(ctx, feature, schemaByKey);
  if (feature.disabledVariationValue !== undefined && !variationValues.has(feature.disabledVariationValue)) {
    ctx.findings.error(
      feature.file,
      ['disabledVariationValue'],
      'unknown-variation',
      `Disabled variation value "${feature.disabledVariationValue}" is not one of the defined variations: ${[...variationValues].join(', ')}`,
    );
  }
  checkEnvironmentKeys(ctx, feature);
  for (const environment of ctx.project.config.environments) {
    checkRules(ctx, feature, environment, schemaByKey, variationValues);
    checkForce(ctx, feature, environment, schemaByKey, variationValues);
    checkExpose(ctx, feature, environment);
  }
}

function repeats(values: readonly unknown[]): boolean {
  for (let i = 1; i < values.length; i++) for (let j = 0; j < i; j++) if (values[i] === values[j]) return true;
  return false;
}

/** The string values that occur more than once, in list order. */
function duplicates(values: readonly unknown[]): string[] {
  // Lists are short and rarely repeat: a nested loop says so without building Sets.
  if (values.length <= 16 && !repeats(values)) return [];
  const seen = new Set<unknown>();
  const repeated = new Set<unknown>();
  for (const value of values) if (typeof value === 'string') (seen.has(value) ? repeated : seen).add(value);
  return values.filter((value): value is string => repeated.has(value));
}

function checkTags(ctx: LintContext, feature: Feature): void {
  const tags = feature.raw.tags;
  if (!Array.isArray(tags)) return;
  tags.forEach((tag, index) => {
    if (typeof tag !== 'string') return;
    if (!TAG_PATTERN.test(tag)) {
      ctx.findings.error(feature.file, ['tags', index], 'invalid-tag', `Tag "${tag}" must be lower cased and alphanumeric, and may contain hyphens.`);
    } else if (!ctx.tags.has(tag)) {
      ctx.findings.error(feature.file, ['tags', index], 'unknown-tag', `Unknown tag "${tag}"; the config's tags are: ${[...ctx.tags].join(', ')}`);
    }
  });
  const repeated = duplicates(tags);
  if (repeated.length) ctx.findings.error(feature.file, ['tags'], 'duplicate-tag', `Duplicate tags found: ${repeated.join(', ')}`);
  if (tags.length === 0 && !feature.archived) {
    ctx.findings.warning(feature.file, ['tags'], 'no-tags', 'The feature has no tags, so it is in no datafile');
  }
}

function checkBucketBy(ctx: LintContext, feature: Feature): void {
  const bucketBy = feature.raw.bucketBy;
  // `path` + `key` is built only when something is reported.
  const check = (path: DocPath, key: string | number, name: unknown) => {
    if (typeof name === 'string' && name !== '*') checkAttributeReference(ctx, feature.file, path, name, key);
  };
  if (typeof bucketBy === 'string') check(ROOT, 'bucketBy', bucketBy);
  else if (Array.isArray(bucketBy)) bucketBy.forEach((name, index) => check(BUCKET_BY, index, name));
  else if (isRecord(bucketBy) && Array.isArray(bucketBy.or)) bucketBy.or.forEach((name, index) => check(BUCKET_BY_OR, index, name));
}

function checkVariablesSchema(ctx: LintContext, feature: Feature): Map<string, FeatureVariableSchema> {
  const byKey = new Map<string, FeatureVariableSchema>();
  for (const entry of feature.variablesSchema) {
    const { file, path } = entry.source;
    if (entry.key === 'variation') {
      ctx.findings.error(file, feature.dialect === 'v1' ? [...path, 'key'] : path, 'variable-reserved', 'Variable key "variation" is reserved and cannot be used.');
    }
    if (byKey.has(entry.key)) {
      ctx.findings.error(file, [...path, 'key'], 'duplicate-variable', `Duplicate variable key "${entry.key}"`);
      continue;
    }
    byKey.set(entry.key, entry);
    const raw = valueAt(feature.raw, path);
    if (isRecord(raw) && 'defaultValue' in raw) checkVariableValue(ctx, file, path, 'defaultValue', entry, raw.defaultValue);
    if (isRecord(raw) && 'disabledValue' in raw) checkVariableValue(ctx, file, path, 'disabledValue', entry, raw.disabledValue);
  }
  return byKey;
}

function checkVariations(ctx: LintContext, feature: Feature, schemaByKey: Map<string, FeatureVariableSchema>): Set<string> {
  const values = feature.variations.map((variation) => variation.value);
  const repeated = duplicates(values);
  if (repeated.length) ctx.findings.error(feature.file, ['variations'], 'duplicate-variation', `Duplicate variation values found: ${repeated.join(', ')}`);
  if (feature.variations.length) {
    const sum = feature.variations.reduce((total, variation) => total + variation.weight, 0);
    if (Math.abs(sum - 100) > WEIGHT_TOLERANCE) {
      ctx.findings.error(feature.file, ['variations'], 'variation-weights', `Variation weights must sum to 100 (they sum to ${round(sum)})`);
    }
  }
  for (const variation of feature.variations) {
    const { file, path } = variation.source;
    const raw = valueAt(feature.raw, path);
    if (!isRecord(raw)) continue;
    if (feature.dialect === 'v1') {
      if (!Array.isArray(raw.variables)) continue;
      // `path` (the getter's own copy) is a stack here: variables.<index> is pushed for each item.
      path.push('variables');
      for (let index = 0; index < raw.variables.length; index++) {
        const item: unknown = raw.variables[index];
        if (!isRecord(item) || typeof item.key !== 'string') continue;
        path.push(index);
        const schema = schemaByKey.get(item.key);
        if (!schema) {
          ctx.findings.error(file, [...path, 'key'], 'unknown-variable', `Unknown variable "${item.key}" with value: ${String(item.value)}`);
        } else {
          checkVariableValue(ctx, file, path, 'value', schema, item.value);
          if (Array.isArray(item.overrides)) checkOverrides(ctx, feature, [...path, 'overrides'], item.overrides, schema);
        }
        path.pop();
      }
      path.pop();
    } else {
      checkVariableMap(ctx, file, [...path, 'variables'], raw.variables, schemaByKey);
      if (!isRecord(raw.variableOverrides)) continue;
      for (const [key, overrides] of Object.entries(raw.variableOverrides)) {
        const schema = schemaByKey.get(key);
        const overridesPath = [...path, 'variableOverrides', key];
        if (!schema) ctx.findings.error(file, overridesPath, 'unknown-variable', `Unknown variable "${key}" in variableOverrides`);
        else if (Array.isArray(overrides)) checkOverrides(ctx, feature, overridesPath, overrides, schema);
      }
    }
  }
  return new Set(values);
}

function checkOverrides(ctx: LintContext, feature: Feature, path: DocPath, overrides: unknown[], schema: FeatureVariableSchema): void {
  overrides.forEach((override, index) => {
    if (!isRecord(override)) return;
    const overridePath = [...path, index];
    if ('segments' in override) checkSegmentsAt(ctx, feature.file, overridePath, 'segments', override.segments);
    if ('conditions' in override) checkConditions(ctx, feature.file, [...overridePath, 'conditions'], override.conditions);
    if ('value' in override) checkVariableValue(ctx, feature.file, overridePath, 'value', schema, override.value);
  });
}

/** Environment keys must be configured; v1 must list every configured environment. */
function checkEnvironmentKeys(ctx: LintContext, feature: Feature): void {
  const { config } = ctx.project;
  const configured = () => [...ctx.environments].join(', ');
  const unknown = (path: DocPath, environment: string) =>
    ctx.findings.error(feature.file, path, 'unknown-environment', `Unknown environment "${environment}"; the config's environments are: ${configured()}`);
  if (feature.dialect === 'v1') {
    const environments = feature.raw.environments;
    if (!isRecord(environments) || config.environmentsDisabled) return;
    for (const environment of Object.keys(environments)) if (!ctx.environments.has(environment)) unknown(['environments', environment], environment);
    for (const environment of config.environments) {
      if (!(environment in environments)) {
        ctx.findings.error(feature.file, ['environments'], 'missing-environment', `Environment "${environment}" is missing: v1 features must list every configured environment`);
      }
    }
    return;
  }
  for (const section of ['rules', 'force', 'expose']) {
    const value = feature.raw[section];
    if (value === undefined) continue;
    if (config.environmentsDisabled) {
      if (isRecord(value)) {
        ctx.findings.error(feature.file, [section], 'environments-disabled', `The config sets environments: false, so "${section}" must not be keyed by environment`);
      }
      continue;
    }
    if (!isRecord(value)) {
      // Other types are reported by the schema check.
      if (Array.isArray(value) || typeof value === 'boolean') {
        ctx.findings.error(feature.file, [section], 'schema', `"${section}" must be keyed by environment (${configured()})`);
      }
      continue;
    }
    for (const environment of Object.keys(value)) if (!ctx.environments.has(environment)) unknown([section, environment], environment);
  }
}

function checkRules(
  ctx: LintContext,
  feature: Feature,
  environment: string,
  schemaByKey: Map<string, FeatureVariableSchema>,
  variationValues: Set<string>,
): void {
  const rules = feature.rules[environment] ?? [];
  if (!rules.length) return;
  const { file } = feature;
  const repeated = rules.length > 1 ? duplicates(rules.map((rule) => rule.key)) : NONE;
  if (repeated.length) ctx.findings.error(file, rules[0].source.path.slice(0, -1), 'duplicate-rule-key', `Duplicate rule keys found: ${repeated.join(', ')}`);

  // One path for the whole list, used as a stack (rules of a list share their parent path): a path per rule,
  // sized exactly, had to grow for each check that pushes onto it.
  const path = listPathOf(rules[0].source.path);
  for (let index = 0; index < rules.length; index++) {
    const rule = rules[index]!;
    path.push(index);
    checkRule(ctx, feature, rule, path, schemaByKey, variationValues);
    path.pop();
  }
  if (ctx.project.config.enforceCatchAllRule) {
    const last = rules[rules.length - 1];
    if (valueAt(feature.raw, [...last.source.path, 'segments']) !== '*') {
      const where = environment ? ` in "${environment}"` : '';
      ctx.findings.error(file, [...last.source.path, 'segments'], 'catch-all-rule', `The last rule${where} must have segments: "*" (enforceCatchAllRule is on)`);
    }
  }
}

/** A list's path from its first item's (`[..., 0]`): a copy, the stack its items' indices are pushed onto. */
function listPathOf(firstItemPath: DocPath): DocPath {
  return firstItemPath.slice(0, -1);
}

function checkRule(
  ctx: LintContext,
  feature: Feature,
  rule: Rule,
  path: DocPath,
  schemaByKey: Map<string, FeatureVariableSchema>,
  variationValues: Set<string>,
): void {
  const { file } = feature;
  const raw = valueAt(feature.raw, path);
  if (!isRecord(raw)) return;
  if ('segments' in raw) checkSegmentsAt(ctx, file, path, 'segments', raw.segments);
  if (typeof raw.variation === 'string' && !variationValues.has(raw.variation)) {
    ctx.findings.error(file, [...path, 'variation'], 'unknown-variation', `Unknown variation "${raw.variation}" in rule "${rule.key}"`);
  }
  if (raw.variables !== undefined) checkVariableMap(ctx, file, [...path, 'variables'], raw.variables, schemaByKey);
  if (isRecord(raw.variationWeights)) checkVariationWeights(ctx, feature, [...path, 'variationWeights'], raw.variationWeights, variationValues);
  if ('enabled' in raw) {
    ctx.findings.warning(
      file,
      [...path, 'enabled'],
      'rule-enabled',
      'Rule-level "enabled" is dropped by the official Featurevisor builder (the rule stays live there); Flagwright keeps it and the SDK honours it',
    );
  }
}

function checkVariationWeights(ctx: LintContext, feature: Feature, path: DocPath, weights: Record<string, unknown>, variationValues: Set<string>): void {
  const { file } = feature;
  if (variationValues.size === 0) {
    ctx.findings.error(file, path, 'variation-weights', 'variationWeights needs the feature to have variations');
    return;
  }
  const keys = Object.keys(weights);
  const unknown = keys.filter((key) => !variationValues.has(key));
  const missing = [...variationValues].filter((value) => !(value in weights));
  if (missing.length) ctx.findings.error(file, path, 'variation-weights', `Missing variations: ${missing.join(', ')}`);
  if (unknown.length) ctx.findings.error(file, path, 'variation-weights', `Variation weights contain unknown variations: ${unknown.join(', ')}`);
  const sum = keys.reduce((total, key) => total + (typeof weights[key] === 'number' ? (weights[key] as number) : 0), 0);
  if (Math.abs(sum - 100) > WEIGHT_TOLERANCE) ctx.findings.error(file, path, 'variation-weights', `Variation weights must sum to 100 (they sum to ${round(sum)})`);
  for (const key of keys) {
    if (weights[key] === 0) {
      ctx.findings.warning(
        file,
        [...path, key],
        'variation-weight-zero',
        `Weight 0 for "${key}" is ignored by the official Featurevisor builder (it falls back to the variation's own weight); Flagwright honours it`,
      );
    }
  }
}

function checkForce(
  ctx: LintContext,
  feature: Feature,
  environment: string,
  schemaByKey: Map<string, FeatureVariableSchema>,
  variationValues: Set<string>,
): void {
  const entries = feature.force[environment] ?? [];
  if (!entries.length) return;
  const path = listPathOf(entries[0].source.path);
  for (let index = 0; index < entries.length; index++) {
    path.push(index);
    const raw = valueAt(feature.raw, path);
    if (isRecord(raw)) {
      if ('segments' in raw) checkSegmentsAt(ctx, feature.file, path, 'segments', raw.segments);
      if ('conditions' in raw) checkConditions(ctx, feature.file, [...path, 'conditions'], raw.conditions);
      if (typeof raw.variation === 'string' && !variationValues.has(raw.variation)) {
        ctx.findings.error(feature.file, [...path, 'variation'], 'unknown-variation', `Unknown variation "${raw.variation}" in force`);
      }
      if (raw.variables !== undefined) checkVariableMap(ctx, feature.file, [...path, 'variables'], raw.variables, schemaByKey);
    }
    path.pop();
  }
}

function checkExpose(ctx: LintContext, feature: Feature, environment: string): void {
  const expose = feature.expose[environment];
  if (!Array.isArray(expose)) return;
  const path = sectionPath(feature.dialect, ctx.project.config, environment, 'expose');
  expose.forEach((tag, index) => {
    if (typeof tag !== 'string') return;
    if (!ctx.tags.has(tag)) ctx.findings.error(feature.file, [...path, index], 'unknown-tag', `Unknown tag "${tag}" in expose`);
    else if (!feature.tags.includes(tag)) {
      ctx.findings.warning(feature.file, [...path, index], 'expose-tag', `Tag "${tag}" in expose is not one of the feature's tags, so it has no effect`);
    }
  });
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
