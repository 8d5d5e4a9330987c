// The evaluation algorithm of @featurevisor/sdk 2.0.0 (flag, variation, variable), step for step,
// over a compiled datafile. Two upstream bugs are replaced by their documented behaviour unless
// emulation is requested (see known-differences.ts).
import type { Context, Traffic, Allocation } from '../model/datafile.ts';
import type { CompiledDatafile, CompiledFeature, CompiledForce, CompiledTraffic } from './compile.ts';
import { getBucketValue } from './hash.ts';
import type { BucketValueHookInfo, Evaluation, EvaluationType, StickyFeatures } from './types.ts';

/** Deep enough for any sane `required` chain; a cycle ends as an `error` evaluation. */
const MAX_REQUIRED_DEPTH = 64;

export interface EvaluationEnvironment {
  compiled: CompiledDatafile;
  sticky: StickyFeatures | undefined;
  bucketValueHook: ((info: BucketValueHookInfo) => number) | undefined;
  /** A bucket value fixed for every feature (no hashing); wins over the hook. */
  fixedBucketValue: number | undefined;
  /** Bug "required-variables": required features are checked with the caller's variableKey. */
  requiredInheritsVariableKey: boolean;
  /** Bug "forced-zero-percent-variables": a 0% rule ends variable evaluation with no value. */
  zeroPercentStopsVariables: boolean;
}

export function evaluate(
  env: EvaluationEnvironment,
  type: EvaluationType,
  featureKey: string,
  variableKey: string | undefined,
  context: Context,
  depth = 0,
): Evaluation {
  try {
    if (depth > MAX_REQUIRED_DEPTH) throw new Error(`required features nested deeper than ${MAX_REQUIRED_DEPTH} (cycle?)`);
    return evaluateUnsafe(env, type, featureKey, variableKey, context, depth);
  } catch (error) {
    return { type, featureKey, variableKey, reason: 'error', error: error as Error };
  }
}

function evaluateUnsafe(
  env: EvaluationEnvironment,
  type: EvaluationType,
  featureKey: string,
  variableKey: string | undefined,
  context: Context,
  depth: number,
): Evaluation {
  const { compiled, sticky } = env;

  // Variations and variables first need the flag (the SDK passes its variableKey along).
  if (type !== 'flag') {
    const flag = evaluate(env, 'flag', featureKey, variableKey, context, depth);
    if (flag.enabled === false) return disabledEvaluation(compiled, type, featureKey, variableKey);
  }

  const stickyFeature = sticky ? sticky[featureKey] : undefined;
  if (stickyFeature) {
    if (type === 'flag' && stickyFeature.enabled !== undefined) {
      return { type, featureKey, reason: 'sticky', sticky: stickyFeature, enabled: stickyFeature.enabled };
    }
    if (type === 'variation' && stickyFeature.variation !== undefined) {
      return { type, featureKey, reason: 'sticky', variationValue: stickyFeature.variation };
    }
    if (variableKey && stickyFeature.variables) {
      const value = stickyFeature.variables[variableKey];
      if (value !== undefined) return { type, featureKey, reason: 'sticky', variableKey, variableValue: value };
    }
  }

  const feature = compiled.feature(featureKey);
  if (!feature) return { type, featureKey, reason: 'feature_not_found' };

  const variableSchema = variableKey && feature.variablesSchema ? feature.variablesSchema[variableKey] : undefined;
  if (variableKey && !variableSchema) return { type, featureKey, reason: 'variable_not_found', variableKey };

  if (type === 'variation' && !feature.hasVariations) return { type, featureKey, reason: 'no_variations' };

  const force = matchForce(feature, context);
  if (force) {
    const raw = force.raw;
    if (type === 'flag' && raw.enabled !== undefined) {
      return { type, featureKey, reason: 'forced', forceIndex: force.index, force: raw, enabled: raw.enabled };
    }
    if (type === 'variation' && raw.variation) {
      const variation = feature.variations.get(raw.variation);
      if (variation) {
        return { type, featureKey, reason: 'forced', forceIndex: force.index, force: raw, variation: variation.raw };
      }
    }
    if (variableKey && raw.variables && raw.variables[variableKey] !== undefined) {
      return {
        type,
        featureKey,
        reason: 'forced',
        forceIndex: force.index,
        force: raw,
        variableKey,
        variableSchema,
        variableValue: raw.variables[variableKey],
      };
    }
  }

  if (type === 'flag' && feature.required.length > 0 && !requiredAreSatisfied(env, feature, variableKey, context, depth)) {
    return { type, featureKey, reason: 'required', required: feature.raw.required, enabled: false };
  }

  const bucketKey = feature.bucketKey(context);
  const bucketValue = bucketValueFor(env, featureKey, bucketKey, context);

  const traffic = matchTraffic(feature, context);
  const allocation = type !== 'flag' && traffic ? matchAllocation(traffic.allocation, bucketValue) : undefined;

  if (traffic) {
    const rawTraffic = traffic.raw;
    const ruleKey = traffic.key;
    if (traffic.percentage === 0 && (type !== 'variable' || env.zeroPercentStopsVariables)) {
      return { type, featureKey, reason: 'rule', bucketKey, bucketValue, ruleKey, traffic: rawTraffic, enabled: false };
    }

    if (type === 'flag') {
      if (feature.ranges) {
        if (inRanges(feature.ranges, bucketValue)) {
          const enabled = rawTraffic.enabled === undefined ? true : rawTraffic.enabled;
          return { type, featureKey, reason: 'allocated', bucketKey, bucketValue, ruleKey, traffic: rawTraffic, enabled };
        }
        return { type, featureKey, reason: 'out_of_range', bucketKey, bucketValue, enabled: false };
      } else if (rawTraffic.enabled !== undefined) {
        return { type, featureKey, reason: 'rule', bucketKey, bucketValue, ruleKey, traffic: rawTraffic, enabled: rawTraffic.enabled };
      } else if (bucketValue <= traffic.percentage) {
        return { type, featureKey, reason: 'rule', bucketKey, bucketValue, ruleKey, traffic: rawTraffic, enabled: true };
      }
    }

    if (type === 'variation' && feature.hasVariations) {
      if (rawTraffic.variation) {
        const variation = feature.variations.get(rawTraffic.variation);
        if (variation) {
          return { type, featureKey, reason: 'rule', bucketKey, bucketValue, ruleKey, traffic: rawTraffic, variation: variation.raw };
        }
      }
      if (allocation && allocation.variation) {
        const variation = feature.variations.get(allocation.variation);
        if (variation) {
          return { type, featureKey, reason: 'allocated', bucketKey, bucketValue, ruleKey, traffic: rawTraffic, variation: variation.raw };
        }
      }
    }
  }

  if (type === 'variable' && variableKey) {
    const rawTraffic: Traffic | undefined = traffic?.raw;
    const ruleKey = traffic?.key;
    if (rawTraffic && rawTraffic.variables && rawTraffic.variables[variableKey] !== undefined) {
      return {
        type,
        featureKey,
        reason: 'rule',
        bucketKey,
        bucketValue,
        ruleKey,
        traffic: rawTraffic,
        variableKey,
        variableSchema,
        variableValue: rawTraffic.variables[variableKey],
      };
    }

    let variationValue: string | undefined;
    if (force && force.raw.variation) variationValue = force.raw.variation;
    else if (rawTraffic && rawTraffic.variation) variationValue = rawTraffic.variation;
    else if (allocation && allocation.variation) variationValue = allocation.variation;

    if (variationValue && feature.hasVariations) {
      const variation = feature.variations.get(variationValue);
      const overrides = variation?.overrides?.[variableKey];
      if (overrides) {
        for (let i = 0; i < overrides.length; i++) {
          if (overrides[i].match(context)) {
            return {
              type,
              featureKey,
              reason: 'variable_override',
              bucketKey,
              bucketValue,
              ruleKey,
              traffic: rawTraffic,
              variableKey,
              variableSchema,
              variableValue: overrides[i].raw.value,
            };
          }
        }
      }
      const values = variation?.raw.variables;
      if (values && values[variableKey] !== undefined) {
        return {
          type,
          featureKey,
          reason: 'allocated',
          bucketKey,
          bucketValue,
          ruleKey,
          traffic: rawTraffic,
          variableKey,
          variableSchema,
          variableValue: values[variableKey],
        };
      }
    }
  }

  if (type === 'variation') return { type, featureKey, reason: 'no_match', bucketKey, bucketValue };
  if (type === 'variable') {
    return {
      type,
      featureKey,
      reason: 'variable_default',
      bucketKey,
      bucketValue,
      variableKey,
      variableSchema,
      variableValue: variableSchema!.defaultValue,
    };
  }
  return { type, featureKey, reason: 'no_match', bucketKey, bucketValue, enabled: false };
}

function bucketValueFor(env: EvaluationEnvironment, featureKey: string, bucketKey: string, context: Context): number {
  // A fixed value would replace the hash anyway, so the hash is not computed.
  if (env.fixedBucketValue !== undefined) return env.fixedBucketValue;
  const bucketValue = getBucketValue(bucketKey);
  return env.bucketValueHook ? env.bucketValueHook({ featureKey, bucketKey, context, bucketValue }) : bucketValue;
}

function disabledEvaluation(
  compiled: CompiledDatafile,
  type: EvaluationType,
  featureKey: string,
  variableKey: string | undefined,
): Evaluation {
  const feature = compiled.feature(featureKey);
  if (type === 'variable' && feature && variableKey && feature.variablesSchema && feature.variablesSchema[variableKey]) {
    const variableSchema = feature.variablesSchema[variableKey];
    if (variableSchema.disabledValue !== undefined) {
      return {
        type,
        featureKey,
        reason: 'variable_disabled',
        variableKey,
        variableValue: variableSchema.disabledValue,
        variableSchema,
        enabled: false,
      };
    }
    if (variableSchema.useDefaultWhenDisabled) {
      return {
        type,
        featureKey,
        reason: 'variable_default',
        variableKey,
        variableValue: variableSchema.defaultValue,
        variableSchema,
        enabled: false,
      };
    }
  }
  if (type === 'variation' && feature && feature.raw.disabledVariationValue) {
    return { type, featureKey, reason: 'variation_disabled', variationValue: feature.raw.disabledVariationValue, enabled: false };
  }
  return { type, featureKey, reason: 'disabled' };
}

function matchForce(feature: CompiledFeature, context: Context): CompiledForce | undefined {
  const list = feature.force;
  for (let i = 0; i < list.length; i++) if (list[i].match(context)) return list[i];
  return undefined;
}

function matchTraffic(feature: CompiledFeature, context: Context): CompiledTraffic | undefined {
  const list = feature.traffic;
  if (!list) throw new TypeError(`feature "${feature.key}" has no traffic array`);
  for (let i = 0; i < list.length; i++) if (list[i].match(context)) return list[i];
  return undefined;
}

function matchAllocation(allocations: Allocation[] | undefined, bucketValue: number): Allocation | undefined {
  if (!allocations) return undefined;
  for (let i = 0; i < allocations.length; i++) {
    // Destructured before the check, as in the SDK: an allocation without a range fails the evaluation.
    const [start, end] = allocations[i].range;
    if (allocations[i].range && start <= bucketValue && end >= bucketValue) return allocations[i];
  }
  return undefined;
}

/** Group slots: end-exclusive. */
function inRanges(ranges: Array<[number, number]>, bucketValue: number): boolean {
  for (let i = 0; i < ranges.length; i++) if (bucketValue >= ranges[i][0] && bucketValue < ranges[i][1]) return true;
  return false;
}

function requiredAreSatisfied(
  env: EvaluationEnvironment,
  feature: CompiledFeature,
  variableKey: string | undefined,
  context: Context,
  depth: number,
): boolean {
  const inherited = env.requiredInheritsVariableKey ? variableKey : undefined;
  for (const required of feature.required) {
    const flag = evaluate(env, 'flag', required.key, inherited, context, depth + 1);
    if (!flag.enabled) return false;
    if (required.variation !== undefined) {
      const evaluation = evaluate(env, 'variation', required.key, inherited, context, depth + 1);
      const value = evaluation.variationValue ? evaluation.variationValue : evaluation.variation?.value;
      if (value !== required.variation) return false;
    }
  }
  return true;
}
