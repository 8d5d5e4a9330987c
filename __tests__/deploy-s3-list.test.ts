// The direct ListObjectsV2 reader: what it takes from the XML, and that it agrees with the SDK on a real s3rver.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { parseListPage } from '../providers/s3-list.ts';
import { openTarget } from '../src/publish/providers.ts';
import { startS3rver } from './helpers/s3rver.ts';

test('parseListPage reads keys, sizes and ETags, unescapes XML, and finds the continuation token outside entries', () => {
  const xml =
    '<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>b</Name>' +
    '<Contents><Key>a&amp;b/&lt;x&gt; &#233;&#x4e2d;.json</Key><LastModified>2026-01-01T00:00:00.000Z</LastModified>' +
    '<ETag>&quot;0123456789abcdef0123456789abcdef&quot;</ETag><Size>42</Size></Contents>' +
    '<Contents><Key>no-etag.json</Key><Size>0</Size></Contents>' +
    '<CommonPrefixes><Prefix>r1/</Prefix></CommonPrefixes>' +
    '<IsTruncated>true</IsTruncated><NextContinuationToken>t&amp;1</NextContinuationToken></ListBucketResult>';
  assert.deepEqual(parseListPage(xml), {
    contents: [
      { key: 'a&b/<x> é中.json', size: 42, etag: '"0123456789abcdef0123456789abcdef"' },
      { key: 'no-etag.json', size: 0 },
    ],
    isTruncated: true,
    nextToken: 't&1',
  });
  assert.deepEqual(parseListPage('<ListBucketResult><IsTruncated>false</IsTruncated></ListBucketResult>'), { contents: [], isTruncated: false });
  assert.throws(() => parseListPage('<Error><Code>AccessDenied</Code></Error>'), /unexpected ListObjectsV2 response/);
});

test('s3 listings (paged, shallow and deep) match what the SDK itself lists', { timeout: 60_000 }, async () => {
  const s3 = await startS3rver(['datafiles']);
  Object.assign(process.env, s3.env);
  const client = new S3Client({ endpoint: s3.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
  const { provider } = await openTarget('s3://datafiles/site', { endpoint: s3.endpoint });
  try {
    // More than one page (s3rver pages at 1,000), keys that need escaping, and a nested folder.
    const keys = [...Array.from({ length: 1003 }, (_, i) => `site/p/f${i}.json`), 'site/a&b <c>.json', 'site/p/r1/deep.json'];
    for (let i = 0; i < keys.length; i += 50) {
      await Promise.all(keys.slice(i, i + 50).map((Key, j) => client.send(new PutObjectCommand({ Bucket: 'datafiles', Key, Body: `body ${i + j}` }))));
    }
    const sdkList = async (prefix: string, delimiter?: string) => {
      const out: Array<{ key: string; size: number; md5?: string }> = [];
      let token: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: 'datafiles', Prefix: prefix, ContinuationToken: token, ...(delimiter ? { Delimiter: delimiter } : {}) }));
        for (const item of page.Contents ?? []) out.push({ key: item.Key!.slice('site/'.length), size: item.Size!, md5: item.ETag!.replace(/"/g, '') });
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return out.sort((a, b) => a.key.localeCompare(b.key));
    };
    const sorted = (objects: Array<{ key: string }>) => [...objects].sort((a, b) => a.key.localeCompare(b.key));
    const deep = sorted(await provider.list());
    assert.equal(deep.length, keys.length);
    assert.deepEqual(deep, await sdkList('site/'));
    assert.deepEqual(sorted(await provider.list({ under: 'p', shallow: true })), await sdkList('site/p/', '/'));
    const top = sorted(await provider.list({ shallow: true }));
    assert.deepEqual(top.map((o) => o.key), ['a&b <c>.json']);
    assert.deepEqual(top, await sdkList('site/', '/'));
  } finally {
    client.destroy();
    await provider.close?.();
    await s3.close();
  }
});
