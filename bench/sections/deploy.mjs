#!/usr/bin/env node
// Section "deploy": `flagwright deploy --datafiles DIR` vs `aws s3 sync` (Debian awscli 2.9.19) against a
// real s3rver on loopback, 1,000 prebuilt datafiles of ~20 KB: first sync, no-op re-sync, 10 changed files.
// Flagwright writes two copies per changed datafile (immutable + latest) plus manifests; aws writes one.
// Timed runs go straight to s3rver; requests are counted by a proxy in one more run of each tool. Runs on
// Node 24 (imports TypeScript test helpers).
//
//   node bench/sections/deploy.mjs [--repeat N] [--files N] [--cli path/to/cli.js] [--store-on-disk]

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startS3rver } from '../../__tests__/helpers/s3rver.ts';
import { startFaultyProxy } from '../../__tests__/helpers/faulty-proxy.ts';
import { flagwrightEntry, node24 } from '../lib/tools.mjs';
import { ratio, seconds, table } from '../lib/measure.mjs';

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i > -1 ? Number(argv[i + 1]) : fallback;
};
const REPEAT = option('--repeat', 5);
// A no-op round takes ~1.3 s for both tools, and Flagwright's ~0.2 s run moves with the machine's spells more
// than aws's 1.1 s: more rounds give a median that holds still.
const NOOP_REPEAT = option('--repeat', 9);
const FILES = option('--files', 1000);
const ENVIRONMENTS = ['production', 'staging', 'qa', 'dev', 'preview'];
const TAGS_PER_ENV = Math.ceil(FILES / ENVIRONMENTS.length);
const AWS = '/usr/bin/aws'; // a pyenv aws v1 may shadow Debian's v2 on PATH

function datafile(env, tag, revision, salt = 0) {
  const features = {};
  // ~20 KB of realistic-looking features; `salt` changes one feature so the file really differs.
  for (let i = 0; i < 40; i++) {
    features[`feature-${tag}-${i}`] = {
      bucketBy: 'userId',
      variations: [{ value: 'control' }, { value: `treatment-${i === 0 ? salt : 0}` }],
      traffic: [{ key: 'everyone', segments: ['country-nl', 'beta-users'], percentage: 50000 + i, allocation: [{ variation: 'control', range: [0, 50000] }, { variation: 'treatment', range: [50000, 100000] }] }],
      variablesSchema: { title: { type: 'string', defaultValue: `Title for ${env}/${tag}/${i} `.padEnd(200, '.') } },
    };
  }
  return JSON.stringify({ schemaVersion: '2', revision, segments: {}, features });
}

function writeAll(dir, revision) {
  const paths = [];
  let n = 0;
  for (const env of ENVIRONMENTS) {
    mkdirSync(join(dir, env), { recursive: true });
    for (let t = 0; t < TAGS_PER_ENV && n < FILES; t++, n++) {
      const path = join(dir, env, `featurevisor-tag-t${t}.json`);
      writeFileSync(path, datafile(env, `t${t}`, revision));
      paths.push({ env, tag: `t${t}`, path });
    }
  }
  return paths;
}

// Asynchronous on purpose: the counting proxy runs in this process and must keep serving while the child runs.
function timed(cmd, args, env) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) reject(new Error(`${cmd} ${args.slice(0, 3).join(' ')} failed (${code}): ${stderr.slice(0, 800)}`));
      else resolve(wallMs);
    });
  });
}

const median = (values) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  if (!existsSync(AWS)) {
    process.stdout.write('## deploy\n\n> Skipped: /usr/bin/aws not found (apt-get install -y awscli).\n');
    return;
  }
  // s3rver stores each object as three files. On this VM's disk, creating them cost s3rver ~2.4 ms of CPU per
  // PUT, on the same two cores the tools run on: an artifact of the stand-in (S3 costs a client no CPU to
  // store an object) that penalises whichever tool writes more objects. So the store lives on tmpfs when
  // there is one; --store-on-disk measures the other way.
  const storeParent = !argv.includes('--store-on-disk') && existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  const s3 = await startS3rver(['bench'], { storeParent });
  const proxy = await startFaultyProxy(s3.endpoint);
  const work = mkdtempSync(join(tmpdir(), 'flagwright-bench-deploy-'));
  const cliArg = argv.indexOf('--cli');
  const [cli, cliLabel] = cliArg > -1 ? [argv[cliArg + 1], argv[cliArg + 1]] : flagwrightEntry();
  const env = { ...process.env, ...s3.env, AWS_CONFIG_FILE: join(work, 'none'), AWS_SHARED_CREDENTIALS_FILE: join(work, 'none'), AWS_PAGER: '' };
  try {
    const dir = join(work, 'datafiles');
    const files = writeAll(dir, 'b1');
    // aws compares size + mtime against LastModified (1 s precision): let the clock pass the writes.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    let revision = 1;
    // Each first sync goes to a fresh prefix; the re-syncs then run against the last timed one.
    let prefix = 0;
    const flagwright = (endpoint) => () =>
      timed(node24, [cli, 'deploy', '--target', `s3://bench/fw${prefix}`, '--endpoint', endpoint, '--datafiles', dir, '--revision', `b${revision}`, '--json'], env);
    const aws = (endpoint) => () =>
      timed(AWS, ['--endpoint-url', endpoint, 's3', 'sync', dir, `s3://bench/aws${prefix}`, '--no-progress', '--only-show-errors', '--cache-control', 'public, max-age=60'], env);
    // Timed runs go straight to s3rver. The counting proxy is a Node process on the same two cores, and its CPU
    // per request (~0.15 ms) slowed the tool that makes more requests; so requests are counted in one extra,
    // untimed run of each tool through it.
    const tools = { fw: { timedRun: flagwright(s3.endpoint), countedRun: flagwright(proxy.url) }, aws: { timedRun: aws(s3.endpoint), countedRun: aws(proxy.url) } };
    const count = async (tool) => {
      proxy.reset();
      await tools[tool].countedRun();
      return { requests: proxy.log.length, puts: proxy.log.filter((r) => r.method === 'PUT' || r.method === 'POST').length };
    };
    const rows = [];
    const row = (scenario, walls, counts, goal) =>
      rows.push({
        scenario,
        'flagwright wall': seconds(median(walls.fw)),
        'flagwright requests (writes)': `${counts.fw.requests} (${counts.fw.puts})`,
        'aws s3 sync wall': seconds(median(walls.aws)),
        'aws requests (writes)': `${counts.aws.requests} (${counts.aws.puts})`,
        'aws / flagwright': ratio(median(walls.aws), median(walls.fw)),
        goal,
      });

    process.stderr.write('deploy bench: first sync…\n');
    // s3rver is a single process whose CPU bounds a first sync, and its speed drifts within a run: both
    // tools sync REPEAT times, taking turns at going first, and the medians are compared.
    const firstRuns = { fw: [], aws: [] };
    for (prefix = 0; prefix < REPEAT; prefix++) {
      const order = prefix % 2 === 0 ? ['fw', 'aws'] : ['aws', 'fw'];
      for (const tool of order) firstRuns[tool].push(await tools[tool].timedRun());
    }
    const firstCounts = { fw: await count('fw'), aws: await count('aws') }; // to prefix REPEAT, fresh
    prefix = REPEAT - 1;
    row(`first sync (${files.length} files)`, firstRuns, firstCounts, 'flagwright ≤ aws');
    process.stderr.write('deploy bench: no-op…\n');
    // The tools take turns, run after run, so a slow spell of the machine hits both.
    const noopRuns = { fw: [], aws: [] };
    for (let i = 0; i < NOOP_REPEAT; i++) for (const tool of ['fw', 'aws']) noopRuns[tool].push(await tools[tool].timedRun());
    row('no-op re-sync', noopRuns, { fw: await count('fw'), aws: await count('aws') }, '≥ 5×, 0 writes');
    process.stderr.write('deploy bench: 10 changed…\n');
    // Each repetition changes 10 other files (new bytes, new revision) for both tools.
    const change = async (i) => {
      revision++;
      for (let k = 0; k < 10; k++) {
        const file = files[(i * 10 + k * 97) % files.length];
        writeFileSync(file.path, datafile(file.env, file.tag, `b1`, revision));
      }
      await new Promise((resolve) => setTimeout(resolve, 1100));
    };
    const changedRuns = { fw: [], aws: [] };
    for (let i = 0; i < REPEAT; i++) {
      await change(i);
      for (const tool of ['fw', 'aws']) changedRuns[tool].push(await tools[tool].timedRun());
    }
    await change(REPEAT); // one more round, counted
    row('10 changed files', changedRuns, { fw: await count('fw'), aws: await count('aws') }, '≥ 3×');

    process.stdout.write(`## deploy\n\n`);
    process.stdout.write(
      `${files.length} datafiles of ~${Math.round(Buffer.byteLength(datafile('production', 't0', 'b1')) / 1024)} KB to s3rver 3.7.1 on loopback, ` +
        `\`${cliLabel} deploy --datafiles\` vs \`aws s3 sync\` (${spawnSync(AWS, ['--version'], { encoding: 'utf8' }).stdout.trim().split(' ')[0]}); s3rver's store in ${storeParent === '/dev/shm' ? 'tmpfs (/dev/shm)' : `${storeParent} (on disk)`}. ` +
        `Flagwright writes an immutable and a latest copy of each changed file plus two manifests; timed runs go straight to s3rver, requests are counted by a proxy in one more run of each; medians of ${REPEAT} runs each (${NOOP_REPEAT} for the no-op; first syncs to fresh prefixes, the tools taking turns at going first).\n\n`,
    );
    process.stdout.write(table(rows));
  } finally {
    await proxy.close();
    await s3.close();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
