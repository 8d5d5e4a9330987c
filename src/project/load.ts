// Loads a Featurevisor project: config, then every entity file of both dialects, parsed once.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { relative, sep } from 'node:path';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { Dialect, Project, ProjectConfig } from '../model/project.ts';
import { loadConfig } from './config.ts';
import { parseRead, type ParseOutcome } from './parse.ts';
import { readInOrder } from './read-ahead.ts';
import {
  featureDialect,
  normalizeAttribute,
  normalizeFeature,
  normalizeGroup,
  normalizeSegment,
  normalizeTestSpec,
} from './normalize.ts';

const YAML_FILE = /\.ya?ml$/;

export interface LoadResult {
  project: Project;
  diagnostics: Diagnostic[];
}

interface EntityFile {
  key: string;
  /** Project-relative, forward slashes. */
  file: string;
  absolute: string;
}

/** Lists YAML files below `directory` depth-first in byte order, as Featurevisor v2 does; keys keep subfolders. */
export function listEntityFiles(directory: string, rootDirectory: string): EntityFile[] {
  const found: EntityFile[] = [];
  if (!existsSync(directory) || !statSync(directory).isDirectory()) return found;
  const walk = (dir: string, prefix: string) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    // Joined once per folder: path.join/relative per file add up on projects with 20,000 files.
    const absolutePrefix = dir + sep;
    const filePrefix = relative(rootDirectory, dir).split(sep).join('/');
    const fileStart = filePrefix ? `${filePrefix}/` : '';
    for (const entry of entries) {
      const name = entry.name;
      if (name.charCodeAt(0) === 46) continue; // "."
      const absolute = absolutePrefix + name;
      // A dangling link is listed as a file: reading it then reports it at its name.
      const isDirectory = entry.isDirectory() || (entry.isSymbolicLink() && statSync(absolute, { throwIfNoEntry: false })?.isDirectory() === true);
      if (isDirectory) walk(absolute, `${prefix}${name}/`);
      else if (YAML_FILE.test(name)) {
        found.push({ key: prefix + name.slice(0, name.lastIndexOf('.')), file: fileStart + name, absolute });
      }
    }
  };
  walk(directory, '');
  return found;
}

export interface LoadOptions {
  /** Read test specs too (default true); building does not need them. */
  tests?: boolean;
}

export async function loadProject(rootDirectory: string, options: LoadOptions = {}): Promise<LoadResult> {
  const config = await loadConfig(rootDirectory);
  return loadProjectWithConfig(config, options);
}

export function loadProjectWithConfig(config: ProjectConfig, options: LoadOptions = {}): LoadResult {
  const root = config.rootDirectory;
  const kinds = {
    attribute: listEntityFiles(config.attributesDirectoryPath, root),
    segment: listEntityFiles(config.segmentsDirectoryPath, root),
    feature: listEntityFiles(config.featuresDirectoryPath, root),
    group: listEntityFiles(config.groupsDirectoryPath, root),
    test: options.tests === false ? [] : listEntityFiles(config.testsDirectoryPath, root),
  };
  const all = [...kinds.attribute, ...kinds.segment, ...kinds.feature, ...kinds.group, ...kinds.test];

  const outcomes = new Map<EntityFile, ParseOutcome>();
  readInOrder(all.map((entry) => entry.absolute), (index, result) => {
    const entry = all[index]!;
    outcomes.set(entry, parseRead(result, entry.absolute, entry.file));
  });

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
  // Segments, groups and specs look the same in both dialects; they take the dialect most features use.
  const v1Count = featureDocs.filter(({ doc }) => featureDialect(doc) === 'v1').length;
  const projectDialect: Dialect = v1Count * 2 > featureDocs.length ? 'v1' : 'v2';
  for (const { key, file, doc } of docs(kinds.segment)) project.segments.set(key, normalizeSegment(key, file, doc, projectDialect));
  for (const { key, file, doc } of featureDocs) project.features.set(key, normalizeFeature(key, file, doc, config));
  for (const { key, file, doc } of docs(kinds.group)) project.groups.set(key, normalizeGroup(key, file, doc, projectDialect));
  for (const { key, file, doc } of docs(kinds.test)) project.tests.push(normalizeTestSpec(key, file, doc, projectDialect));

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
