// Test specs: their schema, and the feature/segment/environment they name must exist; `at` is a bucket 0..100.
// The checks need only a summary of the project's features and segments (SpecReferences): on a large
// project another thread checks the specs while the command thread checks the rest (threads/spec-lint.ts).
import type { FeatureAssertion, Project, ProjectConfig, TestSpec } from '../model/project.ts';
import { checkEntityName, isRecord, valueAt } from './context.ts';
import type { FindingList } from './finding.ts';
import { checkSchema } from './schema-check.ts';

const PLACEHOLDER = '${{';

/** What the spec checks know of a project's features and segments; plain data, so it can cross threads. */
export interface SpecReferences {
  features: Map<string, { archived: boolean; variations: string[]; variables: string[] }>;
  segments: Map<string, { archived: boolean }>;
}

export function specReferencesOf(project: Project): SpecReferences {
  const features: SpecReferences['features'] = new Map();
  for (const [key, feature] of project.features) {
    features.set(key, {
      archived: feature.archived === true,
      variations: feature.variations.map((v) => v.value),
      variables: feature.variablesSchema.map((v) => v.key),
    });
  }
  const segments: SpecReferences['segments'] = new Map();
  for (const [key, segment] of project.segments) segments.set(key, { archived: segment.archived === true });
  return { features, segments };
}

interface SpecContext {
  findings: FindingList;
  references: SpecReferences;
  environments: Set<string>;
  environmentsDisabled: boolean;
}

/** Every problem of the specs: schema first, then what they refer to. Adds to `findings`. */
export function checkSpecs(findings: FindingList, config: ProjectConfig, references: SpecReferences, specs: TestSpec[]): void {
  for (const spec of specs) checkSchema('test', spec.dialect, spec.file, spec.raw, findings);
  const ctx: SpecContext = { findings, references, environments: new Set(config.environments), environmentsDisabled: config.environmentsDisabled };
  for (const spec of specs) checkSpec(ctx, spec);
}

function checkSpec(ctx: SpecContext, spec: TestSpec): void {
  checkEntityName(ctx.findings, spec.file, spec.key, true);
  if (spec.kind === 'segment') {
    const segment = ctx.references.segments.get(spec.segment);
    if (!segment) ctx.findings.error(spec.file, ['segment'], 'unknown-segment', `Segment "${spec.segment}" does not exist`);
    else if (segment.archived) ctx.findings.warning(spec.file, ['segment'], 'archived-segment', `Segment "${spec.segment}" is archived`);
    return;
  }
  if (typeof spec.raw.feature !== 'string') return; // the schema reports it
  const feature = ctx.references.features.get(spec.feature);
  if (!feature) ctx.findings.error(spec.file, ['feature'], 'unknown-feature', `Feature "${spec.feature}" does not exist`);
  else if (feature.archived) {
    ctx.findings.warning(spec.file, ['feature'], 'archived-feature', `Feature "${spec.feature}" is archived: specs run without archived features`);
  }
  const variations = feature ? new Set(feature.variations) : undefined;
  const variables = feature ? new Set(feature.variables) : undefined;
  for (const assertion of spec.assertions) {
    const path = assertion.source.path; // built on each read: once here
    const raw = valueAt(spec.raw, path);
    if (!isRecord(raw)) continue;
    checkEnvironment(ctx, spec.file, spec.dialect, assertion, raw);
    checkAt(ctx, spec.file, assertion, raw);
    checkExpectations(ctx, spec.file, path, raw, variations, variables);
    if (Array.isArray(raw.children)) {
      raw.children.forEach((child, index) => {
        if (isRecord(child)) checkExpectations(ctx, spec.file, [...path, 'children', index], child, variations, variables);
      });
    }
  }
}

function checkEnvironment(ctx: SpecContext, file: string, dialect: string, assertion: FeatureAssertion, raw: Record<string, unknown>): void {
  const path = () => [...assertion.source.path, 'environment'];
  const environment = raw.environment;
  if (ctx.environmentsDisabled) {
    if (environment !== undefined) ctx.findings.error(file, path(), 'unknown-environment', 'The config sets environments: false, so assertions take no environment');
    return;
  }
  if (environment === undefined) {
    if (dialect === 'v1') return; // the v1 schema requires it and reports it
    ctx.findings.error(file, assertion.source.path, 'missing-environment', `The assertion needs an environment (one of: ${[...ctx.environments].join(', ')})`);
    return;
  }
  if (typeof environment !== 'string' || environment.includes(PLACEHOLDER)) return;
  if (!ctx.environments.has(environment)) {
    ctx.findings.error(file, path(), 'unknown-environment', `Unknown environment "${environment}"; the config's environments are: ${[...ctx.environments].join(', ')}`);
  }
}

function checkAt(ctx: SpecContext, file: string, assertion: FeatureAssertion, raw: Record<string, unknown>): void {
  const at = raw.at;
  if (typeof at === 'string' && !at.includes(PLACEHOLDER)) {
    ctx.findings.error(file, [...assertion.source.path, 'at'], 'test-at', `"at" must be a number from 0 to 100 or a "\${{ matrixKey }}" placeholder (got "${at}")`);
  }
  // Numbers outside 0..100 are reported by the schema check.
}

function checkExpectations(
  ctx: SpecContext,
  file: string,
  path: Array<string | number>,
  raw: Record<string, unknown>,
  variations: Set<string> | undefined,
  variables: Set<string> | undefined,
): void {
  if (variations && typeof raw.expectedVariation === 'string' && !raw.expectedVariation.includes(PLACEHOLDER) && !variations.has(raw.expectedVariation)) {
    ctx.findings.error(file, [...path, 'expectedVariation'], 'unknown-variation', `The feature has no variation "${raw.expectedVariation}"`);
  }
  if (variables && isRecord(raw.expectedVariables)) {
    for (const key of Object.keys(raw.expectedVariables)) {
      if (!variables.has(key)) ctx.findings.error(file, [...path, 'expectedVariables', key], 'unknown-variable', `The feature has no variable "${key}"`);
    }
  }
}
