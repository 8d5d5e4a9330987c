// flagwright test: run the project's spec files with Flagwright's engine (SDK 2.0.0 semantics).
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FlagwrightError } from '../../model/diagnostic.ts';
import { loadProject } from '../../project/load.ts';
import { formatDiagnostics } from '../../render/diagnostics.ts';
import { formatSpecReport, type SpecReportFormat } from '../../spec/format.ts';
import { runSpecs } from '../../spec/index.ts';
import { oneOf, parseOptions, type Command } from '../command.ts';

const usage =
  'flagwright test [--project DIR] [--format text|json|github|junit] [--feature PATTERN] [--assertion PATTERN] [--out FILE]';

const command: Command = {
  name: 'test',
  summary: "Run the project's spec files (tests/*.yml) and report each assertion (exit 1 on any failure).",
  usage,
  async run(argv, io) {
    const { values } = parseOptions(
      argv,
      {
        project: { type: 'string' },
        format: { type: 'string' },
        feature: { type: 'string' },
        assertion: { type: 'string' },
        out: { type: 'string' },
      },
      usage,
    );
    const format = oneOf<SpecReportFormat>('format', values.format, ['text', 'json', 'github', 'junit'], 'text');
    const rootDirectory = resolve(io.cwd, values.project ?? '.');
    const formatOptions = { rootDirectory, cwd: io.cwd, workspace: io.env.GITHUB_WORKSPACE || io.cwd };

    const { project, diagnostics } = await loadProject(rootDirectory);
    const loadErrors = diagnostics.filter((d) => d.severity === 'error');
    if (loadErrors.length > 0) {
      // Specs cannot be trusted against a half-loaded project: show why, in the requested style.
      io.stderr(formatDiagnostics(loadErrors, format === 'github' ? 'github' : 'text', formatOptions));
      throw new FlagwrightError(`the project has ${loadErrors.length} load error(s); fix them before running specs`);
    }

    const report = runSpecs(project, { feature: values.feature, assertion: values.assertion });
    const output = formatSpecReport(report, format, formatOptions);
    if (values.out) {
      const target = resolve(io.cwd, values.out);
      // Written beside the target and renamed: a failed write never leaves half a report behind.
      const temporary = `${target}.${process.pid}.tmp`;
      try {
        writeFileSync(temporary, output);
        renameSync(temporary, target);
      } catch (error) {
        rmSync(temporary, { force: true });
        throw new FlagwrightError(`--out: cannot write ${target}: ${(error as Error).message}`, [], 2);
      }
      io.stdout(`${report.passed} passed, ${report.failed} failed; report written to ${values.out}\n`);
    } else {
      io.stdout(output);
    }
    return report.failed > 0 ? 1 : 0;
  },
};

export default command;
