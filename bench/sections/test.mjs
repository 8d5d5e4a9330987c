#!/usr/bin/env node
// Section "test": `flagwright test` vs the official `featurevisor test --fast` (CLI 1.11.1) on generated
// v1 projects with spec files (3 assertions per feature), wall time and peak memory, plus whether both
// runners agree on the pass/fail totals.
//
//   node bench/sections/test.mjs [--sizes 1000,5000,10000] [--repeat N]

import { ensureProject } from '../lib/projects.mjs';
import { failure, measureInTurns, mib, ratio, seconds, table } from '../lib/measure.mjs';
import { flagwrightEntry, node24, officialCli, officialVersion, sectionArgs } from '../lib/tools.mjs';

const { sizes, repeat } = sectionArgs();
const [flagwrightScript, flagwrightLabel] = flagwrightEntry();
// Spells of a slower machine (see build-lint.mjs): five runs of each, so that every round measures both (the
// official CLI's median of three moved by 15% between bench runs).
const officialRepeat = repeat ?? 5;
const fastRepeat = repeat ?? 5;

/** "Assertions: 3046 passed, 0 failed" from either runner's text output (ANSI colours stripped). */
function totals(output) {
  const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
  const match = /Assertions:\s+(\d+) passed, (\d+) failed/.exec(plain);
  return match ? `${match[1]} / ${match[2]}` : '—';
}

const ok = (r) => r.code === 0;
const cell = (r) => failure(r) ?? seconds(r.wallMs);

const rows = [];
const goals = [];
for (const features of sizes) {
  const dir = ensureProject({ features, format: 'v1', seed: 1 });
  // In turns, so that the machine's drift over minutes slows both alike (see measureInTurns).
  const [fw, official] = measureInTurns(
    [
      { cmd: node24, args: [flagwrightScript, 'test', '--project', dir] },
      { cmd: node24, args: [officialCli, 'test', '--fast'], cwd: dir, repeat: officialRepeat },
    ],
    fastRepeat,
  );
  rows.push({
    features,
    [`official ${officialVersion()} test --fast`]: cell(official),
    'flagwright test': cell(fw),
    'speed-up (official ÷ flagwright)': ok(official) && ok(fw) ? ratio(official.wallMs, fw.wallMs) : '—',
    'official peak': mib(official.peakRssMiB),
    'flagwright peak': mib(fw.peakRssMiB),
    'assertions passed / failed (official)': totals(official.stdout + official.stderr),
    'assertions passed / failed (flagwright)': totals(fw.stdout),
  });
  if (features === Math.max(...sizes)) {
    const both = ok(official) && ok(fw);
    const speedup = official.wallMs / fw.wallMs;
    goals.push({
      goal: `flagwright test ≥ 10× faster than featurevisor test --fast (${features} features)`,
      result: both ? (speedup >= 10 ? 'met' : 'NOT met') : 'n/a',
      measured: both ? `${speedup.toFixed(1)}×` : 'a run failed',
    });
    goals.push({
      goal: 'both runners report the same totals',
      result: totals(official.stdout + official.stderr) === totals(fw.stdout) ? 'met' : 'NOT met',
      measured: `${totals(official.stdout + official.stderr)} vs ${totals(fw.stdout)}`,
    });
  }
}

process.stdout.write('## Spec runner vs the official CLI\n\n');
process.stdout.write(
  `Generated v1 projects with 3 assertions per feature; flagwright = \`${flagwrightLabel} test --project DIR\`, official = ` +
    `\`featurevisor test --fast\` run inside the project; both on Node ${process.versions.node}; median of ${fastRepeat} run(s) for flagwright, ` +
    `${officialRepeat} for the official CLI.\n\n`,
);
process.stdout.write(table(rows) + '\n');
if (goals.length) process.stdout.write(table(goals) + '\n');
