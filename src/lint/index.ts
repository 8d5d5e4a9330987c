// `lintProject`: every structural and semantic problem of a loaded project in one pass,
// never stopping at the first. Checks produce path-based findings; positions are resolved last,
// and only for files that have findings.
import { sortUnique, type Diagnostic } from '../model/diagnostic.ts';
import type { Project } from '../model/project.ts';
import { resolveFindings } from '../project/positions.ts';
import { checkAttributes, checkSegments } from './attributes.ts';
import { createContext } from './context.ts';
import { checkFeature } from './features.ts';
import type { Finding } from './finding.ts';
import { checkGroups } from './groups.ts';
import { checkRequired } from './required.ts';
import { checkSchema } from './schema-check.ts';
import { checkSdkBugs } from './sdk-bugs.ts';
import { checkSpec } from './specs.ts';

/** Which checks run: all of them, or one share when two threads split a lint (src/threads/). */
export type LintScope = 'all' | 'entities' | 'specs';

/** Runs the checks of `scope` and returns path-based findings (no file I/O). */
export function collectFindings(project: Project, scope: LintScope = 'all'): Finding[] {
  const ctx = createContext(project);
  const { findings } = ctx;
  if (scope !== 'specs') {
    for (const attribute of project.attributes.values()) checkSchema('attribute', attribute.dialect, attribute.file, attribute.raw, findings);
    for (const segment of project.segments.values()) checkSchema('segment', segment.dialect, segment.file, segment.raw, findings);
    for (const feature of project.features.values()) checkSchema('feature', feature.dialect, feature.file, feature.raw, findings);
    for (const group of project.groups.values()) checkSchema('group', group.dialect, group.file, group.raw, findings);

    checkAttributes(ctx);
    checkSegments(ctx);
    for (const feature of project.features.values()) {
      checkFeature(ctx, feature);
      checkSdkBugs(ctx, feature);
    }
    checkRequired(ctx);
    checkGroups(ctx);
  }
  if (scope !== 'entities') {
    for (const spec of project.tests) checkSchema('test', spec.dialect, spec.file, spec.raw, findings);
    for (const spec of project.tests) checkSpec(ctx, spec);
  }
  return findings.items;
}

/** All problems of `scope`, sorted: load diagnostics (YAML syntax, duplicate keys, …) plus lint findings. */
export async function lintProject(project: Project, loadDiagnostics: Diagnostic[] = [], scope: LintScope = 'all'): Promise<Diagnostic[]> {
  const resolved = await resolveFindings(project.config.rootDirectory, collectFindings(project, scope));
  return sortUnique([...loadDiagnostics, ...resolved]);
}
