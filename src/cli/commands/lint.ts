// flagwright lint: every schema and semantic problem of the project in one run.
import { resolve } from 'node:path';
import { FlagwrightError, type Diagnostic } from '../../model/diagnostic.ts';
import { collectFindings, lintProject, lintReport } from '../../lint/index.ts';
import { specReferencesOf } from '../../lint/specs.ts';
import type { ProjectConfig } from '../../model/project.ts';
import { loadConfig } from '../../project/config.ts';
import { loadProjectWithConfig, projectDialect } from '../../project/load.ts';
import { takeSpecLint } from '../../threads/spec-lint.ts';
import { countDiagnostics, formatDiagnostics, type DiagnosticFormat } from '../../render/diagnostics.ts';
import { oneOf, parseOptions, type Command } from '../command.ts';

const usage = 'flagwright lint [--project DIR] [--format text|json|github]';

const command: Command = {
  name: 'lint',
  summary: 'Validate the project: JSON Schemas for every file plus semantic checks (exit 1 on any error).',
  usage,
  async run(argv, io) {
    const { values } = parseOptions(argv, { project: { type: 'string' }, format: { type: 'string' } }, usage);
    const format = oneOf<DiagnosticFormat>('format', values.format, ['text', 'json', 'github'], 'text');
    const rootDirectory = resolve(io.cwd, values.project ?? '.');
    const options = { rootDirectory, cwd: io.cwd, workspace: io.env.GITHUB_WORKSPACE || io.cwd };

    let diagnostics: Diagnostic[];
    try {
      diagnostics = await lint(await loadConfig(rootDirectory));
    } catch (error) {
      // Nothing loadable (no config): still report it in the requested format, with its exit code.
      if (!(error instanceof FlagwrightError) || error.diagnostics.length === 0) throw error;
      io.stdout(formatDiagnostics(error.diagnostics, format, options));
      return error.exitCode;
    }
    io.stdout(formatDiagnostics(diagnostics, format, options));
    return countDiagnostics(diagnostics).errors > 0 ? 1 : 0;
  },
};

/** Every problem of the project; on a command thread the thread that started it checks the specs meanwhile. */
async function lint(config: ProjectConfig): Promise<Diagnostic[]> {
  const specLint = takeSpecLint(config);
  if (specLint) {
    const { project, diagnostics } = loadProjectWithConfig(config, { tests: false });
    const specs = specLint.check(specReferencesOf(project), projectDialect(project));
    const findings = collectFindings(project);
    const checked = await specs;
    if (checked) return lintReport(config.rootDirectory, [...diagnostics, ...checked.diagnostics], [...findings, ...checked.findings]);
    // The other thread could not: everything here, specs included.
  }
  const { project, diagnostics } = loadProjectWithConfig(config);
  return lintProject(project, diagnostics);
}

export default command;
