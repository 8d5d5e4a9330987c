#!/usr/bin/env node
// Section "action": the size of what a pull-request check loads (dist/index.js + the chunks it imports
// statically) and the cold start of dist/index.js on the PR path, run as the runner runs it. A loader hook
// records every module file the process loads, so "no cloud SDK on the PR path" is checked, not assumed.
// Prints markdown to stdout (bench/run.mjs collects it); exits 1 when a cloud-SDK chunk was loaded.
//
//   node bench/sections/action.mjs [--repeat N]      (builds dist/ first when it is missing; --sizes is ignored)
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { table } from '../lib/measure.mjs';
import { loadAverage, sectionArgs } from '../lib/tools.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = join(root, 'dist');
const SDK_MARKERS = ['@aws-sdk', 'aws-sdk-js', '@google-cloud/storage', 'gcloud-node-storage', '@azure/storage-blob', 'azsdk-js-storage-blob', '@azure/identity'];

/** Relative chunk paths a file imports statically (`import … from "./x.js"`, `import "./x.js"`), not `import("./x.js")`. */
function staticImports(file) {
  const text = readFileSync(file, 'utf8');
  const found = new Set();
  for (const m of text.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) found.add(join(dirname(file), m[1]));
  return [...found];
}

/**
 * The entry and every chunk it loads before running: its static imports, and those of the chunks the entry
 * itself imports dynamically at the top (it registers a resolve hook first, then imports main); transitively.
 */
export function staticClosure(entry) {
  const topLevel = [...readFileSync(entry, 'utf8').matchAll(/\bimport\(\s*["'](\.{1,2}\/[^"']+\.js)["']\s*\)/g)].map((m) => join(dirname(entry), m[1]));
  const seen = new Set([entry, ...topLevel]);
  const queue = [...seen];
  while (queue.length) for (const dep of staticImports(queue.pop())) if (!seen.has(dep)) (seen.add(dep), queue.push(dep));
  return [...seen];
}

function containsSdk(file) {
  const text = readFileSync(file, 'utf8');
  return SDK_MARKERS.filter((marker) => text.includes(marker));
}

function git(cwd, ...args) {
  return execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
}

/** A temp repository with the example project: base commit on main, one rollout change on a branch. */
function exampleRepo(dir) {
  const repo = join(dir, 'repo');
  mkdirSync(repo);
  cpSync(join(root, 'examples', 'seed-project'), join(repo, 'flags'), { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, '-c', 'user.email=b@example.com', '-c', 'user.name=bench', 'add', '-A');
  git(repo, '-c', 'user.email=b@example.com', '-c', 'user.name=bench', 'commit', '-q', '-m', 'base');
  const base = git(repo, 'rev-parse', 'HEAD');
  const file = join(repo, 'flags', 'features', 'dark_mode.yml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/percentage: 10$/m, 'percentage: 20'));
  git(repo, '-c', 'user.email=b@example.com', '-c', 'user.name=bench', 'commit', '-q', '-am', 'rollout');
  return { repo, base, head: git(repo, 'rev-parse', 'HEAD') };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function benchAction({ runs = 7, log = (line) => process.stderr.write(line + '\n') } = {}) {
  if (!existsSync(join(dist, 'index.js'))) execFileSync(process.execPath, [join(root, 'scripts', 'bundle.mjs')], { cwd: root, stdio: 'inherit' });
  const closure = staticClosure(join(dist, 'index.js'));
  const bytes = closure.reduce((sum, file) => sum + statSync(file).size, 0);
  const allChunks = readdirSync(join(dist, 'chunks')).map((f) => join(dist, 'chunks', f));
  const sdkChunks = new Set(allChunks.filter((f) => containsSdk(f).length));

  const work = mkdtempSync(join(tmpdir(), 'fw-bench-action-'));
  try {
    const { repo, base, head } = exampleRepo(work);
    const event = join(work, 'event.json');
    writeFileSync(event, JSON.stringify({
      number: 1,
      pull_request: { number: 1, base: { sha: base, ref: 'main', repo: { full_name: 'acme/flags' } }, head: { sha: head, ref: 'rollout', repo: { full_name: 'acme/flags' } } },
      repository: { full_name: 'acme/flags', default_branch: 'main' },
    }));
    // Records each file: URL the ESM loader loads, written at exit.
    const hook = join(work, 'record-loads.mjs');
    writeFileSync(hook, `import { registerHooks } from 'node:module';
import { writeFileSync } from 'node:fs';
const loaded = [];
registerHooks({ load(url, context, next) { if (url.startsWith('file:')) loaded.push(url); return next(url, context); } });
process.on('exit', () => writeFileSync(process.env.FW_BENCH_LOADS, loaded.join('\\n')));
`);
    const baseEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: event,
      GITHUB_REPOSITORY: 'acme/flags',
      GITHUB_WORKSPACE: repo,
      'INPUT_PROJECT-PATH': 'flags',
      INPUT_COMMENT: 'render', // no network: the comment is rendered to a file
    };
    const runOnce = (i, extraEnv, args, expectStatus) => {
      const out = join(work, `out-${i}`);
      mkdirSync(out, { recursive: true });
      for (const f of ['output', 'summary.md']) writeFileSync(join(out, f), '');
      const env = { ...baseEnv, GITHUB_OUTPUT: join(out, 'output'), GITHUB_STEP_SUMMARY: join(out, 'summary.md'), RUNNER_TEMP: out, FW_BENCH_LOADS: join(out, 'loads.txt'), ...extraEnv };
      const started = process.hrtime.bigint();
      const result = spawnSync(process.execPath, [...args, join(dist, 'index.js')], { cwd: repo, env, encoding: 'utf8' });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (result.status !== expectStatus) throw new Error(`dist/index.js exited ${result.status}, expected ${expectStatus}:\n${result.stdout}\n${result.stderr}`);
      rmSync(join(repo, 'flags', 'datafiles'), { recursive: true, force: true });
      return { ms, loads: env.FW_BENCH_LOADS };
    };
    // 1. Which files the PR path loads (the loader hook is kept out of every timing).
    const traced = runOnce('trace', {}, ['--import', pathToFileURL(hook).href], 0);
    const loadedFiles = readFileSync(traced.loads, 'utf8').split('\n').filter(Boolean).map((u) => fileURLToPath(u));
    // 2. Cold start: node boot + loading the PR-path bundle + reading the inputs (an invalid input stops it there).
    const startTimes = [];
    for (let i = 0; i < runs; i++) startTimes.push(runOnce(`start-${i}`, { INPUT_RETENTION: 'x' }, [], 1).ms);
    // 3. The whole PR check on the example project: lint + test + build + diff + comment rendering.
    const times = [];
    for (let i = 0; i < runs; i++) times.push(runOnce(`full-${i}`, {}, [], 0).ms);
    const nodeBoot = [];
    for (let i = 0; i < runs; i++) {
      const started = process.hrtime.bigint();
      spawnSync(process.execPath, ['-e', '0']);
      nodeBoot.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    const loadedDist = loadedFiles.filter((f) => f.startsWith(dist));
    const loadedSdk = loadedDist.filter((f) => sdkChunks.has(f)).map((f) => relative(root, f));
    const result = {
      bundleBytes: bytes,
      bundleFiles: closure.length,
      nodeBootMs: Math.round(median(nodeBoot)),
      coldStartMs: Math.round(median(startTimes)),
      prCheckMs: Math.round(median(times)),
      runs,
      distFilesLoaded: loadedDist.length,
      sdkChunksInDist: sdkChunks.size,
      sdkChunksLoaded: loadedSdk,
    };
    log(`action: PR-path bundle ${(bytes / 1024).toFixed(0)} KiB in ${closure.length} file(s) (dist/index.js + static chunks)`);
    log(`action: cold start (node boot + PR-path bundle + inputs) median ${result.coldStartMs} ms (goal ≤ 200 ms; bare "node -e 0" here: ${result.nodeBootMs} ms)`);
    log(`action: full PR check on the example project (lint + test + build + diff + comment render) median ${result.prCheckMs} ms over ${runs} runs`);
    log(`action: ${loadedDist.length} dist file(s) loaded on the PR path; cloud-SDK chunks loaded: ${loadedSdk.length ? loadedSdk.join(', ') : 'none'} (of ${sdkChunks.size} SDK chunk(s) in dist)`);
    return result;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export default benchAction;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const runs = sectionArgs().repeat ?? 7;
  const r = await benchAction({ runs });
  const ms = (value) => `${value} ms`;
  process.stdout.write(`## action\n\nWhat a pull-request check loads and how fast it starts (load average ${loadAverage()}; median of ${runs} runs each).\n\n`);
  process.stdout.write(
    table([
      { measure: 'PR-path bundle (dist/index.js + statically imported chunks)', value: `${(r.bundleBytes / 1024).toFixed(0)} KiB in ${r.bundleFiles} files` },
      { measure: 'bare Node start (`node -e 0`)', value: ms(r.nodeBootMs) },
      { measure: 'cold start: Node + PR-path bundle + inputs (goal ≤ 200 ms)', value: ms(r.coldStartMs) },
      { measure: 'full PR check, example project (lint, test, build, diff, comment render)', value: ms(r.prCheckMs) },
      { measure: 'dist files loaded on the PR path', value: String(r.distFilesLoaded) },
      { measure: 'cloud-SDK chunks loaded on the PR path', value: r.sdkChunksLoaded.length ? r.sdkChunksLoaded.join(', ') : `none (of ${r.sdkChunksInDist} in dist)` },
    ]),
  );
  if (r.sdkChunksLoaded.length) process.exitCode = 1;
}
