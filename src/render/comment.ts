// The sticky PR comment: marker, status title, one summary sentence, callouts, a table per environment,
// one <details> per feature, a footer. Deterministic (no timestamps) so an unchanged report never edits
// the comment. Sections are prioritised so the comment fits GitHub's 65,536-character limit.
import type { DiffReport, EnvironmentDiff, FeatureDiff, RuleImpact } from '../diff/types.ts';
import { formatLocation } from '../model/diagnostic.ts';
import { showShare } from '../diff/normalize.ts';
import { cell, closeUnclosedStructures, code, fenceFor, truncateMarkdown } from './markdown.ts';

export const COMMENT_MARKER = '<!-- flagwright:comment -->';
/** GitHub rejects bodies over 65,536 characters; stay well under it (later edits, UTF-16 counting). */
export const COMMENT_BUDGET = 60000;

export interface RenderOptions {
  runUrl?: string;
  summaryUrl?: string;
  budget?: number;
}

const TITLE: Record<DiffReport['status'], string> = {
  unchanged: '✅ Flagwright: no effective flag changes',
  changed: '🟡 Flagwright: effective flag changes',
  risky: '⚠️ Flagwright: risky flag changes',
  invalid: '❌ Flagwright: invalid flag changes',
};

interface Section {
  text: string;
  /** Lower is kept first; 0 is always kept. */
  priority: number;
  /** Shown instead when `text` does not fit (e.g. a table cut to its first rows). */
  fallback?: (room: number) => string | undefined;
  /** Sections of one sequence (the rule diffs): once one is left out, the later ones are too, keeping order. */
  sequence?: string;
}

export function renderComment(report: DiffReport, options: RenderOptions = {}): string {
  const budget = options.budget ?? COMMENT_BUDGET;
  const sections = reportSections(report, { ...options, calloutLimit: 15, checkLimit: 20, tableLimit: 40 });
  const footer = renderFooter(report, options);
  const chosen = fitSections(sections, budget - footer.length - 600);
  let body = chosen.body;
  if (chosen.omitted) {
    const where = options.summaryUrl ? `the [job summary](${options.summaryUrl})` : 'the job summary';
    const note = `> [!NOTE]\n> Shortened to fit GitHub's comment size limit (${chosen.omitted} ${chosen.omitted === 1 ? 'section' : 'sections'} left out). The full report is in ${where}.\n`;
    body = insertAfterSummary(body, note);
  }
  body = body + footer;
  if (body.length > budget) {
    body = truncateMarkdown(body, budget, '_… cut to fit GitHub\'s comment size limit; see the job summary._');
  }
  return body;
}

function insertAfterSummary(body: string, note: string): string {
  const at = body.indexOf('\n\n', body.indexOf('**'));
  return at < 0 ? body + '\n' + note : body.slice(0, at + 2) + note + '\n' + body.slice(at + 2);
}

function fitSections(sections: Section[], budget: number): { body: string; omitted: number } {
  const order = sections.map((s, i) => i).sort((a, b) => sections[a].priority - sections[b].priority || a - b);
  const kept = new Map<number, string>();
  let used = 0;
  let omitted = 0;
  const closed = new Set<string>();
  for (const i of order) {
    const s = sections[i];
    if (s.sequence && closed.has(s.sequence)) {
      omitted++;
      continue;
    }
    if (s.priority === 0 || used + s.text.length <= budget) {
      kept.set(i, s.text);
      used += s.text.length;
      continue;
    }
    omitted++;
    if (s.sequence) closed.add(s.sequence);
    const room = budget - used;
    const fallback = room > 400 ? s.fallback?.(room) : undefined;
    if (fallback && fallback.length <= room) {
      kept.set(i, fallback);
      used += fallback.length;
    }
  }
  const body = sections.map((_, i) => kept.get(i) ?? '').join('');
  return { body: closeUnclosedStructures(body), omitted };
}

export interface SectionOptions extends RenderOptions {
  calloutLimit?: number;
  checkLimit?: number;
  /** Features listed per environment table (the rest are counted); unlimited when absent. */
  tableLimit?: number;
}

/** Every section of the report in display order; the summary renderer keeps all of them. */
export function reportSections(report: DiffReport, options: SectionOptions): Section[] {
  const sections: Section[] = [];
  sections.push({ text: `${COMMENT_MARKER}\n## ${TITLE[report.status]}\n\n**${inline(report.summary)}**\n\n`, priority: 0 });
  if (report.warnings.length) sections.push({ text: renderCallouts(report, options.calloutLimit), priority: 0 });
  const checks = renderChecks(report, options.checkLimit);
  if (checks) sections.push({ text: checks, priority: 0 });
  for (const env of report.environments) {
    // Production tables are kept before the others when space runs out.
    const priority = env.production ? 1 : 1.5;
    const limit = options.tableLimit;
    sections.push({ text: renderEnvironmentTable(env, Infinity, limit) ?? '', priority, fallback: (room) => renderEnvironmentTable(env, room, limit) });
  }
  if (report.segments.length) sections.push({ text: renderSegments(report), priority: 2 });
  const sizes = renderSizes(report);
  if (sizes) sections.push({ text: sizes, priority: 3 });
  const details = featureDetails(report);
  details.forEach((text, i) => sections.push({ text: (i === 0 ? '### Rule diffs\n\n' : '') + text, priority: 5 + i / 1e6, sequence: 'details' }));
  return sections;
}

/** True for a rendered comment that reports no effective change (the sticky comment may then be deleted). */
export function isNoChangeComment(body: string): boolean {
  const lines = body.replace(/\r\n/g, '\n').split('\n');
  return lines[0].trim() === COMMENT_MARKER && lines[1]?.trim() === `## ${TITLE.unchanged}`;
}

export function statusTitle(report: DiffReport): string {
  return TITLE[report.status];
}

/** Escapes HTML and mentions outside inline code spans. */
export function inline(textValue: string): string {
  return textValue
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 ? part : part.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/@/g, '@\u200b')))
    .join('');
}

function renderCallouts(report: DiffReport, limit = Infinity): string {
  const lines = report.warnings.slice(0, limit).map((w) => `> - ${icon(w.code)} ${inline(w.message)}`);
  if (report.warnings.length > limit) lines.push(`> - … and ${report.warnings.length - limit} more (see the job summary)`);
  return `> [!WARNING]\n${lines.join('\n')}\n\n`;
}

function icon(code: string): string {
  if (code === 'lint-errors' || code === 'tests-failed' || code === 'build-failed') return '❌';
  return '⚠️';
}

function renderChecks(report: DiffReport, limit = Infinity): string {
  const out: string[] = [];
  const lintErrors = report.lint?.diagnostics.filter((d) => d.severity === 'error') ?? [];
  if (lintErrors.length) {
    out.push(`### ❌ Lint errors in the head (${lintErrors.length})\n`);
    for (const d of lintErrors.slice(0, limit)) out.push(`- ${code(formatLocation(d.file, d.line, d.column))} ${inline(d.message)} (${d.rule})`);
    if (lintErrors.length > limit) out.push(`- … and ${lintErrors.length - limit} more`);
    out.push('');
  }
  const failures = report.tests?.failures ?? [];
  if (report.tests?.failed) {
    out.push(`### ❌ Failing specs (${report.tests.failed} of ${report.tests.passed + report.tests.failed})\n`);
    for (const d of failures.slice(0, limit)) out.push(`- ${code(formatLocation(d.file, d.line, d.column))} ${inline(d.message)}`);
    if (failures.length > limit) out.push(`- … and ${failures.length - limit} more`);
    out.push('');
  }
  const parts: string[] = [];
  if (report.lint && !lintErrors.length) parts.push(`lint ✅${report.lint.warnings ? ` (${report.lint.warnings} ${report.lint.warnings === 1 ? 'warning' : 'warnings'})` : ''}`);
  if (report.tests && !report.tests.failed) parts.push(`specs ✅ (${report.tests.passed} passed)`);
  if (parts.length) out.push(`Head checks: ${parts.join(' · ')}\n`);
  return out.length ? out.join('\n') + '\n' : '';
}

export function envName(env: string): string {
  return env === '' ? 'datafiles' : env;
}

/** One table per environment: Feature | Change | Before → After | Impact. `room` caps its length. */
function renderEnvironmentTable(env: EnvironmentDiff, room = Infinity, limit = Infinity): string | undefined {
  const n = env.features.length;
  const head = `### ${code(envName(env.environment))}${env.production && !/prod/i.test(env.environment) ? ' (production)' : ''}: ${n} ${n === 1 ? 'feature' : 'features'}\n\n| Feature | Change | Before → After | Impact |\n|---|---|---|---|\n`;
  let out = head;
  let shown = 0;
  for (const feature of env.features) {
    const rows = featureRows(feature);
    const block = rows.join('');
    if (shown >= limit || out.length + block.length + 120 > room) break;
    out += block;
    shown++;
  }
  if (shown === 0 && room !== Infinity) return undefined;
  if (shown < n) out += `| … | ${n - shown} more ${n - shown === 1 ? 'feature' : 'features'} in the job summary | | |\n`;
  return out + '\n';
}

const MAX_ROWS_PER_FEATURE = 8;
/** Changes that move users between rules: their effect depends on who matches, not on buckets. */
const POPULATION_CHANGES = new Set(['rule-segments', 'segment-conditions', 'rules-reordered']);

function featureRows(feature: FeatureDiff): string[] {
  const rows: string[][] = [];
  const usedImpact = new Set<RuleImpact>();
  for (const change of feature.changes.slice(0, MAX_ROWS_PER_FEATURE)) {
    const ruleKey = change.kind.startsWith('rule-') ? change.subject?.split('.')[0] : undefined;
    const impacts = ruleKey ? feature.impact.filter((x) => x.rule === ruleKey && !usedImpact.has(x)) : [];
    impacts.forEach((x) => usedImpact.add(x));
    const both = change.before !== undefined && change.after !== undefined;
    const beforeAfter = both ? `${change.before} → ${change.after}` : '';
    const label = both && change.text.endsWith(' ' + beforeAfter) ? change.text.slice(0, -beforeAfter.length - 1) : change.text;
    const impactCell = impacts.length ? impacts.map(impactText).join('<br>') : POPULATION_CHANGES.has(change.kind) ? 'who matches changes' : '';
    rows.push(['', cell(inline(label)), cell(inline(truncate(beforeAfter, 160))), cell(impactCell)]);
  }
  if (feature.changes.length > MAX_ROWS_PER_FEATURE) rows.push(['', `… ${feature.changes.length - MAX_ROWS_PER_FEATURE} more changes (see the rule diff)`, '', '']);
  const rest = feature.impact.filter((x) => !usedImpact.has(x)).map((x) => cell(impactText(x)));
  if (!rows.length) rows.push(['', '', '', '']);
  if (rest.length) rows[0][3] = [rows[0][3], ...rest].filter(Boolean).join('<br>');
  rows[0][0] = code(feature.feature);
  return rows.map((r) => `| ${r.join(' | ')} |\n`);
}

function truncate(value: string, max: number): string {
  return value.length <= max ? value : value.slice(0, max - 1) + '…';
}

/** "rule `r`: +15% on, ⚠️ 5% switch variation" — shares of the rule's own users. */
export function impactText(x: RuleImpact): string {
  const parts: string[] = [];
  if (x.newlyEnabled) parts.push(`+${showShare(x.newlyEnabled)} on`);
  if (x.newlyDisabled) parts.push(`−${showShare(x.newlyDisabled)} off`);
  if (x.switchedVariation) parts.push(`⚠️ ${showShare(x.switchedVariation)} switch variation`);
  if (!parts.length) parts.push(x.status === 'changed' ? 'no bucket change' : 'off for all');
  const label = x.status === 'added' ? 'new rule' : x.status === 'removed' ? 'removed rule' : 'rule';
  const note = x.status === 'changed' && x.populationChanged ? ' (matched users change too)' : '';
  return `${label} ${code(x.rule)}: ${parts.join(', ')}${note}`;
}

function renderSegments(report: DiffReport): string {
  const rows = report.segments.map((s) => {
    const affects = s.affects.length
      ? s.affects.map((a) => `${code(envName(a.environment))}: ${a.features.map((f) => code(f)).join(', ')}`).join('<br>')
      : 'no feature';
    return `| ${code(s.segment)} | ${cell(inline(truncate(s.before ?? '—', 200)))} → ${cell(inline(truncate(s.after ?? '—', 200)))} | ${affects} |`;
  });
  return `### Segment edits\n\n| Segment | Conditions before → after | Lands in |\n|---|---|---|\n${rows.join('\n')}\n\n`;
}

function renderSizes(report: DiffReport): string {
  const { formatBytes } = sizeFormat;
  const changed = report.sizes.filter((s) => s.changed || s.overBudget);
  if (!changed.length) return '';
  const rows = changed.map((s) => {
    const delta = s.before !== undefined && s.after !== undefined ? signed(s.after - s.before) : '';
    return `| ${code(s.path)} | ${s.before === undefined ? '—' : formatBytes(s.before)} | ${s.after === undefined ? '—' : formatBytes(s.after)}${s.overBudget ? ' ⚠️' : ''} | ${delta} |`;
  });
  const table = `| Datafile | Before | After | Δ |\n|---|---|---|---|\n${rows.join('\n')}\n`;
  const over = changed.filter((s) => s.overBudget).length;
  const summary = `Datafile sizes: ${changed.length} changed${over ? `, ${over} over the ${formatBytes(report.sizeBudget)} budget` : ''}`;
  return `<details><summary>${summary}</summary>\n\n${table}\n</details>\n\n`;
}

const sizeFormat = {
  formatBytes(bytes: number): string {
    if (bytes < 1024) return `${bytes} B`;
    if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
    return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
  },
};

function signed(bytes: number): string {
  if (bytes === 0) return '0 B';
  const sign = bytes > 0 ? '+' : '−';
  return sign + sizeFormat.formatBytes(Math.abs(bytes));
}

/** One <details> per feature, with its rule diff in every environment where it changes. */
function featureDetails(report: DiffReport): string[] {
  const byFeature = new Map<string, Array<{ env: EnvironmentDiff; feature: FeatureDiff }>>();
  for (const env of report.environments) {
    for (const feature of env.features) {
      const list = byFeature.get(feature.feature) ?? [];
      list.push({ env, feature });
      byFeature.set(feature.feature, list);
    }
  }
  const out: string[] = [];
  for (const [key, list] of [...byFeature].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const envs = list.map((x) => envName(x.env.environment)).join(', ');
    let text = `<details><summary><code>${htmlEscape(key)}</code> (${htmlEscape(envs)})</summary>\n\n`;
    for (const { env, feature } of list) {
      const body = feature.diffLines.join('\n');
      const fence = fenceFor(body);
      text += `**${htmlEscape(envName(env.environment))}**: ${feature.status}\n\n${fence}diff\n${body}\n${fence}\n\n`;
    }
    text += `</details>\n\n`;
    out.push(text);
  }
  return out;
}

function htmlEscape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function renderFooter(report: DiffReport, options: RenderOptions): string {
  const short = (sha?: string) => (sha ? sha.slice(0, 7) : undefined);
  const base = short(report.base?.commit) ?? report.base?.ref ?? report.base?.revision ?? 'none';
  const head = short(report.head.commit) ?? report.head.ref ?? report.head.revision;
  const parts = [`base ${code(base)}…head ${code(head)}`];
  if (options.runUrl) parts.push(`[workflow run](${options.runUrl})`);
  parts.push('updated automatically by Flagwright');
  return `---\n<sub>${parts.join(' · ')}</sub>\n`;
}
