// `flagwright evaluate`: the answer plus the reasons (rule, bucket, allocation, force, required).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli/main.ts';
import { getBucketValue } from '../src/engine/index.ts';
import type { DatafileV2 } from '../src/model/datafile.ts';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'spec', 'v2-project');

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false, cwd: process.cwd(), env: {} });
  return { code, stdout, stderr };
}

test('evaluate --project explains rule, bucket and allocation', async () => {
  const context = { userId: 'u1', country: 'de' };
  const { code, stdout } = await cli(['evaluate', '--project', FIXTURE, '--environment', 'staging', '--feature', 'checkout', '--context', JSON.stringify(context)]);
  assert.equal(code, 0);
  const bucket = getBucketValue('u1.checkout');
  assert.match(stdout, /enabled:\s+true/);
  assert.match(stdout, /rule "everyone"/);
  assert.match(stdout, new RegExp(`bucket key "u1\\.checkout" → bucket value ${bucket}`));
  assert.match(stdout, /allocation range \[\d+,\d+\] of "(control|treatment)"/);
  assert.match(stdout, /variable color: "(black|red)"/);
});

test('evaluate names the forced entry and the failing required feature', async () => {
  const forced = await cli(['evaluate', '--project', FIXTURE, '--environment', 'production', '--feature', 'checkout', '--context', '{"userId":"qa"}']);
  assert.match(forced.stdout, /force\[0\] matched/);
  // Find a user outside base's 50% in production: checkout then fails on its required feature.
  let user = 0;
  while (getBucketValue(`x${user}.base`) <= 50000) user++;
  const required = await cli(['evaluate', '--project', FIXTURE, '--environment', 'production', '--feature', 'checkout', '--context', JSON.stringify({ userId: `x${user}` }), '--json']);
  const parsed = JSON.parse(required.stdout);
  assert.equal(parsed.enabled, false);
  assert.equal(parsed.evaluations.flag.reason, 'required');
  assert.equal(parsed.variation, 'control', 'disabledVariationValue');
  assert.deepEqual(parsed.required[0], { key: 'base', enabled: false, satisfied: false, reason: 'no_match' });
  const text = await cli(['evaluate', '--project', FIXTURE, '--environment', 'production', '--feature', 'checkout', '--context', JSON.stringify({ userId: `x${user}` })]);
  assert.match(text.stdout, /required feature "base" is disabled/);
  const base = await cli(['evaluate', '--project', FIXTURE, '--environment', 'production', '--feature', 'base', '--context', JSON.stringify({ userId: `x${user}` })]);
  assert.match(base.stdout, new RegExp(`rule "half" matched first, but bucket ${getBucketValue(`x${user}.base`)} > 50000 \\(50% rollout\\)`));
});

test('evaluate --datafile reads a built datafile; bad input names the option', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'flagwright-evaluate-'));
  try {
    const datafile: DatafileV2 = {
      schemaVersion: '2',
      revision: '7',
      segments: {},
      features: { f: { bucketBy: 'userId', traffic: [{ key: 'r', segments: '*', percentage: 0 }] } },
    };
    const path = join(dir, 'datafile.json');
    writeFileSync(path, JSON.stringify(datafile));
    const ok = await cli(['evaluate', '--datafile', path, '--feature', 'f', '--context', '{"userId":"a"}']);
    assert.equal(ok.code, 0);
    assert.match(ok.stdout, /0% rollout/);

    const badContext = await cli(['evaluate', '--datafile', path, '--feature', 'f', '--context', '{oops']);
    assert.equal(badContext.code, 2);
    assert.match(badContext.stderr, /--context is not valid JSON/);
    const notObject = await cli(['evaluate', '--datafile', path, '--feature', 'f', '--context', '[1]']);
    assert.match(notObject.stderr, /--context must be a JSON object/);
    const missing = await cli(['evaluate', '--datafile', join(dir, 'nope.json'), '--feature', 'f']);
    assert.match(missing.stderr, /--datafile: cannot read/);
    const env = await cli(['evaluate', '--project', FIXTURE, '--environment', 'moon', '--feature', 'f']);
    assert.match(env.stderr, /unknown environment "moon"/);
    const noFeature = await cli(['evaluate', '--datafile', path]);
    assert.match(noFeature.stderr, /--feature is required/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
