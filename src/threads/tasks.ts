// The shares of work a second thread can take. Each task loads what it needs from the project folder
// and returns plain data (diagnostics, counts), which crosses threads cheaply.
import type { Diagnostic } from '../model/diagnostic.ts';
import type { Project, ProjectConfig } from '../model/project.ts';
import { loadConfig } from '../project/config.ts';
import { resolveFindings } from '../project/positions.ts';
import { loadProject, loadProjectWithConfig, type TestSlice } from '../project/load.ts';
import type { RunSpecsOptions, SpecReport } from '../spec/types.ts';

export type SideTask =
  /** `flagwright lint`'s spec share: the spec files' load errors and the spec checks. */
  | { kind: 'lint-specs'; rootDirectory: string }
  /** `flagwright build`'s lint: every check but the specs' (errors with positions, warnings counted). */
  | { kind: 'lint-for-build'; rootDirectory: string }
  /** `flagwright test`'s share: every `parts`-th spec file from the `part`-th on. */
  | { kind: 'run-specs'; rootDirectory: string; slice: TestSlice; options: SpecFilters };

export type SpecFilters = Pick<RunSpecsOptions, 'feature' | 'assertion'>;

/** A share of the specs: its report, or the load errors that keep specs from running. */
export interface SpecShare {
  report?: SpecReport;
  loadErrors: Diagnostic[];
}

export interface BuildLint {
  errors: Diagnostic[];
  warnings: number;
}

interface Results {
  'lint-specs': Diagnostic[];
  'lint-for-build': BuildLint;
  'run-specs': SpecShare;
}
export type SideResult<K extends SideTask['kind']> = Results[K];

/** The lint a build needs: positions are resolved for errors only (`flagwright lint` shows the warnings). */
export async function lintForBuild(project: Project): Promise<BuildLint> {
  const { collectFindings } = await import('../lint/index.ts');
  const findings = collectFindings(project, 'entities');
  const errors = findings.filter((f) => f.severity === 'error');
  return { errors: errors.length ? await resolveFindings(project.config.rootDirectory, errors) : [], warnings: findings.length - errors.length };
}

export async function lintSpecs(rootDirectory: string): Promise<Diagnostic[]> {
  const { lintProject } = await import('../lint/index.ts');
  const { project, diagnostics } = await loadProject(rootDirectory);
  return lintProject(project, diagnostics, 'specs');
}

/** Loads the project with one share of the spec files and runs them (not at all if anything failed to load). */
export async function runSpecShare(config: ProjectConfig, slice: TestSlice, options: SpecFilters): Promise<SpecShare> {
  const { runSpecs } = await import('../spec/index.ts');
  const { project, diagnostics } = loadProjectWithConfig(config, { tests: slice });
  const loadErrors = diagnostics.filter((d) => d.severity === 'error');
  return loadErrors.length ? { loadErrors } : { report: runSpecs(project, options), loadErrors };
}

export async function runSideTask(task: SideTask): Promise<SideResult<SideTask['kind']>> {
  switch (task.kind) {
    case 'lint-specs':
      return lintSpecs(task.rootDirectory);
    case 'lint-for-build':
      return lintForBuild((await loadProject(task.rootDirectory, { tests: false })).project);
    case 'run-specs':
      return runSpecShare(await loadConfig(task.rootDirectory), task.slice, task.options);
  }
}
