import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { officialSdk } from './helpers/official-sdk.ts';
import * as sdkV1 from 'featurevisor-sdk-v1';
import { loadProject } from '../src/project/load.ts';
import { buildDatafileSet, buildProject, writeDatafileSet } from '../src/build/index.ts';
import { main } from '../src/cli/main.ts';
import { removeProject, writeProject } from './helpers/temp-project.ts';

const seed = join(import.meta.dirname, '..', 'examples', 'seed-project');

async function cli(args: string[], cwd = process.cwd()) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false, cwd, env: process.env });
  return { code, stdout, stderr };
}

const minimal = (extra: Record<string, string> = {}) => ({
  'attributes/userId.yml': 'type: string\ndescription: user\n',
  'attributes/country.yml': 'type: string\ndescription: country\n',
  'segments/nl.yml': 'description: nl\nconditions:\n  - attribute: country\n    operator: equals\n    value: nl\n',
  'segments/de.yml': 'description: de\nconditions:\n  - attribute: country\n    operator: equals\n    value: de\n',
  'features/banner.yml': 'description: banner\ntags: [all]\nbucketBy: userId\nrules:\n  production:\n    - key: nl\n      segments: nl\n      percentage: 100\n    - key: rest\n      segments: "*"\n      percentage: 0\n',
  ...extra,
});

test('the seed example project builds one datafile per environment × tag, byte-stable', async () => {
  const first = await buildProject({ projectDir: seed, revision: 'r1' });
  const second = await buildProject({ projectDir: seed, revision: 'r1' });
  const { config } = first.project;
  assert.equal(first.set.files.length, config.environments.length * config.tags.length);
  assert.ok(first.set.files.some((f) => f.path === 'production/featurevisor-tag-checkout.json'));
  first.set.files.forEach((file, i) => assert.ok(file.bytes.equals(second.set.files[i].bytes), `${file.path} is not byte-stable`));
  const checkout = first.set.files.find((f) => f.path === 'production/featurevisor-tag-checkout.json')!;
  assert.deepEqual(Object.keys(JSON.parse(checkout.bytes.toString())), ['schemaVersion', 'revision', 'segments', 'features']);
  assert.deepEqual(Object.keys(checkout.datafile.features), ['new_checkout']);
  assert.deepEqual(Object.keys(checkout.datafile.segments), ['premium_users']);
  assert.deepEqual(JSON.parse(checkout.bytes.toString()), checkout.datafile);
});

test('datafileNamePattern and environments: false decide the paths', async () => {
  const dir = writeProject({
    'featurevisor.config.json': JSON.stringify({ environments: false, tags: ['all', 'web'], datafileNamePattern: 'flags-%s.json' }),
    'attributes/userId.yml': 'type: string\ndescription: user\n',
    'features/a.yml': 'description: a\ntags: [all, web]\nbucketBy: userId\nrules:\n  - key: everyone\n    segments: "*"\n    percentage: 100\n',
  });
  try {
    const { project } = await loadProject(dir);
    const set = buildDatafileSet(project, { revision: 'x' });
    assert.deepEqual(set.files.map((f) => f.path), ['flags-tag-all.json', 'flags-tag-web.json']);
    assert.equal(officialSdk(set.files[0].datafile).isEnabled('a', { userId: 'u' }), true);
  } finally {
    removeProject(dir);
  }
});

test('with stringify: false the datafile in memory is the one written (a YAML date as its ISO string)', async () => {
  const dir = writeProject({
    'featurevisor.config.json': JSON.stringify({ environments: ['production'], tags: ['all'], stringify: false }),
    ...minimal({
      'attributes/signup.yml': 'type: date\ndescription: signup day\n',
      'segments/launch.yml': 'description: launch day\nconditions:\n  - attribute: signup\n    operator: equals\n    value: 2024-01-01\n',
      'features/banner.yml':
        'description: banner\ntags: [all]\nbucketBy: userId\nrules:\n  production:\n    - key: launch\n      segments: launch\n      percentage: 100\n' +
        'force:\n  production:\n    - conditions:\n        - attribute: signup\n          operator: notEquals\n          value: 2024-01-02\n      enabled: false\n',
    }),
  });
  try {
    const [file] = buildDatafileSet((await loadProject(dir)).project, { revision: 'x' }).files;
    assert.deepEqual(file.datafile, JSON.parse(file.bytes.toString()));
    assert.equal((file.datafile.segments.launch.conditions as Array<{ value: unknown }>)[0].value, '2024-01-01T00:00:00.000Z');
  } finally {
    removeProject(dir);
  }
});

test('a feature hash changes when a segment it uses changes, and only then', async () => {
  const dir = writeProject({ 'featurevisor.config.json': '{"environments":["production"]}', ...minimal() });
  try {
    const hash = async () => buildDatafileSet((await loadProject(dir)).project, { revision: 'x' }).files[0].datafile.features.banner.hash;
    const before = await hash();
    writeProject({ 'segments/de.yml': 'description: de\nconditions:\n  - attribute: country\n    operator: equals\n    value: DE\n' }, dir);
    assert.equal(await hash(), before, 'an unused segment does not change the hash');
    writeProject({ 'segments/nl.yml': 'description: nl\nconditions:\n  - attribute: country\n    operator: in\n    value: [nl, be]\n' }, dir);
    assert.notEqual(await hash(), before, 'the used segment changed');
  } finally {
    removeProject(dir);
  }
});

test('schemaVersion 1 output answers the same through SDK 1.27.2, features without variations included', async () => {
  const v2 = await buildProject({ projectDir: seed, revision: 'r1' });
  const v1 = await buildProject({ projectDir: seed, revision: 'r1', schemaVersion: '1' });
  const logger = sdkV1.createLogger({ levels: [] });
  let compared = 0;
  for (const [i, file] of v1.set.files.entries()) {
    const legacy = JSON.parse(file.bytes.toString());
    assert.equal(legacy.schemaVersion, '1');
    assert.deepEqual(legacy.features.map((f: { key: string }) => f.key), Object.keys(v2.set.files[i].datafile.features));
    const one = sdkV1.createInstance({ datafile: legacy, logger });
    const two = officialSdk(v2.set.files[i].datafile);
    for (const key of Object.keys(v2.set.files[i].datafile.features)) {
      for (let u = 0; u < 50; u++) {
        const context = { userId: `u${u}`, plan: ['free', 'pro', 'enterprise'][u % 3], country: ['US', 'DE'][u % 2], email: u % 5 ? 'a@b.c' : 'x@company.com', accountAge: u };
        assert.equal(one.isEnabled(key, context), two.isEnabled(key, context), `${file.path} ${key}`);
        assert.equal(one.getVariation(key, context) ?? null, two.getVariation(key, context) ?? null);
        compared++;
      }
    }
  }
  assert.ok(compared > 1000);
});

test("each written file holds the set's bytes (written from the builder's pieces): JSON.stringify of its datafile", async () => {
  // The seed, a fixture with disabledVariationValue, and a generated v2 project (deprecated, required, force).
  const generated = mkdtempSync(join(tmpdir(), 'fw-parts-gen-'));
  execFileSync(process.execPath, [join(import.meta.dirname, '..', 'bench', 'gen-project.mjs'), '--out', generated, '--features', '200', '--format', 'v2', '--seed', '5', '--force']);
  const projects = [seed, join(import.meta.dirname, 'fixtures', 'spec', 'v2-project'), generated];
  let pieces = 0;
  for (const projectDir of projects) {
    const out = join(mkdtempSync(join(tmpdir(), 'fw-parts-')), 'datafiles');
    const { set } = await buildProject({ projectDir, revision: 'parts' });
    await writeDatafileSet(out, set);
    for (const file of set.files) {
      assert.ok(file.parts, `${file.path} is written from pieces`);
      pieces = Math.max(pieces, file.parts.length);
      const written = readFileSync(join(out, file.path));
      assert.ok(written.equals(file.bytes), file.path);
      // The pieces are cached per-feature JSON: together, exactly what JSON.stringify makes of the datafile.
      assert.equal(written.toString('utf8'), JSON.stringify(file.datafile), `${projectDir} ${file.path}`);
    }
  }
  assert.ok(pieces > 100, 'some datafile has many segments and features');
});

test('writing is atomic: a failing write leaves the previous output untouched', async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'fw-atomic-')), 'datafiles');
  const { set } = await buildProject({ projectDir: seed, revision: 'good' });
  await writeDatafileSet(out, set);
  const before = readFileSync(join(out, 'production/featurevisor-tag-all.json'));
  const evil = { ...set, files: [...set.files, { ...set.files[0], path: '../escape.json' }] };
  await assert.rejects(writeDatafileSet(out, evil), /outside/);
  assert.ok(readFileSync(join(out, 'production/featurevisor-tag-all.json')).equals(before));
  assert.equal(existsSync(join(out, '..', 'escape.json')), false);
  assert.deepEqual(readdirSync(join(out, '..')), ['datafiles'], 'no temporary folders left behind');
});

for (const [name, content] of [
  ['featurevisor.config.js', 'export default { environments: ["production"], tags: ["all"] };\n'],
  ['featurevisor.config.js', 'module.exports = { environments: ["production"], tags: ["all"] };\n'],
  ['featurevisor.config.cjs', 'module.exports = { environments: ["production"], tags: ["all"] };\n'],
  ['featurevisor.config.mjs', 'export default { environments: ["production"], tags: ["all"] };\n'],
  ['featurevisor.config.yml', 'environments: [production]\ntags: [all]\n'],
] as const) {
  test(`config ${name} (${content.startsWith('export') ? 'ESM' : content.startsWith('module') ? 'CommonJS' : 'YAML'}) loads, also inside a "type": "module" package`, async () => {
    const dir = writeProject({ 'package.json': '{"type":"module"}', [name]: content, ...minimal() });
    try {
      const { project } = await loadProject(dir);
      assert.deepEqual(project.config.environments, ['production']);
      assert.equal(project.features.size, 1);
    } finally {
      removeProject(dir);
    }
  });
}

test('the revision is the short git SHA of the tree, marked -dirty with uncommitted changes', async () => {
  const dir = writeProject({ 'featurevisor.config.json': '{"environments":["production"]}', ...minimal() });
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: dir, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t', GIT_CONFIG_NOSYSTEM: '1', HOME: dir } }).toString().trim();
  try {
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'flags');
    const sha = git('rev-parse', '--short', 'HEAD');
    const clean = await buildProject({ projectDir: dir });
    assert.equal(clean.set.revision, sha);
    assert.equal(clean.set.commit, git('rev-parse', 'HEAD'));
    writeFileSync(join(dir, 'segments/nl.yml'), 'description: nl\nconditions:\n  - attribute: country\n    operator: equals\n    value: NL\n');
    assert.equal((await buildProject({ projectDir: dir })).set.revision, `${sha}-dirty`);
  } finally {
    removeProject(dir);
  }
});

test('build --json prints one environment, and --feature keeps only its required chain', async () => {
  const dir = writeProject({
    'featurevisor.config.json': '{"environments":["production"]}',
    ...minimal({
      'features/base.yml': 'description: base\ntags: [all]\nbucketBy: userId\nrules:\n  production:\n    - key: all\n      segments: "*"\n      percentage: 100\n',
      'features/dependent.yml': 'description: dep\ntags: [all]\nbucketBy: userId\nrequired: [base]\nrules:\n  production:\n    - key: all\n      segments: "*"\n      percentage: 100\n',
    }),
  });
  try {
    const one = await cli(['build', '--project', dir, '--environment', 'production', '--feature', 'dependent', '--json', '--revision', 'p']);
    assert.equal(one.code, 0, one.stderr);
    assert.deepEqual(Object.keys(JSON.parse(one.stdout).features).sort(), ['base', 'dependent']);
    const bad = await cli(['build', '--project', dir, '--environment', 'qa', '--json']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--environment must be one of production/);
    const out = join(dir, 'out');
    const written = await cli(['build', '--project', dir, '--out', out, '--revision', 'w1']);
    assert.equal(written.code, 0, written.stderr);
    assert.match(written.stdout, /built 1 datafiles \(revision w1\)/);
    assert.equal(JSON.parse(readFileSync(join(out, 'production/featurevisor-tag-all.json'), 'utf8')).revision, 'w1');
  } finally {
    removeProject(dir);
  }
});
