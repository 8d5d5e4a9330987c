// Public engine types. Field names follow @featurevisor/sdk 2.0.0's Evaluation.
import type {
  Context,
  Force,
  Required,
  Traffic,
  VariableSchemaEntry,
  VariableValue,
  Variation,
} from '../model/datafile.ts';

export type EvaluationType = 'flag' | 'variation' | 'variable';

export const EVALUATION_REASONS = [
  'feature_not_found',
  'disabled',
  'required',
  'out_of_range',
  'no_variations',
  'variation_disabled',
  'variable_not_found',
  'variable_default',
  'variable_disabled',
  'variable_override',
  'no_match',
  'forced',
  'sticky',
  'rule',
  'allocated',
  'error',
] as const;
export type EvaluationReason = (typeof EVALUATION_REASONS)[number];

export interface StickyFeature {
  enabled?: boolean;
  variation?: string;
  variables?: Record<string, unknown>;
}
export type StickyFeatures = Record<string, StickyFeature>;

export interface Evaluation {
  type: EvaluationType;
  featureKey: string;
  reason: EvaluationReason;
  bucketKey?: string;
  bucketValue?: number;
  ruleKey?: string;
  error?: Error;
  enabled?: boolean;
  traffic?: Traffic;
  forceIndex?: number;
  force?: Force;
  required?: Required[];
  sticky?: StickyFeature;
  variation?: Variation;
  variationValue?: string;
  variableKey?: string;
  variableValue?: VariableValue | unknown;
  variableSchema?: VariableSchemaEntry;
}

export interface BucketValueHookInfo {
  featureKey: string;
  bucketKey: string;
  context: Context;
  bucketValue: number;
}

export interface EvaluatorOptions {
  /**
   * Replaces the computed bucket value; a hook is called for every bucketed feature. A number (the spec
   * runner's `at` x 1000) is the same as a hook that always returns it, and skips hashing the bucket key.
   */
  bucketValue?: number | ((info: BucketValueHookInfo) => number);
  sticky?: StickyFeatures;
  /**
   * Reproduce named upstream SDK bugs (see KNOWN_SDK_DIFFERENCES) instead of the documented behaviour.
   * Only the differential test uses this, to attribute disagreements to a known bug.
   */
  emulateSdkBugs?: readonly string[];
}

export interface EvaluateCallOptions {
  /** As the SDK's defaultVariationValue: fills variationValue when the evaluation left it undefined. */
  defaultVariationValue?: string;
  /** As the SDK's defaultVariableValue: fills variableValue when the evaluation left it undefined. */
  defaultVariableValue?: unknown;
}
