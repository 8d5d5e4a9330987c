// Spec runner entry point: runs the project's specs against datafiles built by Flagwright's builder
// (every non-archived feature, like `featurevisor test`, with the current Featurevisor state if any).
import { buildDatafile, type PreviousState } from '../build/index.ts';
import { stateFromFeaturevisorFiles } from '../build/state.ts';
import type { Project } from '../model/project.ts';
import { runSpecsWith } from './run.ts';
import type { RunSpecsOptions, SpecReport } from './types.ts';

export type * from './types.ts';
export { runSpecsWith, formatAssertionError } from './run.ts';

export function runSpecs(project: Project, options: RunSpecsOptions = {}): SpecReport {
  let state: PreviousState | undefined | null = null;
  const datafileFor =
    options.datafileFor ??
    ((environment: string) => {
      if (state === null) state = stateFromFeaturevisorFiles(project.config);
      return buildDatafile(project, { environment, tag: null, revision: 'include-all-features', state, hashes: false });
    });
  return runSpecsWith(project, { ...options, datafileFor });
}
