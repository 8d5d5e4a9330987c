// Fault injection: a proxy in front of a real s3rver fails request N (500, connection reset, or a hang) for
// N = 1.. until a deploy gets through untouched. Every time, the live revision must stay whole (manifest and
// latest files byte-identical to before) or be the new one complete, and a plain re-run must converge.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { rm } from 'node:fs/promises';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { deploy } from '../src/publish/deploy.ts';
import { startS3rver } from './helpers/s3rver.ts';
import { startFaultyProxy, type Fault } from './helpers/faulty-proxy.ts';
import { writeDatafiles } from './helpers/deploy-datafiles.ts';

const LATEST = ['production', 'staging'].flatMap((env) => ['all', 'beta'].map((tag) => `site/${env}/featurevisor-tag-${tag}.json`));

test('a failing store at any point of a deploy never leaves a mixed live revision', { timeout: 170_000 }, async (t) => {
  const s3 = await startS3rver(['datafiles']);
  Object.assign(process.env, s3.env);
  const proxy = await startFaultyProxy(s3.endpoint);
  const client = new S3Client({
    endpoint: s3.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const read = async (key: string) => {
    try {
      return Buffer.from(await (await client.send(new GetObjectCommand({ Bucket: 'datafiles', Key: key }))).Body!.transformToByteArray());
    } catch {
      return undefined;
    }
  };
  const live = async () => {
    const files = new Map<string, Buffer | undefined>();
    for (const key of ['site/manifest.json', ...LATEST]) files.set(key, await read(key));
    return files;
  };
  /** The live revision is whole: every latest file is the one the manifest names, and its immutable copy exists. */
  const assertWhole = async (expectRevision?: string) => {
    const manifest = JSON.parse((await read('site/manifest.json'))!.toString());
    if (expectRevision) assert.equal(manifest.revision, expectRevision);
    for (const file of manifest.files) {
      const latest = await read(`site/${file.path}`);
      const immutable = await read(`site/${file.immutablePath}`);
      assert.equal(createHash('sha256').update(latest!).digest('hex'), file.sha256, `${file.path} matches the manifest`);
      assert.deepEqual(immutable, latest, `${file.immutablePath} is there`);
    }
  };
  const dirs: string[] = [];
  let revision = 0;
  const options = (extra: object = {}) => ({
    target: 's3://datafiles/site',
    endpoint: proxy.url,
    // Short only where a hang must end by timing out; elsewhere a slow machine should not add failures of its own.
    requestTimeoutMs: 10_000,
    retries: 2,
    retryDelayMs: 5,
    concurrency: 1,
    retention: 2,
    ...extra,
  });
  const datafiles = async () => {
    revision++;
    // Alternate which feature changes so both the shared and the per-tag files move over time.
    const dir = await writeDatafiles({ environments: ['production', 'staging'], tags: ['all', 'beta'], revision: `f${revision}`, features: { alpha: revision, beta: Math.floor(revision / 2) } });
    dirs.push(dir);
    return dir;
  };

  try {
    await deploy({ ...options(), datafilesDir: await datafiles() });
    await assertWhole('f1');
    for (const fault of ['error500', 'reset', 'hang'] as Fault[]) {
      await t.test(`fault: ${fault}`, async () => {
        let failures = 0;
        for (let n = 1; n < 200; n++) {
          const before = await live();
          const dir = await datafiles();
          // Two consecutive failures exhaust the two attempts of one request; the store then recovers.
          proxy.failFrom(n, 2, fault);
          let failed: Error | undefined;
          try {
            await deploy({ ...options(fault === 'hang' ? { requestTimeoutMs: 300 } : {}), datafilesDir: dir });
          } catch (error) {
            failed = error as Error;
          }
          const injected = proxy.log.some((entry) => entry.fault);
          proxy.reset();
          if (failed) {
            failures++;
            assert.match(failed.message, /failed during|list|read/, 'the error says what failed');
            assert.deepEqual(await live(), before, `request ${n}: live manifest and latest files unchanged`);
            await deploy({ ...options(), datafilesDir: dir });
          }
          await assertWhole(`f${revision}`);
          if (!injected) break; // the deploy finished before request n: every point has been covered
        }
        assert.ok(failures >= 5, `faults were injected at many points (${failures})`);
      });
    }
  } finally {
    client.destroy();
    await proxy.close();
    await s3.close();
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  }
});
