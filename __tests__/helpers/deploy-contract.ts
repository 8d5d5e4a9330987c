// One contract every deploy target must meet; each provider's test file supplies a harness for its real stand-in.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rm } from 'node:fs/promises';
import { deploy, rollback, type CommonOptions } from '../../src/publish/deploy.ts';
import { writeDatafiles, type DatafileSpec } from './deploy-datafiles.ts';
import { makeHistory } from './git-remote.ts';

export interface Snapshot {
  /** key → a content fingerprint from the store itself (not from the code under test). */
  content: Map<string, string>;
  /** key → Cache-Control, where the store keeps headers. */
  cacheControl: Map<string, string>;
  body(key: string): Promise<string | undefined>;
}

export interface Harness {
  target: string;
  options: Partial<CommonOptions>;
  supportsHeaders: boolean;
  snapshot(): Promise<Snapshot>;
  /** Paths sent to the CDN by the last deploys (cleared on read), when the target has a CDN. */
  takeInvalidations?(): string[];
  /** The CDN path a latest key maps to. */
  cdnPath?(key: string): string;
  close(): Promise<void>;
}

const ENVIRONMENTS = ['production', 'staging'];
const TAGS = ['all', 'beta'];
const spec = (revision: string, alpha: number, beta: number): DatafileSpec => ({
  environments: ENVIRONMENTS,
  tags: TAGS,
  revision,
  features: { alpha, beta },
});

function changedKeys(before: Snapshot, after: Snapshot): string[] {
  const keys = new Set([...before.content.keys(), ...after.content.keys()]);
  return [...keys].filter((key) => before.content.get(key) !== after.content.get(key)).sort();
}

export function deployContract(name: string, start: () => Promise<Harness>): void {
  test(`${name}: deploy contract`, { timeout: 120_000 }, async (t) => {
    const harness = await start();
    const history = await makeHistory(
      { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e', GIT_CONFIG_NOSYSTEM: '1' },
      4,
    );
    const [c0, c1, c2, c3] = history.commits as [string, string, string, string];
    const dirs: string[] = [];
    const run = async (revision: string, alpha: number, beta: number, commit: string, extra: Partial<CommonOptions> = {}) => {
      const dir = await writeDatafiles(spec(revision, alpha, beta));
      dirs.push(dir);
      return deploy({ ...harness.options, ...extra, target: harness.target, datafilesDir: dir, commit, repoDir: history.dir, retries: 2, retryDelayMs: 10 });
    };
    const latestOf = (env: string, tag: string) => `site/${env}/featurevisor-tag-${tag}.json`;
    try {
      await t.test('first deploy writes immutable copies, latest files and the manifest', async () => {
        const result = await run('r1', 1, 1, c0);
        assert.equal(result.uploaded, 4 + 4 + 2);
        const snap = await harness.snapshot();
        const manifest = JSON.parse((await snap.body('site/manifest.json'))!);
        assert.equal(manifest.revision, 'r1');
        assert.equal(manifest.commit, c0);
        assert.equal(manifest.files.length, 4);
        for (const file of manifest.files) {
          assert.match(file.sha256, /^[0-9a-f]{64}$/);
          assert.equal(await snap.body(`site/${file.path}`), await snap.body(`site/${file.immutablePath}`));
        }
        const prod = JSON.parse((await snap.body(latestOf('production', 'all')))!);
        assert.equal(prod.revision, 'r1');
        assert.deepEqual(Object.keys(prod.features).sort(), ['alpha', 'beta']);
        assert.ok(snap.content.has('site/production/r1/featurevisor-tag-beta.json'));
        if (harness.supportsHeaders) {
          assert.match(snap.cacheControl.get(latestOf('production', 'all'))!, /max-age=60, stale-while-revalidate=300, stale-if-error=86400/);
          assert.equal(snap.cacheControl.get('site/production/r1/featurevisor-tag-all.json'), 'public, max-age=31536000, immutable');
          assert.equal(snap.cacheControl.get('site/manifest.json'), 'no-cache');
        }
        harness.takeInvalidations?.();
      });

      await t.test('no-op deploy uploads nothing', async () => {
        const before = await harness.snapshot();
        const result = await run('r1', 1, 1, c0);
        assert.equal(result.uploaded, 0);
        assert.equal(result.headersUpdated, 0);
        assert.deepEqual(result.invalidated, []);
        assert.deepEqual(changedKeys(before, await harness.snapshot()), []);
        assert.deepEqual(harness.takeInvalidations?.() ?? [], []);
      });

      await t.test('one changed feature writes only the affected datafiles, their immutable copies and the manifest', async () => {
        const before = await harness.snapshot();
        const result = await run('r2', 2, 1, c1);
        const changed = changedKeys(before, await harness.snapshot());
        assert.deepEqual(changed, [
          'site/manifest.json',
          'site/manifests/r2.json',
          latestOf('production', 'all'),
          'site/production/r2/featurevisor-tag-all.json',
          latestOf('staging', 'all'),
          'site/staging/r2/featurevisor-tag-all.json',
        ].sort());
        assert.equal(result.uploaded, 6);
        if (harness.cdnPath) {
          const expected = [latestOf('production', 'all'), latestOf('staging', 'all')].map(harness.cdnPath).sort();
          assert.deepEqual([...result.invalidated].sort(), expected);
          assert.deepEqual(harness.takeInvalidations!().sort(), expected);
        }
        const manifest = JSON.parse((await (await harness.snapshot()).body('site/manifest.json'))!);
        const beta = manifest.files.find((f: { path: string }) => f.path === 'production/featurevisor-tag-beta.json');
        assert.equal(beta.immutablePath, 'production/r1/featurevisor-tag-beta.json', 'unchanged files keep their live copy');
      });

      await t.test('header-only change updates headers without re-uploading datafiles', async () => {
        const before = await harness.snapshot();
        const result = await run('r2', 2, 1, c1, { cacheControl: { latest: 'public, max-age=30' } });
        const after = await harness.snapshot();
        // Only the manifests record the new settings; no datafile bytes were sent again.
        assert.deepEqual(changedKeys(before, after), ['site/manifest.json', 'site/manifests/r2.json']);
        assert.equal(result.uploaded, 2);
        if (harness.supportsHeaders) {
          assert.equal(result.headersUpdated, 4);
          for (const env of ENVIRONMENTS) for (const tag of TAGS) assert.equal(after.cacheControl.get(latestOf(env, tag)), 'public, max-age=30');
          assert.equal(after.cacheControl.get('site/production/r1/featurevisor-tag-beta.json'), 'public, max-age=31536000, immutable');
          if (harness.cdnPath) assert.equal(harness.takeInvalidations!().length, 4);
        } else {
          assert.equal(result.headersUpdated, 0);
        }
        harness.takeInvalidations?.();
      });

      await t.test('prune removes revisions beyond retention but never files a kept revision uses', async () => {
        await run('r3', 2, 2, c2, { cacheControl: { latest: 'public, max-age=30' }, retention: 2 });
        const result = await run('r4', 3, 2, c3, { cacheControl: { latest: 'public, max-age=30' }, retention: 2 });
        const snap = await harness.snapshot();
        assert.ok(result.deleted > 0);
        for (const gone of ['r1', 'r2']) {
          assert.ok(!snap.content.has(`site/manifests/${gone}.json`), `manifests/${gone}.json pruned`);
          assert.ok(![...snap.content.keys()].some((key) => key.includes(`/${gone}/`)), `${gone} files pruned`);
        }
        for (const revision of ['r3', 'r4']) {
          const manifest = JSON.parse((await snap.body(`site/manifests/${revision}.json`))!);
          for (const file of manifest.files) assert.ok(snap.content.has(`site/${file.immutablePath}`), `${file.immutablePath} kept`);
        }
        const live = JSON.parse((await snap.body('site/manifest.json'))!);
        assert.deepEqual(live.history.map((h: { revision: string }) => h.revision), ['r4', 'r3']);
        harness.takeInvalidations?.();
      });

      await t.test('rollback republishes an immutable revision as latest', async () => {
        const result = await rollback({ ...harness.options, target: harness.target, to: 'r3', cacheControl: { latest: 'public, max-age=30' }, retries: 2, retryDelayMs: 10 });
        assert.equal(result.revision, 'r3');
        const snap = await harness.snapshot();
        const live = JSON.parse((await snap.body('site/manifest.json'))!);
        assert.equal(live.revision, 'r3');
        assert.equal(live.commit, c2);
        for (const env of ENVIRONMENTS) {
          for (const tag of TAGS) {
            const body = JSON.parse((await snap.body(latestOf(env, tag)))!);
            for (const feature of Object.values(body.features) as Array<{ variations: Array<{ value: string }> }>) {
              assert.equal(feature.variations[0]!.value, 'v2', `${env}/${tag} is back at r3`);
            }
          }
        }
        await assert.rejects(rollback({ ...harness.options, target: harness.target, to: 'r1' }), /not on the target/);
      });

      await t.test('refuses to replace the live revision with an older commit', async () => {
        const before = await harness.snapshot();
        await assert.rejects(run('r5', 9, 9, c1), /refusing to replace live revision r3/);
        assert.deepEqual(changedKeys(before, await harness.snapshot()), []);
        const forced = await run('r5', 9, 9, c1, { force: true });
        assert.equal(forced.revision, 'r5');
      });
    } finally {
      await harness.close();
      await Promise.all([...dirs, history.dir].map((dir) => rm(dir, { recursive: true, force: true })));
    }
  });
}
