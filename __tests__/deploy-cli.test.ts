// The deploy/rollback CLI: output shapes, dry runs, and bad input rejected before anything is written.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { writeDatafiles } from './helpers/deploy-datafiles.ts';
import { startS3rver, type S3rverHandle } from './helpers/s3rver.ts';

const root = join(import.meta.dirname, '..');
let work: string;
let s3: S3rverHandle;

function cli(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [join(root, 'src/cli/bin.ts'), ...args], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'fw-deploy-cli-'));
  s3 = await startS3rver(['datafiles']);
});
after(async () => {
  await s3.close();
  await rm(work, { recursive: true, force: true });
});

test('deploy --json prints the result shape; a second run is a no-op', async () => {
  const data = await writeDatafiles({ environments: ['production'], tags: ['all'], revision: 'c1' }, join(work, 'data1'));
  const target = `file://${join(work, 'out1')}`;
  const first = cli(['deploy', '--target', target, '--datafiles', data, '--json']);
  assert.equal(first.code, 0, first.stderr);
  const json = JSON.parse(first.stdout);
  assert.deepEqual(Object.keys(json).sort(), ['deleted', 'invalidated', 'manifestUrl', 'revision', 'unchanged', 'uploaded']);
  assert.equal(json.revision, 'c1');
  assert.equal(json.uploaded, 4);
  const second = JSON.parse(cli(['deploy', '--target', target, '--datafiles', data, '--json']).stdout);
  assert.equal(second.uploaded, 0);
  assert.equal(second.unchanged, 2);
});

test('deploy --dry-run prints the plan and changes nothing', async () => {
  const data = await writeDatafiles({ environments: [], tags: ['all', 'beta'], revision: 'd1' }, join(work, 'data2'));
  const out = join(work, 'out2');
  const result = cli(['deploy', '--target', `file://${out}`, '--datafiles', data, '--dry-run']);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /upload +d1\/featurevisor-tag-all\.json/);
  assert.match(result.stdout, /upload +featurevisor-tag-beta\.json/);
  assert.equal(existsSync(out), false);
});

test('--revision overrides the datafiles; phase lines go to stderr', async () => {
  const data = await writeDatafiles({ environments: ['production'], tags: ['all'], revision: 'ignored' }, join(work, 'data3'));
  const out = join(work, 'out3');
  const result = cli(['deploy', '--target', `file://${out}`, '--datafiles', data, '--revision', 'v7']);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, /^plan: revision v7/m);
  assert.match(result.stderr, /^manifest: revision v7 is live/m);
  assert.deepEqual(await readdir(join(out, 'production', 'v7')), ['featurevisor-tag-all.json']);
  assert.equal(JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')).revision, 'v7');
});

test('bad input is rejected with a clear error before anything is written', async () => {
  const data = await writeDatafiles({ environments: ['production'], tags: ['all'], revision: 'b1' }, join(work, 'data4'));
  const empty = join(work, 'empty');
  await mkdir(empty);
  const out = join(work, 'out4');
  const cases: Array<[string[], RegExp]> = [
    [['--target', 'ftp://host/x', '--datafiles', data], /unknown scheme "ftp:\/\/"/],
    [['--target', 's3://bucket/a/../b', '--datafiles', data], /must not contain "\.\."/],
    [['--target', `file://${out}`, '--datafiles', empty], /no datafiles found.*refusing to sync an empty folder/],
    [['--target', `file://${out}`, '--datafiles', join(work, 'missing')], /no such directory/],
    [['--target', `file://${out}`, '--datafiles', data, '--retention', 'many'], /--retention must be a whole number/],
    [['--target', `file://${out}`, '--datafiles', data, '--compress', 'zip'], /--compress must be one of none, gzip, br/],
    [['--datafiles', data], /--target is required/],
  ];
  for (const [args, message] of cases) {
    const result = cli(['deploy', ...args]);
    assert.notEqual(result.code, 0, args.join(' '));
    assert.match(result.stderr, message);
    assert.doesNotMatch(result.stderr, /unexpected error/);
  }
  assert.equal(existsSync(out), false);
});

test('s3: a missing bucket and missing credentials get errors that say what to fix', async () => {
  const data = await writeDatafiles({ environments: ['production'], tags: ['all'], revision: 's1' }, join(work, 'data5'));
  const missing = cli(['deploy', '--target', 's3://no-such-bucket/x', '--endpoint', s3.endpoint, '--datafiles', data], s3.env);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /bucket "no-such-bucket" does not exist/);
  const noCreds = cli(['deploy', '--target', 's3://datafiles/x', '--endpoint', s3.endpoint, '--datafiles', data], {
    AWS_ACCESS_KEY_ID: '',
    AWS_SECRET_ACCESS_KEY: '',
    AWS_PROFILE: 'flagwright-none',
    AWS_CONFIG_FILE: join(work, 'none'),
    AWS_SHARED_CREDENTIALS_FILE: join(work, 'none'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_REGION: 'us-east-1',
  });
  assert.equal(noCreds.code, 1);
  assert.match(noCreds.stderr, /no AWS credentials found.*s3:ListBucket, s3:GetObject, s3:PutObject, s3:DeleteObject, cloudfront:CreateInvalidation/);
  const denied = cli(['deploy', '--target', 's3://datafiles/x', '--endpoint', s3.endpoint, '--datafiles', data], { ...s3.env, AWS_ACCESS_KEY_ID: 'WRONG' });
  assert.equal(denied.code, 1);
  assert.match(denied.stderr, /access denied on bucket "datafiles".*s3:PutObject/);
  assert.doesNotMatch(denied.stderr + noCreds.stderr, /S3RVER|WRONG/, 'no secrets or keys printed');
});

test('rollback --to an unknown revision lists what is available', async () => {
  const data = await writeDatafiles({ environments: ['production'], tags: ['all'], revision: 'k1' }, join(work, 'data6'));
  const target = `file://${join(work, 'out6')}`;
  assert.equal(cli(['deploy', '--target', target, '--datafiles', data]).code, 0);
  const result = cli(['rollback', '--target', target, '--to', 'nope']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /revision "nope" is not on the target \(available: k1\)/);
});

test('on a terminal, uploads show a live count; phase lines stay', async () => {
  const { default: command } = await import('../src/cli/commands/deploy.ts');
  const data = await writeDatafiles({ environments: ['production', 'staging'], tags: ['all'], revision: 't1' }, join(work, 'data7'));
  let stderr = '';
  const code = await command.run(['--target', `file://${join(work, 'out7')}`, '--datafiles', data], {
    stdout: () => {},
    stderr: (text) => (stderr += text),
    isTTY: true,
    cwd: work,
    env: process.env,
  });
  assert.equal(code, 0);
  assert.match(stderr, /\r\x1b\[Kimmutable: 2\/2/);
  assert.match(stderr, /\r\x1b\[Klatest: 2\/2/);
  assert.match(stderr, /manifest: revision t1 is live\n/);
});
