// Inputs are read through the real @actions/core.getInput, driven by INPUT_* variables as the runner sets them.
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { INPUT_DEFAULTS, readSettings } from '../src/action/inputs.ts';
import { FlagwrightError } from '../src/model/diagnostic.ts';

let workspace: string;
const saved = { ...process.env };

function setInput(name: string, value: string): void {
  // The runner upper-cases the name and keeps hyphens: INPUT_PROJECT-PATH.
  process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
}

beforeEach(() => {
  for (const key of Object.keys(process.env)) if (key.startsWith('INPUT_')) delete process.env[key];
  workspace = mkdtempSync(join(tmpdir(), 'fw-inputs-'));
  mkdirSync(join(workspace, 'flags'));
  process.env.GITHUB_WORKSPACE = workspace;
});

afterEach(() => {
  rmSync(workspace, { recursive: true, force: true });
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
});

function errorOf(fn: () => unknown): FlagwrightError {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof FlagwrightError, `expected a FlagwrightError, got ${error}`);
    return error;
  }
  assert.fail('expected an error');
}

test('INPUT_DEFAULTS repeats exactly the defaults action.yml declares', () => {
  const action = parse(readFileSync(join(import.meta.dirname, '..', 'action.yml'), 'utf8'));
  const declared = Object.fromEntries(Object.entries<{ default?: string }>(action.inputs).map(([k, v]) => [k, v.default ?? '']));
  assert.deepEqual(declared, { ...INPUT_DEFAULTS });
});

test('no inputs at all: the action.yml defaults apply', () => {
  const s = readSettings();
  assert.equal(s.command, 'auto');
  assert.equal(s.projectDir, workspace);
  assert.equal(s.projectPath, '');
  assert.equal(s.retention, 10);
  assert.equal(s.dryRun, false);
  assert.equal(s.compress, 'none');
  assert.equal(s.comment, 'update');
  assert.equal(s.failOn, 'error');
  assert.equal(s.schemaVersion, '2');
  assert.equal(s.target, undefined);
  assert.equal(s.githubToken, undefined, 'the ${{ github.token }} expression is not a token');
});

test('hyphenated names arrive through INPUT_NAME-WITH-HYPHENS', () => {
  setInput('project-path', 'flags');
  setInput('dry-run', 'true');
  setInput('cache-control-latest', 'no-cache');
  setInput('rollback-to', 'r42');
  setInput('target', 's3://bucket/prefix');
  setInput('endpoint', 'http://127.0.0.1:4568');
  setInput('command', 'deploy');
  const s = readSettings();
  assert.equal(s.projectPath, 'flags');
  assert.equal(s.projectDir, join(workspace, 'flags'));
  assert.equal(s.dryRun, true);
  assert.equal(s.cacheControlLatest, 'no-cache');
  assert.equal(s.rollbackTo, 'r42');
  assert.equal(s.target, 's3://bucket/prefix');
  assert.equal(s.endpoint, 'http://127.0.0.1:4568');
  assert.equal(s.command, 'deploy');
});

test('core trims values, and YAML-style booleans are accepted in the three spellings', () => {
  setInput('dry-run', '  TRUE ');
  assert.equal(readSettings().dryRun, true);
  setInput('dry-run', 'False');
  assert.equal(readSettings().dryRun, false);
});

test('errors name the input and quote the bad value', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['retention', 'abc', /^Input "retention" must be a whole number ≥ 1, got "abc"$/],
    ['retention', '0', /^Input "retention" must be a whole number ≥ 1, got "0"$/],
    ['retention', '2.5', /^Input "retention" must be a whole number ≥ 1/],
    ['command', 'publish', /^Input "command" must be one of auto, check, deploy, rollback, lint, test, build, diff, got "publish"$/],
    ['comment', 'yes', /^Input "comment" must be one of update, new, off, render, got "yes"$/],
    ['fail-on', 'never', /^Input "fail-on" must be one of error, warning/],
    ['dry-run', 'yes', /^Input "dry-run" must be true or false, got "yes"$/],
    ['compress', 'zstd', /^Input "compress" must be one of none, gzip, br/],
    ['schema-version', '3', /^Input "schema-version" must be one of 1, 2/],
    ['target', 'my-bucket', /^Input "target" must be a URI like s3:\/\/bucket\/prefix, got "my-bucket"$/],
    ['endpoint', 'localhost:9000', /^Input "endpoint" must be a URI like https:/],
    ['base-ref', '--upload-pack=x', /^Input "base-ref" must be a git ref or commit SHA/],
    ['project-path', 'nope', /^Input "project-path" must name a directory in the repository, got "nope"/],
    ['project-path', '../elsewhere', /^Input "project-path" must be inside the repository/],
  ];
  for (const [name, value, message] of cases) {
    for (const key of Object.keys(process.env)) if (key.startsWith('INPUT_')) delete process.env[key];
    setInput(name, value);
    const error = errorOf(() => readSettings());
    assert.match(error.message, message, `${name}=${value}`);
    assert.equal(error.diagnostics[0]?.file, `input:${name}`);
  }
});

test('the token is registered as a secret so the runner masks it', () => {
  setInput('github-token', 'ghs_secretvalue123');
  const written: string[] = [];
  const original = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  try {
    assert.equal(readSettings().githubToken, 'ghs_secretvalue123');
  } finally {
    process.stdout.write = original;
  }
  assert.ok(written.some((line) => line.startsWith('::add-mask::ghs_secretvalue123')), written.join(''));
});
