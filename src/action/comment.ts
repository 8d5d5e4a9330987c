// The sticky pull request comment: render, write the body file, post unless told not to or not allowed to.
import * as core from '@actions/core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { upsertStickyComment } from '../github/comment.ts';
import { renderComment } from '../render/comment.ts';
import type { RunContext } from './context.ts';
import { describeError, isPermissionError } from './errors.ts';
import type { ActionSettings } from './inputs.ts';
import type { RunResult } from './result.ts';

export const COMMENT_FILE = 'flagwright-comment.md';

/** A token that may not write (forks, missing permissions) never fails the job: the body file is the fallback. */
export async function postComment(settings: ActionSettings, context: RunContext, result: RunResult): Promise<void> {
  const pr = context.pullRequest;
  if (!result.diff || !pr) return;
  if (settings.comment === 'off') {
    result.phases.push({ phase: 'Comment', status: 'skipped', detail: 'comment: off' });
    return;
  }
  const body = renderComment(result.diff, { runUrl: context.runUrl, summaryUrl: context.runUrl });
  const dir = context.tempDir ?? tmpdir();
  mkdirSync(dir, { recursive: true });
  const bodyFile = join(dir, COMMENT_FILE);
  writeFileSync(bodyFile, body);
  result.comment = { action: 'rendered', bodyFile, pullRequest: pr.number };

  if (settings.comment === 'render') {
    result.phases.push({ phase: 'Comment', status: 'passed', detail: `rendered to \`${bodyFile}\` (comment: render)` });
    return;
  }
  const notPosted = (reason: string) => {
    core.warning(`flagwright: the pull request comment was not posted (${reason}); the body is in ${bodyFile}. See the job summary for how to post it from a workflow_run job.`);
    result.comment = { action: 'rendered', bodyFile, notPosted: reason, pullRequest: pr.number, repository: context.owner && context.repo ? `${context.owner}/${context.repo}` : undefined };
    result.phases.push({ phase: 'Comment', status: 'warning', detail: `not posted: ${reason}` });
  };
  if (!settings.githubToken) return notPosted('no github-token');
  if (!context.owner || !context.repo) return notPosted('GITHUB_REPOSITORY is not set');
  try {
    const posted = await upsertStickyComment({
      token: settings.githubToken,
      apiUrl: context.apiUrl,
      owner: context.owner,
      repo: context.repo,
      issueNumber: pr.number,
      body,
      mode: settings.comment,
    });
    result.comment = { action: posted.action, url: posted.url, bodyFile, pullRequest: pr.number };
    result.phases.push({ phase: 'Comment', status: 'passed', detail: posted.url ? `${posted.action}: ${posted.url}` : posted.action });
  } catch (error) {
    if (!isPermissionError(error)) {
      const message = describeError(error);
      core.error(message);
      result.phases.push({ phase: 'Comment', status: 'failed', detail: message.split('\n')[0]! });
      result.failures.push(`the pull request comment failed: ${message.split('\n')[0]}`);
      return;
    }
    notPosted(pr.fromFork ? 'the token of a fork pull request is read-only' : 'the token may not write pull request comments (needs `permissions: pull-requests: write`)');
  }
}

