// The job summary: a phase table, the fork-safe posting instructions when needed, then the full diff report.
// Pure markdown building; main.ts writes it with core.summary.
import { formatLocation } from '../model/diagnostic.ts';
import type { RunResult, PhaseStatus } from './result.ts';

/** GitHub rejects a step summary over 1 MiB; keep a margin for what other steps append. */
export const SUMMARY_LIMIT = 1_000_000;

const ICON: Record<PhaseStatus, string> = { passed: '✅', failed: '❌', skipped: '⏭️', warning: '⚠️' };

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function forkNote(bodyFile: string, reason: string, pullRequest?: number, repository?: string): string {
  const pr = pullRequest ?? '<number>';
  const repo = repository ?? '$GITHUB_REPOSITORY';
  return [
    '> [!NOTE]',
    `> The pull request comment was not posted: ${reason}.`,
    `> The rendered comment is in \`${bodyFile}\` (step output \`body-file\`). To post it safely for fork pull requests:`,
    '> 1. in this workflow, upload it with `actions/upload-artifact` together with the PR number (`' + pr + '`);',
    '> 2. in a separate workflow `on: workflow_run` with `permissions: pull-requests: write`, download the artifact',
    `>    and run \`npx flagwright comment --repo ${repo} --pr ${pr} --body-file comment.md\` with \`GITHUB_TOKEN\` set (it never checks out the PR's code).`,
    '>',
    '> Ready-made pair: `workflows-examples/fork-safe-render.yml` + `workflows-examples/fork-safe-post.yml`.',
  ].join('\n');
}

/** Everything but the diff report, which renderSummary (src/render/summary.ts) provides. */
export function renderRunSummary(result: RunResult, diffSummary?: string): string {
  const lines: string[] = [];
  lines.push(`## Flagwright · ${result.plan.mode}`, '');
  lines.push(`_${cell(result.plan.reason)}_`, '');
  lines.push('| Phase | Result | Details |', '| --- | --- | --- |');
  for (const outcome of result.phases) {
    lines.push(`| ${outcome.phase} | ${ICON[outcome.status]} ${outcome.status} | ${cell(outcome.detail)} |`);
  }
  lines.push('');

  if (result.comment?.notPosted && result.comment.bodyFile) {
    lines.push(forkNote(result.comment.bodyFile, result.comment.notPosted, result.comment.pullRequest, result.comment.repository), '');
  }

  if (result.deploy) {
    const d = result.deploy;
    lines.push(`### ${d.dryRun ? 'Deploy plan (dry run)' : 'Deployed'} · revision \`${d.revision}\``, '');
    lines.push(`${d.uploaded} uploaded, ${d.unchanged} unchanged, ${d.deleted} deleted${d.invalidated.length ? `, ${d.invalidated.length} CDN path(s) invalidated` : ''}.`, '');
    if (d.manifestUrl) lines.push(`Manifest: ${d.manifestUrl}`, '');
    const urls = Object.entries(d.datafileUrls ?? {});
    if (urls.length) {
      lines.push('<details><summary>Datafile URLs</summary>', '', '| Datafile | URL |', '| --- | --- |');
      for (const [path, url] of urls) lines.push(`| \`${cell(path)}\` | ${cell(url)} |`);
      lines.push('', '</details>', '');
    }
  }

  if (result.problems.length) {
    const shown = result.problems.slice(0, 200);
    lines.push(`<details><summary>${result.problems.length} problem(s)</summary>`, '', '```');
    for (const d of shown) lines.push(`${formatLocation(d.file, d.line, d.column)} ${d.severity} ${d.message} (${d.rule})`);
    if (result.problems.length > shown.length) lines.push(`… and ${result.problems.length - shown.length} more (see the step log)`);
    lines.push('```', '', '</details>', '');
  }

  let text = lines.join('\n');
  if (diffSummary) {
    const room = SUMMARY_LIMIT - Buffer.byteLength(text) - 200;
    text += '\n' + (Buffer.byteLength(diffSummary) <= room ? diffSummary : truncateBytes(diffSummary, room) + '\n\n_(diff report truncated to fit the 1 MiB job summary limit)_\n');
  }
  return text;
}

function truncateBytes(text: string, bytes: number): string {
  const buffer = Buffer.from(text);
  if (buffer.length <= bytes) return text;
  // Drop a possibly split multi-byte character at the cut.
  return buffer.subarray(0, Math.max(0, bytes)).toString('utf8').replace(/\uFFFD+$/, '');
}
