// Routing: which phases an event + `command` input runs, from real-shaped event payloads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { planRun, readRunContext, type RunContext } from '../src/action/context.ts';
import type { ActionSettings } from '../src/action/inputs.ts';

const fixtures = join(import.meta.dirname, 'fixtures', 'action');

function contextFor(eventName: string, fixture: string, extra: NodeJS.ProcessEnv = {}): RunContext {
  return readRunContext({
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: join(fixtures, fixture),
    GITHUB_REPOSITORY: 'acme/flags',
    GITHUB_SHA: 'abcabcabcabcabcabcabcabcabcabcabcabcabca',
    ...extra,
  });
}

type Routing = Pick<ActionSettings, 'command' | 'target' | 'rollbackTo' | 'baseRef' | 'headRef'>;
const auto: Routing = { command: 'auto', target: 's3://b/p' };

test('pull_request → check with the payload base and head SHAs, and a comment', () => {
  const ctx = contextFor('pull_request', 'pull_request.opened.json');
  const plan = planRun(auto, ctx);
  assert.equal(plan.mode, 'check');
  assert.deepEqual(plan.phases, ['lint', 'test', 'build', 'diff', 'comment']);
  assert.equal(plan.base, '1111111111111111111111111111111111111111');
  assert.equal(plan.head, '2222222222222222222222222222222222222222');
  assert.equal(ctx.pullRequest?.number, 7);
  assert.equal(ctx.pullRequest?.fromFork, false);
});

test('pull_request_target routes like pull_request; base-ref/head-ref override the payload', () => {
  const ctx = contextFor('pull_request_target', 'pull_request.synchronize.json');
  const plan = planRun({ ...auto, baseRef: 'origin/main', headRef: 'HEAD' }, ctx);
  assert.equal(plan.mode, 'check');
  assert.equal(plan.base, 'origin/main');
  assert.equal(plan.head, 'HEAD');
});

test('a fork pull request is recognised from head.repo', () => {
  const ctx = contextFor('pull_request', 'pull_request.fork.json');
  assert.equal(ctx.pullRequest?.fromFork, true);
  assert.equal(planRun(auto, ctx).mode, 'check');
});

test('push to the default branch → lint, test, build, deploy; other branches only verify', () => {
  const main = planRun(auto, contextFor('push', 'push.main.json'));
  assert.equal(main.mode, 'deploy');
  assert.deepEqual(main.phases, ['lint', 'test', 'build', 'deploy']);
  const branch = planRun(auto, contextFor('push', 'push.branch.json'));
  assert.equal(branch.mode, 'verify');
  assert.deepEqual(branch.phases, ['lint', 'test', 'build']);
});

test('push to main without a target fails naming the input', () => {
  assert.throws(() => planRun({ command: 'auto' }, contextFor('push', 'push.main.json')), /^FlagwrightError: Input "target" is required to deploy/);
});

test('workflow_dispatch → deploy, or rollback when rollback-to is set', () => {
  const ctx = contextFor('workflow_dispatch', 'workflow_dispatch.json');
  assert.equal(planRun(auto, ctx).mode, 'deploy');
  const rollback = planRun({ ...auto, rollbackTo: 'r1' }, ctx);
  assert.equal(rollback.mode, 'rollback');
  assert.deepEqual(rollback.phases, ['rollback']);
});

test('command overrides the event', () => {
  const pr = contextFor('pull_request', 'pull_request.opened.json');
  assert.deepEqual(planRun({ ...auto, command: 'lint' }, pr).phases, ['lint']);
  assert.deepEqual(planRun({ ...auto, command: 'build' }, pr).phases, ['build']);
  assert.deepEqual(planRun({ ...auto, command: 'deploy' }, pr).phases, ['lint', 'test', 'build', 'deploy']);
  assert.deepEqual(planRun({ ...auto, command: 'diff' }, pr).phases, ['diff', 'comment']);
  const push = contextFor('push', 'push.main.json');
  // command: check on a push diffs the pushed range, without a comment (no pull request).
  const check = planRun({ ...auto, command: 'check' }, push);
  assert.deepEqual(check.phases, ['lint', 'test', 'build', 'diff']);
  assert.equal(check.base, '1111111111111111111111111111111111111111');
});

test('rollback needs rollback-to; diff outside a pull request needs base-ref', () => {
  const dispatch = contextFor('workflow_dispatch', 'workflow_dispatch.json');
  assert.throws(() => planRun({ ...auto, command: 'rollback' }, dispatch), /Input "rollback-to" is required/);
  assert.throws(() => planRun({ ...auto, command: 'diff' }, dispatch), /Input "base-ref" is required for command "diff"/);
  assert.equal(planRun({ ...auto, command: 'diff', baseRef: 'v1' }, dispatch).base, 'v1');
});

test('a new branch push (before = 0000…) has no base: check runs without a diff', () => {
  const plan = planRun({ ...auto, command: 'check' }, contextFor('push', 'push.branch.json'));
  assert.deepEqual(plan.phases, ['lint', 'test', 'build']);
  assert.match(plan.reason, /base-ref/);
});

test('the run link includes the attempt on re-runs', () => {
  const ctx = contextFor('pull_request', 'pull_request.opened.json', { GITHUB_RUN_ID: '99', GITHUB_RUN_ATTEMPT: '2', GITHUB_SERVER_URL: 'https://ghe.example' });
  assert.equal(ctx.runUrl, 'https://ghe.example/acme/flags/actions/runs/99/attempts/2');
});

test('an unreadable event payload is a clear error', () => {
  assert.throws(() => readRunContext({ GITHUB_EVENT_PATH: join(fixtures, 'missing.json') }), /cannot read the event payload .*missing\.json/);
});

test('pull_request_target from a fork is refused: loading its project would run its config with a write token', () => {
  const fork = contextFor('pull_request_target', 'pull_request.fork.json');
  assert.throws(() => planRun(auto, fork), /refusing to load a fork pull request's project under pull_request_target/);
  // Same-repository pull requests are fine, and so is a fork PR on plain pull_request (read-only token).
  assert.equal(planRun(auto, contextFor('pull_request_target', 'pull_request.opened.json')).mode, 'check');
  assert.equal(planRun(auto, contextFor('pull_request', 'pull_request.fork.json')).mode, 'check');
});
