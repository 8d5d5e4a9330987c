// formatDiagnostics: the text, json and GitHub workflow-command formats every command prints with.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Diagnostic } from '../src/model/diagnostic.ts';
import { escapeData, escapeProperty, formatDiagnostics } from '../src/render/diagnostics.ts';

const diagnostics: Diagnostic[] = [
  { file: 'features/a.yml', line: 3, column: 5, severity: 'error', rule: 'unknown-segment', message: 'Unknown segment key "x"' },
  { file: 'features/b.yml', line: 7, column: 1, severity: 'warning', rule: 'rule-enabled', message: 'first line\nsecond line' },
  { file: '--target', line: 0, column: 0, severity: 'error', rule: 'input', message: 'must be a URI' },
];

test('text: "path:line:col  severity  rule  message" relative to cwd, then totals', () => {
  const text = formatDiagnostics(diagnostics, 'text', { rootDirectory: '/repo/flags', cwd: '/repo' });
  const lines = text.trimEnd().split('\n');
  assert.equal(lines[0], 'flags/features/a.yml:3:5  error  unknown-segment  Unknown segment key "x"');
  assert.equal(lines[1], 'flags/features/b.yml:7:1  warning  rule-enabled  first line');
  assert.equal(lines[2], '    second line');
  assert.equal(lines[3], '--target  error  input  must be a URI');
  assert.equal(lines[4], '3 problems (2 errors, 1 warning)');
  assert.equal(formatDiagnostics([], 'text'), 'no problems found\n');
});

test('json: diagnostics with counts', () => {
  const parsed = JSON.parse(formatDiagnostics(diagnostics, 'json', { rootDirectory: '/repo/flags', cwd: '/repo/flags' }));
  assert.equal(parsed.errors, 2);
  assert.equal(parsed.warnings, 1);
  assert.deepEqual(parsed.diagnostics[0], {
    file: 'features/a.yml',
    line: 3,
    column: 5,
    severity: 'error',
    rule: 'unknown-segment',
    message: 'Unknown segment key "x"',
  });
  assert.equal(parsed.diagnostics.length, 3);
});

test('github: workflow commands with repo-relative paths and escaping', () => {
  const tricky: Diagnostic[] = [
    { file: 'features/a,b:c.yml', line: 2, column: 4, severity: 'error', rule: 'schema', message: '100% wrong\r\nnext: line, with comma' },
    { file: 'features/b.yml', line: 9, column: 3, severity: 'warning', rule: 'rule-enabled', message: 'dropped' },
  ];
  const lines = formatDiagnostics(tricky, 'github', { rootDirectory: '/ws/flags', workspace: '/ws', cwd: '/elsewhere' }).trimEnd().split('\n');
  assert.equal(lines[0], '::error file=flags/features/a%2Cb%3Ac.yml,line=2,col=4,title=schema::100%25 wrong%0D%0Anext: line, with comma');
  assert.equal(lines[1], '::warning file=flags/features/b.yml,line=9,col=3,title=rule-enabled::dropped');
  assert.equal(lines.length, 3);
  assert.equal(lines[2], '2 problems (1 error, 1 warning)');
});

test('github: a diagnostic without a file names its input in the message', () => {
  const [line] = formatDiagnostics([diagnostics[2]], 'github').split('\n');
  assert.equal(line, '::error title=input::--target: must be a URI');
});

test('escaping helpers follow the workflow-command rules', () => {
  assert.equal(escapeData('a%b\rc\nd:e,f'), 'a%25b%0Dc%0Ad:e,f');
  assert.equal(escapeProperty('a%b\rc\nd:e,f'), 'a%25b%0Dc%0Ad%3Ae%2Cf');
});
