// CloudFront invalidation of exactly the changed latest paths (wildcard only beyond the per-request path budget).
import { CloudFrontClient, CreateInvalidationCommand, waitUntilInvalidationCompleted } from '@aws-sdk/client-cloudfront';
import { joinKey, ProviderError, type ProviderOptions } from './types.ts';

/** Individual paths in progress are capped at 3,000 per distribution; stay well under it. */
const MAX_PATHS = 1000;

export function invalidationPaths(keys: string[], prefix: string): string[] {
  if (keys.length > MAX_PATHS) return [prefix ? `/${prefix}/*` : '/*'];
  return [...new Set(keys)].sort().map((key) => '/' + joinKey(prefix, key).split('/').map(encodeURIComponent).join('/'));
}

export function createInvalidator(options: ProviderOptions, prefix: string) {
  const distribution = options.cloudfrontDistribution!;
  const client = new CloudFrontClient({
    region: 'us-east-1',
    maxAttempts: 1,
    ...(options.cloudfrontEndpoint ? { endpoint: options.cloudfrontEndpoint } : {}),
    requestHandler: { requestTimeout: options.requestTimeoutMs ?? 60_000, throwOnRequestTimeout: true },
  });
  return {
    async invalidate(keys: string[], { wait }: { wait: boolean }): Promise<string[]> {
      const paths = invalidationPaths(keys, prefix);
      try {
        const created = await client.send(
          new CreateInvalidationCommand({
            DistributionId: distribution,
            InvalidationBatch: { CallerReference: `flagwright-${Date.now()}-${Math.random().toString(36).slice(2)}`, Paths: { Quantity: paths.length, Items: paths } },
          }),
        );
        if (wait) {
          const result = await waitUntilInvalidationCompleted(
            // Test endpoints answer at once; real invalidations take minutes, so poll gently there.
            { client, minDelay: options.cloudfrontEndpoint ? 0.05 : 10, maxDelay: options.cloudfrontEndpoint ? 0.2 : 30, maxWaitTime: 1200 },
            { DistributionId: distribution, Id: created.Invalidation!.Id! },
          );
          if (result.state !== 'SUCCESS') throw new Error(`invalidation ${created.Invalidation!.Id} did not complete (${result.state})`);
        }
        return paths;
      } catch (error: any) {
        if (error?.name === 'NoSuchDistribution') throw new ProviderError(`CloudFront distribution "${distribution}" does not exist`);
        if (error?.name === 'AccessDenied' || error?.$metadata?.httpStatusCode === 403) {
          throw new ProviderError(`access denied on CloudFront distribution "${distribution}": the role needs cloudfront:CreateInvalidation and cloudfront:GetInvalidation`);
        }
        throw error;
      }
    },
    close() {
      client.destroy();
    },
  };
}
