// The reads of a target's current state, each sent at most once. deploy() starts them as soon as the target
// is open, while the local datafiles are still being read and hashed; the engine then awaits the same promises.
import type { ListOptions, Provider, RemoteObject } from '../../providers/types.ts';
import { IN_PROGRESS_KEY, MANIFEST_KEY, type Manifest } from './layout.ts';
import { readManifest, type LiveManifest } from './remote-state.ts';
import { withRetry, type RetryOptions } from './retry.ts';

export interface RemoteReads {
  readonly provider: Provider;
  manifest(): Promise<LiveManifest | undefined>;
  /** Whether a deploy was interrupted after it may have changed latest files (see IN_PROGRESS_KEY). */
  inProgress(): Promise<boolean>;
  list(options?: ListOptions): Promise<RemoteObject[]>;
  /** Starts the reads a deploy is sure to need, before it knows its files (revision undefined = not known yet). */
  prefetch(revision: string | undefined, retention: number): void;
}

/**
 * Whether the deploy must list everything (something may need pruning, or nothing is known yet); otherwise
 * the latest files and the new revision's folders suffice, so the cost does not grow with kept history.
 * With the revision unknown this assumes it is a new one (the answer can only go from false to true).
 */
export function needsFullListing(live: Manifest | undefined, revision: string | undefined, retention: number): boolean {
  if (!live) return true;
  const historyAfter = 1 + live.history.filter((h) => h.revision !== revision).length;
  return historyAfter > retention || (live.retired?.length ?? 0) > 0;
}

/**
 * The folders a partial listing covers: each environment's latest files, shallow (the top level for a
 * project without environments), unless the manifest can be trusted for them (`trusted`: no deploy was
 * interrupted since it was written); and, for a revision that is not the live one, its own immutable
 * folders (empty unless an earlier attempt stopped before touching anything live).
 */
export function partialListing(live: Manifest, revision: string | undefined, trusted: boolean, localEnvironments: string[] = []): ListOptions[] {
  const environments = [...new Set([...localEnvironments, ...live.files.map((f) => f.environment)])].sort();
  const folders: ListOptions[] = trusted ? [] : environments.map((env) => (env ? { under: env, shallow: true } : { shallow: true }));
  if (revision !== undefined && live.revision !== revision) {
    for (const env of environments) folders.push({ under: env ? `${env}/${revision}` : revision, shallow: false });
  }
  return folders;
}

export function createRemoteReads(provider: Provider, retry: RetryOptions): RemoteReads {
  // A read may be started and then never awaited (the deploy stopped on bad input first): mark each one
  // handled so its failure is not an unhandled rejection; whoever awaits it still gets the error.
  const handled = <T>(promise: Promise<T>) => {
    promise.catch(() => {});
    return promise;
  };
  let manifestRead: Promise<LiveManifest | undefined> | undefined;
  let markRead: Promise<boolean> | undefined;
  const listings = new Map<string, Promise<RemoteObject[]>>();
  const reads: RemoteReads = {
    provider,
    manifest: () => (manifestRead ??= handled(withRetry(`read ${MANIFEST_KEY}`, () => readManifest(provider), retry))),
    inProgress: () => (markRead ??= handled(withRetry(`read ${IN_PROGRESS_KEY}`, async () => (await provider.get(IN_PROGRESS_KEY)) !== undefined, retry))),
    list(options = {}) {
      const key = `${options.shallow ? 'shallow' : 'deep'}:${options.under ?? ''}`;
      let listing = listings.get(key);
      if (!listing) {
        const what = options.under ? `list ${options.under}/` : `list ${provider.kind} target`;
        listing = handled(withRetry(what, () => provider.list(options), retry));
        listings.set(key, listing);
      }
      return listing;
    },
    prefetch(revision, retention) {
      void Promise.all([reads.manifest(), reads.inProgress()]).then(
        ([live, interrupted]) => {
          if (!live || needsFullListing(live.manifest, revision, retention)) {
            // A full listing with the revision unknown might turn out unneeded: only a known one is prefetched.
            if (!live || revision !== undefined) void reads.list();
            return;
          }
          for (const folder of partialListing(live.manifest, revision, !interrupted)) void reads.list(folder);
        },
        () => {},
      );
    },
  };
  return reads;
}

/** The objects the manifest records (latest files and their immutable copies), in place of a listing. */
export function recordedObjects(live: Manifest): RemoteObject[] {
  return live.files.flatMap((file) => [
    { key: file.path, size: file.size, md5: file.md5 },
    { key: file.immutablePath, size: file.size, md5: file.md5 },
  ]);
}
