// The spec runner and `flagwright test`: passing fixtures, readable failures at the right line,
// bad input isolated to its assertion, output formats and filters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli/main.ts';
import { loadProject } from '../src/project/load.ts';
import { runSpecs, runSpecsWith } from '../src/spec/index.ts';
import { expandMatrix, substitute, substituteAt } from '../src/spec/matrix.ts';
import type { DatafileV2 } from '../src/model/datafile.ts';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'spec', 'v2-project');
const SEED = join(import.meta.dirname, '..', 'examples', 'seed-project');

function copyFixture(extraFiles: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'flagwright-spec-'));
  cpSync(FIXTURE, dir, { recursive: true });
  for (const [path, content] of Object.entries(extraFiles)) writeFileSync(join(dir, path), content);
  return dir;
}

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    isTTY: false,
    cwd: process.cwd(),
    env: {},
  });
  return { code, stdout, stderr };
}

function lineOf(file: string, needle: string, occurrence = 1): number {
  const lines = readFileSync(file, 'utf8').split('\n');
  let seen = 0;
  for (let i = 0; i < lines.length; i++) if (lines[i].includes(needle) && ++seen === occurrence) return i + 1;
  throw new Error(`"${needle}" not in ${file}`);
}

test('matrix: cartesian product in key order, typed whole placeholders, interpolated strings', () => {
  const rows = expandMatrix({ at: [10, 90], country: ['nl', 'de'] });
  assert.deepEqual(rows, [
    { at: 10, country: 'nl' },
    { at: 10, country: 'de' },
    { at: 90, country: 'nl' },
    { at: 90, country: 'de' },
  ]);
  assert.equal(substitute('${{ at }}', rows[0]), 10);
  assert.equal(substitute('at ${{at}} in ${{ country }}', rows[1]), 'at 10 in de');
  assert.equal(substituteAt('${{ at }}', { at: '12.5' }), 12.5);
  assert.equal(substituteAt('${{ at }}', { at: '40' }), 40);
  assert.equal(substitute('${{ unknown }}', rows[0]), '${{ unknown }}');
});

test('the fixture v2 project and the seed example project pass', async () => {
  const { project } = await loadProject(FIXTURE);
  const report = runSpecs(project);
  assert.deepEqual(report.failures, []);
  assert.equal(report.passed, 10);

  const seed = await loadProject(SEED);
  const seedReport = runSpecs(seed.project);
  assert.deepEqual(seedReport.failures, []);
  assert.ok(seedReport.passed > 0);
});

test('a wrong expectation fails with expected/received at the line of the failing field', async () => {
  const dir = copyFixture({
    'tests/wrong.spec.yml': [
      'feature: checkout',
      'assertions:',
      '  - description: deliberately wrong',
      '    environment: staging',
      '    at: 90',
      '    context:',
      '      userId: u1',
      '    expectedVariation: control',
      '    expectedVariables:',
      '      color: purple',
      '',
    ].join('\n'),
  });
  try {
    const { project } = await loadProject(dir);
    const report = runSpecs(project);
    assert.equal(report.failed, 1);
    const [failure] = report.failures;
    assert.equal(failure.file, 'tests/wrong.spec.yml');
    assert.equal(failure.line, 8, 'the expectedVariation line');
    assert.match(failure.message, /expectedVariation: expected "control", received "treatment"/);
    assert.match(failure.message, /expectedVariables\.color: expected "purple", received "blue"/);

    const text = await cli(['test', '--project', dir]);
    assert.equal(text.code, 1);
    assert.match(text.stdout, /✘ Assertion #1: deliberately wrong \(staging\)/);
    assert.match(text.stdout, /wrong\.spec\.yml:8:5/);
    assert.match(text.stdout, /expected: "control"\n\s+received: "treatment"/);
    assert.match(text.stdout, /Assertions: 10 passed, 1 failed/);

    const github = await cli(['test', '--project', dir, '--format', 'github']);
    assert.match(github.stdout, /^::error file=.*wrong\.spec\.yml,line=8,/m);

    const junit = await cli(['test', '--project', dir, '--format', 'junit']);
    assert.match(junit.stdout, /<testsuites name="flagwright test" tests="11" failures="1"/);
    assert.match(junit.stdout, /<failure message="expectedVariation: expected &quot;control&quot;/);

    const json = await cli(['test', '--project', dir, '--format', 'json', '--feature', '^checkout$', '--assertion', 'wrong']);
    const parsed = JSON.parse(json.stdout);
    assert.equal(parsed.failed, 1);
    assert.equal(parsed.passed, 0);
    assert.equal(parsed.specs.length, 1);

    const out = join(dir, 'report.xml');
    const written = await cli(['test', '--project', dir, '--format', 'junit', '--out', out]);
    assert.equal(written.code, 1);
    assert.match(readFileSync(out, 'utf8'), /<testsuites/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bad input fails its own assertion at its line; the other specs still run', async () => {
  const dir = copyFixture({
    'tests/bad.spec.yml': [
      'feature: checkout',
      'assertions:',
      '  - environment: moon',
      '    at: 10',
      '    expectedToBeEnabled: true',
      '  - environment: staging',
      '    at: 150',
      '    expectedToBeEnabled: true',
      '  - environment: staging',
      '    at: 10',
      '    context: [not, a, map]',
      '    expectedToBeEnabled: true',
      '  - environment: staging',
      '    at: 10',
      '    context:',
      '      userId: fine',
      '    expectedToBeEnabled: true',
      '',
    ].join('\n'),
    'tests/ghost.spec.yml': 'feature: ghost\nassertions:\n  - environment: staging\n    at: 1\n    expectedToBeEnabled: true\n',
    'tests/ghost-segment.spec.yml': 'segment: nobody\nassertions:\n  - context: {}\n    expectedToMatch: true\n',
  });
  try {
    const { project } = await loadProject(dir);
    const report = runSpecs(project);
    const byFile = (file: string) => report.failures.filter((f) => f.file === file);
    const bad = byFile('tests/bad.spec.yml');
    assert.equal(bad.length, 3);
    const badFile = join(dir, 'tests/bad.spec.yml');
    assert.equal(bad[0].line, lineOf(badFile, 'environment: moon'));
    assert.match(bad[0].message, /unknown environment "moon"/);
    assert.equal(bad[1].line, lineOf(badFile, 'at: 150'));
    assert.match(bad[1].message, /at must be a number from 0 to 100/);
    assert.equal(bad[2].line, lineOf(badFile, 'context: [not'));
    assert.match(bad[2].message, /context must be a mapping/);
    assert.ok(bad.every((f) => f.rule === 'spec-invalid'));

    assert.match(byFile('tests/ghost.spec.yml')[0].message, /unknown feature "ghost"/);
    assert.equal(byFile('tests/ghost.spec.yml')[0].line, 1);
    assert.match(byFile('tests/ghost-segment.spec.yml')[0].message, /unknown segment "nobody"/);
    // The fixture's 10 assertions plus the valid 4th assertion of bad.spec.yml.
    assert.equal(report.passed, 11);
    assert.equal(report.failed, 5);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the datafile source is injectable (hand-built datafile)', async () => {
  const { project } = await loadProject(FIXTURE);
  const requested: string[] = [];
  const datafile: DatafileV2 = {
    schemaVersion: '2',
    revision: 'x',
    segments: {},
    features: {
      base: { bucketBy: 'userId', traffic: [{ key: 'all', segments: '*', percentage: 0 }] },
      checkout: { bucketBy: 'userId', required: ['base'], traffic: [{ key: 'all', segments: '*', percentage: 100000 }] },
    },
  };
  const report = runSpecsWith(project, {
    feature: 'checkout',
    datafileFor: (environment) => {
      requested.push(environment);
      return datafile;
    },
  });
  assert.deepEqual(requested.sort(), ['production', 'staging'], 'one datafile per environment');
  assert.ok(report.failed > 0, 'base is off in this datafile, so checkout specs fail');
  assert.ok(report.failures.some((f) => /expectedToBeEnabled: expected true, received false/.test(f.message)));
});

test('invalid --feature pattern and --format are usage errors', async () => {
  assert.equal((await cli(['test', '--project', FIXTURE, '--feature', '('])).code, 2);
  assert.equal((await cli(['test', '--project', FIXTURE, '--format', 'xml'])).code, 2);
});

test('projects with environments: false run specs without an environment', async () => {
  const { writeProject, removeProject } = await import('./helpers/temp-project.ts');
  const dir = writeProject({
    'featurevisor.config.js': "module.exports = { environments: false, tags: ['all'] };\n",
    'attributes/userId.yml': 'type: string\ndescription: user\n',
    'features/f.yml': 'description: f\ntags: [all]\nbucketBy: userId\nrules:\n  - key: all\n    segments: "*"\n    percentage: 30\n',
    'tests/f.spec.yml': 'feature: f\nassertions:\n  - at: 30\n    expectedToBeEnabled: true\n  - at: 30.001\n    expectedToBeEnabled: false\n',
  });
  try {
    const { project } = await loadProject(dir);
    const report = runSpecs(project);
    assert.deepEqual(report.failures, []);
    assert.equal(report.passed, 2, 'rollout is inclusive: at 30 is in a 30% rule, 30.001 is not');
  } finally {
    removeProject(dir);
  }
});
