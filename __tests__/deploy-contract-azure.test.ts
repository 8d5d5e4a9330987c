// The deploy contract against the real azurite blob emulator through @azure/storage-blob.
import { BlobServiceClient } from '@azure/storage-blob';
import { deployContract, type Snapshot } from './helpers/deploy-contract.ts';
import { startAzurite } from './helpers/azurite.ts';

deployContract('azure blob', async () => {
  const azurite = await startAzurite();
  const container = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient('datafiles');
  await container.create();
  return {
    target: 'azblob://devstoreaccount1/datafiles/site',
    options: { env: { ...process.env, AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString } },
    supportsHeaders: true,
    async snapshot(): Promise<Snapshot> {
      const content = new Map<string, string>();
      const cacheControl = new Map<string, string>();
      for await (const blob of container.listBlobsFlat()) {
        // The ETag changes on every write (and on header updates); the MD5 only with the bytes.
        content.set(blob.name, Buffer.from(blob.properties.contentMD5 ?? []).toString('hex') + ':' + blob.properties.contentLength);
        cacheControl.set(blob.name, blob.properties.cacheControl ?? '');
      }
      return {
        content,
        cacheControl,
        async body(key) {
          try {
            return (await container.getBlobClient(key).downloadToBuffer()).toString('utf8');
          } catch {
            return undefined;
          }
        },
      };
    },
    close: () => azurite.close(),
  };
});
