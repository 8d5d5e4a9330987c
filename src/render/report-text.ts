// Plain-text rendering of a diff report for terminals and logs.
import type { DiffReport } from '../diff/types.ts';
import { formatLocation } from '../model/diagnostic.ts';
import { envName, impactText } from './comment.ts';

const STATUS: Record<DiffReport['status'], string> = {
  unchanged: 'no effective changes',
  changed: 'changes',
  risky: 'risky changes',
  invalid: 'INVALID',
};

export function renderReportText(report: DiffReport): string {
  const out: string[] = [];
  const base = report.base?.commit?.slice(0, 7) ?? report.base?.ref ?? report.base?.revision ?? 'none';
  const head = report.head.commit?.slice(0, 7) ?? report.head.ref ?? report.head.revision;
  out.push(`flagwright diff ${base}…${head}: ${STATUS[report.status]}`);
  out.push(plain(report.summary));
  if (report.warnings.length) {
    out.push('');
    for (const w of report.warnings) out.push(`! ${plain(w.message)}`);
  }
  for (const d of report.lint?.diagnostics ?? []) {
    if (d.severity === 'error') out.push(`${formatLocation(d.file, d.line, d.column)} error ${d.message} (${d.rule})`);
  }
  for (const d of report.tests?.failures ?? []) out.push(`${formatLocation(d.file, d.line, d.column)} spec failed: ${d.message}`);
  for (const env of report.environments) {
    out.push('', `[${envName(env.environment)}]${env.production ? ' (production)' : ''}`);
    for (const feature of env.features) {
      out.push(`  ${feature.feature} (${feature.status})`);
      for (const change of feature.changes) out.push(`    - ${plain(change.text)}`);
      for (const impact of feature.impact) out.push(`    ~ ${plain(impactText(impact))}`);
    }
  }
  if (report.segments.length) {
    out.push('', 'segment edits:');
    for (const s of report.segments) {
      const lands = s.affects.map((a) => `${envName(a.environment)}: ${a.features.join(', ')}`).join('; ') || 'no feature';
      out.push(`  ${s.segment}: ${s.before ?? '-'} -> ${s.after ?? '-'} (${lands})`);
    }
  }
  const sizes = report.sizes.filter((s) => s.changed || s.overBudget);
  if (sizes.length) {
    out.push('', 'datafile sizes:');
    for (const s of sizes) out.push(`  ${s.path}: ${s.before ?? '-'} -> ${s.after ?? '-'} bytes${s.overBudget ? ' (over budget)' : ''}`);
  }
  return out.join('\n') + '\n';
}

/** Drops markdown code-span backticks for terminal output. */
function plain(value: string): string {
  return value.replace(/`([^`]*)`/g, '$1');
}
