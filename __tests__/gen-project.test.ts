// The synthetic project generator (bench/gen-project.mjs): deterministic output, both dialects,
// and — the real check — the official Featurevisor CLI 1.11.1 lints the v1 output cleanly and
// passes every generated spec, so the generator's expectations match the SDK.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const generator = join(root, 'bench', 'gen-project.mjs');
const officialCli = join(root, 'node_modules', '@featurevisor', 'cli', 'bin.js');

interface Generated {
  dir: string;
  specs: number;
}

// Projects go under the OS temp dir: the repo's package.json says "type": "module", which would
// break the CommonJS featurevisor.config.js the official CLI require()s.
function generate(args: string[]): Generated {
  const dir = join(mkdtempSync(join(tmpdir(), 'flagwright-gen-')), 'project');
  const run = spawnSync(process.execPath, [generator, '--out', dir, ...args], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const specs = /(\d+) specs/.exec(run.stdout);
  assert.ok(specs, run.stdout);
  return { dir, specs: Number(specs[1]) };
}

function cleanup(project: Generated): void {
  rmSync(dirname(project.dir), { recursive: true, force: true });
}

function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(path.slice(dir.length), readFileSync(path, 'utf8'));
  }
  return files;
}

const listing = (dir: string, sub: string): string[] => readdirSync(join(dir, sub)).sort();
const load = (path: string): Record<string, unknown> => yaml.load(readFileSync(path, 'utf8')) as Record<string, unknown>;

test('the same options give byte-identical projects, a different seed a different one', () => {
  const args = ['--features', '60', '--format', 'v2', '--seed', 'abc'];
  const a = generate(args);
  const b = generate(args);
  const c = generate(['--features', '60', '--format', 'v2', '--seed', 'xyz']);
  try {
    const first = snapshot(a.dir);
    assert.ok(first.size > 60);
    assert.deepEqual(snapshot(b.dir), first);
    assert.notDeepEqual(snapshot(c.dir), first);
  } finally {
    [a, b, c].forEach(cleanup);
  }
});

test('v1 and v2 hold the same entities in their own dialects', () => {
  const v1 = generate(['--features', '50', '--format', 'v1', '--environments', 'dev,prod', '--tags', '5']);
  const v2 = generate(['--features', '50', '--format', 'v2', '--environments', 'dev,prod', '--tags', '5']);
  try {
    for (const project of [v1, v2]) {
      assert.equal(listing(project.dir, 'features').length, 50);
      assert.equal(listing(project.dir, 'segments').length, 5); // max(5, round(50 / 10))
      assert.equal(listing(project.dir, 'attributes').length, 30);
      assert.equal(listing(project.dir, 'tests').length, project.specs);
      assert.ok(listing(project.dir, 'tests').every((f) => /\.(feature|segment)\.spec\.yml$/.test(f)));
      const config = readFileSync(join(project.dir, 'featurevisor.config.js'), 'utf8');
      assert.match(config, /module\.exports = \{/);
      assert.match(config, /"dev","prod"/);
    }
    assert.deepEqual(listing(v1.dir, 'features'), listing(v2.dir, 'features'));
    assert.equal(v1.specs, v2.specs);

    let sawVariables = false;
    for (const file of listing(v1.dir, 'features')) {
      const one = load(join(v1.dir, 'features', file));
      const two = load(join(v2.dir, 'features', file));
      assert.deepEqual(Object.keys(one.environments as object), ['dev', 'prod']);
      assert.equal(two.environments, undefined);
      assert.deepEqual(Object.keys(two.rules as object), ['dev', 'prod']);
      assert.deepEqual(two.rules, Object.fromEntries(Object.entries(one.environments as Record<string, { rules: unknown }>).map(([env, e]) => [env, e.rules])));
      if (one.variablesSchema) {
        sawVariables = true;
        const list = one.variablesSchema as Array<{ key: string; defaultValue: unknown }>;
        const map = two.variablesSchema as Record<string, { defaultValue: unknown }>;
        assert.ok(Array.isArray(list) && !Array.isArray(map));
        assert.deepEqual(Object.keys(map), list.map((s) => s.key));
        for (const s of list) assert.deepEqual(map[s.key].defaultValue, s.defaultValue);
      }
    }
    assert.ok(sawVariables);
  } finally {
    cleanup(v1);
    cleanup(v2);
  }
});

test('bad options are rejected with the option name', () => {
  const run = spawnSync(process.execPath, [generator, '--out', join(tmpdir(), 'never-written'), '--features', '10', '--format', 'v3'], { encoding: 'utf8' });
  assert.notEqual(run.status, 0);
  assert.match(run.stderr, /--format/);
});

test('the official Featurevisor CLI 1.11.1 lints a generated v1 project and passes all its specs', () => {
  const project = generate(['--features', '40', '--seed', '11']);
  try {
    const cli = (command: string) => spawnSync(process.execPath, [officialCli, command], { cwd: project.dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const lint = cli('lint');
    assert.equal(lint.status, 0, lint.stdout + lint.stderr);
    assert.doesNotMatch(lint.stderr, /Error/);
    const specs = cli('test');
    const output = specs.stdout + specs.stderr;
    assert.equal(specs.status, 0, output);
    assert.match(output, new RegExp(`Test specs: ${project.specs} passed, 0 failed`));
    assert.match(output, /Assertions: [1-9]\d* passed, 0 failed/);
  } finally {
    cleanup(project);
  }
});
