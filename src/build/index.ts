// Building datafiles: every environment × tag from one loaded project.
import { resolve } from 'node:path';
import { compareDiagnostics, FlagwrightError, type Diagnostic } from '../model/diagnostic.ts';
import { resolveFindings } from '../project/positions.ts';
import type { DatafileV2 } from '../model/datafile.ts';
import type { BuiltDatafile, DatafileSet } from '../model/datafile-set.ts';
import type { Project, ProjectConfig } from '../model/project.ts';
import { loadProject } from '../project/load.ts';
import { createDatafileBuilder } from './datafile.ts';
import { revisionFromContent, revisionFromGit } from './revision.ts';
import { toSchemaV1 } from './schema-v1.ts';
import { stateFromDatafileSet, stateFromDirectory, stateFromFeaturevisorFiles, stateFromUrl, type PreviousState } from './state.ts';

export type { PreviousState } from './state.ts';
export { stateFromDatafileSet, stateFromDatafiles } from './state.ts';
export { writeDatafileSet } from './write.ts';
export { addWithRequired } from './datafile.ts';

export type SchemaVersion = '1' | '2';

export function datafilePath(config: ProjectConfig, environment: string, tag: string): string {
  const name = config.datafileNamePattern.replace('%s', `tag-${tag}`);
  return environment ? `${environment}/${name}` : name;
}

export function buildDatafile(
  project: Project,
  options: { environment: string; tag: string | null; revision: string; state?: PreviousState; hashes?: boolean },
): DatafileV2 {
  return createDatafileBuilder(project, options.state).build(options.environment, options.tag, options.revision, { hashes: options.hashes });
}

export function buildDatafileSet(
  project: Project,
  options: { revision: string; commit?: string; schemaVersion?: SchemaVersion; state?: PreviousState },
): DatafileSet {
  const builder = createDatafileBuilder(project, options.state);
  const files: BuiltDatafile[] = [];
  for (const environment of project.config.environments) {
    for (const tag of project.config.tags) {
      const path = datafilePath(project.config, environment, tag);
      let datafile: DatafileV2 | undefined;
      // The datafile object and the joined bytes are made on first use: writing files needs only the parts.
      const datafileOf = () => (datafile ??= builder.build(environment, tag, options.revision));
      let bytes: Buffer | undefined;
      let parts: Buffer[] | undefined;
      if (options.schemaVersion === '1') {
        const v1 = toSchemaV1(datafileOf(), project);
        bytes = Buffer.from(project.config.prettyDatafile ? JSON.stringify(v1, null, 2) : JSON.stringify(v1));
      } else {
        parts = builder.serializeParts(environment, tag, options.revision);
      }
      const file = { environment, tag, path, parts } as BuiltDatafile;
      // (Joining a 10,000-feature build's parts copied 40 MB.)
      const bytesOf = () => (bytes ??= parts!.length === 1 ? parts![0]! : Buffer.concat(parts!));
      Object.defineProperty(file, 'bytes', { enumerable: true, get: bytesOf });
      Object.defineProperty(file, 'datafile', { enumerable: true, get: datafileOf });
      files.push(file);
    }
  }
  return { revision: options.revision, commit: options.commit, files };
}

export interface BuildProjectOptions {
  projectDir: string;
  revision?: string;
  schemaVersion?: SchemaVersion;
  /** A folder of previously built datafiles, or a deploy target / URL whose live datafiles are the state. */
  stateFrom?: string;
  /** Lint before building (default true): a project with lint errors is not built. */
  lint?: boolean;
}

export interface BuildProjectResult {
  set: DatafileSet;
  project: Project;
  /** Load diagnostics that did not stop the build (warnings). */
  diagnostics: Diagnostic[];
  /** Lint warnings found (positions are not resolved: `flagwright lint` shows them). */
  lintWarnings: number;
  /** Where the previous allocation came from, for the build log. */
  stateSource: string;
}

export async function buildProject(options: BuildProjectOptions): Promise<BuildProjectResult> {
  // git starts before the project is loaded: spawning from a small process is cheap (from one holding a
  // loaded 10,000-feature project it costs ~30 ms per call), and git runs while the files are read.
  const gitRevision = revisionFromGit(resolve(options.projectDir));
  gitRevision.catch(() => {});
  const { project, diagnostics: loadDiagnostics } = await loadProject(options.projectDir, { tests: false });
  let errors = loadDiagnostics.filter((d) => d.severity === 'error');
  let lintWarnings = 0;
  if (options.lint !== false) {
    // Positions are resolved only for errors: warnings are counted here and shown by `flagwright lint`.
    const { collectFindings } = await import('../lint/index.ts');
    const findings = collectFindings(project);
    const errorFindings = findings.filter((f) => f.severity === 'error');
    lintWarnings = findings.length - errorFindings.length;
    if (errorFindings.length) errors = [...errors, ...(await resolveFindings(project.config.rootDirectory, errorFindings))].sort(compareDiagnostics);
  }
  if (errors.length > 0) {
    throw new FlagwrightError(`the project has ${errors.length} error${errors.length === 1 ? '' : 's'}; nothing was built`, errors);
  }
  const diagnostics = loadDiagnostics;

  const { state, source } = await resolveState(project, options.stateFrom);
  let revision = options.revision;
  let commit: string | undefined;
  const git = await gitRevision;
  if (git) commit = git.commit;
  if (!revision) {
    revision = git?.revision ?? revisionFromContent([...project.features.values()].map((f) => f.file + JSON.stringify(f.raw)));
  }
  if (!/^[A-Za-z0-9._-]+$/.test(revision) || revision.includes('..')) {
    throw new FlagwrightError(`--revision must be letters, digits, ".", "_" or "-" (got "${revision}")`, [], 2);
  }
  const set = buildDatafileSet(project, { revision, commit, schemaVersion: options.schemaVersion, state });
  return { set, project, diagnostics, lintWarnings, stateSource: source };
}

async function resolveState(project: Project, stateFrom: string | undefined): Promise<{ state?: PreviousState; source: string }> {
  if (stateFrom) {
    if (/^https?:\/\//i.test(stateFrom)) {
      const live = await stateFromUrl(stateFrom);
      if (!live) return { state: undefined, source: `no manifest.json at ${stateFrom}: fresh allocation` };
      return { state: live.state, source: `live datafiles at ${stateFrom} (revision ${live.revision})` };
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(stateFrom) && !stateFrom.startsWith('file://')) {
      const { readLiveDatafiles } = await import('../publish/remote-state.ts');
      const live = await readLiveDatafiles(stateFrom, {});
      if (!live) return { state: undefined, source: `nothing live at ${stateFrom}: fresh allocation` };
      return { state: stateFromDatafileSet(live), source: `live datafiles at ${stateFrom} (revision ${live.revision})` };
    }
    const directory = stateFrom.startsWith('file://') ? new URL(stateFrom).pathname : stateFrom;
    return { state: stateFromDirectory(directory, project.config), source: `datafiles in ${directory}` };
  }
  const featurevisorState = stateFromFeaturevisorFiles(project.config);
  if (featurevisorState) return { state: featurevisorState, source: 'Featurevisor state files in .featurevisor/' };
  return { state: undefined, source: 'none: fresh allocation (pass --state-from to keep users in their buckets)' };
}
