// The deploy contract against a wire-level GCS JSON API fake, through the real @google-cloud/storage SDK.
import { createHash } from 'node:crypto';
import { deployContract, type Snapshot } from './helpers/deploy-contract.ts';
import { startFakeGcs } from './helpers/fake-gcs.ts';

deployContract('gcs', async () => {
  process.env.METADATA_SERVER_DETECTION = 'none';
  const gcs = await startFakeGcs(['datafiles']);
  return {
    target: 'gs://datafiles/site',
    options: { gcsApiEndpoint: gcs.url },
    supportsHeaders: true,
    async snapshot(): Promise<Snapshot> {
      const objects = gcs.objects('datafiles');
      const content = new Map([...objects].map(([key, o]) => [key, createHash('md5').update(o.body).digest('hex')]));
      const cacheControl = new Map([...objects].map(([key, o]) => [key, String(o.metadata.cacheControl ?? '')]));
      return { content, cacheControl, body: async (key) => objects.get(key)?.body.toString('utf8') };
    },
    close: () => gcs.close(),
  };
});
