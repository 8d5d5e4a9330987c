// Differential test: Flagwright's engine vs the official @featurevisor/sdk 2.0.0 on random datafiles
// and contexts. Every disagreement must be explained by a named KNOWN_SDK_DIFFERENCES entry, which is
// proven by re-running the engine with that bug emulated and getting the SDK's answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KNOWN_SDK_DIFFERENCES, type StickyFeatures } from '../src/engine/index.ts';
import type { DatafileV2 } from '../src/model/datafile.ts';
import { compareWithSdk, newTally } from './helpers/differential.ts';
import { OPERATORS, randomContext, randomDatafile, seededRandom, type Random } from './helpers/random-datafile.ts';

// Many small datafiles rather than a few big ones: more structural variety per SDK call.
const DATAFILES = 80;
const CONTEXTS_PER_DATAFILE = 1300;

function randomSticky(random: Random, datafile: DatafileV2): StickyFeatures {
  const sticky: StickyFeatures = {};
  for (const key of Object.keys(datafile.features)) {
    if (random() > 0.3) continue;
    const feature = datafile.features[key];
    const entry: StickyFeatures[string] = {};
    if (random() < 0.6) entry.enabled = random() < 0.5;
    if (feature.variations?.length && random() < 0.5) entry.variation = feature.variations[0].value;
    const variableKeys = Object.keys(feature.variablesSchema ?? {});
    if (variableKeys.length && random() < 0.5) entry.variables = { [variableKeys[0]]: 'sticky-value' };
    sticky[key] = entry;
  }
  return sticky;
}

test('engine agrees with @featurevisor/sdk 2.0.0 on ≥100,000 random contexts (except named SDK bugs)', () => {
  const tally = newTally();
  const operatorsSeen = new Set<string>();
  for (let d = 0; d < DATAFILES; d++) {
    const random = seededRandom(0x5eed + d);
    const datafile = randomDatafile(random, { features: 5 + (d % 4), segments: 5 + (d % 4) });
    for (const match of JSON.stringify(datafile).matchAll(/\\?"operator\\?":\\?"(\w+)/g)) operatorsSeen.add(match[1]);
    // Every third datafile with sticky features, every fourth with a spec-style fixed bucket (`at`).
    const sticky = d % 3 === 1 ? randomSticky(random, datafile) : undefined;
    const at = d % 4 === 2 ? Math.floor(random() * 101) : undefined;
    const contexts = Array.from({ length: CONTEXTS_PER_DATAFILE }, () => randomContext(random));
    compareWithSdk(datafile, contexts, tally, {
      label: `datafile #${d}`,
      sticky,
      bucketValue: at === undefined ? undefined : () => at * 1000,
      evaluationsEvery: 8,
    });
  }

  assert.ok(tally.contexts >= 100_000, `only ${tally.contexts} contexts`);
  assert.deepEqual(OPERATORS.filter((op) => !operatorsSeen.has(op)), [], 'every operator appears in the generated datafiles');
  assert.deepEqual(tally.unexplained, [], `disagreements not explained by a known SDK bug:\n${tally.unexplained.join('\n')}`);
  // The generator must actually reach both bugs, or the attribution above proves nothing.
  for (const difference of KNOWN_SDK_DIFFERENCES) {
    assert.ok(tally.perBug[difference.name] > 0, `known SDK difference "${difference.name}" never occurred`);
  }
  console.log(`differential: ${tally.contexts} contexts, ${tally.comparisons} comparisons, known SDK differences: ${JSON.stringify(tally.perBug)}`);
});
