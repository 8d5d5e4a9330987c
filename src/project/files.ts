// Which entity files a project has: listed once, in the order they are loaded.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { relative, sep } from 'node:path';
import type { ProjectConfig } from '../model/project.ts';

const YAML_FILE = /\.ya?ml$/;

export interface EntityFile {
  key: string;
  /** Project-relative, forward slashes. */
  file: string;
  absolute: string;
}

export interface ProjectFiles {
  attribute: EntityFile[];
  segment: EntityFile[];
  feature: EntityFile[];
  group: EntityFile[];
  /** Empty when the specs were not asked for. */
  test: EntityFile[];
}

/** Every entity file of the project, by kind (specs only with `tests`). */
export function listProjectFiles(config: ProjectConfig, tests: boolean): ProjectFiles {
  const root = config.rootDirectory;
  return {
    attribute: listEntityFiles(config.attributesDirectoryPath, root),
    segment: listEntityFiles(config.segmentsDirectoryPath, root),
    feature: listEntityFiles(config.featuresDirectoryPath, root),
    group: listEntityFiles(config.groupsDirectoryPath, root),
    test: tests ? listEntityFiles(config.testsDirectoryPath, root) : [],
  };
}

const KINDS = ['attribute', 'segment', 'feature', 'group', 'test'] as const;

/** A listing as one string per kind: another thread gets it as a few string copies, not 60,000 small clones. */
export type PackedFiles = Record<keyof ProjectFiles, string>;

export function packFiles(files: ProjectFiles): PackedFiles {
  const packed = {} as PackedFiles;
  for (const kind of KINDS) packed[kind] = files[kind].map((f) => `${f.key}\0${f.file}\0${f.absolute}`).join('\0');
  return packed;
}

export function unpackFiles(packed: PackedFiles): ProjectFiles {
  const files = {} as ProjectFiles;
  for (const kind of KINDS) {
    const parts = packed[kind] ? packed[kind].split('\0') : [];
    const list: EntityFile[] = [];
    for (let i = 0; i + 2 < parts.length; i += 3) list.push({ key: parts[i]!, file: parts[i + 1]!, absolute: parts[i + 2]! });
    files[kind] = list;
  }
  return files;
}

/** The files in load order: attributes, segments, features, groups, specs. */
export function allFiles(files: ProjectFiles): EntityFile[] {
  return [...files.attribute, ...files.segment, ...files.feature, ...files.group, ...files.test];
}

/** Their absolute paths, in load order. */
export const pathsOf = (files: ProjectFiles): string[] => allFiles(files).map((file) => file.absolute);

/** Lists YAML files below `directory` depth-first in byte order, as Featurevisor v2 does; keys keep subfolders. */
function listEntityFiles(directory: string, rootDirectory: string): EntityFile[] {
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
