// Differential test on real build output: datafiles that Flagwright builds from generated Featurevisor
// projects (v1 and v2 YAML dialects), evaluated by the engine and by @featurevisor/sdk 2.0.0 with the
// projects' own spec contexts plus mutations of them (dropped, swapped and mistyped attributes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildDatafile } from '../src/build/index.ts';
import type { Context } from '../src/model/datafile.ts';
import { loadProject } from '../src/project/load.ts';
import { compareWithSdk, newTally } from './helpers/differential.ts';
import { seededRandom, type Random } from './helpers/random-datafile.ts';

const generatorUrl = pathToFileURL(join(import.meta.dirname, '..', 'bench', 'gen-project.mjs')).href;

function mutate(random: Random, context: Context, pool: Map<string, unknown[]>): Context {
  const result: Record<string, unknown> = { ...context };
  for (const key of Object.keys(result)) {
    const roll = random();
    if (roll < 0.15) delete result[key];
    else if (roll < 0.45) {
      const values = pool.get(key) ?? [];
      if (values.length) result[key] = values[Math.floor(random() * values.length)];
    } else if (roll < 0.5) result[key] = typeof result[key] === 'number' ? String(result[key]) : 7;
  }
  if (random() < 0.5) result.userId = `user-${Math.floor(random() * 1e6)}`;
  return result as Context;
}

for (const format of ['v1', 'v2'] as const) {
  test(`engine agrees with the SDK on datafiles Flagwright builds from a generated ${format} project`, async () => {
    const { generateProject } = (await import(generatorUrl)) as { generateProject: (options: Record<string, unknown>) => void };
    const dir = mkdtempSync(join(tmpdir(), `flagwright-differential-${format}-`));
    try {
      generateProject({ out: join(dir, 'project'), features: 150, format, seed: format === 'v1' ? 11 : 12, force: true });
      const { project, diagnostics } = await loadProject(join(dir, 'project'));
      assert.deepEqual(diagnostics.filter((d) => d.severity === 'error'), []);

      const specContexts: Context[] = [];
      const pool = new Map<string, unknown[]>();
      for (const spec of project.tests) {
        if (spec.kind !== 'feature') continue;
        for (const assertion of spec.assertions) {
          const context = (assertion.context ?? {}) as Context;
          if (JSON.stringify(context).includes('${{')) continue;
          specContexts.push(context);
          for (const [key, value] of Object.entries(context)) {
            if (!pool.has(key)) pool.set(key, []);
            pool.get(key)!.push(value);
          }
        }
      }
      assert.ok(specContexts.length > 100, 'the generated project has spec contexts');

      const tally = newTally();
      const random = seededRandom(99);
      for (const [e, environment] of project.config.environments.entries()) {
        const datafile = buildDatafile(project, { environment, tag: null, revision: 'differential' });
        // A different slice of 50 features per environment keeps the run short while covering them all.
        const keys = Object.keys(datafile.features);
        const features = keys.slice((e * 50) % keys.length).concat(keys).slice(0, 50);
        const contexts = [...specContexts, ...specContexts.map((c) => mutate(random, c, pool))];
        compareWithSdk(datafile, contexts, tally, { label: `${format}/${environment}`, evaluationsEvery: 16, features });
        compareWithSdk(datafile, contexts.slice(0, 300), tally, { label: `${format}/${environment} at 37`, bucketValue: () => 37000 });
      }
      assert.deepEqual(tally.unexplained, [], `disagreements not explained by a known SDK bug:\n${tally.unexplained.join('\n')}`);
      assert.ok(tally.comparisons > 10_000);
      console.log(`differential (${format} project): ${tally.contexts} contexts, ${tally.comparisons} comparisons, known SDK differences: ${JSON.stringify(tally.perBug)}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
