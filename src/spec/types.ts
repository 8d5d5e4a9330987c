import type { Diagnostic } from '../model/diagnostic.ts';
import type { DatafileV2 } from '../model/datafile.ts';

export interface AssertionError {
  /** e.g. "expectedVariation", "expectedVariables.color", "children[0].expectedToBeEnabled", or "input". */
  field: string;
  expected?: unknown;
  received?: unknown;
  /** Set for bad input (unknown environment, malformed context, ...). */
  message?: string;
}

export interface AssertionResult {
  /** 0-based index of the assertion as written; matrix rows share it. */
  index: number;
  description: string;
  environment?: string;
  passed: boolean;
  errors: AssertionError[];
  file: string;
  /** 0 for passing assertions (positions are only resolved for failures). */
  line: number;
  column: number;
  durationMs: number;
}

export interface SpecResult {
  file: string;
  key: string;
  kind: 'feature' | 'segment';
  assertions: AssertionResult[];
  durationMs: number;
}

export interface SpecReport {
  specs: SpecResult[];
  /** Assertion counts (matrix rows counted one by one). */
  passed: number;
  failed: number;
  failures: Diagnostic[];
  durationMs: number;
}

export interface RunSpecsOptions {
  /** Regex on the feature/segment key (like Featurevisor's keyPattern). */
  feature?: string;
  /** Regex on the rendered assertion description (like assertionPattern). */
  assertion?: string;
  /** Where datafiles come from; defaults to buildDatafile(project, { environment, tag: null, revision: 'include-all-features' }). */
  datafileFor?: (environment: string) => DatafileV2;
}
