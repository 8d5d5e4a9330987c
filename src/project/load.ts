// Loads a Featurevisor project: config, then every entity file of both dialects, parsed once.
import { relative } from 'node:path';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { Dialect, Project, ProjectConfig } from '../model/project.ts';
import { loadConfig } from './config.ts';
import { allFiles, listProjectFiles, type EntityFile } from './files.ts';
import { parseRead, type ParseOutcome } from './parse.ts';
import { readInOrder, takeReadPlan } from './read-ahead.ts';
import {
  featureDialect,
  normalizeAttribute,
  normalizeFeature,
  normalizeGroup,
  normalizeSegment,
  normalizeTestSpec,
} from './normalize.ts';

export interface LoadResult {
  project: Project;
  diagnostics: Diagnostic[];
}

export interface LoadOptions {
  /** Read test specs too (default true); building does not need them. */
  tests?: boolean;
}

export async function loadProject(rootDirectory: string, options: LoadOptions = {}): Promise<LoadResult> {
  const config = await loadConfig(rootDirectory);
  return loadProjectWithConfig(config, options);
}

/** Segments, groups and specs look the same in both dialects; they take the dialect most features use. */
const majorityDialect = (v1Features: number, features: number): Dialect => (v1Features * 2 > features ? 'v1' : 'v2');

/** The dialect a loaded project's segments, groups and specs were read in. */
export function projectDialect(project: Project): Dialect {
  let v1Features = 0;
  for (const feature of project.features.values()) if (feature.dialect === 'v1') v1Features++;
  return majorityDialect(v1Features, project.features.size);
}

export function loadProjectWithConfig(config: ProjectConfig, options: LoadOptions = {}): LoadResult {
  const root = config.rootDirectory;
  const tests = options.tests !== false;
  // A command thread is given the listing and a reader already under way by the thread that started it.
  const plan = takeReadPlan(config, tests);
  const kinds = plan?.files ?? listProjectFiles(config, tests);
  const all = allFiles(kinds);

  const outcomes = new Map<EntityFile, ParseOutcome>();
  readInOrder(
    all.map((entry) => entry.absolute),
    (index, result) => {
      const entry = all[index]!;
      outcomes.set(entry, parseRead(result, entry.absolute, entry.file));
    },
    plan,
  );

  const diagnostics: Diagnostic[] = [];
  const docs = (entries: EntityFile[]) => {
    const parsed: Array<EntityFile & { doc: Record<string, unknown> }> = [];
    for (const entry of entries) {
      const outcome = outcomes.get(entry)!;
      if (outcome.ok) parsed.push({ ...entry, doc: outcome.doc });
      else diagnostics.push(outcome.diagnostic);
    }
    return parsed;
  };

  const project: Project = {
    config,
    attributes: new Map(),
    segments: new Map(),
    features: new Map(),
    groups: new Map(),
    tests: [],
  };
  for (const { key, file, doc } of docs(kinds.attribute)) project.attributes.set(key, normalizeAttribute(key, file, doc));
  const featureDocs = docs(kinds.feature);
  const dialect = majorityDialect(featureDocs.filter(({ doc }) => featureDialect(doc) === 'v1').length, featureDocs.length);
  for (const { key, file, doc } of docs(kinds.segment)) project.segments.set(key, normalizeSegment(key, file, doc, dialect));
  for (const { key, file, doc } of featureDocs) project.features.set(key, normalizeFeature(key, file, doc, config));
  for (const { key, file, doc } of docs(kinds.group)) project.groups.set(key, normalizeGroup(key, file, doc, dialect));
  for (const { key, file, doc } of docs(kinds.test)) project.tests.push(normalizeTestSpec(key, file, doc, dialect));

  if (all.length === 0) {
    diagnostics.push({
      file: relative(root, config.configFile ?? root) || '.',
      line: 1,
      column: 1,
      severity: 'error',
      rule: 'empty-project',
      message: `no attributes, segments or features found under ${relative(root, config.featuresDirectoryPath) || '.'} and its sibling folders`,
    });
  } else if (kinds.feature.length === 0) {
    diagnostics.push({
      file: relative(root, config.featuresDirectoryPath) || 'features',
      line: 0,
      column: 0,
      severity: 'error',
      rule: 'empty-project',
      message: 'the project has no features',
    });
  }
  return { project, diagnostics };
}
