// The deploy contract against a real s3rver, with CloudFront invalidations going to a wire-level fake.
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { deployContract, type Snapshot } from './helpers/deploy-contract.ts';
import { startS3rver } from './helpers/s3rver.ts';
import { startFakeCloudFront } from './helpers/fake-cloudfront.ts';

deployContract('s3 + cloudfront', async () => {
  const s3 = await startS3rver(['datafiles']);
  const cloudfront = await startFakeCloudFront(['E2EXAMPLE']);
  Object.assign(process.env, s3.env);
  const client = new S3Client({
    endpoint: s3.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  let seen = 0;
  return {
    target: 's3://datafiles/site',
    options: { endpoint: s3.endpoint, cloudfrontDistribution: 'E2EXAMPLE', cloudfrontEndpoint: cloudfront.url, wait: true },
    supportsHeaders: true,
    cdnPath: (key) => `/${key}`,
    takeInvalidations() {
      const paths = cloudfront.invalidations.slice(seen).flatMap((i) => i.paths);
      seen = cloudfront.invalidations.length;
      return paths;
    },
    async snapshot(): Promise<Snapshot> {
      const content = new Map<string, string>();
      const cacheControl = new Map<string, string>();
      const listed = await client.send(new ListObjectsV2Command({ Bucket: 'datafiles' }));
      await Promise.all(
        (listed.Contents ?? []).map(async (item) => {
          const head = await client.send(new HeadObjectCommand({ Bucket: 'datafiles', Key: item.Key! }));
          content.set(item.Key!, item.ETag!);
          cacheControl.set(item.Key!, head.CacheControl ?? '');
        }),
      );
      return {
        content,
        cacheControl,
        async body(key) {
          try {
            const response = await client.send(new GetObjectCommand({ Bucket: 'datafiles', Key: key }));
            return await response.Body!.transformToString();
          } catch {
            return undefined;
          }
        },
      };
    },
    async close() {
      client.destroy();
      await cloudfront.close();
      await s3.close();
    },
  };
});
