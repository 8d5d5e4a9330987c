// `lintProject`: every structural and semantic problem of a loaded project in one pass,
// never stopping at the first. Checks produce path-based findings; positions are resolved last,
// and only for files that have findings.
import { compareDiagnostics, type Diagnostic } from '../model/diagnostic.ts';
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
import { checkSpecs, specReferencesOf } from './specs.ts';

/** Runs every check and returns path-based findings (no file I/O). */
export function collectFindings(project: Project): Finding[] {
  const ctx = createContext(project);
  const { findings } = ctx;
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
  if (project.tests.length > 0) checkSpecs(findings, project.config, specReferencesOf(project), project.tests);
  return findings.items;
}

/** All problems, sorted: load diagnostics (YAML syntax, duplicate keys, …) plus lint findings. */
export function lintProject(project: Project, loadDiagnostics: Diagnostic[] = []): Promise<Diagnostic[]> {
  return lintReport(project.config.rootDirectory, loadDiagnostics, collectFindings(project));
}

/** Load diagnostics and findings (given positions here) as one sorted list without repeats. */
export async function lintReport(rootDirectory: string, loadDiagnostics: Diagnostic[], findings: Finding[]): Promise<Diagnostic[]> {
  const resolved = await resolveFindings(rootDirectory, findings);
  const all = [...loadDiagnostics, ...resolved].sort(compareDiagnostics);
  return all.filter((d, i) => {
    const prev = all[i - 1];
    return !prev || prev.file !== d.file || prev.line !== d.line || prev.column !== d.column || prev.rule !== d.rule || prev.message !== d.message;
  });
}

