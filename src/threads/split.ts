// Commands that split their work over two threads when the project is large (see side-thread.ts).
import type { Diagnostic } from '../model/diagnostic.ts';
import type { Project } from '../model/project.ts';
import { loadConfig } from '../project/config.ts';
import { compareDiagnostics, sortUnique } from '../model/diagnostic.ts';
import { listEntityFiles, loadProjectWithConfig } from '../project/load.ts';
import type { SpecReport } from '../spec/types.ts';
import { threadsPay, startSideTask } from './side-thread.ts';
import { lintForBuild, lintSpecs, runSpecShare, type BuildLint, type SpecFilters, type SpecShare } from './tasks.ts';

/** Every problem of the project: entities here, specs on the second thread. */
export async function lintAt(rootDirectory: string): Promise<Diagnostic[]> {
  const { lintProject } = await import('../lint/index.ts');
  const config = await loadConfig(rootDirectory);
  const side = threadsPay(config) ? startSideTask({ kind: 'lint-specs', rootDirectory }) : undefined;
  const { project, diagnostics } = loadProjectWithConfig(config, { tests: !side });
  const here = await lintProject(project, diagnostics, side ? 'entities' : 'all');
  if (!side) return here;
  return sortUnique([...here, ...((await side) ?? (await lintSpecs(rootDirectory)))]);
}

/**
 * The project without specs, and its lint: already running on the second thread (`sideLint`, which may
 * resolve to undefined if that thread failed), or left to the caller.
 */
export async function loadForBuild(rootDirectory: string, lint = true): Promise<{ project: Project; diagnostics: Diagnostic[]; sideLint?: Promise<BuildLint | undefined> }> {
  const config = await loadConfig(rootDirectory);
  const sideLint = lint && threadsPay(config) ? startSideTask({ kind: 'lint-for-build', rootDirectory }) : undefined;
  const { project, diagnostics } = loadProjectWithConfig(config, { tests: false });
  return { project, diagnostics, sideLint };
}

export { lintForBuild };

/** Runs the project's specs, half of the spec files on each thread; one report in file order. */
export async function runSpecsAt(rootDirectory: string, options: SpecFilters): Promise<SpecShare> {
  const config = await loadConfig(rootDirectory);
  if (!threadsPay(config)) return runSpecShare(config, { part: 0, parts: 1 }, options);
  const side = startSideTask({ kind: 'run-specs', rootDirectory, slice: { part: 1, parts: 2 }, options });
  const here = await runSpecShare(config, { part: 0, parts: 2 }, options);
  const other = (await side) ?? (await runSpecShare(config, { part: 1, parts: 2 }, options));
  const loadErrors = sortUnique([...here.loadErrors, ...other.loadErrors]);
  if (loadErrors.length || !here.report || !other.report) return { loadErrors };
  const order = new Map(listEntityFiles(config.testsDirectoryPath, config.rootDirectory).map((entry, index) => [entry.file, index]));
  return { report: mergeReports(here.report, other.report, order), loadErrors };
}

function mergeReports(a: SpecReport, b: SpecReport, order: Map<string, number>): SpecReport {
  return {
    specs: [...a.specs, ...b.specs].sort((x, y) => (order.get(x.file) ?? 0) - (order.get(y.file) ?? 0)),
    passed: a.passed + b.passed,
    failed: a.failed + b.failed,
    failures: [...a.failures, ...b.failures].sort(compareDiagnostics),
    durationMs: Math.max(a.durationMs, b.durationMs),
  };
}
