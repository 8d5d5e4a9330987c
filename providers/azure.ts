// azblob://account/container/prefix through @azure/storage-blob (DefaultAzureCredential; a connection string for emulators).
import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';
import { joinKey, listPrefixes, ProviderError, type Provider, type ProviderFactory, type PutOptions, type RemoteObject } from './types.ts';

const ROLE = '"Storage Blob Data Contributor" on the container (list, read, write, delete blobs)';

function explain(error: any, container: string): unknown {
  const code = error?.code ?? error?.details?.errorCode;
  if (error?.name === 'CredentialUnavailableError' || error?.name === 'AggregateAuthenticationError') {
    return new ProviderError(`no Azure credential found: log in first (azure/login with client-id/tenant-id/subscription-id; the workflow needs "permissions: id-token: write"). Needed role: ${ROLE}`);
  }
  if (code === 'ContainerNotFound') return new ProviderError(`container "${container}" does not exist`);
  if (error?.statusCode === 403 || /Authorization/.test(String(code))) return new ProviderError(`access denied on container "${container}" (${code}): the identity needs ${ROLE}`);
  return error;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

const createAzure: ProviderFactory = async (location, options) => {
  const containerName = location.bucket!;
  const prefix = location.prefix;
  const clientOptions = { retryOptions: { maxTries: 1, ...(options.requestTimeoutMs ? { tryTimeoutInMs: options.requestTimeoutMs } : {}) } };
  let service: BlobServiceClient;
  const connection = options.env.AZURE_STORAGE_CONNECTION_STRING;
  if (connection) {
    service = BlobServiceClient.fromConnectionString(connection, clientOptions);
  } else {
    const { DefaultAzureCredential } = await import('@azure/identity');
    service = new BlobServiceClient(`https://${location.account}.blob.core.windows.net`, new DefaultAzureCredential(), clientOptions);
  }
  const container: ContainerClient = service.getContainerClient(containerName);
  const blob = (key: string) => container.getBlockBlobClient(joinKey(prefix, key));
  const guard = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (error) {
      throw explain(error, containerName);
    }
  };
  // Set Blob Properties replaces every header, so always send all of them (and the MD5).
  const httpHeaders = (o: PutOptions) => ({
    blobCacheControl: o.headers.cacheControl,
    blobContentType: o.headers.contentType,
    ...(o.headers.contentEncoding ? { blobContentEncoding: o.headers.contentEncoding } : {}),
    blobContentMD5: Buffer.from(o.md5, 'hex'),
  });

  const provider: Provider = {
    kind: 'azure blob',
    supportsHeaders: true,
    list: (listOptions = {}) =>
      guard(async () => {
        const out: RemoteObject[] = [];
        const { rootPrefix, listPrefix } = listPrefixes(prefix, listOptions.under);
        const pages = listOptions.shallow
          ? container.listBlobsByHierarchy('/', { prefix: listPrefix }).byPage({ maxPageSize: 5000 })
          : container.listBlobsFlat({ prefix: listPrefix }).byPage({ maxPageSize: 5000 });
        for await (const page of pages) {
          for (const item of page.segment.blobItems) {
            const p = item.properties;
            out.push({
              key: item.name.slice(rootPrefix.length),
              size: p.contentLength ?? 0,
              ...(p.contentMD5 ? { md5: Buffer.from(p.contentMD5).toString('hex') } : {}),
              cacheControl: p.cacheControl ?? '',
              ...(p.contentEncoding ? { contentEncoding: p.contentEncoding } : {}),
            });
          }
        }
        return out;
      }),
    get: (key) =>
      guard(async () => {
        try {
          const response = await blob(key).download();
          const body = await readAll(response.readableStreamBody!);
          return { body, ...(response.contentEncoding ? { contentEncoding: response.contentEncoding } : {}) };
        } catch (error: any) {
          if (error?.statusCode === 404 && error?.code !== 'ContainerNotFound') return undefined;
          throw error;
        }
      }),
    put: (key, body, o) =>
      guard(async () => {
        const response = await blob(key).upload(body, body.length, { blobHTTPHeaders: httpHeaders(o), metadata: { sha256: o.sha256 } });
        return response.contentMD5 ? { md5: Buffer.from(response.contentMD5).toString('hex') } : {};
      }),
    updateHeaders: (key, o) =>
      guard(async () => {
        await blob(key).setHTTPHeaders(httpHeaders(o));
      }),
    delete: (keys) =>
      guard(async () => {
        for (let i = 0; i < keys.length; i += 16) {
          await Promise.all(keys.slice(i, i + 16).map((key) => blob(key).deleteIfExists()));
        }
      }),
    publicUrl(key) {
      return `${container.url}/${joinKey(prefix, key).split('/').map(encodeURIComponent).join('/')}`;
    },
  };
  return provider;
};

export default createAzure;
