// s3://bucket/prefix (+ --endpoint for R2/MinIO/other S3-compatible stores), with CloudFront invalidation.
import {
  CopyObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { parseListPagesDirectly } from './s3-list.ts';
import { joinKey, listPrefixes, ProviderError, type Provider, type ProviderFactory, type PutOptions, type RemoteObject } from './types.ts';

export const S3_PERMISSIONS = 's3:ListBucket, s3:GetObject, s3:PutObject, s3:DeleteObject, cloudfront:CreateInvalidation, cloudfront:GetInvalidation';

/** Turns SDK errors about credentials, permissions and missing buckets into messages that say what to fix. */
function explain(error: any, bucket: string): unknown {
  const name = error?.name ?? error?.Code;
  const status = error?.$metadata?.httpStatusCode;
  if (name === 'CredentialsProviderError' || /Could not load credentials/i.test(String(error?.message))) {
    return new ProviderError(
      `no AWS credentials found: log in first (e.g. aws-actions/configure-aws-credentials with role-to-assume; the workflow needs "permissions: id-token: write"). Needed IAM actions: ${S3_PERMISSIONS}`,
    );
  }
  if (name === 'NoSuchBucket') return new ProviderError(`bucket "${bucket}" does not exist (check the name and region)`);
  if (name === 'AccessDenied' || name === 'InvalidAccessKeyId' || name === 'SignatureDoesNotMatch' || status === 403) {
    return new ProviderError(`access denied on bucket "${bucket}" (${name}): the role needs ${S3_PERMISSIONS}`);
  }
  return error;
}

function s3Config(options: Parameters<ProviderFactory>[1]): S3ClientConfig {
  const region = options.region ?? options.env.AWS_REGION ?? options.env.AWS_DEFAULT_REGION ?? 'us-east-1';
  const timeout = options.requestTimeoutMs ?? 60_000;
  return {
    region,
    maxAttempts: 1, // the sync engine retries with its own backoff
    // The middleware chain is resolved once per command class instead of per request (measured: ~0.2 ms
    // of CPU per request, 10% of a 2,000-PUT sync's); so Flagwright's own middlewares are client-level,
    // added before the first request, never per command.
    cacheMiddleware: true,
    // No info(): the SDK's logger middleware then skips building a record per request (it copies and
    // filters every input and output even for the default logger that discards them).
    logger: { trace() {}, debug() {}, warn() {}, error() {} } as unknown as S3ClientConfig['logger'],
    requestHandler: {
      requestTimeout: timeout,
      connectionTimeout: Math.min(timeout, 10_000),
      throwOnRequestTimeout: true,
      // The SDK's default of 50 sockets would cap the engine's concurrency.
      httpAgent: { keepAlive: true, maxSockets: 256 },
      httpsAgent: { keepAlive: true, maxSockets: 256 },
    },
    ...(options.endpoint
      ? {
          endpoint: options.endpoint,
          forcePathStyle: true,
          // Off-AWS stores reject or mangle the SDK's default flexible checksums.
          requestChecksumCalculation: 'WHEN_REQUIRED',
          responseChecksumValidation: 'WHEN_REQUIRED',
        }
      : {}),
  };
}

const createS3: ProviderFactory = async (location, options) => {
  const bucket = location.bucket!;
  const prefix = location.prefix;
  const config = s3Config(options);
  const client = new S3Client(config);
  const listPage = parseListPagesDirectly(client);
  // An uncompressed upload's body is the JSON whose SHA-256 the engine already has (also its x-amz-meta-sha256):
  // hand it to the signer, which otherwise hashes every body again (a wrong value is refused by S3, never stored).
  client.middlewareStack.add(
    (next: any, context: any) => (args: any) => {
      const input = args.input;
      if (context.commandName === 'PutObjectCommand' && input.Body !== undefined && !input.ContentEncoding && input.Metadata?.sha256) {
        args.request.headers['x-amz-content-sha256'] = input.Metadata.sha256;
      }
      return next(args);
    },
    { step: 'build', name: 'flagwrightPayloadHash', override: true },
  );
  const full = (key: string) => joinKey(prefix, key);
  const guard = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (error) {
      throw explain(error, bucket);
    }
  };
  const putParams = (key: string, o: PutOptions) => ({
    Bucket: bucket,
    Key: full(key),
    CacheControl: o.headers.cacheControl,
    ContentType: o.headers.contentType,
    ...(o.headers.contentEncoding ? { ContentEncoding: o.headers.contentEncoding } : {}),
    Metadata: { sha256: o.sha256 },
  });
  // A deploy asks for every latest file's URL: the base is worked out once.
  const publicBase = options.endpoint ? `${options.endpoint.replace(/\/$/, '')}/${bucket}` : `https://${bucket}.s3.${config.region}.amazonaws.com`;
  const invalidation = options.cloudfrontDistribution
    ? await import('./cloudfront.ts').then((m) => m.createInvalidator(options, prefix))
    : undefined;

  const provider: Provider = {
    kind: 's3',
    supportsHeaders: true,
    list: (listOptions = {}) =>
      guard(async () => {
        const out: RemoteObject[] = [];
        let token: string | undefined;
        const { rootPrefix, listPrefix } = listPrefixes(prefix, listOptions.under);
        do {
          const command = new ListObjectsV2Command({ Bucket: bucket, Prefix: listPrefix, ContinuationToken: token, ...(listOptions.shallow ? { Delimiter: '/' } : {}) });
          await client.send(command);
          const page = listPage(command.input);
          if (!page) throw new Error(`ListObjectsV2 on bucket "${bucket}" returned no listing`);
          for (const item of page.contents) {
            const etag = item.etag?.replace(/"/g, '');
            // Multipart/KMS ETags are not MD5s: leave md5 unset so the file is re-uploaded rather than trusted.
            out.push({ key: item.key.slice(rootPrefix.length), size: item.size, ...(etag && /^[0-9a-f]{32}$/.test(etag) ? { md5: etag } : {}) });
          }
          token = page.isTruncated ? page.nextToken : undefined;
        } while (token);
        return out;
      }),
    get: (key) =>
      guard(async () => {
        try {
          const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: full(key) }));
          const body = Buffer.from(await response.Body!.transformToByteArray());
          return { body, ...(response.ContentEncoding ? { contentEncoding: response.ContentEncoding } : {}) };
        } catch (error: any) {
          if (error?.name === 'NoSuchKey' || error?.$metadata?.httpStatusCode === 404 && error?.name !== 'NoSuchBucket') return undefined;
          throw error;
        }
      }),
    put: (key, body, o) =>
      guard(async () => {
        const command = new PutObjectCommand({ ...putParams(key, o), Body: body, ContentMD5: Buffer.from(o.md5, 'hex').toString('base64') });
        const response = await client.send(command);
        const etag = response.ETag?.replace(/"/g, '');
        return etag && /^[0-9a-f]{32}$/.test(etag) ? { md5: etag } : {};
      }),
    updateHeaders: (key, o) =>
      guard(async () => {
        // REPLACE rewrites every header and metadata in place; no bytes are re-sent.
        await client.send(
          new CopyObjectCommand({ ...putParams(key, o), CopySource: `${bucket}/${full(key).split('/').map(encodeURIComponent).join('/')}`, MetadataDirective: 'REPLACE' }),
        );
      }),
    delete: (keys) =>
      guard(async () => {
        for (let i = 0; i < keys.length; i += 1000) {
          const chunk = keys.slice(i, i + 1000);
          const response = await client.send(
            new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: chunk.map((key) => ({ Key: full(key) })), Quiet: true } }),
          );
          if (response.Errors?.length) {
            const first = response.Errors[0]!;
            throw Object.assign(new Error(`could not delete ${response.Errors.length} objects (first: ${first.Key}: ${first.Code} ${first.Message})`), {
              name: first.Code,
            });
          }
        }
      }),
    ...(invalidation ? { invalidate: (keys: string[], o: { wait: boolean }) => invalidation.invalidate(keys, o) } : {}),
    publicUrl: (key) => `${publicBase}/${full(key)}`,
    async close() {
      client.destroy();
      invalidation?.close();
    },
  };
  return provider;
};

export default createS3;
