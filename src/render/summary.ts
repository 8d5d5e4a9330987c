// The job summary: the full report (every section, no comment budget), kept under GitHub's 1 MiB step limit.
import type { DiffReport } from '../diff/types.ts';
import { reportSections, renderFooter, type RenderOptions } from './comment.ts';
import { truncateMarkdown } from './markdown.ts';

/** GitHub aborts summaries over 1 MiB per step; leave room for what the action adds around the report. */
export const SUMMARY_BUDGET = 1024 * 1024 - 64 * 1024;

export function renderSummary(report: DiffReport, options: RenderOptions = {}): string {
  const budget = options.budget ?? SUMMARY_BUDGET;
  const sections = reportSections(report, { ...options });
  const footer = renderFooter(report, { runUrl: options.runUrl });
  // The summary does not need the comment marker; it is the same renderer otherwise.
  let body = sections.map((s) => s.text).join('').replace(/^<!-- flagwright:comment -->\n/, '') + footer;
  if (Buffer.byteLength(body) > budget) {
    // Byte budget: markdown here is mostly ASCII; cut by characters with a safety factor for multibyte text.
    const ratio = body.length / Buffer.byteLength(body);
    body = truncateMarkdown(body, Math.floor(budget * ratio), '_… the rest of the report exceeds the 1 MiB job-summary limit; run `flagwright diff --format json` for all of it._');
  }
  return body;
}
