// deploy() and rollback(): option handling around the sync engine, shared by the CLI and the Action.
import { FlagwrightError } from '../model/diagnostic.ts';
import type { DatafileSet } from '../model/datafile-set.ts';
import { headCommit, isAncestor, resolveCommit } from '../util/git.ts';
import { DEFAULT_CACHE, revisionManifestKey, type CacheSettings, type Compression, type LocalDatafile, type Manifest } from './layout.ts';
import { fromDatafileSet, readDatafilesDir, type LoadedDatafiles } from './input.ts';
import { publish, type PlanSummary } from './engine.ts';
import { openTarget, type TargetOptions } from './providers.ts';
import { createRemoteReads } from './remote-reads.ts';
import { decodeStored, readManifest } from './remote-state.ts';
import { mapLimit, withRetry } from './retry.ts';

export interface CommonOptions {
  target: string;
  endpoint?: string;
  region?: string;
  cloudfrontDistribution?: string;
  /** Test-only: CloudFront API endpoint. */
  cloudfrontEndpoint?: string;
  /** Test-only: GCS JSON API endpoint (STORAGE_EMULATOR_HOST also works). */
  gcsApiEndpoint?: string;
  /** pages://: git remote (default: origin of repoDir). */
  pagesRemote?: string;
  cacheControl?: Partial<CacheSettings>;
  compress?: Compression;
  retention?: number;
  dryRun?: boolean;
  force?: boolean;
  wait?: boolean;
  concurrency?: number;
  /** Attempts per request (1 = no retry). */
  retries?: number;
  retryDelayMs?: number;
  requestTimeoutMs?: number;
  repoDir?: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  onProgress?: (line: string) => void;
  /** Live counts during uploads (for a terminal progress line). */
  onCount?: (phase: string, done: number, total: number) => void;
}

export interface DeployOptions extends CommonOptions {
  datafilesDir?: string;
  set?: DatafileSet;
  /** Build this project first (lead's buildProject). */
  projectDir?: string;
  revision?: string;
  commit?: string;
}

export interface RollbackOptions extends CommonOptions {
  to: string;
}

export interface DeployResult {
  revision: string;
  uploaded: number;
  unchanged: number;
  deleted: number;
  invalidated: string[];
  manifestUrl?: string;
  datafileUrls: Record<string, string>;
  dryRun: boolean;
  plan?: PlanSummary;
  headersUpdated: number;
  warnings: string[];
}

const REVISION = /^[A-Za-z0-9._-]{1,128}$/;

function targetOptions(options: CommonOptions): TargetOptions {
  const defined = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  return defined({
    endpoint: options.endpoint,
    region: options.region,
    cloudfrontDistribution: options.cloudfrontDistribution,
    cloudfrontEndpoint: options.cloudfrontEndpoint,
    gcsApiEndpoint: options.gcsApiEndpoint,
    pagesRemote: options.pagesRemote,
    requestTimeoutMs: options.requestTimeoutMs,
    repoDir: options.repoDir,
    cwd: options.cwd,
    env: options.env,
    onProgress: options.onProgress,
  }) as TargetOptions;
}

function settingsFrom(options: CommonOptions) {
  const retention = options.retention ?? 10;
  if (!Number.isInteger(retention) || retention < 1) throw new FlagwrightError(`--retention must be a whole number ≥ 1 (got ${retention})`, [], 2);
  const compression = options.compress ?? 'none';
  if (!['none', 'gzip', 'br'].includes(compression)) throw new FlagwrightError(`--compress must be none, gzip or br (got "${compression}")`, [], 2);
  for (const [name, value] of Object.entries(options.cacheControl ?? {})) {
    if (value !== undefined && (!value.trim() || /[\r\n]/.test(value))) throw new FlagwrightError(`--cache-${name} must be a one-line Cache-Control value`, [], 2);
  }
  return {
    cache: { ...DEFAULT_CACHE, ...Object.fromEntries(Object.entries(options.cacheControl ?? {}).filter(([, v]) => v !== undefined)) } as CacheSettings,
    compression,
    retention,
    dryRun: !!options.dryRun,
    wait: !!options.wait,
    concurrency: options.concurrency ?? 32,
    retry: { attempts: options.retries ?? 4, baseDelayMs: options.retryDelayMs ?? 200 },
    log: options.onProgress ?? (() => {}),
    ...(options.onCount ? { progress: options.onCount } : {}),
  };
}

async function loadInput(options: DeployOptions): Promise<LoadedDatafiles> {
  if (options.set) return fromDatafileSet(options.set);
  if (options.datafilesDir) return readDatafilesDir(options.datafilesDir, options.revision !== undefined ? { revision: options.revision } : {});
  if (options.projectDir) {
    // Loaded lazily: prebuilt-datafile deploys never need the builder. It throws on lint errors itself.
    const { buildProject } = await import('../build/index.ts');
    const { set } = await buildProject({ projectDir: options.projectDir, ...(options.revision ? { revision: options.revision } : {}) });
    return fromDatafileSet(set);
  }
  throw new FlagwrightError('deploy needs --datafiles DIR or --project DIR', [], 2);
}

/** Refuses to replace a live revision with an older commit (unless forced). */
function ancestryGuard(commit: string | undefined, options: CommonOptions) {
  return async (live: Manifest | undefined) => {
    if (!live?.commit || !commit || live.commit === commit || options.force) return;
    const repoDir = options.repoDir ?? options.cwd ?? process.cwd();
    if (!(await resolveCommit(live.commit, repoDir))) {
      throw new FlagwrightError(
        `the live revision ${live.revision} was built from commit ${live.commit}, which is not in the local history of ${repoDir}; ` +
          `fetch full history (actions/checkout fetch-depth: 0) so it can be checked, or pass --force`,
      );
    }
    if (!(await isAncestor(live.commit, commit, repoDir))) {
      throw new FlagwrightError(
        `refusing to replace live revision ${live.revision} (commit ${live.commit.slice(0, 12)}) with commit ${commit.slice(0, 12)}, which does not contain it ` +
          `(an older or diverged commit); pass --force to override, or use "flagwright rollback"`,
      );
    }
  };
}

export async function deploy(options: DeployOptions): Promise<DeployResult> {
  const settings = settingsFrom(options);
  // A folder of datafiles never carries a commit: look HEAD up (in .git's files, or with git while the SDK loads).
  const head = options.commit === undefined && options.datafilesDir && options.repoDir ? headCommit(options.repoDir) : undefined;
  head?.catch(() => {});
  // The target opens first (loading its SDK is CPU work that reading files cannot overlap) and its state is
  // requested at once; the local datafiles are read and hashed while those requests are out, so on a
  // re-sync the waits overlap instead of adding up. Only reads start before the input is checked.
  const opening = openTarget(options.target, targetOptions(options)).then(({ provider }) => {
    const reads = createRemoteReads(provider, settings.retry);
    reads.prefetch(options.revision !== undefined && REVISION.test(options.revision) ? options.revision : undefined, settings.retention);
    return reads;
  });
  // Settled either way; a bad target is reported only after the input is checked, as before.
  await opening.catch(() => {});
  let checked: { files: LocalDatafile[]; revision: string; commit: string | undefined };
  try {
    checked = await checkedInput(options, head);
  } catch (error) {
    await opening.then((reads) => reads.provider.close?.(), () => {});
    throw error;
  }
  const reads = await opening;
  try {
    return await publish(reads.provider, {
      ...settings,
      files: checked.files,
      revision: checked.revision,
      ...(checked.commit ? { commit: checked.commit } : {}),
      reads,
      guard: ancestryGuard(checked.commit, options),
    });
  } finally {
    await reads.provider.close?.();
  }
}

async function checkedInput(options: DeployOptions, head: Promise<string | undefined> | undefined) {
  const input = await loadInput(options);
  const revision = options.revision ?? input.revision;
  if (!revision) throw new FlagwrightError('no revision: the datafiles carry none; pass --revision', [], 2);
  if (!REVISION.test(revision)) throw new FlagwrightError(`--revision "${revision}" must be 1–128 of A-Z a-z 0-9 . _ - (it becomes a path segment)`, [], 2);
  const commit = options.commit ?? input.commit ?? (options.repoDir ? await (head ?? headCommit(options.repoDir)) : undefined);
  return { files: input.files, revision, commit };
}

/** Republishes an immutable revision that is still on the target as the latest one. */
export async function rollback(options: RollbackOptions): Promise<DeployResult> {
  const settings = settingsFrom(options);
  if (!REVISION.test(options.to)) throw new FlagwrightError(`--to "${options.to}" is not a revision name`, [], 2);
  const { provider } = await openTarget(options.target, targetOptions(options));
  try {
    const call = <T>(what: string, fn: () => Promise<T>) => withRetry(what, fn, settings.retry);
    const live = await call('read manifest.json', () => readManifest(provider));
    if (!live) throw new FlagwrightError(`${options.target}: nothing is live (no manifest.json); nothing to roll back`);
    const stored = await call(`read ${revisionManifestKey(options.to)}`, () => provider.get(revisionManifestKey(options.to)));
    if (!stored) {
      const available = live.manifest.history.map((h) => h.revision).join(', ');
      throw new FlagwrightError(`${options.target}: revision "${options.to}" is not on the target (available: ${available || 'none'})`, [], 2);
    }
    const target = JSON.parse(decodeStored(stored).toString('utf8')) as Manifest;
    const files: LocalDatafile[] = await mapLimit(target.files, settings.concurrency, async (file) => {
      const object = await call(`read ${file.immutablePath}`, () => provider.get(file.immutablePath));
      if (!object) throw new FlagwrightError(`${options.target}: ${file.immutablePath} of revision ${options.to} is missing; cannot roll back`);
      const name = file.path.split('/').pop()!;
      return { environment: file.environment, name, bytes: decodeStored(object), immutableKey: file.immutablePath };
    });
    const entry = live.manifest.history.find((h) => h.revision === options.to);
    return await publish(provider, {
      ...settings,
      // Keep the stored encoding so the immutable copies match byte for byte.
      compression: options.compress ?? target.contentEncoding,
      // A rollback never prunes: the revision rolled away from stays available.
      retention: Number.MAX_SAFE_INTEGER,
      files,
      revision: options.to,
      ...(entry?.commit ? { commit: entry.commit } : {}),
    });
  } finally {
    await provider.close?.();
  }
}
