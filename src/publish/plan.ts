// The pure heart of deploy: local datafiles + one remote listing (+ the live manifest) → what to do.
import type { ObjectHeaders, RemoteObject } from '../../providers/types.ts';
import {
  contentHashOf,
  encode,
  headersFor,
  immutableKey,
  latestKey,
  md5Hex,
  revisionOfKey,
  sha256Hex,
  type CacheSettings,
  type Compression,
  type LocalDatafile,
  type Manifest,
  type ManifestFile,
} from './layout.ts';

export type Action = 'upload' | 'headers' | 'unchanged';

/** The body of an object kept from the live revision: it is never uploaded. */
const KEPT = Buffer.alloc(0);

export interface PlannedObject {
  key: string;
  action: Action;
  /** Empty for objects kept from the live revision (never uploaded, at most re-headed). */
  body: Buffer;
  md5: string;
  sha256: string;
  headers: ObjectHeaders;
}

export interface Plan {
  revision: string;
  immutable: PlannedObject[];
  latest: PlannedObject[];
  /** Manifest files of the new revision. */
  files: ManifestFile[];
  /** True when the live manifest already describes exactly this publication. */
  manifestUnchanged: boolean;
  /** Latest keys that the previous manifest listed but this revision no longer has. */
  staleLatest: string[];
  /** Prune candidates: keys of revisions beyond retention, minus what the new manifest references. */
  prune: string[];
  pruneRevisions: string[];
  retired: string[];
  /** Revisions kept (their manifests must be consulted before pruning shared files). */
  keptRevisions: string[];
  /** History for the new manifest, newest first. */
  history: Manifest['history'];
}

export interface PlanInput {
  files: LocalDatafile[];
  revision: string;
  commit?: string;
  time: string;
  cache: CacheSettings;
  compression: Compression;
  remote: RemoteObject[];
  live?: Manifest;
  supportsHeaders: boolean;
  retention: number;
  /**
   * False when the listing covered only the latest files and this revision's folders: older revisions'
   * copies that the live manifest names are then trusted (they were verified when uploaded, and only
   * pruning removes them), and nothing is pruned.
   */
  complete?: boolean;
}

function headersMatch(remote: RemoteObject, wanted: ObjectHeaders, recorded: string | undefined, live: Manifest | undefined): boolean {
  if (remote.cacheControl !== undefined) {
    return remote.cacheControl === wanted.cacheControl && (remote.contentEncoding || undefined) === wanted.contentEncoding;
  }
  // The listing has no headers (S3): trust what the live manifest says was written.
  const liveEncoding = live && live.contentEncoding !== 'none' ? live.contentEncoding : undefined;
  return !!live && recorded === wanted.cacheControl && liveEncoding === wanted.contentEncoding;
}

export function planDeploy(input: PlanInput): Plan {
  const remoteByKey = new Map(input.remote.map((object) => [object.key, object]));
  const { live } = input;
  const liveByPath = new Map((live?.files ?? []).map((file) => [file.path, file]));
  const immutable: PlannedObject[] = [];
  const latest: PlannedObject[] = [];
  const files: ManifestFile[] = [];

  const complete = input.complete !== false;
  // Two header sets in all, shared by the plan's objects (nothing changes them).
  const immutableHeaders = headersFor(input.cache.immutable, input.compression);
  const latestHeaders = headersFor(input.cache.latest, input.compression);
  const object = (key: string, body: Buffer, md5: string, sha256: string, headers: ObjectHeaders, recorded: string | undefined): PlannedObject => {
    // A kept copy outside the listed folders is as the live manifest recorded it.
    const remote = remoteByKey.get(key) ?? (body.length === 0 && !complete ? { key, size: 0, md5 } : undefined);
    let action: Action = 'upload';
    if (remote && remote.md5 === md5 && (body.length === 0 || remote.size === body.length)) {
      action = !input.supportsHeaders || headersMatch(remote, headers, recorded, live) ? 'unchanged' : 'headers';
    }
    return { key, action, body, md5, sha256, headers };
  };

  // Code-unit order: localeCompare would first spend ~8 ms of a quick re-sync loading ICU collation data.
  const sorted = input.files.map((file) => ({ file, key: latestKey(file) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const { file, key: path } of sorted) {
    const sha256 = file.sha256 ?? sha256Hex(file.bytes);
    const previous = liveByPath.get(path);
    const keepable =
      previous &&
      live?.contentEncoding === input.compression &&
      (remoteByKey.has(previous.immutablePath) ? remoteByKey.get(previous.immutablePath)!.md5 === previous.md5 : !complete) &&
      remoteByKey.get(path)?.md5 === previous.md5;
    // The manifest records the SHA-256 of each live file's JSON: identical bytes need neither encoding nor MD5.
    // Otherwise compare flags with the revision stamp blanked.
    const contentHash = keepable && previous.sha256 !== sha256 ? contentHashOf(file.bytes) : undefined;
    if (keepable && (previous.sha256 === sha256 || previous.contentHash === contentHash)) {
      // Same flags as live: keep the live copy (and its revision stamp); at most its headers change.
      immutable.push(object(previous.immutablePath, KEPT, previous.md5, previous.sha256, immutableHeaders, live?.cacheControl.immutable));
      latest.push(object(path, KEPT, previous.md5, previous.sha256, latestHeaders, live?.cacheControl.latest));
      files.push(previous);
      continue;
    }
    const body = encode(file.bytes, input.compression);
    const md5 = md5Hex(body);
    const iKey = file.immutableKey ?? immutableKey(file, input.revision);
    immutable.push(object(iKey, body, md5, sha256, immutableHeaders, live?.cacheControl.immutable));
    latest.push(object(path, body, md5, sha256, latestHeaders, live?.cacheControl.latest));
    files.push({ environment: file.environment, path, immutablePath: iKey, sha256, size: file.bytes.length, md5, contentHash: contentHash ?? contentHashOf(file.bytes) });
  }

  const newPaths = new Set(files.map((file) => file.path));
  const staleLatest = (live?.files ?? []).map((file) => file.path).filter((path) => !newPaths.has(path) && remoteByKey.has(path));

  const history = [
    { revision: input.revision, ...(input.commit ? { commit: input.commit } : {}), time: input.time },
    ...(live?.history ?? []).filter((entry) => entry.revision !== input.revision),
  ];
  const keep = new Set(history.slice(0, Math.max(1, input.retention)).map((entry) => entry.revision));
  keep.add(input.revision);
  if (live) keep.add(live.revision);
  const known = new Set([...history.map((entry) => entry.revision), ...(live?.retired ?? [])]);
  const environments = new Set(input.files.map((file) => file.environment).filter(Boolean));
  for (const file of live?.files ?? []) if (file.environment) environments.add(file.environment);
  const referenced = new Set(files.map((file) => file.immutablePath));
  const prune: string[] = [];
  const pruneRevisions = new Set<string>();
  for (const remote of complete ? input.remote : []) {
    const revision = revisionOfKey(remote.key, environments);
    // Only revisions this target's history knows are pruned: an unknown folder may be someone else's.
    if (revision && known.has(revision) && !keep.has(revision)) {
      pruneRevisions.add(revision);
      if (!referenced.has(remote.key)) prune.push(remote.key);
    }
  }
  const keptHistory = history.filter((entry) => !pruneRevisions.has(entry.revision));
  const retired = complete ? [...pruneRevisions].sort() : (live?.retired ?? []);

  const manifestUnchanged =
    !!live &&
    live.revision === input.revision &&
    live.commit === input.commit &&
    live.cacheControl.latest === input.cache.latest &&
    live.cacheControl.immutable === input.cache.immutable &&
    live.contentEncoding === input.compression &&
    // Kept entries are the live manifest's own objects: only the others need comparing by value.
    live.files.length === files.length &&
    files.every((file, i) => file === live.files[i] || JSON.stringify(file) === JSON.stringify(live.files[i])) &&
    [...immutable, ...latest].every((o) => o.action === 'unchanged') &&
    JSON.stringify(live.history) === JSON.stringify(keptHistory.map((entry) => (entry.revision === input.revision ? live.history.find((h) => h.revision === entry.revision) ?? entry : entry))) &&
    JSON.stringify(live.retired ?? []) === JSON.stringify(retired) &&
    staleLatest.length === 0;

  return {
    revision: input.revision,
    immutable,
    latest,
    files,
    manifestUnchanged,
    staleLatest,
    prune: prune.sort(),
    pruneRevisions: retired,
    retired,
    keptRevisions: keptHistory.map((entry) => entry.revision),
    history: manifestUnchanged ? live!.history : keptHistory,
  };
}

/** The manifest object written last. */
export function buildManifest(plan: Plan, input: Pick<PlanInput, 'commit' | 'time' | 'cache' | 'compression'>): Manifest {
  return {
    schema: 'flagwright-manifest/1',
    revision: plan.revision,
    ...(input.commit ? { commit: input.commit } : {}),
    time: input.time,
    cacheControl: { latest: input.cache.latest, immutable: input.cache.immutable },
    contentEncoding: input.compression,
    files: plan.files,
    history: plan.history,
    ...(plan.retired.length ? { retired: plan.retired } : {}),
  };
}
