// Engine details beyond the contract: precompression, reading live state, Pages push races, the pure planner,
// and which reads a re-sync makes.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { test } from 'node:test';
import { deploy } from '../src/publish/deploy.ts';
import { readLiveDatafiles } from '../src/publish/remote-state.ts';
import { openTarget } from '../src/publish/providers.ts';
import { planDeploy } from '../src/publish/plan.ts';
import { contentHashOf, DEFAULT_CACHE, sha256Hex, type LocalDatafile } from '../src/publish/layout.ts';
import { publish } from '../src/publish/engine.ts';
import { readDatafilesDir } from '../src/publish/input.ts';
import { createRemoteReads } from '../src/publish/remote-reads.ts';
import { startFakeGcs } from './helpers/fake-gcs.ts';
import { startGitRemote } from './helpers/git-remote.ts';
import { datafileJson, writeDatafiles } from './helpers/deploy-datafiles.ts';

/** Settings for calling the engine directly: defaults, no retries. */
function publishSettings(files: LocalDatafile[], revision: string) {
  return {
    files,
    revision,
    cache: DEFAULT_CACHE,
    compression: 'none' as const,
    retention: 10,
    dryRun: false,
    wait: false,
    concurrency: 4,
    retry: { attempts: 1, baseDelayMs: 1 },
    log: () => {},
  };
}

test('gzip and brotli precompression: right Content-Encoding, deterministic bytes, live state decodes', async () => {
  process.env.METADATA_SERVER_DETECTION = 'none';
  const gcs = await startFakeGcs(['datafiles']);
  const spec = { environments: ['production'], tags: ['all'], revision: 'z1' };
  const data = await writeDatafiles(spec);
  try {
    for (const compress of ['gzip', 'br'] as const) {
      const target = `gs://datafiles/${compress}`;
      const first = await deploy({ target, gcsApiEndpoint: gcs.url, datafilesDir: data, compress });
      assert.equal(first.uploaded, 4);
      const stored = gcs.objects('datafiles').get(`${compress}/production/featurevisor-tag-all.json`)!;
      assert.equal(stored.metadata.contentEncoding, compress);
      assert.equal(stored.metadata.contentType, 'application/json; charset=utf-8');
      const decoded = compress === 'gzip' ? gunzipSync(stored.body) : brotliDecompressSync(stored.body);
      assert.equal(decoded.toString(), datafileJson(spec, 'production', 'all'));
      // Same input, same bytes: the re-run finds every object unchanged.
      const again = await deploy({ target, gcsApiEndpoint: gcs.url, datafilesDir: data, compress });
      assert.equal(again.uploaded, 0);
      const live = await readLiveDatafiles(target, { gcsApiEndpoint: gcs.url });
      assert.equal(live?.revision, 'z1');
      assert.equal(live?.files[0]?.tag, 'all');
      assert.equal(live?.files[0]?.bytes.toString(), datafileJson(spec, 'production', 'all'));
    }
    // Switching compression off re-uploads with the identity encoding.
    const plain = await deploy({ target: 'gs://datafiles/gzip', gcsApiEndpoint: gcs.url, datafilesDir: data, compress: 'none' });
    assert.equal(plain.uploaded, 4);
    assert.equal(gcs.objects('datafiles').get('gzip/production/featurevisor-tag-all.json')!.metadata.contentEncoding, undefined);
    assert.equal(await readLiveDatafiles('gs://datafiles/nothing-here', { gcsApiEndpoint: gcs.url }), undefined);
    await assert.rejects(deploy({ target: 'gs://no-such-bucket/x', gcsApiEndpoint: gcs.url, datafilesDir: data }), /bucket "no-such-bucket" does not exist/);
  } finally {
    await gcs.close();
    await rm(data, { recursive: true, force: true });
  }
});

test('pages: a push that lost a race is rebuilt on the new tip and pushed without force', async () => {
  const remote = await startGitRemote();
  Object.assign(process.env, remote.env);
  const data = await writeDatafiles({ environments: ['production'], tags: ['all'], revision: 'p1' });
  try {
    await deploy({ target: 'pages://gh-pages/flags', pagesRemote: remote.url, datafilesDir: data });
    const { provider } = await openTarget('pages://gh-pages/flags', { pagesRemote: remote.url });
    await provider.put('extra.json', Buffer.from('{}'), { headers: { cacheControl: '', contentType: '' }, md5: '', sha256: '' });
    // Someone else pushes to the branch after our clone.
    const other = await mkdtemp(join(tmpdir(), 'fw-other-'));
    const git = (args: string[]) => execFileSync('git', args, { cwd: other, env: { ...process.env, ...remote.env } });
    git(['clone', '--quiet', '--branch', 'gh-pages', remote.url, '.']);
    await writeFile(join(other, 'index.html'), '<h1>docs</h1>');
    git(['add', 'index.html']);
    git(['commit', '--quiet', '-m', 'docs']);
    git(['push', '--quiet', 'origin', 'gh-pages']);
    const tipBefore = remote.git(['--git-dir', remote.dir, 'rev-parse', 'gh-pages']);
    await provider.flush!('flagwright: test');
    await provider.close!();
    const files = remote.files('gh-pages');
    assert.ok(files.includes('index.html'), 'the other push is kept');
    assert.ok(files.includes('flags/extra.json'), 'our write landed');
    assert.ok(files.includes('flags/manifest.json'));
    // Fast-forward only: the other commit is an ancestor of the new tip.
    remote.git(['--git-dir', remote.dir, 'merge-base', '--is-ancestor', tipBefore, 'gh-pages']);
    await rm(other, { recursive: true, force: true });
  } finally {
    await remote.close();
    await rm(data, { recursive: true, force: true });
  }
});

test('readLiveDatafiles reads a local target back as a DatafileSet', async () => {
  const out = await mkdtemp(join(tmpdir(), 'fw-live-'));
  const data = await writeDatafiles({ environments: ['production', 'staging'], tags: ['all', 'beta'], revision: 'l1' });
  try {
    assert.equal(await readLiveDatafiles(`file://${out}`), undefined);
    await deploy({ target: `file://${out}`, datafilesDir: data });
    const live = await readLiveDatafiles(`file://${out}`);
    assert.equal(live?.revision, 'l1');
    assert.deepEqual(live?.files.map((f) => `${f.environment}/${f.tag}`).sort(), ['production/all', 'production/beta', 'staging/all', 'staging/beta']);
    const one = live!.files.find((f) => f.path === 'staging/featurevisor-tag-beta.json')!;
    assert.equal(one.bytes.toString(), await readFile(join(data, 'staging', 'featurevisor-tag-beta.json'), 'utf8'));
    assert.equal(one.datafile.schemaVersion, '2');
  } finally {
    await rm(out, { recursive: true, force: true });
    await rm(data, { recursive: true, force: true });
  }
});

test('the planner is pure: a listing that matches gives an all-unchanged plan', () => {
  const files = [{ environment: 'production', name: 'featurevisor-tag-all.json', bytes: Buffer.from('{"schemaVersion":"2","revision":"a","segments":{},"features":{}}') }];
  const base = { files, revision: 'a', time: 't', cache: DEFAULT_CACHE, compression: 'none' as const, supportsHeaders: true, retention: 10 };
  const first = planDeploy({ ...base, remote: [] });
  assert.deepEqual(first.immutable.map((o) => [o.key, o.action]), [['production/a/featurevisor-tag-all.json', 'upload']]);
  assert.deepEqual(planDeploy({ ...base, remote: [] }), first, 'same input, same plan');
  const remote = [...first.immutable, ...first.latest].map((o) => ({ key: o.key, size: o.body.length, md5: o.md5, cacheControl: o.headers.cacheControl }));
  const second = planDeploy({ ...base, remote });
  assert.ok([...second.immutable, ...second.latest].every((o) => o.action === 'unchanged'));
  const reheaded = planDeploy({ ...base, remote, cache: { ...DEFAULT_CACHE, latest: 'max-age=5' } });
  assert.deepEqual(reheaded.latest.map((o) => o.action), ['headers']);
  assert.deepEqual(reheaded.immutable.map((o) => o.action), ['unchanged']);
});

test('a datafile\'s content identity ignores only its revision stamp, read in place or parsed alike', () => {
  const spec = { environments: ['production'], tags: ['all'], revision: 'r1', features: { alpha: 1, beta: 2 } };
  const bytes = (revision: string, features = spec.features) => Buffer.from(datafileJson({ ...spec, revision, features }, 'production', 'all'));
  const parsedIdentity = (b: Buffer) => sha256Hex(Buffer.from(JSON.stringify({ ...JSON.parse(b.toString()), revision: '' })));
  assert.equal(contentHashOf(bytes('r1')), contentHashOf(bytes('another-revision.2')), 'a new stamp alone is the same content');
  assert.notEqual(contentHashOf(bytes('r1')), contentHashOf(bytes('r1', { alpha: 1, beta: 3 })), 'a changed feature is new content');
  // The in-place reading equals the parsed one, so identities recorded by either agree.
  for (const b of [bytes('r1'), bytes('')]) assert.equal(contentHashOf(b), parsedIdentity(b));
  // Escaped or pretty-printed revisions take the parsed path and still ignore the stamp.
  const escaped = Buffer.from(bytes('r1').toString().replace('"r1"', '"r\\"1"'));
  assert.equal(contentHashOf(escaped), contentHashOf(bytes('r1')));
  const pretty = (revision: string) => Buffer.from(JSON.stringify(JSON.parse(bytes(revision).toString()), null, 2));
  assert.equal(contentHashOf(pretty('r1')), contentHashOf(pretty('r2')));
  assert.equal(contentHashOf(pretty('r1')), contentHashOf(bytes('r1')));
  assert.equal(contentHashOf(Buffer.from('not json')), sha256Hex(Buffer.from('not json')));
});

test('re-syncs trust the manifest for live files only while no deploy is in progress; reads are never repeated', async () => {
  const out = await mkdtemp(join(tmpdir(), 'fw-reads-'));
  const data = await writeDatafiles({ environments: ['production', 'staging'], tags: ['all', 'beta'], revision: 'q1' });
  try {
    await deploy({ target: `file://${out}`, datafilesDir: data });
    assert.equal(existsSync(join(out, 'manifests', 'in-progress')), false, 'a finished deploy leaves no in-progress mark');
    const { provider } = await openTarget(`file://${out}`);
    const requests: string[] = [];
    const counting = {
      ...provider,
      list: (options: { under?: string; shallow?: boolean } = {}) => (requests.push(`list ${options.under ?? '/'}${options.shallow ? '' : ' (deep)'}`), provider.list(options)),
      get: (key: string) => (requests.push(`get ${key}`), provider.get(key)),
    };
    const settings = publishSettings((await readDatafilesDir(data)).files, 'q1');
    const reads = ['get manifest.json', 'get manifests/in-progress'];
    const noop = await publish(counting, settings);
    assert.equal(noop.uploaded, 0);
    assert.deepEqual(requests.sort(), reads, 'a no-op confirmed by the manifest lists nothing');

    // An interrupted deploy changed a latest file and left its mark: the re-sync lists, repairs, and clears the mark.
    const latest = join(out, 'production', 'featurevisor-tag-all.json');
    const good = await readFile(latest);
    await writeFile(latest, '{"schemaVersion":"2","revision":"half-written"}');
    await writeFile(join(out, 'manifests', 'in-progress'), '{}');
    requests.length = 0;
    const repaired = await publish(counting, settings);
    assert.ok(requests.includes('list production') && requests.includes('list staging'), requests.join(', '));
    assert.ok(repaired.plan.upload.includes('production/featurevisor-tag-all.json'));
    assert.deepEqual(await readFile(latest), good);
    assert.equal(existsSync(join(out, 'manifests', 'in-progress')), false);

    requests.length = 0;
    const prefetched = createRemoteReads(counting, settings.retry);
    prefetched.prefetch('q2', 10);
    await publish(counting, { ...settings, revision: 'q2', reads: prefetched, dryRun: true });
    const newFolders = ['list production/q2 (deep)', 'list staging/q2 (deep)'];
    assert.deepEqual(requests.sort(), [...reads, ...newFolders].sort(), 'a new revision lists only its own folders; prefetched reads are not repeated');
  } finally {
    await rm(out, { recursive: true, force: true });
    await rm(data, { recursive: true, force: true });
  }
});

test('a datafiles folder is hashed as it is read; bytes are read again only to upload, and a file changed meanwhile stops the deploy', async () => {
  const out = await mkdtemp(join(tmpdir(), 'fw-reread-'));
  // Files larger than the reader's first buffer, and of different sizes, so that it grows and is reused.
  const data = await writeDatafiles({ environments: ['production', 'staging'], tags: ['all', 'beta'], revision: 'w1', padBytes: 150_000 });
  await writeDatafiles({ environments: ['production'], tags: ['small'], revision: 'w1' }, data);
  try {
    const { files, revision } = await readDatafilesDir(data);
    assert.equal(revision, 'w1');
    assert.equal(files.length, 5);
    for (const file of files) {
      const onDisk = await readFile(join(data, file.environment, file.name));
      assert.equal(file.sha256, sha256Hex(onDisk), `${file.name}: hash of the file's own bytes`);
      assert.deepEqual(file.bytes, onDisk);
    }

    // Read, then changed before the plan needs its bytes: nothing is published from a file that moved underneath.
    const early = await readDatafilesDir(data);
    const changed = join(data, 'staging', 'featurevisor-tag-beta.json');
    await writeFile(changed, datafileJson({ environments: ['staging'], tags: ['beta'], revision: 'w1', features: { beta: 2 } }, 'staging', 'beta'));
    const { provider } = await openTarget(`file://${out}`);
    await assert.rejects(publish(provider, publishSettings(early.files, 'w1')), /featurevisor-tag-beta\.json changed while the deploy was reading it/);
    assert.equal(existsSync(join(out, 'manifest.json')), false, 'nothing is live');
    assert.equal(existsSync(join(out, 'staging')), false, 'nothing was written');
    // A file removed meanwhile is reported the same way.
    const beforeRemoval = await readDatafilesDir(data);
    const removed = join(data, 'production', 'featurevisor-tag-small.json');
    const removedBytes = await readFile(removed);
    await rm(removed);
    await assert.rejects(publish(provider, publishSettings(beforeRemoval.files, 'w1')), /featurevisor-tag-small\.json changed while the deploy was reading it/);
    await writeFile(removed, removedBytes);

    // Read again, it deploys; a no-op re-sync then needs no file's bytes at all.
    const first = await publish(provider, publishSettings((await readDatafilesDir(data)).files, 'w1'));
    assert.equal(first.uploaded, 12, "5 latest files, their 5 immutable copies and 2 manifests");
    const again = await readDatafilesDir(data);
    await rm(data, { recursive: true, force: true }); // any read of the bytes would now fail
    const noop = await publish(provider, publishSettings(again.files, 'w1'));
    assert.equal(noop.uploaded, 0);
  } finally {
    await rm(out, { recursive: true, force: true });
    await rm(data, { recursive: true, force: true });
  }
});
