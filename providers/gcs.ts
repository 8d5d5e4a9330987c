// gs://bucket/prefix through @google-cloud/storage (Application Default Credentials; WIF via google-github-actions/auth).
import { Storage, type File } from '@google-cloud/storage';
import { joinKey, listPrefixes, ProviderError, type Provider, type ProviderFactory, type RemoteObject } from './types.ts';

const PERMISSIONS = 'storage.objects.list, storage.objects.get, storage.objects.create, storage.objects.update, storage.objects.delete (e.g. roles/storage.objectAdmin on the bucket)';

function explain(error: any, bucket: string): unknown {
  const status = error?.code ?? error?.response?.status;
  if (/Could not load the default credentials|Unable to detect a Project Id/i.test(String(error?.message))) {
    return new ProviderError(`no Google credentials found: log in first (google-github-actions/auth with workload_identity_provider; the workflow needs "permissions: id-token: write"). Needed: ${PERMISSIONS}`);
  }
  if (status === 401 || status === 403) return new ProviderError(`access denied on bucket "${bucket}": the account needs ${PERMISSIONS}`);
  return error;
}

const hex = (b64: string | undefined) => (b64 ? Buffer.from(b64, 'base64').toString('hex') : undefined);

const createGcs: ProviderFactory = async (location, options) => {
  const bucketName = location.bucket!;
  const prefix = location.prefix;
  const endpoint = options.gcsApiEndpoint;
  const storage = new Storage({
    ...(endpoint ? { apiEndpoint: endpoint, projectId: options.env.GOOGLE_CLOUD_PROJECT ?? 'flagwright-test' } : {}),
    retryOptions: { autoRetry: false }, // the sync engine retries with its own backoff
  });
  const bucket = storage.bucket(bucketName);
  const file = (key: string): File => bucket.file(joinKey(prefix, key));
  const guard = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (error) {
      throw explain(error, bucketName);
    }
  };
  const metadataOf = (o: Parameters<Provider['put']>[2]) => ({
    cacheControl: o.headers.cacheControl,
    contentType: o.headers.contentType,
    contentEncoding: o.headers.contentEncoding ?? null,
    metadata: { sha256: o.sha256 },
  });

  const provider: Provider = {
    kind: 'gcs',
    supportsHeaders: true,
    list: (listOptions = {}) =>
      guard(async () => {
        const out: RemoteObject[] = [];
        const { rootPrefix, listPrefix } = listPrefixes(prefix, listOptions.under);
        let query: Record<string, unknown> | null = { prefix: listPrefix, autoPaginate: false, maxResults: 1000, ...(listOptions.shallow ? { delimiter: '/' } : {}) };
        while (query) {
          const [files, next]: [File[], Record<string, unknown> | null] = (await bucket.getFiles(query)) as never;
          for (const f of files) {
            const m = f.metadata;
            out.push({
              key: f.name.slice(rootPrefix.length),
              size: Number(m.size ?? 0),
              ...(hex(m.md5Hash) ? { md5: hex(m.md5Hash)! } : {}),
              cacheControl: m.cacheControl ?? '',
              ...(m.contentEncoding ? { contentEncoding: m.contentEncoding } : {}),
            });
          }
          query = next && next.pageToken ? next : null;
        }
        return out;
      }).catch((error: any) => {
        if (error?.code === 404) throw new ProviderError(`bucket "${bucketName}" does not exist`);
        throw error;
      }),
    get: (key) =>
      guard(async () => {
        try {
          const [[metadata], [body]] = await Promise.all([file(key).getMetadata(), file(key).download({ decompress: false } as never)]);
          return { body, ...(metadata.contentEncoding ? { contentEncoding: metadata.contentEncoding } : {}) };
        } catch (error: any) {
          if (error?.code === 404) return undefined;
          throw error;
        }
      }),
    put: (key, body, o) =>
      guard(async () => {
        // Single-request uploads: datafiles are small, and resumable sessions double the request count.
        const target = file(key);
        await target.save(body, { resumable: false, metadata: metadataOf(o) as never });
        return { ...(hex(target.metadata.md5Hash) ? { md5: hex(target.metadata.md5Hash)! } : {}) };
      }),
    updateHeaders: (key, o) =>
      guard(async () => {
        await file(key).setMetadata(metadataOf(o) as never);
      }),
    delete: (keys) =>
      guard(async () => {
        for (let i = 0; i < keys.length; i += 16) {
          await Promise.all(keys.slice(i, i + 16).map((key) => file(key).delete({ ignoreNotFound: true })));
        }
      }),
    publicUrl(key) {
      const base = endpoint ? `${endpoint.replace(/\/$/, '')}/storage/v1/b/${bucketName}/o` : `https://storage.googleapis.com/${bucketName}`;
      return endpoint ? `${base}/${encodeURIComponent(joinKey(prefix, key))}?alt=media` : `${base}/${joinKey(prefix, key)}`;
    },
  };
  return provider;
};

export default createGcs;
