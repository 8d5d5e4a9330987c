// The comment phase against the loopback GitHub fake: modes, the body file, and which failures are soft.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postComment } from '../src/action/comment.ts';
import type { RunContext } from '../src/action/context.ts';
import type { ActionSettings } from '../src/action/inputs.ts';
import type { RunResult } from '../src/action/result.ts';
import type { DiffReport } from '../src/diff/types.ts';
import { startFakeGitHub, type FakeGitHub } from './helpers/fake-github.ts';

const TOKEN = 'ghs_comment_test';
let github: FakeGitHub;
let temp: string;

before(async () => {
  github = await startFakeGitHub({ token: TOKEN });
  temp = mkdtempSync(join(tmpdir(), 'fw-comment-'));
});

after(async () => {
  await github.close();
  rmSync(temp, { recursive: true, force: true });
});

const report: DiffReport = {
  schemaVersion: 1,
  status: 'unchanged',
  head: { revision: 'abc1234', commit: 'abc1234'.padEnd(40, '0') },
  summary: 'No effective changes.',
  warnings: [],
  environments: [],
  segments: [],
  sizes: [],
  sizeBudget: 204800,
  totals: { featuresChanged: 0, environmentsChanged: 0, changes: 0 },
};

function settings(extra: Partial<ActionSettings>): ActionSettings {
  return { comment: 'update', githubToken: TOKEN, ...extra } as ActionSettings;
}

function context(issue: number, extra: Partial<RunContext> = {}): RunContext {
  return {
    eventName: 'pull_request',
    payload: {},
    owner: 'acme',
    repo: 'flags',
    apiUrl: github.url,
    tempDir: join(temp, String(issue)),
    pullRequest: { number: issue, baseSha: 'b'.repeat(40), headSha: 'h'.repeat(40), fromFork: false },
    ...extra,
  };
}

function freshResult(): RunResult {
  return { plan: { mode: 'check', phases: ['diff', 'comment'], reason: 'test' }, phases: [], problems: [], failures: [], diff: report };
}

test('update: one comment, found again and left alone when the body is the same', async () => {
  const first = freshResult();
  await postComment(settings({}), context(1), first);
  assert.equal(first.comment?.action, 'created');
  const again = freshResult();
  await postComment(settings({}), context(1), again);
  assert.equal(again.comment?.action, 'unchanged');
  assert.equal(github.comments('acme', 'flags', 1).length, 1);
  assert.equal(again.comment?.url, first.comment?.url);
  assert.equal(readFileSync(again.comment!.bodyFile!, 'utf8'), github.comments('acme', 'flags', 1)[0]!.body);
});

test('new: a fresh comment each run', async () => {
  for (let i = 0; i < 2; i++) await postComment(settings({ comment: 'new' }), context(2), freshResult());
  assert.equal(github.comments('acme', 'flags', 2).length, 2);
});

test('render writes the body file only; off writes nothing', async () => {
  const rendered = freshResult();
  await postComment(settings({ comment: 'render' }), context(3), rendered);
  assert.equal(github.comments('acme', 'flags', 3).length, 0);
  assert.match(readFileSync(rendered.comment!.bodyFile!, 'utf8'), /^<!-- flagwright:comment -->/);
  assert.equal(rendered.comment?.notPosted, undefined, 'render is a choice, not a failure');
  const off = freshResult();
  await postComment(settings({ comment: 'off' }), context(4), off);
  assert.equal(off.comment, undefined);
  assert.deepEqual(off.phases.map((p) => p.status), ['skipped']);
});

test('a token that may not write (401/403) degrades to the body file with a warning, never a failure', async () => {
  const result = freshResult();
  await postComment(settings({ githubToken: 'ghs_wrong' }), context(5), result);
  assert.deepEqual(result.failures, []);
  assert.match(result.comment?.notPosted ?? '', /pull-requests: write/);
  assert.equal(result.phases.at(-1)?.status, 'warning');
  const noToken = freshResult();
  await postComment(settings({ githubToken: undefined }), context(6), noToken);
  assert.equal(noToken.comment?.notPosted, 'no github-token');
});

test('any other API failure fails the step (after the summary), naming what failed', async () => {
  // A port nothing listens on: the request itself fails.
  const port = await new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
  const result = freshResult();
  await postComment(settings({}), context(7, { apiUrl: `http://127.0.0.1:${port}` }), result);
  assert.equal(result.failures.length, 1);
  assert.match(result.failures[0]!, /^the pull request comment failed: /);
  assert.equal(result.phases.at(-1)?.status, 'failed');
});
