import { createRequire as __c } from 'node:module';const require = __c(import.meta.url);
import {
  DEFAULT_CACHE,
  MANIFEST_KEY,
  contentHashOf,
  decodeStored,
  encode,
  headersFor,
  immutableKey,
  latestKey,
  md5Hex,
  openTarget,
  readManifest,
  revisionManifestKey,
  revisionOfKey,
  sha256Hex
} from "./chunk-SVF7A3CJ.js";
import {
  isAncestor,
  resolveCommit
} from "./chunk-I6EUBOL5.js";
import {
  FlagwrightError
} from "./chunk-I5Q2OYPU.js";
import {
  ProviderError
} from "./chunk-5MYE6JNS.js";
import "./chunk-5WM6WAOP.js";

// src/publish/input.ts
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
var NAME = /^featurevisor-tag-.+\.json$/;
function revisionOf(bytes, where) {
  let parsed;
  try {
    parsed = JSON.parse(bytes.toString("utf8"));
  } catch (error) {
    throw new FlagwrightError(`${where}: not valid JSON (${error.message})`, [], 2);
  }
  if (!parsed || typeof parsed !== "object" || !("schemaVersion" in parsed)) {
    throw new FlagwrightError(`${where}: not a Featurevisor datafile (no schemaVersion)`, [], 2);
  }
  const revision = parsed.revision;
  return typeof revision === "string" ? revision : void 0;
}
function agree(files) {
  const first = files.find((file) => file.revision !== void 0);
  const other = files.find((file) => file.revision !== void 0 && file.revision !== first?.revision);
  if (first && other) {
    throw new FlagwrightError(
      `datafiles disagree on revision: ${first.where} has "${first.revision}", ${other.where} has "${other.revision}" (pass --revision to override)`,
      [],
      2
    );
  }
  return first?.revision;
}
async function readDatafilesDir(dir) {
  const info = await stat(dir).catch(() => void 0);
  if (!info?.isDirectory()) throw new FlagwrightError(`--datafiles ${dir}: no such directory`, [], 2);
  const entries = await readdir(dir, { withFileTypes: true });
  const found = [];
  const add = async (environment, name, path) => {
    const bytes = await readFile(path);
    found.push({ environment, name, bytes, where: path, revision: revisionOf(bytes, path) });
  };
  for (const entry of entries) {
    if (entry.isFile() && NAME.test(entry.name)) await add("", entry.name, join(dir, entry.name));
    else if (entry.isDirectory() && !entry.name.startsWith(".")) {
      for (const inner of await readdir(join(dir, entry.name), { withFileTypes: true })) {
        if (inner.isFile() && NAME.test(inner.name)) await add(entry.name, inner.name, join(dir, entry.name, inner.name));
      }
    }
  }
  if (found.length === 0) {
    throw new FlagwrightError(
      `--datafiles ${dir}: no datafiles found (expected <env>/featurevisor-tag-<tag>.json); refusing to sync an empty folder over a live target`,
      [],
      2
    );
  }
  if (found.some((file) => file.environment === "") && found.some((file) => file.environment !== "")) {
    throw new FlagwrightError(`--datafiles ${dir}: mixes top-level datafiles with per-environment folders`, [], 2);
  }
  const revision = agree(found);
  return { files: found.map(({ environment, name, bytes }) => ({ environment, name, bytes })), revision };
}
function fromDatafileSet(set) {
  if (set.files.length === 0) {
    throw new FlagwrightError("the build produced no datafiles; refusing to sync an empty set over a live target", [], 2);
  }
  const files = set.files.map((file) => ({
    environment: file.environment,
    name: file.path.split("/").pop(),
    bytes: file.bytes
  }));
  return { files, revision: set.revision, ...set.commit ? { commit: set.commit } : {} };
}

// src/publish/plan.ts
function headersMatch(remote, wanted, recorded, live) {
  if (remote.cacheControl !== void 0) {
    return remote.cacheControl === wanted.cacheControl && (remote.contentEncoding || void 0) === wanted.contentEncoding;
  }
  const liveEncoding = live && live.contentEncoding !== "none" ? live.contentEncoding : void 0;
  return !!live && recorded === wanted.cacheControl && liveEncoding === wanted.contentEncoding;
}
function planDeploy(input) {
  const remoteByKey = new Map(input.remote.map((object2) => [object2.key, object2]));
  const { live } = input;
  const liveByPath = new Map((live?.files ?? []).map((file) => [file.path, file]));
  const immutable = [];
  const latest = [];
  const files = [];
  const object = (key, body, md5, sha256, cacheControl, recorded) => {
    const headers = headersFor(cacheControl, input.compression);
    const remote = remoteByKey.get(key);
    let action = "upload";
    if (remote && remote.md5 === md5 && (body.length === 0 || remote.size === body.length)) {
      action = !input.supportsHeaders || headersMatch(remote, headers, recorded, live) ? "unchanged" : "headers";
    }
    return { key, action, body, md5, sha256, headers };
  };
  const sorted = [...input.files].sort((a, b) => latestKey(a).localeCompare(latestKey(b)));
  for (const file of sorted) {
    const path = latestKey(file);
    const contentHash = contentHashOf(file.bytes);
    const previous = liveByPath.get(path);
    const sameEncoding = live?.contentEncoding === input.compression;
    const kept = previous && sameEncoding && previous.contentHash === contentHash && remoteByKey.get(previous.immutablePath)?.md5 === previous.md5 && remoteByKey.get(path)?.md5 === previous.md5;
    if (kept) {
      immutable.push(object(previous.immutablePath, Buffer.alloc(0), previous.md5, previous.sha256, input.cache.immutable, live?.cacheControl.immutable));
      latest.push(object(path, Buffer.alloc(0), previous.md5, previous.sha256, input.cache.latest, live?.cacheControl.latest));
      files.push(previous);
      continue;
    }
    const body = encode(file.bytes, input.compression);
    const md5 = md5Hex(body);
    const sha256 = sha256Hex(file.bytes);
    const iKey = file.immutableKey ?? immutableKey(file, input.revision);
    immutable.push(object(iKey, body, md5, sha256, input.cache.immutable, live?.cacheControl.immutable));
    latest.push(object(path, body, md5, sha256, input.cache.latest, live?.cacheControl.latest));
    files.push({ environment: file.environment, path, immutablePath: iKey, sha256, size: file.bytes.length, md5, contentHash });
  }
  const newPaths = new Set(files.map((file) => file.path));
  const staleLatest = (live?.files ?? []).map((file) => file.path).filter((path) => !newPaths.has(path) && remoteByKey.has(path));
  const history = [
    { revision: input.revision, ...input.commit ? { commit: input.commit } : {}, time: input.time },
    ...(live?.history ?? []).filter((entry) => entry.revision !== input.revision)
  ];
  const keep = new Set(history.slice(0, Math.max(1, input.retention)).map((entry) => entry.revision));
  keep.add(input.revision);
  if (live) keep.add(live.revision);
  const known = new Set(history.map((entry) => entry.revision));
  const environments = new Set(input.files.map((file) => file.environment).filter(Boolean));
  for (const file of live?.files ?? []) if (file.environment) environments.add(file.environment);
  const referenced = new Set(files.map((file) => file.immutablePath));
  const prune = [];
  const pruneRevisions = /* @__PURE__ */ new Set();
  for (const remote of input.remote) {
    const revision = revisionOfKey(remote.key, environments);
    if (revision && known.has(revision) && !keep.has(revision)) {
      pruneRevisions.add(revision);
      if (!referenced.has(remote.key)) prune.push(remote.key);
    }
  }
  const keptHistory = history.filter((entry) => !pruneRevisions.has(entry.revision));
  const manifestUnchanged = !!live && live.revision === input.revision && live.commit === input.commit && live.cacheControl.latest === input.cache.latest && live.cacheControl.immutable === input.cache.immutable && live.contentEncoding === input.compression && JSON.stringify(live.files) === JSON.stringify(files) && remoteByKey.has(revisionManifestKey(input.revision)) && [...immutable, ...latest].every((o) => o.action === "unchanged") && pruneRevisions.size === 0 && staleLatest.length === 0;
  return {
    revision: input.revision,
    immutable,
    latest,
    files,
    manifestUnchanged,
    staleLatest,
    prune: prune.sort(),
    pruneRevisions: [...pruneRevisions].sort(),
    keptRevisions: keptHistory.map((entry) => entry.revision),
    history: manifestUnchanged ? live.history : keptHistory
  };
}
function buildManifest(plan, input) {
  return {
    schema: "flagwright-manifest/1",
    revision: plan.revision,
    ...input.commit ? { commit: input.commit } : {},
    time: input.time,
    cacheControl: { latest: input.cache.latest, immutable: input.cache.immutable },
    contentEncoding: input.compression,
    files: plan.files,
    history: plan.history
  };
}

// src/publish/retry.ts
import { setTimeout as sleep } from "node:timers/promises";
var RETRYABLE_CODES = /* @__PURE__ */ new Set(["ECONNRESET", "ETIMEDOUT", "EPIPE", "ECONNREFUSED", "ECONNABORTED", "EAI_AGAIN", "UND_ERR_SOCKET", "ERR_STREAM_PREMATURE_CLOSE"]);
var RETRYABLE_NAMES = /* @__PURE__ */ new Set(["TimeoutError", "RequestTimeout", "RequestTimeoutException", "SlowDown", "Throttling", "ThrottlingException", "TooManyRequestsException", "InternalError", "ServiceUnavailable", "AbortError"]);
function statusOf(error) {
  return error?.$metadata?.httpStatusCode ?? error?.statusCode ?? (typeof error?.code === "number" ? error.code : void 0) ?? error?.response?.status;
}
function isRetryable(error) {
  const e = error;
  if (e instanceof ProviderError) return e.retryable;
  const status = statusOf(e);
  if (status === 429 || status === 408 || status !== void 0 && status >= 500) return true;
  if (RETRYABLE_CODES.has(e?.code) || RETRYABLE_CODES.has(e?.cause?.code) || RETRYABLE_NAMES.has(e?.name)) return true;
  if (e?.$retryable || e?.$metadata?.httpStatusCode === void 0 && /socket hang up|ECONNRESET|timed? ?out|network/i.test(String(e?.message))) return true;
  return false;
}
async function withRetry(what, fn, options) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= options.attempts || !isRetryable(error)) {
        const message = error?.message || String(error);
        throw Object.assign(new FlagwrightError(`${what}: ${message}`), { cause: error });
      }
      await sleep(Math.random() * options.baseDelayMs * 2 ** (attempt - 1));
    }
  }
}
async function mapLimit(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  let failure2;
  const worker = async () => {
    while (!failure2 && next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index]);
      } catch (error) {
        failure2 ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure2) throw failure2.error;
  return results;
}

// src/publish/engine.ts
function summarize(plan) {
  const objects = [...plan.immutable, ...plan.latest];
  return {
    upload: objects.filter((o) => o.action === "upload").map((o) => o.key),
    headers: objects.filter((o) => o.action === "headers").map((o) => o.key),
    unchanged: objects.filter((o) => o.action === "unchanged").length,
    manifest: plan.manifestUnchanged ? "unchanged" : "write",
    delete: [...plan.staleLatest, ...plan.prune],
    pruneRevisions: plan.pruneRevisions
  };
}
function putOptions(object) {
  return { headers: object.headers, md5: object.md5, sha256: object.sha256 };
}
async function publish(provider, settings) {
  const { log, retry } = settings;
  const call = (what, fn) => withRetry(what, fn, retry);
  const time = (settings.now?.() ?? /* @__PURE__ */ new Date()).toISOString();
  const remote = await call(`list ${provider.kind} target`, () => provider.list());
  const live = remote.some((o) => o.key === MANIFEST_KEY) ? await call(`read ${MANIFEST_KEY}`, () => readManifest(provider)) : void 0;
  await settings.guard?.(live?.manifest);
  const plan = planDeploy({
    files: settings.files,
    revision: settings.revision,
    ...settings.commit ? { commit: settings.commit } : {},
    time,
    cache: settings.cache,
    compression: settings.compression,
    remote,
    ...live ? { live: live.manifest } : {},
    supportsHeaders: provider.supportsHeaders,
    retention: settings.retention
  });
  const summary = summarize(plan);
  log(
    `plan: revision ${plan.revision}: ${summary.upload.length} to upload, ${summary.headers.length} header updates, ${summary.unchanged} unchanged, manifest ${summary.manifest}, ${summary.delete.length} to delete`
  );
  const datafileUrls = {};
  for (const object of plan.latest) {
    const url = provider.publicUrl(object.key);
    if (url) datafileUrls[object.key] = url;
  }
  const manifestUrl = provider.publicUrl(MANIFEST_KEY);
  const result = {
    revision: plan.revision,
    uploaded: 0,
    unchanged: summary.unchanged,
    deleted: 0,
    invalidated: [],
    headersUpdated: 0,
    ...manifestUrl ? { manifestUrl } : {},
    datafileUrls,
    dryRun: settings.dryRun,
    plan: summary
  };
  if (settings.dryRun) return result;
  const apply = (objects) => mapLimit(objects.filter((o) => o.action !== "unchanged"), settings.concurrency, async (object) => {
    if (object.action === "headers" && provider.updateHeaders) {
      await call(`update headers of ${object.key}`, () => provider.updateHeaders(object.key, putOptions(object)));
      result.headersUpdated++;
    } else {
      await call(`upload ${object.key}`, () => provider.put(object.key, object.body, putOptions(object)));
      result.uploaded++;
    }
  });
  const manifest = buildManifest(plan, { ...settings.commit ? { commit: settings.commit } : {}, time, cache: settings.cache, compression: settings.compression });
  const manifestBody = Buffer.from(JSON.stringify(manifest, null, 2) + "\n");
  const manifestPut = (cacheControl) => ({
    headers: { cacheControl, contentType: "application/json; charset=utf-8" },
    md5: md5Hex(manifestBody),
    sha256: sha256Hex(manifestBody)
  });
  let phase = "immutable files";
  try {
    await apply(plan.immutable);
    if (plan.immutable.some((o) => o.action === "upload")) {
      phase = "verification";
      await verify(provider, plan, call);
    }
    if (!plan.manifestUnchanged) {
      phase = "revision manifest";
      const key = revisionManifestKey(plan.revision);
      await call(`upload ${key}`, () => provider.put(key, manifestBody, manifestPut(settings.cache.immutable)));
      result.uploaded++;
    }
    log(`immutable: ${plan.immutable.filter((o) => o.action !== "unchanged").length} written and verified`);
  } catch (error) {
    throw failure(phase, error, result, "The live revision was not touched.");
  }
  const changedLatest = plan.latest.filter((o) => o.action !== "unchanged");
  try {
    phase = "latest files";
    await apply(plan.latest);
    log(`latest: ${changedLatest.length} written`);
    if (!plan.manifestUnchanged) {
      phase = "manifest";
      await call(`upload ${MANIFEST_KEY}`, () => provider.put(MANIFEST_KEY, manifestBody, manifestPut(settings.cache.manifest)));
      result.uploaded++;
      log(`manifest: revision ${plan.revision} is live`);
    }
    if (plan.staleLatest.length > 0) {
      phase = "stale latest files";
      await call("delete stale latest files", () => provider.delete(plan.staleLatest));
      result.deleted += plan.staleLatest.length;
    }
    if (provider.flush && (changedLatest.length > 0 || !plan.manifestUnchanged || plan.immutable.some((o) => o.action !== "unchanged"))) {
      phase = "publish commit";
      await provider.flush(`flagwright: publish revision ${plan.revision}`);
    }
  } catch (error) {
    const restored = await restore(provider, live, changedLatest, settings, call).catch(
      (restoreError) => `RESTORE FAILED (${restoreError.message}); re-run the deploy to converge`
    );
    throw failure(phase, error, result, restored);
  }
  const invalidateKeys = [...changedLatest.map((o) => o.key), ...plan.staleLatest];
  if (provider.invalidate && invalidateKeys.length > 0) {
    try {
      result.invalidated = await call("invalidate CDN paths", () => provider.invalidate(invalidateKeys, { wait: settings.wait }));
      log(`invalidate: ${result.invalidated.length} paths${settings.wait ? " (completed)" : ""}`);
    } catch (error) {
      throw failure("invalidation", error, result, `Revision ${plan.revision} is live, but CDN caches may serve the old latest files until they expire.`);
    }
  }
  if (plan.pruneRevisions.length > 0) {
    try {
      const prune = await unreferenced(provider, plan, call);
      await call("prune old revisions", () => provider.delete(prune));
      if (provider.flush) await provider.flush(`flagwright: prune revisions ${plan.pruneRevisions.join(", ")}`);
      result.deleted += prune.length;
      log(`prune: removed revisions ${plan.pruneRevisions.join(", ")}`);
    } catch (error) {
      throw failure("prune", error, result, `Revision ${plan.revision} is live; old revisions remain and will be pruned by the next deploy.`);
    }
  }
  return result;
}
async function unreferenced(provider, plan, call) {
  const referenced = new Set(plan.files.map((file) => file.immutablePath));
  const others = plan.keptRevisions.filter((revision) => revision !== plan.revision);
  await mapLimit(others, 8, async (revision) => {
    const stored = await call(`read ${revisionManifestKey(revision)}`, () => provider.get(revisionManifestKey(revision)));
    if (!stored) return;
    const kept = JSON.parse(stored.body.toString("utf8"));
    for (const file of kept.files ?? []) referenced.add(file.immutablePath);
  });
  return plan.prune.filter((key) => !referenced.has(key));
}
async function verify(provider, plan, call) {
  const listed = new Map((await call("list for verification", () => provider.list())).map((o) => [o.key, o]));
  for (const object of plan.immutable.filter((o) => o.action === "upload")) {
    const found = listed.get(object.key);
    if (!found || found.size !== object.body.length || found.md5 !== void 0 && found.md5 !== object.md5) {
      throw new Error(`${object.key} does not match what was uploaded`);
    }
  }
}
async function restore(provider, live, touched, settings, call) {
  if (provider.flush) return "Nothing was pushed; the live revision is unchanged.";
  const previous = new Map((live?.manifest.files ?? []).map((file) => [file.path, file]));
  const toDelete = [];
  await mapLimit(touched, settings.concurrency, async (object) => {
    const old = previous.get(object.key);
    if (!old) return void toDelete.push(object.key);
    const stored = await call(`read ${old.immutablePath}`, () => provider.get(old.immutablePath));
    if (!stored) throw new Error(`${old.immutablePath} is missing`);
    const encoding = live.manifest.contentEncoding;
    await call(
      `restore ${object.key}`,
      () => provider.put(object.key, stored.body, {
        headers: {
          cacheControl: live.manifest.cacheControl.latest,
          contentType: "application/json; charset=utf-8",
          ...encoding !== "none" ? { contentEncoding: encoding } : {}
        },
        md5: md5Hex(stored.body),
        sha256: old.sha256
      })
    );
  });
  if (live) {
    await call(
      `restore ${MANIFEST_KEY}`,
      () => provider.put(MANIFEST_KEY, live.raw, {
        headers: { cacheControl: settings.cache.manifest, contentType: "application/json; charset=utf-8" },
        md5: md5Hex(live.raw),
        sha256: sha256Hex(live.raw)
      })
    );
  } else {
    toDelete.push(MANIFEST_KEY);
  }
  if (toDelete.length > 0) await call("remove partial latest files", () => provider.delete(toDelete));
  return live ? `The previous live revision ${live.manifest.revision} was restored (latest files and manifest).` : `Nothing was live before; the partial latest files were removed.`;
}
function failure(phase, error, result, state) {
  const message = error?.message ?? String(error);
  return new FlagwrightError(
    `deploy of revision ${result.revision} failed during ${phase}: ${message}
  done: ${result.uploaded} uploaded, ${result.headersUpdated} header updates, ${result.deleted} deleted
  state: ${state}
  re-running the same deploy converges (only what is missing is written).`
  );
}

// src/publish/deploy.ts
var REVISION = /^[A-Za-z0-9._-]{1,128}$/;
function targetOptions(options) {
  const defined = (o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== void 0));
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
    onProgress: options.onProgress
  });
}
function settingsFrom(options) {
  const retention = options.retention ?? 10;
  if (!Number.isInteger(retention) || retention < 1) throw new FlagwrightError(`--retention must be a whole number \u2265 1 (got ${retention})`, [], 2);
  const compression = options.compress ?? "none";
  if (!["none", "gzip", "br"].includes(compression)) throw new FlagwrightError(`--compress must be none, gzip or br (got "${compression}")`, [], 2);
  for (const [name, value] of Object.entries(options.cacheControl ?? {})) {
    if (value !== void 0 && (!value.trim() || /[\r\n]/.test(value))) throw new FlagwrightError(`--cache-${name} must be a one-line Cache-Control value`, [], 2);
  }
  return {
    cache: { ...DEFAULT_CACHE, ...Object.fromEntries(Object.entries(options.cacheControl ?? {}).filter(([, v]) => v !== void 0)) },
    compression,
    retention,
    dryRun: !!options.dryRun,
    wait: !!options.wait,
    concurrency: options.concurrency ?? 16,
    retry: { attempts: options.retries ?? 4, baseDelayMs: options.retryDelayMs ?? 200 },
    log: options.onProgress ?? (() => {
    })
  };
}
async function loadInput(options) {
  if (options.set) return fromDatafileSet(options.set);
  if (options.datafilesDir) return readDatafilesDir(options.datafilesDir);
  if (options.projectDir) {
    const builderPath = "../build/index.ts";
    const build = await import(builderPath);
    const { set, diagnostics } = await build.buildProject({ projectDir: options.projectDir, ...options.revision ? { revision: options.revision } : {} });
    const errors = diagnostics.filter((d) => d.severity === "error");
    if (errors.length > 0) throw new FlagwrightError(`${options.projectDir}: the build has ${errors.length} error(s); nothing was deployed`, diagnostics);
    return fromDatafileSet(set);
  }
  throw new FlagwrightError("deploy needs --datafiles DIR or --project DIR", [], 2);
}
function ancestryGuard(commit, options) {
  return async (live) => {
    if (!live?.commit || !commit || live.commit === commit || options.force) return;
    const repoDir = options.repoDir ?? options.cwd ?? process.cwd();
    if (!await resolveCommit(live.commit, repoDir)) {
      throw new FlagwrightError(
        `the live revision ${live.revision} was built from commit ${live.commit}, which is not in the local history of ${repoDir}; fetch full history (actions/checkout fetch-depth: 0) so it can be checked, or pass --force`
      );
    }
    if (!await isAncestor(live.commit, commit, repoDir)) {
      throw new FlagwrightError(
        `refusing to replace live revision ${live.revision} (commit ${live.commit.slice(0, 12)}) with commit ${commit.slice(0, 12)}, which does not contain it (an older or diverged commit); pass --force to override, or use "flagwright rollback"`
      );
    }
  };
}
async function deploy(options) {
  const settings = settingsFrom(options);
  const input = await loadInput(options);
  const revision = options.revision ?? input.revision;
  if (!revision) throw new FlagwrightError("no revision: the datafiles carry none; pass --revision", [], 2);
  if (!REVISION.test(revision)) throw new FlagwrightError(`--revision "${revision}" must be 1\u2013128 of A-Z a-z 0-9 . _ - (it becomes a path segment)`, [], 2);
  const commit = options.commit ?? input.commit ?? (options.repoDir ? await resolveCommit("HEAD", options.repoDir) : void 0);
  const { provider } = await openTarget(options.target, targetOptions(options));
  try {
    return await publish(provider, {
      ...settings,
      files: input.files,
      revision,
      ...commit ? { commit } : {},
      guard: ancestryGuard(commit, options)
    });
  } finally {
    await provider.close?.();
  }
}
async function rollback(options) {
  const settings = settingsFrom(options);
  if (!REVISION.test(options.to)) throw new FlagwrightError(`--to "${options.to}" is not a revision name`, [], 2);
  const { provider } = await openTarget(options.target, targetOptions(options));
  try {
    const call = (what, fn) => withRetry(what, fn, settings.retry);
    const live = await call("read manifest.json", () => readManifest(provider));
    if (!live) throw new FlagwrightError(`${options.target}: nothing is live (no manifest.json); nothing to roll back`);
    const stored = await call(`read ${revisionManifestKey(options.to)}`, () => provider.get(revisionManifestKey(options.to)));
    if (!stored) {
      const available = live.manifest.history.map((h) => h.revision).join(", ");
      throw new FlagwrightError(`${options.target}: revision "${options.to}" is not on the target (available: ${available || "none"})`, [], 2);
    }
    const target = JSON.parse(decodeStored(stored).toString("utf8"));
    const files = await mapLimit(target.files, settings.concurrency, async (file) => {
      const object = await call(`read ${file.immutablePath}`, () => provider.get(file.immutablePath));
      if (!object) throw new FlagwrightError(`${options.target}: ${file.immutablePath} of revision ${options.to} is missing; cannot roll back`);
      const name = file.path.split("/").pop();
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
      ...entry?.commit ? { commit: entry.commit } : {}
    });
  } finally {
    await provider.close?.();
  }
}
export {
  deploy,
  rollback
};
