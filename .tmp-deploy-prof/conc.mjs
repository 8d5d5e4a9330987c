import { startS3rver } from '../__tests__/helpers/s3rver.ts';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
const s3 = await startS3rver(['bench']);
const dir = '/tmp/fwprof-data';
const env = { ...process.env, ...s3.env };
for (const c of ['16', '64', '16b', '64b']) {
  const t = Date.now();
  const r = spawnSync('/work/main/node_modules/.bin/node', ['/tmp/fwb/cli.js', 'deploy', '--target', `s3://bench/c${c}`, '--endpoint', s3.endpoint, '--datafiles', dir, '--revision', 'r1', '--json', '--concurrency', c.replace('b', '')], { env, encoding: 'utf8' });
  console.log(c, Date.now() - t, r.status);
}
const t = Date.now();
const r = spawnSync('/usr/bin/aws', ['--endpoint-url', s3.endpoint, 's3', 'sync', dir, 's3://bench/aws', '--only-show-errors'], { env: { ...env, AWS_CONFIG_FILE: '/nonexistent' }, encoding: 'utf8' });
console.log('aws', Date.now() - t, r.status, r.stderr.slice(0, 200));
await s3.close();
