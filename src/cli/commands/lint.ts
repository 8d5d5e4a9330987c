// flagwright lint: every schema and semantic problem of the project in one run.
import { resolve } from 'node:path';
import { FlagwrightError, type Diagnostic } from '../../model/diagnostic.ts';
import { lintProject } from '../../lint/index.ts';
import { loadProject } from '../../project/load.ts';
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
      const { project, diagnostics: loadDiagnostics } = await loadProject(rootDirectory);
      diagnostics = await lintProject(project, loadDiagnostics);
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

export default command;
