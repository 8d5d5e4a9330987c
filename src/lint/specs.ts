// Test specs: the feature/segment/environment they name must exist; `at` is a bucket 0..100.
import type { FeatureAssertion, TestSpec } from '../model/project.ts';
import { checkEntityName, isRecord, valueAt, type LintContext } from './context.ts';

const PLACEHOLDER = '${{';

export function checkSpec(ctx: LintContext, spec: TestSpec): void {
  checkEntityName(ctx, spec.file, spec.key, true);
  if (spec.kind === 'segment') {
    const segment = ctx.project.segments.get(spec.segment);
    if (!segment) ctx.findings.error(spec.file, ['segment'], 'unknown-segment', `Segment "${spec.segment}" does not exist`);
    else if (segment.archived) ctx.findings.warning(spec.file, ['segment'], 'archived-segment', `Segment "${spec.segment}" is archived`);
    return;
  }
  if (typeof spec.raw.feature !== 'string') return; // the schema reports it
  const feature = ctx.project.features.get(spec.feature);
  if (!feature) ctx.findings.error(spec.file, ['feature'], 'unknown-feature', `Feature "${spec.feature}" does not exist`);
  else if (feature.archived) {
    ctx.findings.warning(spec.file, ['feature'], 'archived-feature', `Feature "${spec.feature}" is archived: specs run without archived features`);
  }
  const variations = feature ? new Set(feature.variations.map((v) => v.value)) : undefined;
  const variables = feature ? new Set(feature.variablesSchema.map((v) => v.key)) : undefined;
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

function checkEnvironment(ctx: LintContext, file: string, dialect: string, assertion: FeatureAssertion, raw: Record<string, unknown>): void {
  const path = () => [...assertion.source.path, 'environment'];
  const environment = raw.environment;
  if (ctx.project.config.environmentsDisabled) {
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

function checkAt(ctx: LintContext, file: string, assertion: FeatureAssertion, raw: Record<string, unknown>): void {
  const at = raw.at;
  if (typeof at === 'string' && !at.includes(PLACEHOLDER)) {
    ctx.findings.error(file, [...assertion.source.path, 'at'], 'test-at', `"at" must be a number from 0 to 100 or a "\${{ matrixKey }}" placeholder (got "${at}")`);
  }
  // Numbers outside 0..100 are reported by the schema check.
}

function checkExpectations(
  ctx: LintContext,
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
