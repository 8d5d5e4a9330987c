// `flagwright lint` through the real executable: output formats and exit codes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { removeProject, writeProject } from './helpers/temp-project.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const node = join(root, 'node_modules', '.bin', 'node');
const bin = join(root, 'src', 'cli', 'bin.ts');

function run(args: string[], env: Record<string, string> = {}) {
  const { GITHUB_WORKSPACE: _ignored, ...base } = process.env;
  const result = spawnSync(node, [bin, 'lint', ...args], { cwd: root, encoding: 'utf8', env: { ...base, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('exit 0 on a clean project', () => {
  const { code, stdout } = run(['--project', 'examples/seed-project']);
  assert.equal(code, 0);
  assert.match(stdout, /no problems found/);
});

test('exit 1 on errors; text lines are path:line:col relative to the cwd', () => {
  const { code, stdout } = run(['--project', '__tests__/fixtures/lint/features']);
  assert.equal(code, 1);
  assert.ok(stdout.includes('__tests__/fixtures/lint/features/features/checkout.yml:2:13  error  invalid-tag  Tag "Web"'), stdout);
  assert.match(stdout, /\n\d+ problems \(\d+ errors, 4 warnings\)\n$/);
});

test('warnings alone exit 0', () => {
  const dir = writeProject({
    'featurevisor.config.json': JSON.stringify({ environments: ['production'], tags: ['all'] }),
    'attributes/userId.yml': 'description: User id\ntype: string\n',
    'features/f.yml': [
      'description: Rule with enabled',
      'tags: [all]',
      'bucketBy: userId',
      'rules:',
      '  production:',
      '    - key: everyone',
      '      segments: "*"',
      '      percentage: 100',
      '      enabled: false',
      '',
    ].join('\n'),
  });
  try {
    const { code, stdout } = run(['--project', dir, '--format', 'json']);
    assert.equal(code, 0);
    const report = JSON.parse(stdout);
    assert.equal(report.errors, 0);
    assert.equal(report.warnings, 1);
    assert.deepEqual(
      report.diagnostics.map((d: { rule: string; line: number }) => [d.rule, d.line]),
      [['rule-enabled', 9]],
    );
  } finally {
    removeProject(dir);
  }
});

test('--format json reports every diagnostic with counts', () => {
  const { code, stdout } = run(['--project', '__tests__/fixtures/lint/required', '--format', 'json']);
  assert.equal(code, 1);
  const report = JSON.parse(stdout);
  assert.equal(report.errors + report.warnings, report.diagnostics.length);
  assert.ok(report.diagnostics.some((d: { rule: string; file: string }) => d.rule === 'circular-dependency' && d.file.endsWith('features/c.yml')));
});

test('--format github prints annotations relative to GITHUB_WORKSPACE', () => {
  const { code, stdout } = run(['--project', '__tests__/fixtures/lint/v1', '--format', 'github'], { GITHUB_WORKSPACE: join(root, '__tests__') });
  assert.equal(code, 1);
  assert.ok(
    stdout.includes('::error file=fixtures/lint/v1/features/v1.yml,line=5,col=5,title=variable-reserved::Variable key "variation" is reserved'),
    stdout,
  );
});

test('usage errors and a missing config exit non-zero with a clear message', () => {
  const badFormat = run(['--project', 'examples/seed-project', '--format', 'xml']);
  assert.equal(badFormat.code, 2);
  assert.match(badFormat.stderr, /--format must be one of text, json, github/);

  const empty = mkdtempSync(join(tmpdir(), 'flagwright-lint-noconfig-'));
  try {
    const { code, stdout } = run(['--project', empty]);
    assert.notEqual(code, 0);
    assert.match(stdout, /config-missing/);
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
});
