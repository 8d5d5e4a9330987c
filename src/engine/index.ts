// Flagwright's evaluation engine: @featurevisor/sdk 2.0.0 semantics over schemaVersion "2" datafiles
// (schemaVersion "1" is converted in memory), without depending on the SDK at runtime.
import type { AnyDatafile, Context } from '../model/datafile.ts';
import { compileDatafile, type CompiledDatafile } from './compile.ts';
import { evaluate, type EvaluationEnvironment } from './evaluate.ts';
import { KNOWN_SDK_DIFFERENCES } from './known-differences.ts';
import type { EvaluateCallOptions, Evaluation, EvaluationType, EvaluatorOptions } from './types.ts';

export { KNOWN_SDK_DIFFERENCES, type KnownSdkDifference } from './known-differences.ts';
export { getBucketKey } from './bucket.ts';
export { getBucketValue, MAX_BUCKETED_NUMBER } from './hash.ts';
export { matchConditions } from './conditions.ts';
export { matchSegmentExpression } from './segments.ts';
export { compileDatafile } from './compile.ts';
export type * from './types.ts';
export { EVALUATION_REASONS } from './types.ts';

export interface Evaluator {
  evaluateFlag(featureKey: string, context?: Context, options?: EvaluateCallOptions): Evaluation;
  evaluateVariation(featureKey: string, context?: Context, options?: EvaluateCallOptions): Evaluation;
  evaluateVariable(featureKey: string, variableKey: string, context?: Context, options?: EvaluateCallOptions): Evaluation;
  isEnabled(featureKey: string, context?: Context): boolean;
  getVariation(featureKey: string, context?: Context, options?: EvaluateCallOptions): string | null;
  getVariable(featureKey: string, variableKey: string, context?: Context, options?: EvaluateCallOptions): unknown;
  getAllVariables(featureKey: string, context?: Context): Record<string, unknown>;
  featureKeys(): string[];
}

const EMPTY_CONTEXT: Context = {};
/** json variable strings that do not parse: remembered, because a thrown SyntaxError is expensive. */
const unparsableJson = new Set<string>();

function variableResult(evaluation: Evaluation): unknown {
  const value = evaluation.variableValue;
  if (value === undefined) return null;
  if (evaluation.variableSchema && evaluation.variableSchema.type === 'json' && typeof value === 'string') {
    if (unparsableJson.has(value)) return null;
    try {
      // Parsed per call (not cached) so callers never share a mutable object.
      return JSON.parse(value);
    } catch {
      if (unparsableJson.size < 10_000) unparsableJson.add(value);
      return null;
    }
  }
  return value;
}
const knownNames = new Set(KNOWN_SDK_DIFFERENCES.map((d) => d.name));
const NO_BUGS: readonly string[] = [];

export function createEvaluator(datafile: AnyDatafile | string, options: EvaluatorOptions = {}): Evaluator {
  const source = typeof datafile === 'string' ? (JSON.parse(datafile) as AnyDatafile) : datafile;
  const emulate = options.emulateSdkBugs ?? NO_BUGS;
  for (const name of emulate) if (!knownNames.has(name)) throw new Error(`unknown SDK bug "${name}"`);
  return new DatafileEvaluator(compileDatafile(source), options, emulate);
}

/**
 * One object per evaluator, its own evaluation environment: the spec runner creates one per assertion
 * (30,000 in a large project), and closures per method were an eighth of everything it allocated.
 */
class DatafileEvaluator implements Evaluator, EvaluationEnvironment {
  readonly compiled: CompiledDatafile;
  readonly sticky: EvaluatorOptions['sticky'];
  readonly bucketValueHook: EvaluationEnvironment['bucketValueHook'];
  readonly fixedBucketValue: number | undefined;
  readonly requiredInheritsVariableKey: boolean;
  readonly zeroPercentStopsVariables: boolean;

  constructor(compiled: CompiledDatafile, options: EvaluatorOptions, emulate: readonly string[]) {
    const { bucketValue } = options;
    this.compiled = compiled;
    this.sticky = options.sticky;
    this.bucketValueHook = typeof bucketValue === 'function' ? bucketValue : undefined;
    this.fixedBucketValue = typeof bucketValue === 'number' ? bucketValue : undefined;
    this.requiredInheritsVariableKey = emulate.includes('required-variables');
    this.zeroPercentStopsVariables = emulate.includes('forced-zero-percent-variables');
  }

  private run(
    type: EvaluationType,
    featureKey: string,
    variableKey: string | undefined,
    context: Context | undefined,
    call: EvaluateCallOptions | undefined,
  ): Evaluation {
    const evaluation = evaluate(this, type, featureKey, variableKey, context ?? EMPTY_CONTEXT);
    if (call) {
      if (type === 'variation' && call.defaultVariationValue !== undefined && evaluation.variationValue === undefined) {
        evaluation.variationValue = call.defaultVariationValue;
      }
      if (type === 'variable' && call.defaultVariableValue !== undefined && evaluation.variableValue === undefined) {
        evaluation.variableValue = call.defaultVariableValue;
      }
    }
    return evaluation;
  }

  evaluateFlag(featureKey: string, context?: Context, call?: EvaluateCallOptions): Evaluation {
    return this.run('flag', featureKey, undefined, context, call);
  }

  evaluateVariation(featureKey: string, context?: Context, call?: EvaluateCallOptions): Evaluation {
    return this.run('variation', featureKey, undefined, context, call);
  }

  evaluateVariable(featureKey: string, variableKey: string, context?: Context, call?: EvaluateCallOptions): Evaluation {
    return this.run('variable', featureKey, variableKey, context, call);
  }

  isEnabled(featureKey: string, context?: Context): boolean {
    return this.run('flag', featureKey, undefined, context, undefined).enabled === true;
  }

  getVariation(featureKey: string, context?: Context, call?: EvaluateCallOptions): string | null {
    const evaluation = this.run('variation', featureKey, undefined, context, call);
    if (evaluation.variationValue !== undefined) return evaluation.variationValue;
    if (evaluation.variation) return evaluation.variation.value;
    return null;
  }

  getVariable(featureKey: string, variableKey: string, context?: Context, call?: EvaluateCallOptions): unknown {
    return variableResult(this.run('variable', featureKey, variableKey, context, call));
  }

  getAllVariables(featureKey: string, context?: Context): Record<string, unknown> {
    const schema = this.compiled.feature(featureKey)?.variablesSchema ?? {};
    const result: Record<string, unknown> = {};
    for (const variableKey of Object.keys(schema)) {
      result[variableKey] = variableResult(this.run('variable', featureKey, variableKey, context, undefined));
    }
    return result;
  }

  featureKeys(): string[] {
    return this.compiled.featureKeys();
  }
}
