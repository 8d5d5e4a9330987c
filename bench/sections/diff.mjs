#!/usr/bin/env node
// Section "diff": diff + render time for a 10,000-feature project with 50 changed features, in-process on two
// DatafileSets (goal ≤ 1 s). The sets are built with flagwright's builder from a generated project
// (bench/lib/projects.mjs), then 50 features are changed in the model and the head is rebuilt with the base
// as previous state, as `flagwright diff` does. If the project cannot be generated or built, the section
// synthesises the datafile sets instead and says so.
//
//   node bench/sections/diff.mjs [--features N] [--changed N] [--repeat N]     (needs Node 24: imports .ts)
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { features: { type: 'string' }, changed: { type: 'string' }, repeat: { type: 'string' }, sizes: { type: 'string' } },
  strict: false,
});
const FEATURES = Number(values.features ?? 10000);
const CHANGED = Number(values.changed ?? 50);
const REPEAT = Number(values.repeat ?? 5);

const { diffDatafileSets } = await import('../../src/diff/index.ts');
const { renderComment } = await import('../../src/render/comment.ts');
const { renderSummary } = await import('../../src/render/summary.ts');

async function fromGeneratedProject() {
  const { ensureProject } = await import('../lib/projects.mjs');
  const { loadProject } = await import('../../src/project/load.ts');
  const { buildDatafileSet, stateFromDatafileSet } = await import('../../src/build/index.ts');
  const dir = ensureProject({ features: FEATURES, format: 'v1', environments: 'development,staging,production', tags: 20 });
  const { project } = await loadProject(dir, { tests: false });
  const base = buildDatafileSet(project, { revision: 'base', commit: 'a'.repeat(40) });
  // Change 50 features the way PRs do: a percentage bump in every environment and a new variable default.
  const keys = [...project.features.keys()].sort().filter((k) => !project.features.get(k).archived).slice(0, CHANGED);
  for (const key of keys) {
    const feature = project.features.get(key);
    for (const rules of Object.values(feature.rules)) {
      const rule = rules[rules.length - 1];
      if (rule) rule.percentage = rule.percentage >= 90 ? rule.percentage - 40 : rule.percentage + 10;
    }
    const variable = feature.variablesSchema.find((v) => v.type === 'string');
    if (variable) variable.defaultValue = `${variable.defaultValue}-changed`;
  }
  const head = buildDatafileSet(project, { revision: 'head', commit: 'b'.repeat(40), state: stateFromDatafileSet(base) });
  return { base, head, source: `generated v1 project (${FEATURES} features, 3 environments, 20 tags), built with flagwright's builder` };
}

function synthesised() {
  const envs = ['development', 'staging', 'production'];
  const build = (revision, changed) => {
    const files = [];
    for (const environment of envs) {
      const features = {};
      for (let i = 0; i < FEATURES; i++) {
        const edit = i < changed;
        const p = edit ? 30000 : 10000;
        features[`feature_${i}`] = {
          bucketBy: 'userId',
          variations: [{ value: 'control', weight: 50 }, { value: 'treatment', weight: 50 }],
          traffic: [
            { key: 'targeted', segments: `segment_${i % 50}`, percentage: 100000, allocation: [{ variation: 'control', range: [0, 50000] }, { variation: 'treatment', range: [50000, 100000] }] },
            { key: 'everyone', segments: '*', percentage: p, allocation: [{ variation: 'control', range: [0, p / 2] }, { variation: 'treatment', range: [p / 2, p] }] },
          ],
          variablesSchema: { color: { type: 'string', defaultValue: edit ? 'red' : 'blue' } },
        };
      }
      const segments = {};
      for (let s = 0; s < 50; s++) segments[`segment_${s}`] = { conditions: JSON.stringify([{ attribute: 'country', operator: 'equals', value: `C${s}` }]) };
      const datafile = { schemaVersion: '2', revision, segments, features };
      files.push({ environment, tag: 'all', path: `${environment}/featurevisor-tag-all.json`, datafile, bytes: Buffer.from(JSON.stringify(datafile)) });
    }
    return { revision, files };
  };
  return { base: build('base', 0), head: build('head', CHANGED), source: `synthesised datafile sets (${FEATURES} features × 3 environments)` };
}

let sets;
try {
  sets = await fromGeneratedProject();
} catch (error) {
  process.stderr.write(`diff bench: generated project unavailable (${error.message.split('\n')[0]}); synthesising datafile sets\n`);
  sets = synthesised();
}

const timings = { diff: [], comment: [], summary: [], total: [], cpu: [] };
let report;
let comment = '';
let summary = '';
for (let i = 0; i < REPEAT; i++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  report = diffDatafileSets(sets.base, sets.head);
  const t1 = performance.now();
  comment = renderComment(report, { runUrl: 'https://github.com/o/r/actions/runs/1' });
  const t2 = performance.now();
  summary = renderSummary(report);
  const t3 = performance.now();
  timings.diff.push(t1 - t0);
  timings.comment.push(t2 - t1);
  timings.summary.push(t3 - t2);
  timings.total.push(t3 - t0);
  const c = process.cpuUsage(c0);
  timings.cpu.push((c.user + c.system) / 1000);
}
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const ms = (v) => `${v.toFixed(0)} ms`;
const total = median(timings.total);

process.stdout.write(`## Diff and render\n\n`);
process.stdout.write(`${sets.source}; ${CHANGED} features changed; ${sets.head.files.length} datafiles per side; median of ${REPEAT} in-process runs on Node ${process.versions.node}.\n\n`);
process.stdout.write(`| step | median |\n|---|---|\n`);
process.stdout.write(`| diffDatafileSets | ${ms(median(timings.diff))} |\n| renderComment | ${ms(median(timings.comment))} |\n| renderSummary | ${ms(median(timings.summary))} |\n| **total** | **${ms(total)}** |\n| total CPU time (user + system) | ${ms(median(timings.cpu))} |\n\n`);
process.stdout.write(`Report: ${report.totals.featuresChanged} features in ${report.totals.environmentsChanged} environments, ${report.totals.changes} changes; comment ${comment.length} characters, summary ${Buffer.byteLength(summary)} bytes.\n\n`);
// The datafile objects are materialised lazily by the builder; the first run pays for that, not the diff.
process.stdout.write(`Load average during the run: ${(await import('node:os')).loadavg()[0].toFixed(1)} on ${(await import('node:os')).availableParallelism()} CPUs (wall time inflates under load; CPU time does not).\n\n`);
process.stdout.write(`| goal | result | measured |\n|---|---|---|\n| diff + render ≤ 1 s (${FEATURES} features, ${CHANGED} changed) | ${total <= 1000 ? 'met' : 'NOT met'} | ${ms(total)} |\n`);
