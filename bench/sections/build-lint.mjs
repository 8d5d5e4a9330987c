// Section "build-lint": flagwright lint/build against the official Featurevisor CLI 1.11.1 on the
// same generated v1 projects (3 environments, 20 tags), plus the floor: merely reading and
// YAML-parsing the project's files in one process (the `yaml` package and js-yaml).
// Usage: node bench/sections/build-lint.mjs [--sizes 1000,5000,10000] [--repeat N]

import { mkdtempSync, rmSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { ensureProject } from '../lib/projects.mjs';
import { measureInTurns, table, seconds, mib, ratio, failure } from '../lib/measure.mjs';
import { flagwrightEntry, loadAverage, node24, officialCli, officialVersion, sectionArgs } from '../lib/tools.mjs';

const floorScript = join(import.meta.dirname, '..', 'lib', 'parse-floor.mjs');
const { sizes, repeat } = sectionArgs();
const [flagwrightScript, flagwrightLabel] = flagwrightEntry();
// The official CLI is slow: one run each at large sizes keeps the section under a few minutes.
// This kind of machine runs the same process 30–50% slower for spells of seconds: five runs of each quick
// command and of the official lint (7–10 s at 10,000 features; its median of three moved by a quarter from one
// bench run to the next) give medians that hold still, and every round then measures both tools.
const officialRepeat = (features, command) => repeat ?? (command === 'lint' ? 5 : features < 5000 ? 3 : 1);
const fastRepeat = repeat ?? 5;

const cleanOfficial = (dir) => () => {
  for (const out of ['dist', '.featurevisor', 'datafiles']) rmSync(join(dir, out), { recursive: true, force: true });
};

function countFiles(dir) {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
}

const timeCell = (r) => failure(r) ?? seconds(r.wallMs);
const ok = (r) => r && r.code === 0;

const rows = [];
const floors = [];
const goals = [];
for (const features of sizes) {
  const dir = ensureProject({ features, format: 'v1', environments: 'development,staging,production', tags: 20 });
  const loadBefore = loadAverage();

  // Build reads the entity files; lint also reads the test specs: each gets its own floor.
  const floor = { build: {}, lint: {} };
  const parsers = ['yaml', 'js-yaml', 'flagwright'];
  // The yaml package is never the fastest floor (shown for reference): one run.
  const floorEntries = (scope) => parsers.map((parser) => ({ cmd: node24, args: [floorScript, dir, parser, scope], ...(parser === 'yaml' ? { repeat: 1 } : {}) }));
  // The goal's floor is the faster of the two YAML libraries; Flagwright's own parser is shown beside it.
  const fastest = (command) => Math.min(...['yaml', 'js-yaml'].map((p) => floor[command][p]).filter(ok).map((r) => r.wallMs));
  const stats = (command) => (ok(floor[command]['js-yaml']) ? JSON.parse(floor[command]['js-yaml'].stdout) : { files: NaN, bytes: NaN });
  const fileCell = (command) => {
    const { files, bytes } = stats(command);
    return Number.isFinite(files) ? `${files} (${(bytes / 1048576).toFixed(1)} MiB)` : '—';
  };

  const out = mkdtempSync(join(tmpdir(), 'flagwright-bench-out-'));
  const cleanOut = () => rmSync(out, { recursive: true, force: true });
  let fwDatafiles = 0;
  let officialDatafiles = 0;
  // Each command's runs are taken in turns (flagwright, official, floors; round after round): the machine's
  // speed drifts by tens of percent over minutes, which back-to-back series would turn into ratios.
  const fw = {};
  const official = {};
  [fw.lint, official.lint, floor.lint.yaml, floor.lint['js-yaml'], floor.lint.flagwright] = measureInTurns(
    [
      { cmd: node24, args: [flagwrightScript, 'lint', '--project', dir] },
      { cmd: node24, args: [officialCli, 'lint'], cwd: dir, repeat: officialRepeat(features, 'lint') },
      ...floorEntries('all'),
    ],
    fastRepeat,
  );
  [fw.build, official.build, floor.build.yaml, floor.build['js-yaml'], floor.build.flagwright] = measureInTurns(
    [
      { cmd: node24, args: [flagwrightScript, 'build', '--project', dir, '--out', out, '--revision', 'bench'], before: cleanOut, after: () => (fwDatafiles = countFiles(out)) },
      // The official build leaves .featurevisor/ state behind, which a later flagwright build would read: cleaned after each run.
      {
        cmd: node24,
        args: [officialCli, 'build'],
        cwd: dir,
        repeat: officialRepeat(features, 'build'),
        before: cleanOfficial(dir),
        after: () => {
          officialDatafiles = countFiles(join(dir, 'dist'));
          cleanOfficial(dir)();
        },
      },
      ...floorEntries('entities'),
    ],
    fastRepeat,
  );
  cleanOut();

  for (const command of ['lint', 'build']) {
    const a = official[command];
    const b = fw[command];
    rows.push({
      features,
      command,
      [`official ${officialVersion()}`]: timeCell(a),
      flagwright: timeCell(b),
      'speed-up (official ÷ flagwright)': ok(a) && ok(b) ? ratio(a.wallMs, b.wallMs) : '—',
      'official peak': mib(a.peakRssMiB),
      'flagwright peak': mib(b.peakRssMiB),
      datafiles: command === 'build' ? `${officialDatafiles} / ${ok(b) ? fwDatafiles : '—'}` : '',
    });
  }
  floors.push({
    features,
    'build reads': fileCell('build'),
    'build floor, yaml': timeCell(floor.build.yaml),
    'build floor, js-yaml': timeCell(floor.build['js-yaml']),
    'build floor, flagwright parser': timeCell(floor.build.flagwright),
    'flagwright build ÷ fastest': ok(fw.build) ? ratio(fw.build.wallMs, fastest('build')) : '—',
    'lint reads': fileCell('lint'),
    'lint floor, yaml': timeCell(floor.lint.yaml),
    'lint floor, js-yaml': timeCell(floor.lint['js-yaml']),
    'lint floor, flagwright parser': timeCell(floor.lint.flagwright),
    'flagwright lint ÷ fastest': ok(fw.lint) ? ratio(fw.lint.wallMs, fastest('lint')) : '—',
    'load before (1/5/15 min)': loadBefore,
  });
  if (features === Math.max(...sizes)) {
    const check = (label, pass, detail) => goals.push({ goal: label, result: pass === undefined ? 'n/a' : pass ? 'met' : 'NOT met', measured: detail });
    const both = (c) => ok(official[c]) && ok(fw[c]);
    const buildSpeedup = official.build.wallMs / fw.build.wallMs;
    const lintSpeedup = official.lint.wallMs / fw.lint.wallMs;
    const floorRatio = fw.build.wallMs / fastest('build');
    check(`build ≥ 15× faster than official (${features} features)`, both('build') ? buildSpeedup >= 15 : undefined, both('build') ? `${buildSpeedup.toFixed(1)}×` : 'a run failed');
    check('build within 1.5× of the fastest parse floor', ok(fw.build) ? floorRatio <= 1.5 : undefined, ok(fw.build) ? `${floorRatio.toFixed(2)}×` : 'a run failed');
    check('lint ≥ 6× faster than official', both('lint') ? lintSpeedup >= 6 : undefined, both('lint') ? `${lintSpeedup.toFixed(1)}×` : 'a run failed');
    for (const c of ['build', 'lint'])
      check(`${c} peak memory below official`, both(c) ? fw[c].peakRssMiB < official[c].peakRssMiB : undefined, both(c) ? `${mib(fw[c].peakRssMiB)} vs ${mib(official[c].peakRssMiB)}` : 'a run failed');
  }
}

process.stdout.write(`## Build and lint vs the official CLI\n\n`);
process.stdout.write(`Generated v1 projects (3 environments, 20 tags, 3 assertions per feature); flagwright = \`${flagwrightLabel}\`, ` +
  `both CLIs on Node ${process.versions.node}; median of ${fastRepeat} run(s) for flagwright and the floor, taken in turns with the official CLI's, ` +
  `${sizes.map((s) => officialRepeat(s, 'lint')).join('/')} (lint) and ${sizes.map((s) => officialRepeat(s, 'build')).join('/')} (build) for the official CLI, one for the yaml floor. Official build = \`featurevisor build\` (writes dist/ + .featurevisor/, cleaned between runs); ` +
  `flagwright build = \`build --project DIR --out DIR2 --revision bench\`. Datafiles column: official / flagwright.\n\n`);
process.stdout.write(table(rows) + '\n');
process.stdout.write(`### Floor: only read + YAML-parse the files, in one Node process\n\n` +
  `Build floor = attributes, segments, features and groups (what a build reads); lint floor = those plus the test specs. ` +
  `Ratios divide flagwright's time by the faster of the two YAML libraries (yaml, js-yaml); the "flagwright parser" ` +
  `columns read and parse the same files with Flagwright's own block-YAML parser (js-yaml where it steps aside), for reference.\n\n`);
process.stdout.write(table(floors) + '\n');
if (goals.length) process.stdout.write(`### Goals (set for 10,000 features), checked at ${Math.max(...sizes)} features\n\n` + table(goals) + '\n');
