// What the workflow run is about (event, pull request, refs) and which phases it therefore runs.
// Read from the runner's environment directly: @actions/github would pull Octokit into the PR path's cold start.
import { readFileSync } from 'node:fs';
import { FlagwrightError } from '../model/diagnostic.ts';
import type { ActionSettings } from './inputs.ts';

export interface PullRequestInfo {
  number: number;
  baseSha: string;
  headSha: string;
  baseRef?: string;
  headRef?: string;
  /** True when the head lives in another repository: the token is read-only and secrets are absent. */
  fromFork: boolean;
}

export interface RunContext {
  eventName: string;
  payload: Record<string, any>;
  owner?: string;
  repo?: string;
  /** GITHUB_SHA / GITHUB_REF of the run. */
  sha?: string;
  ref?: string;
  apiUrl: string;
  /** Link to this run's page (and so its job summary), when the runner says where it is. */
  runUrl?: string;
  /** Directory for files that outlive the step (RUNNER_TEMP). */
  tempDir?: string;
  pullRequest?: PullRequestInfo;
}

export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  let payload: Record<string, any> = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
    } catch (error) {
      throw new FlagwrightError(`cannot read the event payload ${env.GITHUB_EVENT_PATH}: ${(error as Error).message}`);
    }
  }
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? payload.repository?.full_name ?? '').split('/');
  const serverUrl = env.GITHUB_SERVER_URL || 'https://github.com';
  let runUrl: string | undefined;
  if (owner && repo && env.GITHUB_RUN_ID) {
    runUrl = `${serverUrl}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}`;
    if (env.GITHUB_RUN_ATTEMPT && env.GITHUB_RUN_ATTEMPT !== '1') runUrl += `/attempts/${env.GITHUB_RUN_ATTEMPT}`;
  }
  return {
    eventName,
    payload,
    owner: owner || undefined,
    repo: repo || undefined,
    sha: env.GITHUB_SHA || undefined,
    ref: env.GITHUB_REF || undefined,
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    runUrl,
    tempDir: env.RUNNER_TEMP || undefined,
    pullRequest: pullRequestOf(payload),
  };
}

export function pullRequestOf(payload: Record<string, any>): PullRequestInfo | undefined {
  const pr = payload.pull_request;
  if (!pr || typeof pr.number !== 'number' || !pr.base?.sha || !pr.head?.sha) return undefined;
  const baseRepo = pr.base.repo?.full_name ?? payload.repository?.full_name;
  const headRepo = pr.head.repo?.full_name;
  return {
    number: pr.number,
    baseSha: pr.base.sha,
    headSha: pr.head.sha,
    baseRef: pr.base.ref,
    headRef: pr.head.ref,
    // A deleted fork has head.repo null: treat it as a fork too.
    fromFork: !headRepo || (baseRepo !== undefined && headRepo !== baseRepo),
  };
}

export type Phase = 'lint' | 'test' | 'build' | 'diff' | 'comment' | 'deploy' | 'rollback';

export interface RunPlan {
  /** What the run is, for titles and logs. */
  mode: 'check' | 'deploy' | 'rollback' | 'verify' | 'lint' | 'test' | 'build' | 'diff';
  phases: Phase[];
  /** One line explaining why these phases were chosen. */
  reason: string;
  /** Diff endpoints (present when the plan has a diff phase). */
  base?: string;
  head?: string;
}

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);
const ZERO_SHA = /^0+$/;

/** Picks the phases from the `command` input and the event. Pure: the routing table lives here. */
export function planRun(settings: Pick<ActionSettings, 'command' | 'target' | 'rollbackTo' | 'baseRef' | 'headRef'>, context: RunContext): RunPlan {
  const { command } = settings;
  const event = context.eventName || 'unknown event';
  let plan: RunPlan;
  if (command === 'auto') {
    if (PULL_REQUEST_EVENTS.has(context.eventName)) {
      plan = check(settings, context, `${event} → check`);
    } else if (context.eventName === 'push') {
      const branch = context.payload.repository?.default_branch;
      const ref = context.payload.ref ?? context.ref;
      if (branch && ref === `refs/heads/${branch}`) {
        plan = { mode: 'deploy', phases: ['lint', 'test', 'build', 'deploy'], reason: `push to the default branch (${branch}) → deploy` };
      } else {
        plan = { mode: 'verify', phases: ['lint', 'test', 'build'], reason: `push to ${ref ?? 'a ref'} (not the default branch${branch ? ` ${branch}` : ''}) → lint, test, build` };
      }
    } else if (context.eventName === 'workflow_dispatch') {
      plan = settings.rollbackTo
        ? { mode: 'rollback', phases: ['rollback'], reason: `workflow_dispatch with rollback-to ${settings.rollbackTo} → rollback` }
        : { mode: 'deploy', phases: ['lint', 'test', 'build', 'deploy'], reason: 'workflow_dispatch → deploy' };
    } else {
      plan = { mode: 'verify', phases: ['lint', 'test', 'build'], reason: `${event} → lint, test, build (set "command" to choose)` };
    }
  } else if (command === 'check') {
    plan = check(settings, context, 'command: check');
  } else if (command === 'deploy') {
    plan = { mode: 'deploy', phases: ['lint', 'test', 'build', 'deploy'], reason: 'command: deploy' };
  } else if (command === 'rollback') {
    plan = { mode: 'rollback', phases: ['rollback'], reason: 'command: rollback' };
  } else if (command === 'diff') {
    const endpoints = diffEndpoints(settings, context);
    if (!endpoints.base) {
      throw new FlagwrightError(`Input "base-ref" is required for command "diff" on ${event} (only pull_request events carry a base)`);
    }
    const phases: Phase[] = context.pullRequest ? ['diff', 'comment'] : ['diff'];
    plan = { mode: 'diff', phases, reason: 'command: diff', ...endpoints };
  } else {
    plan = { mode: command, phases: [command], reason: `command: ${command}` };
  }

  if (context.eventName === 'pull_request_target' && context.pullRequest?.fromFork && plan.phases.includes('diff')) {
    // The head's featurevisor.config.js is JavaScript: loading it here would run a fork's code with a write token.
    throw new FlagwrightError(
      'refusing to load a fork pull request\'s project under pull_request_target (its featurevisor.config.js would run with a ' +
        'write token and secrets). Run the check on pull_request with comment: render, and post from a workflow_run job ' +
        '(workflows-examples/fork-safe-render.yml + fork-safe-post.yml).',
    );
  }
  if (plan.phases.includes('rollback') && !settings.rollbackTo) {
    throw new FlagwrightError('Input "rollback-to" is required to roll back: name the revision to make live again (the deploy summary and manifest.json list the kept revisions)');
  }
  if ((plan.phases.includes('deploy') || plan.phases.includes('rollback')) && !settings.target) {
    throw new FlagwrightError(`Input "target" is required to ${plan.mode} (${plan.reason}); e.g. target: s3://my-bucket/flags`);
  }
  return plan;
}

function check(settings: Pick<ActionSettings, 'baseRef' | 'headRef'>, context: RunContext, reason: string): RunPlan {
  const endpoints = diffEndpoints(settings, context);
  if (!endpoints.base) {
    return { mode: 'check', phases: ['lint', 'test', 'build'], reason: `${reason} (no base to diff against: set "base-ref")` };
  }
  const phases: Phase[] = ['lint', 'test', 'build', 'diff'];
  if (context.pullRequest) phases.push('comment');
  return { mode: 'check', phases, reason, ...endpoints };
}

function diffEndpoints(settings: Pick<ActionSettings, 'baseRef' | 'headRef'>, context: RunContext): { base?: string; head: string } {
  const pr = context.pullRequest;
  const before = context.eventName === 'push' ? context.payload.before : undefined;
  const base = settings.baseRef ?? pr?.baseSha ?? (typeof before === 'string' && !ZERO_SHA.test(before) ? before : undefined);
  const head = settings.headRef ?? pr?.headSha ?? context.sha ?? 'HEAD';
  return { base, head };
}
