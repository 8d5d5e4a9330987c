// End-to-end lint of real fixture projects: every diagnostic must match an `# expect:` marker on the
// same line of the fixture (severity + rule), and every marker must be hit — nothing more, nothing less.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../src/model/diagnostic.ts';
import { lintProject } from '../src/lint/index.ts';
import { loadProject } from '../src/project/load.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const fixtures = join(root, '__tests__', 'fixtures', 'lint');

async function lint(dir: string): Promise<Diagnostic[]> {
  const { project, diagnostics } = await loadProject(dir);
  return lintProject(project, diagnostics);
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

/** `# expect: error rule-a, warning rule-b` → "file:line severity rule" entries. */
function expectedFromMarkers(dir: string): string[] {
  const expected = new Set<string>();
  for (const path of yamlFiles(dir)) {
    const file = relative(dir, path).split(sep).join('/');
    readFileSync(path, 'utf8')
      .split('\n')
      .forEach((text, index) => {
        const marker = /# expect: (.+)$/.exec(text);
        if (!marker) return;
        for (const item of marker[1].split(',')) {
          const [severity, rule] = item.trim().split(/\s+/);
          expected.add(`${file}:${index + 1} ${severity} ${rule}`);
        }
      });
  }
  return [...expected].sort();
}

const actualKeys = (diagnostics: Diagnostic[]) =>
  [...new Set(diagnostics.map((d) => `${d.file}:${d.line} ${d.severity} ${d.rule}`))].sort();

for (const name of ['schema', 'features', 'conditions', 'required', 'groups', 'v1', 'no-environments']) {
  test(`lint fixture "${name}": diagnostics match the # expect markers (rule, file, line)`, async () => {
    const dir = join(fixtures, name);
    const diagnostics = await lint(dir);
    const expected = expectedFromMarkers(dir);
    assert.ok(expected.length >= 3, 'fixture has markers');
    assert.deepEqual(actualKeys(diagnostics), expected);
    for (const diagnostic of diagnostics) {
      assert.ok(diagnostic.column >= 1, `column for ${diagnostic.file}:${diagnostic.line}`);
      assert.ok(diagnostic.message.length > 0);
    }
  });
}

test('lint keeps the official message texts where they exist', async () => {
  const messages = (await lint(join(fixtures, 'features'))).map((d) => d.message);
  for (const text of [
    'Tag "Web" must be lower cased and alphanumeric, and may contain hyphens.',
    'Variable key "variation" is reserved and cannot be used.',
    'Unknown segment key "unknownSeg"',
    'Duplicate rule keys found: one, one',
    'Missing variations: treatment',
    'Variation weights contain unknown variations: other',
    'Unknown variation "ghost" in force',
    'Duplicate variation values found: treatment, treatment',
  ]) {
    assert.ok(messages.includes(text), `missing message: ${text}`);
  }
  const conditions = (await lint(join(fixtures, 'conditions'))).map((d) => d.message);
  assert.ok(conditions.includes('when operator is "greaterThan", value must be a number'));
  assert.ok(conditions.includes('when operator is "exists", value is not needed'));
  const required = (await lint(join(fixtures, 'required'))).map((d) => d.message);
  assert.ok(required.includes('required feature "ghost" not found'));
  assert.ok(required.some((m) => m.startsWith('circular dependency found: c -> d')));
});

test('a required feature hidden in an environment is an error naming the environment; other tags are fine (the build pulls it in)', async () => {
  const diagnostics = (await lint(join(fixtures, 'required'))).filter((d) => d.rule.startsWith('required-not'));
  assert.ok(diagnostics.length > 0);
  assert.ok(diagnostics.every((d) => d.severity === 'error' && d.rule === 'required-not-exposed'));
  assert.ok(diagnostics.every((d) => d.message.includes('in "production"')));
});

test('the seed example project lints without errors', async () => {
  const diagnostics = await lint(join(root, 'examples', 'seed-project'));
  assert.deepEqual(diagnostics.filter((d) => d.severity === 'error'), []);
});

test('bad input: each broken file gets exactly one clear error at file:line, and linting goes on', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'flagwright-lint-bad-'));
  try {
    cpSync(join(fixtures, 'bad-input'), dir, { recursive: true });
    // Invalid UTF-8 on line 2 (kept out of the repository as a binary file).
    writeFileSync(join(dir, 'features', 'latin1.yml'), Buffer.concat([Buffer.from('description: ok\ntags: ['), Buffer.from([0xe9, 0xff]), Buffer.from(']\n')]));
    const diagnostics = await lint(dir);
    const expected = [...expectedFromMarkers(dir), 'features/empty.yml:1 error empty-file', 'features/latin1.yml:2 error invalid-utf8'].sort();
    assert.deepEqual(actualKeys(diagnostics), expected);
    const perFile = new Map<string, number>();
    for (const d of diagnostics) perFile.set(d.file, (perFile.get(d.file) ?? 0) + 1);
    for (const [file, count] of perFile) assert.equal(count, 1, `${file} has one diagnostic`);
    assert.equal(perFile.size, 8);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a project with a config but no entity files gets one error', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'flagwright-lint-empty-'));
  try {
    writeFileSync(join(dir, 'featurevisor.config.json'), JSON.stringify({ environments: ['production'], tags: ['all'] }));
    const diagnostics = await lint(dir);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].severity, 'error');
    assert.equal(diagnostics[0].rule, 'empty-project');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
