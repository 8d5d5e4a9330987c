// Applies a plan in the one safe order: immutable → verify → latest → manifest → invalidate → prune.
// Each step's writes go out together (one round trip per step on a quick re-sync): the in-progress mark with the
// immutable copies, this revision's own manifest with the latest files (after verification, before anything refers to it).
// If a step fails, the previous live revision is put back whole (latest files and manifest) before reporting.
// Latest files are only changed under an in-progress mark (IN_PROGRESS_KEY), removed once the manifest is
// written: while no mark is left, the manifest is a faithful record and re-syncs need not list latest files.
import { FlagwrightError } from '../model/diagnostic.ts';
import type { Provider, PutOptions, RemoteObject } from '../../providers/types.ts';
import { IN_PROGRESS_KEY, MANIFEST_KEY, md5Hex, revisionManifestKey, sha256Hex, type CacheSettings, type Compression, type LocalDatafile, type Manifest } from './layout.ts';
import { buildManifest, planDeploy, type Plan, type PlannedObject } from './plan.ts';
import { mapLimit, withRetry, type RetryOptions } from './retry.ts';
import type { LiveManifest } from './remote-state.ts';
import { createRemoteReads, needsFullListing, partialListing, recordedObjects, type RemoteReads } from './remote-reads.ts';

export interface PublishSettings {
  files: LocalDatafile[];
  revision: string;
  commit?: string;
  cache: CacheSettings;
  compression: Compression;
  retention: number;
  dryRun: boolean;
  wait: boolean;
  concurrency: number;
  retry: RetryOptions;
  /** Reads of the target already under way (deploy() starts them while the local files load). */
  reads?: RemoteReads;
  /** Called with the live manifest before anything is written; throws to refuse (ancestry check). */
  guard?: (live: Manifest | undefined) => Promise<void>;
  log: (line: string) => void;
  /** Live counts while a phase runs (a terminal shows them; CI logs get only the phase lines). */
  progress?: (phase: string, done: number, total: number) => void;
  now?: () => Date;
}

export interface PublishResult {
  revision: string;
  uploaded: number;
  unchanged: number;
  deleted: number;
  invalidated: string[];
  headersUpdated: number;
  /** Problems that did not affect the live revision (e.g. pruning failed; the next deploy retries it). */
  warnings: string[];
  manifestUrl?: string;
  datafileUrls: Record<string, string>;
  dryRun: boolean;
  plan: PlanSummary;
}

export interface PlanSummary {
  upload: string[];
  headers: string[];
  unchanged: number;
  manifest: 'write' | 'unchanged';
  delete: string[];
  pruneRevisions: string[];
}

function summarize(plan: Plan): PlanSummary {
  const objects = [...plan.immutable, ...plan.latest];
  return {
    upload: objects.filter((o) => o.action === 'upload').map((o) => o.key),
    headers: objects.filter((o) => o.action === 'headers').map((o) => o.key),
    unchanged: objects.filter((o) => o.action === 'unchanged').length,
    manifest: plan.manifestUnchanged ? 'unchanged' : 'write',
    delete: [...plan.staleLatest, ...plan.prune],
    pruneRevisions: plan.pruneRevisions,
  };
}

function putOptions(object: PlannedObject): PutOptions {
  return { headers: object.headers, md5: object.md5, sha256: object.sha256 };
}

export async function publish(provider: Provider, settings: PublishSettings): Promise<PublishResult> {
  const { log, retry } = settings;
  const call = <T>(what: string, fn: () => Promise<T>) => withRetry(what, fn, retry);
  const time = (settings.now?.() ?? new Date()).toISOString();

  // The manifest says what is live, and so what to list (deploy() may have started these reads already).
  const reads = settings.reads ?? createRemoteReads(provider, retry);
  const [live, interrupted] = await Promise.all([reads.manifest(), reads.inProgress()]);
  await settings.guard?.(live?.manifest);

  const complete = needsFullListing(live?.manifest, settings.revision, settings.retention);
  const planFor = (remote: RemoteObject[]) =>
    planDeploy({
      files: settings.files,
      revision: settings.revision,
      ...(settings.commit ? { commit: settings.commit } : {}),
      time,
      cache: settings.cache,
      compression: settings.compression,
      remote,
      ...(live ? { live: live.manifest } : {}),
      supportsHeaders: provider.supportsHeaders,
      retention: settings.retention,
      complete,
    });
  let plan: Plan;
  if (complete) {
    plan = planFor(await reads.list());
  } else {
    // With no deploy interrupted since the manifest was written, the target holds what the manifest records
    // (latest files and immutable copies): only this revision's own folders need listing, if any.
    const trusted = !interrupted;
    const folders = partialListing(live!.manifest, settings.revision, trusted, settings.files.map((f) => f.environment));
    const listed = (await mapLimit(folders, 8, (folder) => reads.list(folder))).flat();
    plan = planFor(trusted ? [...recordedObjects(live!.manifest), ...listed] : listed);
  }
  const summary = summarize(plan);
  log(
    `plan: revision ${plan.revision}: ${summary.upload.length} to upload, ${summary.headers.length} header updates, ` +
      `${summary.unchanged} unchanged, manifest ${summary.manifest}, ${summary.delete.length} to delete`,
  );
  const datafileUrls: Record<string, string> = {};
  for (const object of plan.latest) {
    const url = provider.publicUrl(object.key);
    if (url) datafileUrls[object.key] = url;
  }
  const manifestUrl = provider.publicUrl(MANIFEST_KEY);
  const result: PublishResult = {
    revision: plan.revision,
    uploaded: 0,
    unchanged: summary.unchanged,
    deleted: 0,
    invalidated: [],
    headersUpdated: 0,
    warnings: [],
    ...(manifestUrl ? { manifestUrl } : {}),
    datafileUrls,
    dryRun: settings.dryRun,
    plan: summary,
  };
  if (settings.dryRun) return result;

  // What the store says it stored, per uploaded key: verification without another listing.
  const stored = new Map<string, string | undefined>();
  const apply = (phase: string, objects: PlannedObject[]) => {
    const todo = objects.filter((o) => o.action !== 'unchanged');
    let done = 0;
    return mapLimit(todo, settings.concurrency, async (object) => {
      await write(object);
      settings.progress?.(phase, ++done, todo.length);
    });
  };
  const write = async (object: PlannedObject) => {
    if (object.action === 'headers' && provider.updateHeaders) {
      await call(`update headers of ${object.key}`, () => provider.updateHeaders!(object.key, putOptions(object)));
      result.headersUpdated++;
    } else {
      const reply = await call(`upload ${object.key}`, () => provider.put(object.key, object.body, putOptions(object)));
      stored.set(object.key, reply ? reply.md5 : undefined);
      result.uploaded++;
    }
  };

  // Serialized only when it is written (a no-op re-sync of 1,000 files would pretty-print ~0.4 MB for nothing).
  let manifestBody: { body: Buffer; md5: string; sha256: string } | undefined;
  const putManifest = (key: string, cacheControl: string) => {
    if (!manifestBody) {
      const manifest = buildManifest(plan, { ...(settings.commit ? { commit: settings.commit } : {}), time, cache: settings.cache, compression: settings.compression });
      const body = Buffer.from(JSON.stringify(manifest, null, 2) + '\n');
      manifestBody = { body, md5: md5Hex(body), sha256: sha256Hex(body) };
    }
    const { body, md5, sha256 } = manifestBody;
    return call(`upload ${key}`, () => provider.put(key, body, { headers: { cacheControl, contentType: 'application/json; charset=utf-8' }, md5, sha256 }));
  };

  // Latest files are about to change: mark the target so no later re-sync trusts the manifest alone until this
  // deploy (or one that lists everything) has finished. A Pages push is atomic and needs no mark.
  const changedLatest = plan.latest.filter((o) => o.action !== 'unchanged');
  const marking = !provider.flush && (changedLatest.length > 0 || !plan.manifestUnchanged || plan.staleLatest.length > 0);
  const markBody = Buffer.from(JSON.stringify({ revision: plan.revision, time }) + '\n');
  const markPut = { headers: { cacheControl: 'no-store', contentType: 'application/json; charset=utf-8' }, md5: md5Hex(markBody), sha256: sha256Hex(markBody) };

  // 1. Immutable copies, and the in-progress mark with them: harmless if we stop here (nothing live references
  // the copies; a leftover mark only makes the next deploy list), and the mark is in place before step 2.
  let phase = 'immutable files';
  try {
    await together([
      apply('immutable', plan.immutable),
      marking ? call(`upload ${IN_PROGRESS_KEY}`, () => provider.put(IN_PROGRESS_KEY, markBody, markPut)) : undefined,
    ]);
    if (plan.immutable.some((o) => o.action === 'upload')) {
      phase = 'verification';
      await verify(provider, plan, stored, call);
    }
    log(`immutable: ${plan.immutable.filter((o) => o.action !== 'unchanged').length} written and verified`);
  } catch (error) {
    throw failure(phase, error, result, 'The live revision was not touched.');
  }

  // 2. Latest files (with this revision's own manifest, for rollback), then the manifest last. From here a
  // failure restores the previous live revision.
  try {
    phase = 'latest files';
    await together([
      apply('latest', plan.latest),
      plan.manifestUnchanged ? undefined : putManifest(revisionManifestKey(plan.revision), settings.cache.immutable).then(() => void result.uploaded++),
    ]);
    log(`latest: ${changedLatest.length} written`);
    if (!plan.manifestUnchanged) {
      phase = 'manifest';
      await putManifest(MANIFEST_KEY, settings.cache.manifest);
      result.uploaded++;
      log(`manifest: revision ${plan.revision} is live`);
    }
    if (plan.staleLatest.length > 0) {
      phase = 'stale latest files';
      await call('delete stale latest files', () => provider.delete(plan.staleLatest));
      result.deleted += plan.staleLatest.length;
    }
    if (provider.flush && (changedLatest.length > 0 || !plan.manifestUnchanged || plan.immutable.some((o) => o.action !== 'unchanged'))) {
      phase = 'publish commit';
      await provider.flush(`flagwright: publish revision ${plan.revision}`);
    }
  } catch (error) {
    const restored = await restore(provider, live, changedLatest, settings, call).catch(
      (restoreError: unknown) => `RESTORE FAILED (${(restoreError as Error).message}); re-run the deploy to converge`,
    );
    throw failure(phase, error, result, restored);
  }

  // The target now holds exactly what the manifest records (written or just verified by listing).
  if (marking || interrupted) {
    try {
      await call(`remove ${IN_PROGRESS_KEY}`, () => provider.delete([IN_PROGRESS_KEY]));
    } catch (error) {
      // Only costs the next re-sync a listing: a warning, not a failure.
      const warning = `could not remove ${IN_PROGRESS_KEY} (${(error as Error).message}); the next deploy lists the target to check it`;
      result.warnings.push(warning);
      log(`warning: ${warning}`);
    }
  }

  // 3. Invalidate only the latest paths whose bytes or headers changed.
  const invalidateKeys = [...changedLatest.map((o) => o.key), ...plan.staleLatest];
  if (provider.invalidate && invalidateKeys.length > 0) {
    try {
      result.invalidated = await call('invalidate CDN paths', () => provider.invalidate!(invalidateKeys, { wait: settings.wait }));
      log(`invalidate: ${result.invalidated.length} paths${settings.wait ? ' (completed)' : ''}`);
    } catch (error) {
      throw failure('invalidation', error, result, `Revision ${plan.revision} is live, but CDN caches may serve the old latest files until they expire.`);
    }
  }

  // 4. Prune revisions beyond retention (never the live one; the plan guarantees it).
  if (plan.prune.length > 0) {
    try {
      const prune = await unreferenced(provider, plan, call);
      if (prune.length > 0) await call('prune old revisions', () => provider.delete(prune));
      if (provider.flush) await provider.flush(`flagwright: prune revisions ${plan.pruneRevisions.join(', ')}`);
      result.deleted += prune.length;
      log(`prune: removed revisions ${plan.pruneRevisions.join(', ')}`);
    } catch (error) {
      // Pruning only frees space: the new revision is live and whole, so this is a warning, not a failure.
      const warning = `pruning revisions ${plan.pruneRevisions.join(', ')} failed (${(error as Error).message}); the next deploy retries it`;
      result.warnings.push(warning);
      log(`warning: ${warning}`);
    }
  }
  return result;
}

/** Awaits every write of a step, then throws the first failure: nothing is still in flight when a step is reported. */
async function together(writes: Array<Promise<unknown> | undefined>): Promise<void> {
  const failed = (await Promise.allSettled(writes)).find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;
}

/** Prune candidates minus files that a kept revision still uses (unchanged files point at older folders). */
async function unreferenced(provider: Provider, plan: Plan, call: <T>(what: string, fn: () => Promise<T>) => Promise<T>): Promise<string[]> {
  const referenced = new Set(plan.files.map((file) => file.immutablePath));
  const others = plan.keptRevisions.filter((revision) => revision !== plan.revision);
  await mapLimit(others, 8, async (revision) => {
    const stored = await call(`read ${revisionManifestKey(revision)}`, () => provider.get(revisionManifestKey(revision)));
    if (!stored) return;
    const kept = JSON.parse(stored.body.toString('utf8')) as Manifest;
    for (const file of kept.files ?? []) referenced.add(file.immutablePath);
  });
  return plan.prune.filter((key) => !referenced.has(key));
}

async function verify(
  provider: Provider,
  plan: Plan,
  stored: Map<string, string | undefined>,
  call: <T>(what: string, fn: () => Promise<T>) => Promise<T>,
): Promise<void> {
  const uploaded = plan.immutable.filter((o) => o.action === 'upload');
  if (uploaded.every((o) => stored.get(o.key) !== undefined)) {
    const bad = uploaded.find((o) => stored.get(o.key) !== o.md5);
    if (bad) throw new Error(`${bad.key}: the store reports MD5 ${stored.get(bad.key)}, expected ${bad.md5}`);
    return;
  }
  // The store did not report checksums on upload: check one fresh listing instead.
  const listed = new Map((await call('list for verification', () => provider.list())).map((o) => [o.key, o]));
  for (const object of uploaded) {
    const found = listed.get(object.key);
    if (!found || found.size !== object.body.length || (found.md5 !== undefined && found.md5 !== object.md5)) {
      throw new Error(`${object.key} does not match what was uploaded`);
    }
  }
}

/** Puts the previous live latest files (from their immutable copies) and manifest back. */
async function restore(
  provider: Provider,
  live: LiveManifest | undefined,
  touched: PlannedObject[],
  settings: PublishSettings,
  call: <T>(what: string, fn: () => Promise<T>) => Promise<T>,
): Promise<string> {
  if (provider.flush) return 'Nothing was pushed; the live revision is unchanged.';
  const previous = new Map((live?.manifest.files ?? []).map((file) => [file.path, file]));
  const toDelete: string[] = [];
  await mapLimit(touched, settings.concurrency, async (object) => {
    const old = previous.get(object.key);
    if (!old) return void toDelete.push(object.key);
    const stored = await call(`read ${old.immutablePath}`, () => provider.get(old.immutablePath));
    if (!stored) throw new Error(`${old.immutablePath} is missing`);
    const encoding = live!.manifest.contentEncoding;
    await call(`restore ${object.key}`, () =>
      provider.put(object.key, stored.body, {
        headers: {
          cacheControl: live!.manifest.cacheControl.latest,
          contentType: 'application/json; charset=utf-8',
          ...(encoding !== 'none' ? { contentEncoding: encoding } : {}),
        },
        md5: md5Hex(stored.body),
        sha256: old.sha256,
      }),
    );
  });
  if (live) {
    await call(`restore ${MANIFEST_KEY}`, () =>
      provider.put(MANIFEST_KEY, live.raw, {
        headers: { cacheControl: settings.cache.manifest, contentType: 'application/json; charset=utf-8' },
        md5: md5Hex(live.raw),
        sha256: sha256Hex(live.raw),
      }),
    );
  } else {
    toDelete.push(MANIFEST_KEY);
  }
  if (toDelete.length > 0) await call('remove partial latest files', () => provider.delete(toDelete));
  return live
    ? `The previous live revision ${live.manifest.revision} was restored (latest files and manifest).`
    : `Nothing was live before; the partial latest files were removed.`;
}

function failure(phase: string, error: unknown, result: PublishResult, state: string): FlagwrightError {
  const message = (error as Error)?.message ?? String(error);
  return new FlagwrightError(
    `deploy of revision ${result.revision} failed during ${phase}: ${message}\n` +
      `  done: ${result.uploaded} uploaded, ${result.headersUpdated} header updates, ${result.deleted} deleted\n` +
      `  state: ${state}\n` +
      `  re-running the same deploy converges (only what is missing is written).`,
  );
}
