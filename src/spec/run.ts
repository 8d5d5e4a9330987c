// The spec runner: evaluates every assertion of the project's test specs with Flagwright's engine
// (SDK 2.0.0 semantics), one datafile per environment, a fresh sticky/`at` per assertion.
// Bad input in one assertion fails that assertion (with its file:line) and the others still run.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks'; // the global is a lazy getter, slow on a hot path
import { join } from 'node:path';
import { createEvaluator, matchConditions, type EvaluateCallOptions, type Evaluation, type Evaluator } from '../engine/index.ts';
import type { Context, DatafileV2 } from '../model/datafile.ts';
import { compareDiagnostics, FlagwrightError, type Diagnostic } from '../model/diagnostic.ts';
import type { DocPath, FeatureAssertion, Project, SegmentAssertion, TestSpec } from '../model/project.ts';
import { NO_ENVIRONMENT } from '../model/project.ts';
import { createLocator, type Position } from '../project/positions.ts';
import { show, variableMatches } from './compare.ts';
import { expandMatrix, substitute, substituteAt, substituteContext, substituteEnvironment, type MatrixRow } from './matrix.ts';
import type { AssertionError, AssertionResult, RunSpecsOptions, SpecReport, SpecResult } from './types.ts';

type Locate = (file: string, path: DocPath) => Position;
const NO_POSITION: Position = { line: 0, column: 0 };

export function runSpecsWith(project: Project, options: RunSpecsOptions & { datafileFor: (environment: string) => DatafileV2 }): SpecReport {
  const started = performance.now();
  const featurePattern = compilePattern('--feature', options.feature);
  const assertionPattern = compilePattern('--assertion', options.assertion);
  const locate = createFileLocator(project.config.rootDirectory);
  const datafiles = new Map<string, DatafileV2 | Error>();
  const datafileFor = (environment: string): DatafileV2 => {
    let datafile = datafiles.get(environment);
    if (!datafile) {
      try {
        datafile = options.datafileFor(environment);
      } catch (error) {
        datafile = error as Error;
      }
      datafiles.set(environment, datafile);
    }
    if (datafile instanceof Error) throw datafile;
    return datafile;
  };

  const specs: SpecResult[] = [];
  // Indexed loops here and below: 30,000 assertions run before the loops are optimised, and each for-of step
  // of unoptimised code allocates an iterator result.
  for (let s = 0; s < project.tests.length; s++) {
    const spec = project.tests[s]!;
    const key = spec.kind === 'feature' ? spec.feature : spec.segment;
    if (featurePattern && !featurePattern.test(key)) continue;
    const specStarted = performance.now();
    const assertions =
      spec.kind === 'feature'
        ? runFeatureSpec(project, spec, datafileFor, assertionPattern, locate)
        : runSegmentSpec(project, spec, assertionPattern, locate);
    if (assertions.length === 0 && assertionPattern) continue;
    specs.push({ file: spec.file, key, kind: spec.kind, assertions, durationMs: performance.now() - specStarted });
  }

  let passed = 0;
  let failed = 0;
  const failures: Diagnostic[] = [];
  for (const spec of specs) {
    for (const assertion of spec.assertions) {
      if (assertion.passed) {
        passed++;
        continue;
      }
      failed++;
      failures.push({
        file: assertion.file,
        line: assertion.line,
        column: assertion.column,
        severity: 'error',
        rule: assertion.errors.some((e) => e.message) ? 'spec-invalid' : 'spec-failed',
        message: `${spec.kind} "${spec.key}" ${assertion.description}${assertion.environment ? ` (${assertion.environment})` : ''}: ${assertion.errors.map(formatAssertionError).join('; ')}`,
      });
    }
  }
  failures.sort(compareDiagnostics);
  return { specs, passed, failed, failures, durationMs: performance.now() - started };
}

export function formatAssertionError(error: AssertionError): string {
  if (error.message) return error.message;
  return `${error.field}: expected ${show(error.expected)}, received ${show(error.received)}`;
}

function compilePattern(option: string, pattern: string | undefined): RegExp | undefined {
  if (pattern === undefined) return undefined;
  try {
    return new RegExp(pattern);
  } catch (error) {
    throw new FlagwrightError(`${option} is not a valid regular expression: ${(error as Error).message}`, [], 2);
  }
}

function createFileLocator(rootDirectory: string): Locate {
  const locators = new Map<string, ((path: DocPath) => Position) | undefined>();
  return (file, path) => {
    if (!locators.has(file)) {
      try {
        locators.set(file, createLocator(readFileSync(join(rootDirectory, file), 'utf8')));
      } catch {
        locators.set(file, undefined);
      }
    }
    return locators.get(file)?.(path) ?? { line: 0, column: 0 };
  };
}

function describe(index: number, description: unknown, at: unknown, kind: 'feature' | 'segment'): string {
  const prefix = `Assertion #${index + 1}`;
  if (typeof description === 'string' && description !== '') return `${prefix}: ${description}`;
  if (kind === 'feature') return `${prefix}: at ${String(at)}%`;
  return prefix;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);
}

type FeatureSpec = Extract<TestSpec, { kind: 'feature' }>;
type SegmentSpec = Extract<TestSpec, { kind: 'segment' }>;

function runFeatureSpec(
  project: Project,
  spec: FeatureSpec,
  datafileFor: (environment: string) => DatafileV2,
  assertionPattern: RegExp | undefined,
  locate: Locate,
): AssertionResult[] {
  const results: AssertionResult[] = [];
  const featureKnown = project.features.has(spec.feature);
  for (let a = 0; a < spec.assertions.length; a++) {
    const assertion = spec.assertions[a]!;
    const rows = expandMatrix(assertion.matrix);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!;
      const started = performance.now();
      const at = substituteAt(assertion.at, row);
      const description = describe(assertion.index, substitute(assertion.description, row), at, 'feature');
      if (assertionPattern && !assertionPattern.test(description)) continue;
      const environment = substituteEnvironment(assertion.environment, row);
      const { errors, failedPath } = featureKnown
        ? checkFeatureAssertion(project, spec, assertion, row, at, environment, datafileFor)
        : { errors: [{ field: 'feature', message: `unknown feature "${spec.feature}"` }], failedPath: ['feature'] as DocPath };
      // Positions need a YAML re-parse of the file: only failures pay for it.
      const position = errors.length > 0 ? locate(spec.file, failedPath ?? assertion.source.path) : NO_POSITION;
      results.push({
        index: assertion.index,
        description,
        environment,
        passed: errors.length === 0,
        errors,
        file: spec.file,
        line: position.line,
        column: position.column,
        durationMs: performance.now() - started,
      });
    }
  }
  return results;
}

const NO_CHILDREN: NonNullable<FeatureAssertion['children']> = [];

function invalidAt(base: DocPath, field: string, message: string): CheckOutcome {
  return { errors: [{ field, message }], failedPath: [...base, field] };
}

interface CheckOutcome {
  errors: AssertionError[];
  /** Document path of the first failing field (for file:line). */
  failedPath?: DocPath;
}

function checkFeatureAssertion(
  project: Project,
  spec: FeatureSpec,
  assertion: FeatureAssertion,
  row: MatrixRow,
  at: unknown,
  environment: string | undefined,
  datafileFor: (environment: string) => DatafileV2,
): CheckOutcome {
  const base = assertion.source.path;

  // Input validation first: each problem names the field it is in.
  let env: string;
  if (project.config.environmentsDisabled) {
    env = NO_ENVIRONMENT;
  } else if (environment === undefined) {
    return invalidAt(base, 'environment', `environment is required (one of ${project.config.environments.join(', ')})`);
  } else if (!project.config.environments.includes(environment)) {
    return invalidAt(base, 'environment', `unknown environment "${environment}" (configured: ${project.config.environments.join(', ')})`);
  } else {
    env = environment;
  }
  if (at !== undefined && (typeof at !== 'number' || !Number.isFinite(at) || at < 0 || at > 100)) {
    const shown = typeof at === 'number' ? String(at) : show(substitute(assertion.at, row));
    return invalidAt(base, 'at', `at must be a number from 0 to 100 (got ${shown})`);
  }
  const context = substituteContext(assertion.context ?? {}, row);
  if (!isPlainObject(context)) return invalidAt(base, 'context', `context must be a mapping of attribute values (got ${show(context)})`);
  if (assertion.sticky !== undefined && !isPlainObject(assertion.sticky)) {
    return invalidAt(base, 'sticky', `sticky must be a mapping of feature keys (got ${show(assertion.sticky)})`);
  }
  const children = assertion.children ?? NO_CHILDREN;
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    if (child.context !== undefined && !isPlainObject(child.context)) {
      return { errors: [{ field: `children[${index}].context`, message: `children[${index}].context must be a mapping of attribute values` }], failedPath: [...base, 'children', index, 'context'] };
    }
  }

  let datafile: DatafileV2;
  try {
    datafile = datafileFor(env);
  } catch (error) {
    return invalidAt(base, 'environment', `could not build the datafile for environment "${env}": ${(error as Error).message}`);
  }

  // A fixed bucket value (`at` as stored x1000) spares the engine hashing bucket keys it would discard.
  const bucketValue = typeof at === 'number' ? at * 1000 : undefined;
  const evaluator = createEvaluator(datafile, { sticky: assertion.sticky, bucketValue });
  const errors = checkExpectations(evaluator, datafile, spec.feature, assertion, context as Context, '');
  // Paths are built only for failures: passing assertions (nearly all) never need them.
  let failedPath = errors.length > 0 ? failedField(base, assertion) : undefined;

  if (children.length === 0) return { errors, failedPath };
  for (let index = 0; index < children.length; index++) {
    const child = children[index];
    const childEvaluator = createEvaluator(datafile, {
      sticky: { ...(assertion.sticky ?? {}), ...(child.sticky ?? {}) },
      bucketValue,
    });
    const childContext = { ...(context as Context), ...((substituteContext(child.context ?? {}, row) as Context) ?? {}) };
    const found = checkExpectations(childEvaluator, datafile, spec.feature, child as FeatureAssertion, childContext, `children[${index}].`);
    if (found.length === 0) continue;
    failedPath ??= failedField([...base, 'children', index], child as FeatureAssertion);
    for (const error of found) errors.push(error);
  }
  return { errors, failedPath };
}

/** Path of the first expectation field present (refined in checkExpectations' order). */
function failedField(base: DocPath, assertion: FeatureAssertion): DocPath {
  for (const field of ['expectedToBeEnabled', 'expectedVariation', 'expectedVariables', 'expectedEvaluations'] as const) {
    if (assertion[field] !== undefined) return [...base, field];
  }
  return base;
}

function checkExpectations(
  evaluator: Evaluator,
  datafile: DatafileV2,
  featureKey: string,
  assertion: FeatureAssertion,
  context: Context,
  prefix: string,
): AssertionError[] {
  const errors: AssertionError[] = [];
  const defaults = assertion.defaultVariableValues;

  if (assertion.expectedToBeEnabled !== undefined) {
    const received = evaluator.isEnabled(featureKey, context);
    if (received !== assertion.expectedToBeEnabled) {
      errors.push({ field: `${prefix}expectedToBeEnabled`, expected: assertion.expectedToBeEnabled, received });
    }
  }

  if (assertion.expectedVariation !== undefined) {
    const received = evaluator.getVariation(featureKey, context, variationDefaults(assertion));
    if (received !== assertion.expectedVariation) {
      errors.push({ field: `${prefix}expectedVariation`, expected: assertion.expectedVariation, received });
    }
  }

  const schema = datafile.features[featureKey]?.variablesSchema;
  if (assertion.expectedVariables !== undefined) {
    if (!isPlainObject(assertion.expectedVariables)) {
      errors.push({ field: `${prefix}expectedVariables`, message: `${prefix}expectedVariables must be a mapping of variable keys` });
    } else {
      for (const [variableKey, expected] of Object.entries(assertion.expectedVariables)) {
        const received = evaluator.getVariable(featureKey, variableKey, context, defaultsFor(defaults, variableKey));
        if (!variableMatches(schema?.[variableKey]?.type, expected, received)) {
          errors.push({ field: `${prefix}expectedVariables.${variableKey}`, expected, received });
        }
      }
    }
  }

  const evaluations = assertion.expectedEvaluations;
  if (evaluations !== undefined) {
    if (evaluations.flag) {
      compareEvaluation(errors, `${prefix}expectedEvaluations.flag`, evaluations.flag, evaluator.evaluateFlag(featureKey, context));
    }
    if (evaluations.variation) {
      const evaluation = evaluator.evaluateVariation(featureKey, context, variationDefaults(assertion));
      compareEvaluation(errors, `${prefix}expectedEvaluations.variation`, evaluations.variation, evaluation);
    }
    for (const [variableKey, expected] of Object.entries(evaluations.variables ?? {})) {
      const evaluation = evaluator.evaluateVariable(featureKey, variableKey, context, defaultsFor(defaults, variableKey));
      compareEvaluation(errors, `${prefix}expectedEvaluations.variables.${variableKey}`, expected, evaluation);
    }
  }
  return errors;
}

const NO_CALL_OPTIONS: EvaluateCallOptions = Object.freeze({});

function variationDefaults(assertion: FeatureAssertion): EvaluateCallOptions {
  const value = assertion.defaultVariationValue;
  return value === undefined ? NO_CALL_OPTIONS : { defaultVariationValue: value };
}

/** Read like an empty mapping of defaults (inherited keys included, as before). */
const NO_DEFAULTS: Record<string, unknown> = {};

/** Call options for a variable: shared empty options when the assertion sets no default for it. */
function defaultsFor(defaults: Record<string, unknown> | undefined, variableKey: string): EvaluateCallOptions {
  const value = (defaults ?? NO_DEFAULTS)[variableKey];
  return value === undefined ? NO_CALL_OPTIONS : { defaultVariableValue: value };
}

function compareEvaluation(errors: AssertionError[], field: string, expected: Record<string, unknown>, evaluation: Evaluation): void {
  if (!isPlainObject(expected)) {
    errors.push({ field, message: `${field} must be a mapping of Evaluation fields` });
    return;
  }
  const actual = evaluation as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(expected)) {
    if (actual[key] !== value) errors.push({ field: `${field}.${key}`, expected: value, received: actual[key] });
  }
}

function runSegmentSpec(project: Project, spec: SegmentSpec, assertionPattern: RegExp | undefined, locate: Locate): AssertionResult[] {
  const results: AssertionResult[] = [];
  const segment = project.segments.get(spec.segment);
  for (const assertion of spec.assertions) {
    for (const row of expandMatrix(assertion.matrix)) {
      const started = performance.now();
      const description = describe(assertion.index, substitute(assertion.description, row), undefined, 'segment');
      if (assertionPattern && !assertionPattern.test(description)) continue;
      const { errors, path } = checkSegmentAssertion(spec, segment?.conditions, assertion, row);
      const position = errors.length > 0 ? locate(spec.file, path) : NO_POSITION;
      results.push({
        index: assertion.index,
        description,
        passed: errors.length === 0,
        errors,
        file: spec.file,
        line: position.line,
        column: position.column,
        durationMs: performance.now() - started,
      });
    }
  }
  return results;
}

function checkSegmentAssertion(
  spec: SegmentSpec,
  conditions: unknown,
  assertion: SegmentAssertion,
  row: MatrixRow,
): { errors: AssertionError[]; path: DocPath } {
  const base = assertion.source.path;
  if (conditions === undefined) return { errors: [{ field: 'segment', message: `unknown segment "${spec.segment}"` }], path: ['segment'] };
  const rawContext = (spec.raw.assertions as Array<Record<string, unknown>> | undefined)?.[assertion.index]?.context;
  const context = substituteContext(rawContext === undefined ? assertion.context : rawContext, row);
  if (!isPlainObject(context)) {
    return { errors: [{ field: 'context', message: `context must be a mapping of attribute values (got ${show(context)})` }], path: [...base, 'context'] };
  }
  const received = matchConditions(conditions, context as Context);
  if (received !== assertion.expectedToMatch) {
    return { errors: [{ field: 'expectedToMatch', expected: assertion.expectedToMatch, received }], path: [...base, 'expectedToMatch'] };
  }
  return { errors: [], path: base };
}
