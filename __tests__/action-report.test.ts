// Outputs, job summary and error messages of the action, from hand-made run results.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeError, isPermissionError } from '../src/action/errors.ts';
import { changedFeatures, collectOutputs } from '../src/action/outputs.ts';
import type { RunResult } from '../src/action/result.ts';
import { renderRunSummary, SUMMARY_LIMIT } from '../src/action/summary.ts';
import type { DiffReport, FeatureDiff } from '../src/diff/types.ts';
import { FlagwrightError } from '../src/model/diagnostic.ts';

function feature(key: string): FeatureDiff {
  return { feature: key, status: 'changed', tagsBefore: ['all'], tagsAfter: ['all'], changes: [], impact: [], diffLines: [] };
}

function report(environments: Array<[string, string[]]>, changes: number): DiffReport {
  return {
    schemaVersion: 1,
    status: changes ? 'changed' : 'unchanged',
    head: { revision: 'abc1234' },
    summary: '',
    warnings: [],
    environments: environments.map(([environment, keys]) => ({ environment, production: environment === 'production', features: keys.map(feature) })),
    segments: [],
    sizes: [],
    sizeBudget: 204800,
    totals: { featuresChanged: 0, environmentsChanged: 0, changes },
  };
}

function result(extra: Partial<RunResult>): RunResult {
  return { plan: { mode: 'check', phases: ['lint'], reason: 'pull_request → check' }, phases: [], problems: [], failures: [], ...extra };
}

test('changed-features: every feature changed in any environment, once, sorted', () => {
  const r = report([['staging', ['b', 'a']], ['production', ['a', 'c']]], 4);
  assert.deepEqual(changedFeatures(r), ['a', 'b', 'c']);
  const outputs = collectOutputs(result({ diff: r, revision: 'abc1234' }));
  assert.equal(outputs['has-changes'], 'true');
  assert.equal(outputs['changed-features'], '["a","b","c"]');
  assert.equal(outputs.revision, 'abc1234');
  assert.equal(outputs['manifest-url'], undefined, 'no deploy, no deploy outputs');
});

test('no effective changes → has-changes false and an empty list', () => {
  const outputs = collectOutputs(result({ diff: report([['production', []]], 0) }));
  assert.equal(outputs['has-changes'], 'false');
  assert.equal(outputs['changed-features'], '[]');
});

test('deploy outputs: the deployed revision wins over the built one; URLs as JSON', () => {
  const outputs = collectOutputs(
    result({
      revision: 'built',
      deploy: { revision: 'deployed', uploaded: 6, unchanged: 0, deleted: 1, invalidated: [], manifestUrl: 'https://cdn/m.json', datafileUrls: { 'p/a.json': 'https://cdn/p/a.json' }, dryRun: false },
      comment: { action: 'created', url: 'https://github.com/c/1', bodyFile: '/tmp/c.md' },
    }),
  );
  assert.deepEqual(outputs, {
    revision: 'deployed',
    'manifest-url': 'https://cdn/m.json',
    'datafile-urls': '{"p/a.json":"https://cdn/p/a.json"}',
    uploaded: '6',
    'comment-url': 'https://github.com/c/1',
    'body-file': '/tmp/c.md',
  });
});

test('summary: phase table with escaped cells; the fork note only when the comment was not posted', () => {
  const base = result({ phases: [{ phase: 'Lint', status: 'failed', detail: 'a | b' }] });
  const plain = renderRunSummary(base);
  assert.match(plain, /\| Lint \| ❌ failed \| a \\\| b \|/);
  assert.doesNotMatch(plain, /not posted/);
  const rendered = renderRunSummary({ ...base, comment: { action: 'rendered', bodyFile: '/rt/flagwright-comment.md', pullRequest: 12 } });
  assert.doesNotMatch(rendered, /not posted/, 'comment: render is a choice, not a failure');
  const fork = renderRunSummary({ ...base, comment: { action: 'rendered', bodyFile: '/rt/flagwright-comment.md', notPosted: 'read-only token', pullRequest: 12, repository: 'acme/flags' } });
  assert.match(fork, /not posted: read-only token/);
  assert.match(fork, /`\/rt\/flagwright-comment\.md`/);
  assert.match(fork, /npx flagwright comment --repo acme\/flags --pr 12 --body-file comment\.md/);
  assert.match(fork, /on: workflow_run/);
});

test('summary stays under the 1 MiB step-summary limit whatever the diff report size', () => {
  const huge = '| row | ✅ |\n'.repeat(200_000);
  const text = renderRunSummary(result({}), huge);
  assert.ok(Buffer.byteLength(text) <= SUMMARY_LIMIT, `${Buffer.byteLength(text)} bytes`);
  assert.match(text, /truncated to fit/);
  const small = renderRunSummary(result({}), '## diff\n');
  assert.match(small, /## diff/);
  assert.doesNotMatch(small, /truncated/);
});

test('errors: 403 from the API gets the permissions/fork hint; FlagwrightError lists positions', () => {
  const api = Object.assign(new Error('POST /repos/a/b/issues/1/comments: 403 Resource not accessible by integration'), { status: 403 });
  assert.equal(isPermissionError(api), true);
  assert.equal(isPermissionError(Object.assign(new Error('boom'), { status: 500 })), false);
  const text = describeError(api);
  assert.match(text, /Hint: .*permissions: pull-requests: write/);
  assert.match(text, /forks/);
  const located = new FlagwrightError('the project has 1 error; nothing was built', [
    { file: 'features/a.yml', line: 3, column: 5, severity: 'error', rule: 'schema', message: 'bad key' },
  ]);
  assert.match(describeError(located), /features\/a\.yml:3:5 error bad key \(schema\)/);
  assert.match(describeError(new Error('Could not load credentials from any providers')), /Hint: No cloud credentials.*id-token: write/);
  assert.equal(describeError('plain'), 'plain');
});
