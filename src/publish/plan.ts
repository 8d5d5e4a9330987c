// The pure heart of deploy: local datafiles + one remote listing (+ the live manifest) → what to do.
import type { ObjectHeaders, RemoteObject } from '../../providers/types.ts';
import {
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

export interface PlannedObject {
  key: string;
  action: Action;
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
  /** Immutable keys of revisions beyond retention (never the live or the new one). */
  prune: string[];
  pruneRevisions: string[];
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
}

function sameHeaders(remote: RemoteObject, wanted: ObjectHeaders, recorded: string | undefined, liveEncoding: string | undefined): boolean {
  if (remote.cacheControl !== undefined) {
    return remote.cacheControl === wanted.cacheControl && (remote.contentEncoding || undefined) === wanted.contentEncoding;
  }
  // The listing has no headers (S3): trust what the live manifest says was written.
  return recorded === wanted.cacheControl && (liveEncoding === 'none' ? undefined : liveEncoding) === wanted.contentEncoding;
}

function decide(
  key: string,
  bytes: Buffer,
  input: PlanInput,
  remoteByKey: Map<string, RemoteObject>,
  cacheControl: string,
  recorded: string | undefined,
): PlannedObject {
  const body = encode(bytes, input.compression);
  const md5 = md5Hex(body);
  const headers = headersFor(cacheControl, input.compression);
  const remote = remoteByKey.get(key);
  let action: Action = 'upload';
  if (remote && remote.md5 === md5 && remote.size === body.length) {
    action = !input.supportsHeaders || sameHeaders(remote, headers, recorded, input.live?.contentEncoding) ? 'unchanged' : 'headers';
  }
  return { key, action, body, md5, sha256: sha256Hex(bytes), headers };
}

export function planDeploy(input: PlanInput): Plan {
  const remoteByKey = new Map(input.remote.map((object) => [object.key, object]));
  const live = input.live;
  const immutable: PlannedObject[] = [];
  const latest: PlannedObject[] = [];
  const files: ManifestFile[] = [];
  const sorted = [...input.files].sort((a, b) => latestKey(a).localeCompare(latestKey(b)));
  for (const file of sorted) {
    const iKey = immutableKey(file, input.revision);
    const lKey = latestKey(file);
    immutable.push(decide(iKey, file.bytes, input, remoteByKey, input.cache.immutable, live?.cacheControl.immutable));
    latest.push(decide(lKey, file.bytes, input, remoteByKey, input.cache.latest, live?.cacheControl.latest));
    files.push({ environment: file.environment, path: lKey, immutablePath: iKey, sha256: sha256Hex(file.bytes), size: file.bytes.length });
  }

  const newKeys = new Set(files.map((file) => file.path));
  const staleLatest = (live?.files ?? []).map((file) => file.path).filter((path) => !newKeys.has(path) && remoteByKey.has(path));

  const history = [
    { revision: input.revision, ...(input.commit ? { commit: input.commit } : {}), time: input.time },
    ...(live?.history ?? []).filter((entry) => entry.revision !== input.revision),
  ];
  const keep = new Set(history.slice(0, Math.max(1, input.retention)).map((entry) => entry.revision));
  keep.add(input.revision);
  if (live) keep.add(live.revision);
  const known = new Set(history.map((entry) => entry.revision));
  const environments = new Set(input.files.map((file) => file.environment).filter(Boolean));
  for (const file of live?.files ?? []) if (file.environment) environments.add(file.environment);
  const prune: string[] = [];
  const pruneRevisions = new Set<string>();
  for (const object of input.remote) {
    const revision = revisionOfKey(object.key, environments);
    // Only revisions this target's history knows are pruned: an unknown folder may be someone else's.
    if (revision && known.has(revision) && !keep.has(revision)) {
      prune.push(object.key);
      pruneRevisions.add(revision);
    }
  }
  const keptHistory = history.filter((entry) => !pruneRevisions.has(entry.revision));

  const manifestUnchanged =
    !!live &&
    live.revision === input.revision &&
    live.commit === input.commit &&
    live.cacheControl.latest === input.cache.latest &&
    live.cacheControl.immutable === input.cache.immutable &&
    live.contentEncoding === input.compression &&
    JSON.stringify(live.files) === JSON.stringify(files) &&
    [...immutable, ...latest].every((object) => object.action === 'unchanged') &&
    prune.length === 0 &&
    staleLatest.length === 0;

  return {
    revision: input.revision,
    immutable,
    latest,
    files,
    manifestUnchanged,
    staleLatest,
    prune: prune.sort(),
    pruneRevisions: [...pruneRevisions].sort(),
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
  };
}
