// The Action's glue: inputs → plan → phases (each calls the core) → annotations, comment, summary, outputs.
// Deploy and rollback live in ./publish.ts and import the publish module lazily, so a pull-request check never
// loads a cloud SDK.
import * as core from '@actions/core';
import { buildProject, writeDatafileSet } from '../build/index.ts';
import { diffRefs } from '../diff/git.ts';
import { lintProject } from '../lint/index.ts';
import { FlagwrightError, type Diagnostic } from '../model/diagnostic.ts';
import type { Project } from '../model/project.ts';
import { loadProject } from '../project/load.ts';
import { formatDiagnostics } from '../render/diagnostics.ts';
import { renderSummary } from '../render/summary.ts';
import { runSpecs } from '../spec/index.ts';
import { gitRaw, resolveCommit } from '../util/git.ts';
import { emitAnnotations, selectAnnotations, type SourcedDiagnostic } from './annotations.ts';
import { postComment } from './comment.ts';
import { planRun, readRunContext, type RunContext, type RunPlan } from './context.ts';
import { describeError } from './errors.ts';
import { readSettings, type ActionSettings } from './inputs.ts';
import { collectOutputs, setOutputs } from './outputs.ts';
import { deployPhase, rollbackPhase, stateSource } from './publish.ts';
import type { RunResult } from './result.ts';
import { renderRunSummary } from './summary.ts';

export async function run(): Promise<void> {
  try {
    const settings = readSettings();
    const context = readRunContext();
    const plan = planRun(settings, context);
    core.info(`flagwright: ${plan.reason}; phases: ${plan.phases.join(', ')}`);
    const result = await execute(settings, context, plan);
    await report(result, settings);
    if (result.failures.length) core.setFailed(`flagwright: ${result.failures.join('; ')}`);
  } catch (error) {
    core.setFailed(`flagwright: ${describeError(error)}`);
  }
}

async function execute(settings: ActionSettings, context: RunContext, plan: RunPlan): Promise<RunResult> {
  const result: RunResult = { plan, phases: [], problems: [], failures: [] };
  const has = (phase: string) => plan.phases.includes(phase as never);
  const sourced: SourcedDiagnostic[] = [];

  let project: Project | undefined;
  let loadDiagnostics: Diagnostic[] = [];
  let lintErrors = 0;
  if (has('lint') || has('test')) {
    ({ project, diagnostics: loadDiagnostics } = await core.group('Load project', () => loadProject(settings.projectDir)));
  }

  if (has('lint') && project) {
    const lintProblems = await core.group('Lint', async () => {
      const diagnostics = await lintProject(project, loadDiagnostics);
      if (diagnostics.length) core.info(formatDiagnostics(diagnostics, 'text', { rootDirectory: settings.projectDir, cwd: settings.workspace }));
      return diagnostics;
    });
    lintErrors = lintProblems.filter((d) => d.severity === 'error').length;
    const warnings = lintProblems.length - lintErrors;
    for (const d of lintProblems) sourced.push({ ...d, origin: 'lint' });
    result.problems.push(...lintProblems.map((d) => inRepo(settings, d)));
    const failing = lintErrors > 0 || (settings.failOn === 'warning' && warnings > 0);
    const detail = lintProblems.length ? `${lintErrors} error(s), ${warnings} warning(s)` : 'no problems';
    result.phases.push({ phase: 'Lint', status: failing ? 'failed' : warnings ? 'warning' : 'passed', detail });
    if (failing) result.failures.push(`lint found ${detail}${lintErrors ? '' : ' (fail-on: warning)'}`);
  } else if (!has('lint') && loadDiagnostics.some((d) => d.severity === 'error')) {
    // Without a lint phase, load errors still have to surface.
    lintErrors = loadDiagnostics.filter((d) => d.severity === 'error').length;
    for (const d of loadDiagnostics) sourced.push({ ...d, origin: 'lint' });
    result.problems.push(...loadDiagnostics.map((d) => inRepo(settings, d)));
    result.failures.push(`the project has ${lintErrors} load error(s)`);
  }

  if (has('test') && project) {
    const loaded = project;
    const specs = await core.group('Test', async () => {
      const report = runSpecs(loaded);
      if (report.failures.length) core.info(formatDiagnostics(report.failures, 'text', { rootDirectory: settings.projectDir, cwd: settings.workspace }));
      core.info(`${report.passed} assertion(s) passed, ${report.failed} failed`);
      return report;
    });
    for (const d of specs.failures) sourced.push({ ...d, origin: 'test' });
    result.problems.push(...specs.failures.map((d) => inRepo(settings, d)));
    const ran = specs.passed + specs.failed;
    result.phases.push({
      phase: 'Test',
      status: specs.failed ? 'failed' : ran ? 'passed' : 'skipped',
      detail: ran ? `${specs.passed} passed, ${specs.failed} failed` : 'no spec files',
    });
    if (specs.failed) result.failures.push(`${specs.failed} spec assertion(s) failed`);
  }

  let built: Awaited<ReturnType<typeof buildProject>> | undefined;
  if (has('build')) {
    if (lintErrors > 0) {
      result.phases.push({ phase: 'Build', status: 'skipped', detail: 'the project has lint errors' });
    } else {
      built = await core.group('Build', async () => {
        try {
          const stateFrom = await stateSource(settings, context, plan);
          // The lint phase already passed: do not lint the same files twice.
          const output = await buildProject({ projectDir: settings.projectDir, schemaVersion: settings.schemaVersion, stateFrom, lint: !has('lint') });
          core.info(`previous allocation: ${output.stateSource}`);
          const outDir = output.project.config.datafilesDirectoryPath;
          await writeDatafileSet(outDir, output.set);
          result.datafilesDir = outDir;
          result.revision = output.set.revision;
          core.info(`${output.set.files.length} datafile(s), revision ${output.set.revision} → ${outDir}`);
          result.phases.push({ phase: 'Build', status: 'passed', detail: `${output.set.files.length} datafile(s), revision \`${output.set.revision}\`` });
          return output;
        } catch (error) {
          // `command: build` lints inside the build: its findings still deserve annotations.
          if (error instanceof FlagwrightError) for (const d of error.diagnostics) sourced.push({ ...d, origin: 'lint' });
          const message = describeError(error);
          core.error(message);
          result.phases.push({ phase: 'Build', status: 'failed', detail: message.split('\n')[0] });
          result.failures.push(`build failed: ${message.split('\n')[0]}`);
          return undefined;
        }
      });
    }
  }

  let changedFiles: Set<string> | undefined;
  if (has('diff') && plan.base) {
    const base = plan.base;
    const head = plan.head ?? 'HEAD';
    await core.group(`Diff ${base.slice(0, 12)}…${head.slice(0, 12)}`, async () => {
      try {
        await ensureCommits(settings.workspace, [base, head]);
        const report = await diffRefs({ repoDir: settings.workspace, projectPath: settings.projectPath || '.', base, head });
        result.diff = report;
        core.info(report.summary);
        const detail = report.totals.featuresChanged
          ? `${report.totals.featuresChanged} feature(s) change in ${report.totals.environmentsChanged} environment(s)`
          : 'no effective changes';
        result.phases.push({ phase: 'Diff', status: report.status === 'risky' || report.status === 'invalid' ? 'warning' : 'passed', detail });
        changedFiles = await filesChanged(settings.workspace, base, head);
      } catch (error) {
        const message = describeError(error);
        core.error(message);
        result.phases.push({ phase: 'Diff', status: 'failed', detail: message.split('\n')[0] });
        result.failures.push(`diff failed: ${message.split('\n')[0]}`);
      }
    });
  }

  if (sourced.length) {
    emitAnnotations(selectAnnotations(sourced, { projectPath: settings.projectPath, changedFiles }));
  }

  if (has('comment') && result.diff && context.pullRequest) {
    await core.group('Pull request comment', () => postComment(settings, context, result));
  }

  if (has('deploy')) {
    if (result.failures.length) {
      result.phases.push({ phase: 'Deploy', status: 'skipped', detail: 'earlier phases failed' });
    } else if (built) {
      await deployPhase(result, settings, built.set);
    }
  }

  if (has('rollback')) await rollbackPhase(result, settings);
  return result;
}

/** Diagnostics name project-relative files; the summary shows repository-relative ones, like the annotations. */
function inRepo(settings: ActionSettings, diagnostic: Diagnostic): Diagnostic {
  if (!settings.projectPath || !diagnostic.line || diagnostic.file.includes(':')) return diagnostic;
  return { ...diagnostic, file: `${settings.projectPath}/${diagnostic.file}` };
}

/** A shallow checkout lacks the PR's base: fetch just the missing commits rather than failing. */
async function ensureCommits(repoDir: string, refs: string[]): Promise<void> {
  const missing: string[] = [];
  for (const ref of refs) if (!(await resolveCommit(ref, repoDir))) missing.push(ref);
  if (!missing.length) return;
  core.info(`fetching ${missing.join(', ')} from origin (shallow checkout)`);
  await gitRaw(['fetch', '--no-tags', '--depth=1', 'origin', ...missing], repoDir);
}

async function filesChanged(repoDir: string, base: string, head: string): Promise<Set<string>> {
  const out = await gitRaw(['diff', '--name-only', '-z', base, head], repoDir);
  return new Set(out.code === 0 ? out.stdout.split('\0').filter(Boolean) : []);
}

async function report(result: RunResult, settings: ActionSettings): Promise<void> {
  setOutputs(collectOutputs(result));
  const diffSummary = result.diff ? renderSummary(result.diff) : undefined;
  const markdown = renderRunSummary(result, diffSummary);
  if (process.env.GITHUB_STEP_SUMMARY) {
    try {
      await core.summary.addRaw(markdown, true).write();
    } catch (error) {
      core.warning(`flagwright: could not write the job summary: ${(error as Error).message}`);
    }
  }
  core.debug(`settings: ${JSON.stringify({ ...settings, githubToken: settings.githubToken ? '***' : undefined })}`);
}
