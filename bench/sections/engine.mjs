#!/usr/bin/env node
// Section "engine": evaluations per second of Flagwright's engine vs @featurevisor/sdk 2.0.0 on the same
// datafiles and contexts, with a realistic call mix (isEnabled + getVariation + every getVariable).
// Workloads: (1) a random datafile from the differential test's generator (every feature kind and
// operator), (2) the production datafile Flagwright builds from a generated 1,000-feature project,
// evaluated with the contexts of that project's spec assertions.
// Runs on Node 24 (imports the engine's TypeScript source).
//
//   node bench/sections/engine.mjs [--seconds S]

import { createInstance } from '@featurevisor/sdk';
import { createEvaluator } from '../../src/engine/index.ts';
import { randomContext, randomDatafile, seededRandom } from '../../__tests__/helpers/random-datafile.ts';
import { loadProject } from '../../src/project/load.ts';
import { buildDatafile } from '../../src/build/index.ts';
import { ensureProject } from '../lib/projects.mjs';
import { table } from '../lib/measure.mjs';

const secondsArg = process.argv.indexOf('--seconds');
const BUDGET_MS = (secondsArg > -1 ? Number(process.argv[secondsArg + 1]) : 2) * 1000;

/** One pass over every (context, feature): isEnabled, getVariation, each variable. Returns the call count. */
function pass(client, contexts, features) {
  let calls = 0;
  let sink = 0;
  for (const context of contexts) {
    for (const { key, variables } of features) {
      if (client.isEnabled(key, context)) sink++;
      if (client.getVariation(key, context) !== null) sink++;
      for (const variable of variables) if (client.getVariable(key, variable, context) !== null) sink++;
      calls += 2 + variables.length;
    }
  }
  return calls + (sink & 0);
}

/** Calls per second over repeated passes for about BUDGET_MS (after a warm-up pass). */
function throughput(client, contexts, features) {
  pass(client, contexts, features);
  let calls = 0;
  const started = performance.now();
  let elapsed = 0;
  do {
    calls += pass(client, contexts, features);
    elapsed = performance.now() - started;
  } while (elapsed < BUDGET_MS);
  return (calls / elapsed) * 1000;
}

function featureList(datafile, only) {
  return Object.entries(datafile.features)
    .filter(([key]) => !only || only.has(key))
    .map(([key, feature]) => ({ key, variables: Object.keys(feature.variablesSchema ?? {}) }));
}

function workloadRandom() {
  const random = seededRandom(42);
  const datafile = randomDatafile(random, { features: 40, segments: 12 });
  const contexts = Array.from({ length: 300 }, () => randomContext(random));
  return { name: 'random datafile (40 features, all operators/kinds), 300 contexts', datafile, contexts, features: featureList(datafile) };
}

async function workloadProject() {
  const dir = ensureProject({ features: 1000, format: 'v1', seed: 1 });
  const { project } = await loadProject(dir);
  const datafile = buildDatafile(project, { environment: 'production', tag: null, revision: 'bench' });
  const contexts = [];
  const used = new Set();
  for (const spec of project.tests) {
    if (spec.kind !== 'feature') continue;
    for (const assertion of spec.assertions) {
      const context = assertion.context ?? {};
      if (JSON.stringify(context).includes('${{')) continue;
      contexts.push(context);
      used.add(spec.feature);
    }
  }
  // Every spec context against a fixed sample of 50 spec'd features keeps one pass short.
  const sample = new Set([...used].filter((key) => datafile.features[key]).slice(0, 50));
  return {
    name: `Flagwright-built datafile of a generated 1,000-feature project (production), ${contexts.length} spec contexts × 50 features`,
    datafile,
    contexts,
    features: featureList(datafile, sample),
  };
}

const rows = [];
for (const workload of [workloadRandom(), await workloadProject()]) {
  const sdk = createInstance({ datafile: structuredClone(workload.datafile), logLevel: 'fatal' });
  const engine = createEvaluator(structuredClone(workload.datafile));
  const sdkRate = throughput(sdk, workload.contexts, workload.features);
  const engineRate = throughput(engine, workload.contexts, workload.features);
  rows.push({
    workload: workload.name,
    '@featurevisor/sdk 2.0.0 (calls/s)': Math.round(sdkRate).toLocaleString('en-US'),
    'flagwright engine (calls/s)': Math.round(engineRate).toLocaleString('en-US'),
    'ratio (flagwright ÷ sdk)': `${(engineRate / sdkRate).toFixed(1)}×`,
  });
}

process.stdout.write('## Evaluation engine vs @featurevisor/sdk 2.0.0\n\n');
process.stdout.write(`Same datafile and contexts for both; one call = isEnabled, getVariation or getVariable; ~${BUDGET_MS / 1000} s per measurement after a warm-up pass; Node ${process.versions.node}.\n\n`);
process.stdout.write(table(rows) + '\n');
