import { test } from 'node:test';
import assert from 'node:assert/strict';
import { selectAnnotations, type SourcedDiagnostic } from '../src/action/annotations.ts';

function diag(file: string, line: number, severity: 'error' | 'warning', origin: 'lint' | 'test' = 'lint', rule = 'r'): SourcedDiagnostic {
  return { file, line, column: 3, severity, rule, message: `${rule} at ${file}:${line}`, origin };
}

test('paths become repository-relative (project path prepended) with line and column', () => {
  const [a] = selectAnnotations([diag('features/a.yml', 4, 'error')], { projectPath: 'flags' });
  assert.deepEqual(a, {
    level: 'error',
    title: 'Flagwright lint (r)',
    message: 'r at features/a.yml:4',
    file: 'flags/features/a.yml',
    startLine: 4,
    startColumn: 3,
  });
  const [b] = selectAnnotations([diag('features/a.yml', 4, 'error')], { projectPath: '' });
  assert.equal(b!.file, 'features/a.yml');
});

test('diagnostics without a file position are annotated without one', () => {
  const [a] = selectAnnotations([{ ...diag('input:target', 0, 'error') }], { projectPath: 'flags' });
  assert.equal(a!.file, undefined);
  assert.equal(a!.startLine, undefined);
  assert.match(a!.message, /^input:target: /);
});

test('at most 10 per type, then one notice counting what was left out', () => {
  const many = [
    ...Array.from({ length: 13 }, (_, i) => diag(`features/e${String(i).padStart(2, '0')}.yml`, 1, 'error')),
    ...Array.from({ length: 11 }, (_, i) => diag(`features/w${String(i).padStart(2, '0')}.yml`, 1, 'warning')),
  ];
  const out = selectAnnotations(many, { projectPath: '' });
  assert.equal(out.filter((a) => a.level === 'error').length, 10);
  assert.equal(out.filter((a) => a.level === 'warning').length, 10);
  const notices = out.filter((a) => a.level === 'notice');
  assert.equal(notices.length, 1);
  assert.match(notices[0]!.message, /^3 more errors and 1 more warning not annotated/);
  assert.equal(out.at(-1)!.level, 'notice', 'the notice comes last');
});

test('no notice when everything fits', () => {
  const out = selectAnnotations([diag('a.yml', 1, 'error'), diag('b.yml', 1, 'warning')], { projectPath: '' });
  assert.deepEqual(out.map((a) => a.level), ['error', 'warning']);
});

test('most relevant first: changed files, then lint before specs, then file order', () => {
  const input = [
    diag('tests/z.spec.yml', 9, 'error', 'test', 'spec'),
    diag('features/b.yml', 2, 'error', 'lint'),
    diag('features/a.yml', 7, 'error', 'lint'),
    diag('features/a.yml', 2, 'error', 'lint'),
    diag('features/changed.yml', 5, 'error', 'test', 'spec'),
  ];
  const out = selectAnnotations(input, { projectPath: 'flags', changedFiles: new Set(['flags/features/changed.yml']) });
  assert.deepEqual(
    out.map((a) => `${a.file}:${a.startLine}`),
    ['flags/features/changed.yml:5', 'flags/features/a.yml:2', 'flags/features/a.yml:7', 'flags/features/b.yml:2', 'flags/tests/z.spec.yml:9'],
  );
  // With a cap of 2, the changed file and the first lint error are the ones kept.
  const capped = selectAnnotations(input, { projectPath: 'flags', changedFiles: new Set(['flags/features/changed.yml']), perType: 2 });
  assert.deepEqual(capped.filter((a) => a.level === 'error').map((a) => a.file), ['flags/features/changed.yml', 'flags/features/a.yml']);
  assert.match(capped.at(-1)!.message, /^3 more errors/);
});
