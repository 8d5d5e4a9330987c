// Spec runner entry point: runs the project's specs against datafiles built by Flagwright's builder
// (every non-archived feature, like `featurevisor test`, with the current Featurevisor state if any).
import { addWithRequired, createDatafileBuilder, type DatafileBuilder } from '../build/datafile.ts';
import { stateFromFeaturevisorFiles } from '../build/state.ts';
import type { Project } from '../model/project.ts';
import { NO_ENVIRONMENT } from '../model/project.ts';
import { expandMatrix, substituteEnvironment } from './matrix.ts';
import { runSpecsWith } from './run.ts';
import type { RunSpecsOptions, SpecReport } from './types.ts';

export type * from './types.ts';
export { runSpecsWith, formatAssertionError } from './run.ts';

export function runSpecs(project: Project, options: RunSpecsOptions = {}): SpecReport {
  if (options.datafileFor) return runSpecsWith(project, { ...options, datafileFor: options.datafileFor });
  const needed = featuresNeeded(project, options.feature);
  // One builder for every environment: what does not depend on the environment is built once.
  let builder: DatafileBuilder | undefined;
  const datafileFor = (environment: string) => {
    // Evaluating a feature reads only it and its required chain: the other features need not be built.
    builder ??= createDatafileBuilder(project, stateFromFeaturevisorFiles(project.config), { only: needed });
    return builder.build(environment, null, 'include-all-features', { hashes: false, allSegments: true });
  };
  return runSpecsWith(project, { ...options, datafileFor });
}

/** Environment → keys of the features its assertions evaluate, with everything they require. */
function featuresNeeded(project: Project, featureOption: string | undefined): Map<string, Set<string>> {
  let pattern: RegExp | undefined;
  try {
    pattern = featureOption === undefined ? undefined : new RegExp(featureOption);
  } catch {
    pattern = undefined; // runSpecsWith reports the bad pattern
  }
  const needed = new Map<string, Set<string>>();
  const need = (environment: string, key: string) => {
    let keys = needed.get(environment);
    if (!keys) needed.set(environment, (keys = new Set()));
    addWithRequired(project, key, keys);
  };
  for (let s = 0; s < project.tests.length; s++) {
    const spec = project.tests[s]!;
    if (spec.kind !== 'feature' || (pattern && !pattern.test(spec.feature))) continue;
    for (let a = 0; a < spec.assertions.length; a++) {
      const assertion = spec.assertions[a]!;
      const rows = expandMatrix(assertion.matrix);
      // The same environment the runner computes per matrix row; unknown ones are never built.
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r]!;
        if (project.config.environmentsDisabled) need(NO_ENVIRONMENT, spec.feature);
        else {
          const environment = substituteEnvironment(assertion.environment, row);
          if (environment !== undefined) need(environment, spec.feature);
        }
      }
    }
  }
  return needed;
}
