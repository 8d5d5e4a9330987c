// The effective-diff report: what a change to the flag repo does to users, per environment.
// Plain data (JSON-serialisable, deterministic order) so the renderers and other tools can consume it.
import type { Diagnostic } from '../model/diagnostic.ts';

export type ReportStatus = 'unchanged' | 'changed' | 'risky' | 'invalid';

/** Every bucket count below is out of this many buckets (0..99999). */
export const BUCKETS = 100000;

export type ChangeKind =
  | 'feature-added'
  | 'feature-removed'
  | 'feature-archived'
  | 'feature-exposed'
  | 'feature-unexposed'
  | 'tags-changed'
  | 'deprecated'
  | 'undeprecated'
  | 'bucket-by'
  | 'rule-added'
  | 'rule-removed'
  | 'rules-reordered'
  | 'rule-percentage'
  | 'rule-segments'
  | 'rule-enabled'
  | 'rule-variation'
  | 'rule-variables'
  | 'rule-variation-weights'
  | 'rule-allocation'
  | 'segment-conditions'
  | 'variations'
  | 'variation-variables'
  | 'variable-overrides'
  | 'variable-schema'
  | 'force'
  | 'required'
  | 'disabled-variation-value'
  | 'group-ranges';

export interface Change {
  kind: ChangeKind;
  /** Rule key, variable key, segment key or variation value the change is about. */
  subject?: string;
  before?: string;
  after?: string;
  /** One human sentence. */
  text: string;
}

/** Exact share of a rule's users whose outcome changes, from interval arithmetic over the buckets. */
export interface RuleImpact {
  rule: string;
  /** Segment expression of the rule (head, or base when removed), compact JSON or "*". */
  segments: string;
  /** 'changed': same rule before and after; 'added'/'removed': only on one side (share of its own users). */
  status: 'changed' | 'added' | 'removed';
  /** Buckets (out of 100000) newly enabled / newly disabled / enabled on both sides but with another variation. */
  newlyEnabled: number;
  newlyDisabled: number;
  switchedVariation: number;
  /** Buckets enabled before and after (out of 100000). */
  enabledBefore: number;
  enabledAfter: number;
  /** True when the users this rule matches may differ too (segments edited, rules reordered or added above). */
  populationChanged: boolean;
}

export interface FeatureDiff {
  feature: string;
  status: 'added' | 'removed' | 'archived' | 'exposed' | 'unexposed' | 'changed';
  /** Tags whose datafile lists the feature, before and after. */
  tagsBefore: string[];
  tagsAfter: string[];
  changes: Change[];
  impact: RuleImpact[];
  /** Rule-level unified diff lines (' ', '-', '+' prefixes) for the details section. */
  diffLines: string[];
}

export interface EnvironmentDiff {
  /** Environment name; "" when the project disables environments. */
  environment: string;
  production: boolean;
  features: FeatureDiff[];
}

export interface SegmentChange {
  segment: string;
  before?: string;
  after?: string;
  /** Every environment where the edit lands, with the features that use the segment there. */
  affects: Array<{ environment: string; features: string[] }>;
}

export interface DatafileSize {
  path: string;
  environment: string;
  tag: string;
  before?: number;
  after?: number;
  /** The file's features or segments changed (every file's revision changes; that does not count). */
  changed: boolean;
  overBudget: boolean;
}

export type WarningCode =
  | 'exposure-increase'
  | 'rebucketing'
  | 'removal'
  | 'kill-switch'
  | 'required-missing'
  | 'bucket-by'
  | 'size-budget'
  | 'lint-errors'
  | 'tests-failed'
  | 'build-failed';

export interface ReportWarning {
  code: WarningCode;
  /** The environment, or `environments` when one warning covers several. */
  environment?: string;
  environments?: string[];
  feature?: string;
  message: string;
}

export interface SpecSummary {
  passed: number;
  failed: number;
  failures: Diagnostic[];
}

export interface RefInfo {
  revision: string;
  commit?: string;
  ref?: string;
}

export interface DiffReport {
  schemaVersion: 1;
  status: ReportStatus;
  base?: RefInfo;
  head: RefInfo;
  /** One sentence, no markdown. */
  summary: string;
  warnings: ReportWarning[];
  environments: EnvironmentDiff[];
  segments: SegmentChange[];
  sizes: DatafileSize[];
  sizeBudget: number;
  lint?: { errors: number; warnings: number; diagnostics: Diagnostic[] };
  tests?: SpecSummary;
  totals: { featuresChanged: number; environmentsChanged: number; changes: number };
}

export interface DiffOptions {
  /** Environments whose exposure increases are called out (default: names matching /^prod/i). */
  productionEnvironments?: string[];
  /** Datafile size budget in bytes (default 200 KB = 204800). */
  sizeBudget?: number;
  /** Features archived in the head project: a feature missing from the head is reported as archived, not removed. */
  archivedInHead?: string[];
  /** Features the head could not load (broken YAML): left out instead of being reported as removed. */
  unreadableInHead?: string[];
  /** Head lint diagnostics; any error makes the report invalid. */
  lint?: Diagnostic[];
  /** Head spec results; a failure makes the report invalid. */
  tests?: SpecSummary;
  baseRef?: string;
  headRef?: string;
}
