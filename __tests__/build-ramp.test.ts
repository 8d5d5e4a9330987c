// A gradual rollout over four builds, each using the previous output as state: through the official
// SDK, no enabled user is ever disabled and no user ever changes variation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { officialSdk } from './helpers/official-sdk.ts';
import { buildProject, writeDatafileSet } from '../src/build/index.ts';
import { removeProject, writeProject } from './helpers/temp-project.ts';

const feature = (percentage: number) => `description: Checkout ramp
tags: [all]
bucketBy: userId
variations:
  - value: control
    weight: 50
  - value: treatment
    weight: 50
rules:
  production:
    - key: everyone
      segments: "*"
      percentage: ${percentage}
`;

test('ramping 10% → 25% → 50% → 100% keeps every enabled user enabled and in the same variation', async () => {
  const dir = writeProject({
    'featurevisor.config.json': JSON.stringify({ environments: ['production'], tags: ['all'] }),
    'attributes/userId.yml': 'type: string\ndescription: user id\n',
    'features/checkout.yml': feature(10),
  });
  try {
    const users = Array.from({ length: 20000 }, (_, i) => `user-${i}`);
    let previous: Map<string, { enabled: boolean; variation: string | null }> | undefined;
    let previousOut: string | undefined;
    const enabledShares: number[] = [];
    for (const [step, percentage] of [10, 25, 50, 100].entries()) {
      writeProject({ 'features/checkout.yml': feature(percentage) }, dir);
      const out = join(dir, `out-${step}`);
      const { set } = await buildProject({ projectDir: dir, revision: `r${step}`, stateFrom: previousOut });
      await writeDatafileSet(out, set);
      const datafile = JSON.parse(readFileSync(join(out, 'production/featurevisor-tag-all.json'), 'utf8'));
      const sdk = officialSdk(datafile);
      const now = new Map<string, { enabled: boolean; variation: string | null }>();
      let enabled = 0;
      for (const userId of users) {
        const result = { enabled: sdk.isEnabled('checkout', { userId }), variation: sdk.getVariation('checkout', { userId }) ?? null };
        now.set(userId, result);
        if (result.enabled) enabled++;
        const before = previous?.get(userId);
        if (before?.enabled) {
          assert.equal(result.enabled, true, `${userId} was enabled before ${percentage}% and is not now`);
          assert.equal(result.variation, before.variation, `${userId} switched variation at ${percentage}%`);
        }
      }
      enabledShares.push(enabled / users.length);
      previous = now;
      previousOut = out;
    }
    // The ramp really ramped (guards against a test that passes because nobody is ever enabled).
    assert.ok(enabledShares[0] > 0.08 && enabledShares[0] < 0.12, `10% step enabled ${enabledShares[0]}`);
    assert.equal(enabledShares[3], 1);
  } finally {
    removeProject(dir);
  }
});

test('without state, raising a percentage re-buckets users (what --state-from prevents)', async () => {
  const dir = writeProject({
    'featurevisor.config.json': JSON.stringify({ environments: ['production'], tags: ['all'] }),
    'attributes/userId.yml': 'type: string\ndescription: user id\n',
    'features/checkout.yml': feature(10),
  });
  try {
    const variationAt = async (percentage: number) => {
      writeProject({ 'features/checkout.yml': feature(percentage) }, dir);
      const { set } = await buildProject({ projectDir: dir, revision: 'x' });
      return officialSdk(set.files[0].datafile);
    };
    const before = await variationAt(10);
    const after = await variationAt(50);
    let switched = 0;
    for (let i = 0; i < 5000; i++) {
      const userId = `user-${i}`;
      const v = before.getVariation('checkout', { userId });
      if (v && after.getVariation('checkout', { userId }) !== v) switched++;
    }
    assert.ok(switched > 0, 'a fresh allocation should move some users');
  } finally {
    removeProject(dir);
  }
});

test('--state-from an http(s) URL reads the live manifest and keeps allocations', async () => {
  const { createServer } = await import('node:http');
  const { writeFileSync } = await import('node:fs');
  const dir = writeProject({
    'featurevisor.config.json': JSON.stringify({ environments: ['production'], tags: ['all'] }),
    'attributes/userId.yml': 'type: string\ndescription: user id\n',
    'features/checkout.yml': feature(20),
  });
  const live = join(dir, 'live');
  const { set } = await buildProject({ projectDir: dir, revision: 'live1' });
  await writeDatafileSet(live, set);
  writeFileSync(join(live, 'manifest.json'), JSON.stringify({ revision: 'live1', files: [{ environment: 'production', path: 'production/featurevisor-tag-all.json' }] }));
  const server = createServer((req, res) => {
    try {
      res.end(readFileSync(join(live, decodeURIComponent(new URL(req.url!, 'http://x').pathname))));
    } catch {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as { port: number };
    writeProject({ 'features/checkout.yml': feature(60) }, dir);
    const next = await buildProject({ projectDir: dir, revision: 'next', stateFrom: `http://127.0.0.1:${port}/` });
    assert.match(next.stateSource, /live datafiles at http:\/\/127\.0\.0\.1:\d+\/ \(revision live1\)/);
    const before = officialSdk(set.files[0].datafile);
    const after = officialSdk(next.set.files[0].datafile);
    let kept = 0;
    for (let i = 0; i < 5000; i++) {
      const v = before.getVariation('checkout', { userId: `u${i}` });
      if (!v) continue;
      assert.equal(after.getVariation('checkout', { userId: `u${i}` }), v);
      kept++;
    }
    assert.ok(kept > 500);
  } finally {
    server.close();
    removeProject(dir);
  }
});
