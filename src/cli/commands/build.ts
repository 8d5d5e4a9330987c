// flagwright build: datafiles per environment × tag, or one datafile printed (--json).
import { relative, resolve } from 'node:path';
import { addWithRequired, buildDatafile, buildProject, writeDatafileSet } from '../../build/index.ts';
import { FlagwrightError } from '../../model/diagnostic.ts';
import type { Project } from '../../model/project.ts';
import { formatDiagnostics } from '../../render/diagnostics.ts';
import { oneOf, parseOptions, type Command } from '../command.ts';

const usage =
  'flagwright build [--project DIR] [--out DIR] [--revision R] [--schema-version 2|1] [--state-from DIR|URI] | --environment E [--feature F] --json [--pretty]';

const command: Command = {
  name: 'build',
  summary: 'Build datafiles for every environment × tag (revision = git commit of the tree).',
  usage,
  async run(argv, io) {
    const { values } = parseOptions(
      argv,
      {
        project: { type: 'string' },
        out: { type: 'string' },
        revision: { type: 'string' },
        'schema-version': { type: 'string' },
        'state-from': { type: 'string' },
        environment: { type: 'string' },
        feature: { type: 'string' },
        json: { type: 'boolean' },
        pretty: { type: 'boolean' },
      },
      usage,
    );
    const schemaVersion = oneOf('schema-version', values['schema-version'], ['2', '1'] as const, '2');
    const projectDir = resolve(io.cwd, values.project ?? '.');
    let result;
    try {
      result = await buildProject({ projectDir, revision: values.revision, schemaVersion, stateFrom: values['state-from'] });
    } catch (error) {
      if (error instanceof FlagwrightError && error.diagnostics.length) {
        io.stderr(formatDiagnostics(error.diagnostics, 'text', { cwd: io.cwd, rootDirectory: projectDir }));
      }
      throw error;
    }
    const warnings = result.diagnostics.filter((d) => d.severity === 'warning');
    if (warnings.length) io.stderr(formatDiagnostics(warnings, 'text', { cwd: io.cwd, rootDirectory: projectDir }));
    if (result.lintWarnings) io.stderr(`${result.lintWarnings} lint warning(s): run "flagwright lint" to see them\n`);

    if (values.json || values.environment !== undefined) {
      if (!values.json) throw new FlagwrightError('--environment prints one datafile: add --json', [], 2);
      io.stdout(printOne(result.project, values.environment, values.feature, values.pretty === true, result.set.revision) + '\n');
      return 0;
    }

    const out = values.out ? resolve(io.cwd, values.out) : result.project.config.datafilesDirectoryPath;
    await writeDatafileSet(out, result.set);
    const where = relative(io.cwd, out) || '.';
    io.stderr(`previous allocation: ${result.stateSource}\n`);
    io.stdout(`built ${result.set.files.length} datafiles (revision ${result.set.revision}) in ${where}\n`);
    return 0;
  },
};

function printOne(project: Project, environment: string | undefined, featureKey: string | undefined, pretty: boolean, revision: string): string {
  const environments = project.config.environments;
  const env = environment ?? (project.config.environmentsDisabled ? '' : undefined);
  if (env === undefined || !environments.includes(env)) {
    throw new FlagwrightError(`--environment must be one of ${environments.join(', ')} (got "${environment ?? ''}")`, [], 2);
  }
  if (featureKey === undefined) {
    const datafile = buildDatafile(project, { environment: env, tag: null, revision });
    return pretty ? JSON.stringify(datafile, null, 2) : JSON.stringify(datafile);
  }
  if (!project.features.has(featureKey)) throw new FlagwrightError(`--feature: no feature "${featureKey}" in the project`, [], 2);
  // The feature and its required chain (and only the segments they use), as Featurevisor's print mode does.
  const keep = new Set<string>();
  addWithRequired(project, featureKey, keep);
  const subset: Project = { ...project, features: new Map([...project.features].filter(([key]) => keep.has(key))) };
  const datafile = buildDatafile(subset, { environment: env, tag: null, revision });
  return pretty ? JSON.stringify(datafile, null, 2) : JSON.stringify(datafile);
}

export default command;
