// The S3 provider hands the signer each body's known SHA-256 (x-amz-content-sha256) and resolves its
// middleware once per command class. Checked on the wire: every PUT's signed payload hash must be the
// SHA-256 of the bytes actually sent (S3 refuses a mismatch; s3rver does not check it), over two deploys
// so the cached PutObject and ListObjectsV2 handlers are reused, with and without gzip.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { deploy } from '../src/publish/deploy.ts';
import { startFaultyProxy } from './helpers/faulty-proxy.ts';
import { startS3rver } from './helpers/s3rver.ts';

function writeDatafiles(dir: string, revision: string, variant: string): void {
  for (const environment of ['production', 'staging']) {
    mkdirSync(join(dir, environment), { recursive: true });
    for (const tag of ['web', 'ios']) {
      const features = { [`${tag}-checkout`]: { bucketBy: 'userId', variations: [{ value: variant }], traffic: [] } };
      writeFileSync(join(dir, environment, `featurevisor-tag-${tag}.json`), JSON.stringify({ schemaVersion: '2', revision, segments: {}, features }));
    }
  }
}

test('every S3 upload is signed with the SHA-256 of the bytes it sends', async () => {
  const s3 = await startS3rver(['datafiles']);
  const proxy = await startFaultyProxy(s3.endpoint, { hashBodies: true });
  const work = mkdtempSync(join(tmpdir(), 'fw-s3-signing-'));
  try {
    Object.assign(process.env, s3.env); // the SDK's credential chain reads the process environment
    for (const [round, compress] of [[1, 'none'], [2, 'gzip']] as const) {
      const dir = join(work, `r${round}`);
      writeDatafiles(dir, `r${round}`, `v${round}`);
      proxy.reset();
      const result = await deploy({ target: 's3://datafiles/flags', endpoint: proxy.url, datafilesDir: dir, revision: `r${round}`, compress, retries: 1 });
      assert.ok(result.uploaded > 0, `round ${round} uploaded something`);
      const puts = proxy.log.filter((entry) => entry.method === 'PUT');
      assert.ok(puts.length >= result.uploaded, `round ${round}: ${puts.length} PUTs`);
      assert.ok(proxy.log.some((entry) => entry.method === 'GET' && /list-type=2/.test(entry.path)), `round ${round} listed the target`);
      for (const put of puts) {
        assert.equal(put.headers['x-amz-content-sha256'], put.bodySha256, `${put.path}: signed payload hash`);
      }
    }
  } finally {
    await proxy.close();
    await s3.close();
    rmSync(work, { recursive: true, force: true });
  }
});
