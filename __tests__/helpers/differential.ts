// Shared comparison of Flagwright's engine with @featurevisor/sdk 2.0.0 for the differential tests.
// A disagreement counts as a known SDK bug only when the engine, emulating exactly that bug, gives the
// SDK's answer; anything else is reported as unexplained.
import { isDeepStrictEqual } from 'node:util';
import { createInstance } from '@featurevisor/sdk';
import { createEvaluator, KNOWN_SDK_DIFFERENCES, type Evaluator, type StickyFeatures } from '../../src/engine/index.ts';
import type { Context, DatafileV2 } from '../../src/model/datafile.ts';

type Sdk = ReturnType<typeof createInstance>;
type Call =
  | { kind: 'isEnabled'; feature: string }
  | { kind: 'getVariation'; feature: string }
  | { kind: 'getVariable'; feature: string; variable: string };

export interface DifferentialTally {
  contexts: number;
  comparisons: number;
  perBug: Record<string, number>;
  unexplained: string[];
}

export function newTally(): DifferentialTally {
  return { contexts: 0, comparisons: 0, perBug: Object.fromEntries(KNOWN_SDK_DIFFERENCES.map((d) => [d.name, 0])), unexplained: [] };
}

function callEngine(engine: Evaluator, call: Call, context: Context): unknown {
  if (call.kind === 'isEnabled') return engine.isEnabled(call.feature, context);
  if (call.kind === 'getVariation') return engine.getVariation(call.feature, context);
  return engine.getVariable(call.feature, call.variable, context);
}

function callSdk(sdk: Sdk, call: Call, context: Context): unknown {
  const ctx = context as never;
  if (call.kind === 'isEnabled') return sdk.isEnabled(call.feature, ctx);
  if (call.kind === 'getVariation') return sdk.getVariation(call.feature, ctx);
  return sdk.getVariable(call.feature, call.variable, ctx);
}

/** The decision fields of an Evaluation object (reason included). */
function fingerprint(evaluation: Record<string, unknown>) {
  const variation = evaluation.variation as { value?: string } | undefined;
  return {
    reason: evaluation.reason,
    enabled: evaluation.enabled,
    bucketKey: evaluation.bucketKey,
    bucketValue: evaluation.bucketValue,
    ruleKey: evaluation.ruleKey,
    forceIndex: evaluation.forceIndex,
    variationValue: evaluation.variationValue ?? variation?.value,
    variableValue: evaluation.variableValue,
  };
}

const BUG_COMBINATIONS: string[][] = [...KNOWN_SDK_DIFFERENCES.map((d) => [d.name]), KNOWN_SDK_DIFFERENCES.map((d) => d.name)];

export interface CompareOptions {
  label: string;
  sticky?: StickyFeatures;
  bucketValue?: () => number;
  /** Also compare Evaluation objects (all bugs emulated) for every n-th context; 0 = never. */
  evaluationsEvery?: number;
  /** Restrict to these features (default: all). */
  features?: string[];
}

export function compareWithSdk(datafile: DatafileV2, contexts: Iterable<Context>, tally: DifferentialTally, options: CompareOptions): void {
  const { sticky, bucketValue } = options;
  const sdk = createInstance({
    datafile: structuredClone(datafile) as never,
    logLevel: 'fatal',
    sticky: sticky && (structuredClone(sticky) as never),
    hooks: bucketValue ? [{ name: 'at', bucketValue }] : [],
  });
  const engine = createEvaluator(structuredClone(datafile), { sticky, bucketValue });
  const emulators = BUG_COMBINATIONS.map((bugs) => ({
    bugs,
    engine: createEvaluator(structuredClone(datafile), { sticky, bucketValue, emulateSdkBugs: bugs }),
  }));
  const exact = emulators[emulators.length - 1].engine;

  const calls: Call[] = [];
  for (const feature of options.features ?? Object.keys(datafile.features)) {
    const definition = datafile.features[feature];
    calls.push({ kind: 'isEnabled', feature }, { kind: 'getVariation', feature });
    for (const variable of Object.keys(definition?.variablesSchema ?? {})) calls.push({ kind: 'getVariable', feature, variable });
  }
  const [first] = Object.keys(datafile.features);
  calls.push(
    { kind: 'isEnabled', feature: 'missingFeature' },
    { kind: 'getVariable', feature: 'missingFeature', variable: 'color' },
    { kind: 'getVariable', feature: first, variable: 'undeclared' },
  );

  const report = (text: string) => {
    if (tally.unexplained.length < 20) tally.unexplained.push(`${options.label}: ${text}`);
  };
  let index = 0;
  for (const context of contexts) {
    tally.contexts++;
    for (const call of calls) {
      tally.comparisons++;
      const expected = callSdk(sdk, call, context);
      const actual = callEngine(engine, call, context);
      if (isDeepStrictEqual(actual, expected)) continue;
      const explained = emulators.find((e) => isDeepStrictEqual(callEngine(e.engine, call, context), expected));
      if (explained) for (const bug of explained.bugs) tally.perBug[bug]++;
      else report(`${JSON.stringify(call)} context=${JSON.stringify(context)} sdk=${JSON.stringify(expected)} flagwright=${JSON.stringify(actual)}`);
    }
    if (options.evaluationsEvery && index % options.evaluationsEvery === 0) {
      for (const call of calls) {
        const ctx = context as never;
        const [theirs, ours] =
          call.kind === 'isEnabled'
            ? [sdk.evaluateFlag(call.feature, ctx), exact.evaluateFlag(call.feature, context)]
            : call.kind === 'getVariation'
              ? [sdk.evaluateVariation(call.feature, ctx), exact.evaluateVariation(call.feature, context)]
              : [sdk.evaluateVariable(call.feature, call.variable, ctx), exact.evaluateVariable(call.feature, call.variable, context)];
        const a = fingerprint(ours as unknown as Record<string, unknown>);
        const b = fingerprint(theirs as unknown as Record<string, unknown>);
        if (!isDeepStrictEqual(a, b)) report(`evaluation of ${JSON.stringify(call)} context=${JSON.stringify(context)}: sdk=${JSON.stringify(b)} flagwright=${JSON.stringify(a)}`);
      }
    }
    index++;
  }
}
