// diffRefs: builds the project at two git refs and diffs the built datafiles. Trees are read with
// `git archive` into a temp dir, so the work tree, index and refs are never touched. The head is linted
// and its specs run; the base build's datafiles are the head's previous state (stable allocation).
import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { buildDatafileSet, stateFromDatafileSet } from '../build/index.ts';
import { stateFromFeaturevisorFiles } from '../build/state.ts';
import { lintProject } from '../lint/index.ts';
import { FlagwrightError, type Diagnostic } from '../model/diagnostic.ts';
import type { DatafileSet } from '../model/datafile-set.ts';
import type { Project } from '../model/project.ts';
import { loadProject } from '../project/load.ts';
import { runSpecs } from '../spec/index.ts';
import { gitRaw, resolveCommit } from '../util/git.ts';
import { diffDatafileSets, invalidReport } from './index.ts';
import type { DiffOptions, DiffReport, SpecSummary } from './types.ts';

export interface DiffRefsOptions {
  /** Any folder inside the repository. */
  repoDir: string;
  /** The project folder, relative to repoDir (or absolute). */
  projectPath: string;
  base: string;
  /** Without a head, the work tree is the head. */
  head?: string;
  /** Run the head's spec files (default true). */
  specs?: boolean;
  diff?: Pick<DiffOptions, 'productionEnvironments' | 'sizeBudget'>;
}

export async function diffRefs(options: DiffRefsOptions): Promise<DiffReport> {
  const top = await repoTop(options.repoDir);
  const projectAbs = isAbsolute(options.projectPath) ? options.projectPath : resolve(options.repoDir, options.projectPath);
  const projectRel = relative(top, projectAbs).split('\\').join('/');
  if (projectRel.startsWith('..')) throw new FlagwrightError(`--project ${options.projectPath} is outside the git repository ${top}`, [], 2);

  const baseSha = await resolveCommit(options.base, top);
  if (!baseSha) throw new FlagwrightError(`--base: unknown git ref "${options.base}" in ${top} (fetch it first, e.g. actions/checkout with fetch-depth: 0)`, [], 2);
  const headSha = options.head ? await resolveCommit(options.head, top) : undefined;
  if (options.head && !headSha) throw new FlagwrightError(`--head: unknown git ref "${options.head}" in ${top}`, [], 2);

  const temp = await mkdtemp(join(tmpdir(), 'flagwright-diff-'));
  try {
    const baseRoot = join(temp, 'base');
    const baseExists = await extractTree(top, baseSha, projectRel, baseRoot);
    let headDir = projectAbs;
    if (headSha) {
      const headRoot = join(temp, 'head');
      if (!(await extractTree(top, headSha, projectRel, headRoot))) {
        throw new FlagwrightError(`--head ${options.head}: the project folder "${projectRel || '.'}" does not exist at that commit`, [], 2);
      }
      headDir = join(headRoot, projectRel);
    }

    const baseInfo = { revision: baseSha.slice(0, 7), commit: baseSha, ref: options.base };
    const headInfo = headSha
      ? { revision: headSha.slice(0, 7), commit: headSha, ref: options.head }
      : { revision: 'worktree', ref: 'work tree' };

    const base = baseExists ? await buildBase(join(baseRoot, projectRel), baseInfo) : undefined;

    // The head: load, lint, specs, build. Problems make the report invalid instead of throwing.
    let project: Project;
    let lint: Diagnostic[];
    try {
      const loaded = await loadProject(headDir);
      project = loaded.project;
      lint = await lintProject(project, loaded.diagnostics);
    } catch (error) {
      if (!(error instanceof FlagwrightError)) throw error;
      return invalidReport(headInfo, base && baseInfo, `the head project cannot be loaded: ${error.message}`, {
        lint: error.diagnostics,
        sizeBudget: options.diff?.sizeBudget,
      });
    }
    const lintErrors = lint.some((d) => d.severity === 'error');
    let tests: SpecSummary | undefined;
    if (options.specs !== false && !lintErrors && project.tests.length) {
      const specs = runSpecs(project);
      tests = { passed: specs.passed, failed: specs.failed, failures: specs.failures };
    }
    let head: DatafileSet;
    try {
      head = buildDatafileSet(project, { revision: headInfo.revision, commit: headSha, state: base ? stateFromDatafileSet(base) : undefined });
    } catch (error) {
      if (!(error instanceof FlagwrightError)) throw error;
      return invalidReport(headInfo, base && baseInfo, `the head cannot be built: ${error.message}`, { lint, tests, sizeBudget: options.diff?.sizeBudget });
    }
    const archivedInHead = [...project.features.values()].filter((f) => f.archived).map((f) => f.key);
    return diffDatafileSets(base, head, {
      ...options.diff,
      archivedInHead,
      unreadableInHead: unreadableFeatures(project, lint),
      lint,
      tests,
      baseRef: options.base,
      headRef: options.head ?? 'work tree',
    });
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

/** The base as it was built: its own Featurevisor state files apply (the loader/builder read them). */
async function buildBase(dir: string, info: { revision: string; commit: string }): Promise<DatafileSet | undefined> {
  try {
    const { project } = await loadProject(dir, { tests: false });
    const state = stateFromFeaturevisorFiles(project.config);
    return buildDatafileSet(project, { revision: info.revision, commit: info.commit, state });
  } catch (error) {
    // A base that cannot be built (e.g. no config yet) is treated as "nothing before": everything is new.
    if (error instanceof FlagwrightError) return undefined;
    throw error;
  }
}

/** Keys of feature files with errors that the loader could not turn into features (e.g. YAML syntax errors). */
function unreadableFeatures(project: Project, diagnostics: Diagnostic[]): string[] {
  const root = project.config.rootDirectory;
  const featuresDir = relative(root, project.config.featuresDirectoryPath).split('\\').join('/');
  const keys = new Set<string>();
  for (const d of diagnostics) {
    if (d.severity !== 'error' || !d.file.startsWith(featuresDir + '/')) continue;
    const key = d.file.slice(featuresDir.length + 1).replace(/\.(ya?ml|json)$/i, '');
    if (!project.features.has(key)) keys.add(key);
  }
  return [...keys].sort();
}

async function repoTop(dir: string): Promise<string> {
  const result = await gitRaw(['rev-parse', '--show-toplevel'], dir);
  if (result.code !== 0) throw new FlagwrightError(`${dir} is not inside a git repository: ${result.stderr.trim()}`, [], 2);
  return result.stdout.trim();
}

/**
 * Writes the tree of `commit` under `path` into `dest` (as dest/<path>). Returns false when the path does
 * not exist at that commit. `git archive | tar -x` streams binary data, so it does not go through gitRaw.
 */
async function extractTree(repo: string, commit: string, path: string, dest: string): Promise<boolean> {
  const spec = path ? `${commit}:${path}` : `${commit}^{tree}`;
  const type = await gitRaw(['cat-file', '-t', spec], repo);
  if (type.code !== 0 || type.stdout.trim() !== 'tree') return false;
  await mkdir(dest, { recursive: true });
  await new Promise<void>((resolvePromise, reject) => {
    const archive = spawn('git', ['archive', '--format=tar', commit, ...(path ? ['--', path] : [])], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
    const tar = spawn('tar', ['-x', '-C', dest], { stdio: ['pipe', 'ignore', 'pipe'] });
    let errors = '';
    archive.stderr.on('data', (d) => (errors += d));
    tar.stderr.on('data', (d) => (errors += d));
    archive.stdout.pipe(tar.stdin);
    let pending = 2;
    let failed = false;
    const done = (name: string) => (code: number | null) => {
      if (code !== 0 && !failed) {
        failed = true;
        reject(new FlagwrightError(`${name} failed while reading ${commit.slice(0, 12)}:${path || '.'}: ${errors.trim() || `exit ${code}`}`));
      }
      if (--pending === 0 && !failed) resolvePromise();
    };
    archive.on('error', reject);
    tar.on('error', reject);
    archive.on('close', done('git archive'));
    tar.on('close', done('tar -x'));
  });
  return true;
}

