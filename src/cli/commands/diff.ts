// flagwright diff: the effective flag changes between two git refs (built datafiles, not YAML).
import { rename, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { diffRefs } from '../../diff/git.ts';
import { reportToJson } from '../../diff/json.ts';
import { FlagwrightError } from '../../model/diagnostic.ts';
import { renderComment } from '../../render/comment.ts';
import { renderReportText } from '../../render/report-text.ts';
import { renderSummary } from '../../render/summary.ts';
import { oneOf, parseOptions, type Command } from '../command.ts';

const usage =
  'flagwright diff [--project DIR] --base REF [--head REF] [--format markdown|json|text] [--out FILE] ' +
  '[--full] [--run-url URL] [--summary-url URL] [--size-budget BYTES] [--production ENV,...] [--no-specs]';

const command: Command = {
  name: 'diff',
  summary: 'Show what a change does to users: the effective diff of the built datafiles between two git refs.',
  usage,
  async run(argv, io) {
    const { values } = parseOptions(
      argv,
      {
        project: { type: 'string' },
        base: { type: 'string' },
        head: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        full: { type: 'boolean' },
        'run-url': { type: 'string' },
        'summary-url': { type: 'string' },
        'size-budget': { type: 'string' },
        production: { type: 'string' },
        'no-specs': { type: 'boolean' },
      },
      usage,
    );
    const format = oneOf('format', values.format, ['markdown', 'json', 'text'] as const, 'text');
    if (!values.base) throw new FlagwrightError(`--base is required\nusage: ${usage}`, [], 2);
    let sizeBudget: number | undefined;
    if (values['size-budget'] !== undefined) {
      sizeBudget = Number(values['size-budget']);
      if (!Number.isInteger(sizeBudget) || sizeBudget <= 0) throw new FlagwrightError(`--size-budget must be a positive number of bytes (got "${values['size-budget']}")`, [], 2);
    }
    const project = resolve(io.cwd, values.project ?? '.');
    const report = await diffRefs({
      repoDir: project,
      projectPath: project,
      base: values.base,
      head: values.head,
      specs: !values['no-specs'],
      diff: {
        sizeBudget,
        productionEnvironments: values.production ? values.production.split(',').map((s) => s.trim()).filter(Boolean) : undefined,
      },
    });
    const renderOptions = { runUrl: values['run-url'], summaryUrl: values['summary-url'] };
    const output =
      format === 'json'
        ? reportToJson(report)
        : format === 'markdown'
          ? values.full
            ? renderSummary(report, renderOptions)
            : renderComment(report, renderOptions)
          : renderReportText(report);
    if (values.out) {
      const file = resolve(io.cwd, values.out);
      const temp = `${file}.${process.pid}.tmp`;
      await writeFile(temp, output);
      await rename(temp, file);
      io.stderr(`${report.summary}\nwrote ${file}\n`);
    } else {
      io.stdout(output);
    }
    return report.status === 'invalid' ? 1 : 0;
  },
};

export default command;
