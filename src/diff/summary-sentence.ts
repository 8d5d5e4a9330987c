// The one-sentence summary of a report (plain text; renderers add emphasis).
import type { DiffReport } from './types.ts';

export function summarise(report: DiffReport): string {
  const parts: string[] = [];
  if (report.status === 'invalid') {
    const reasons = report.warnings
      .filter((w) => w.code === 'lint-errors' || w.code === 'tests-failed' || w.code === 'build-failed')
      .map((w) => w.message);
    parts.push(`Invalid head: ${reasons.join('; ')}`);
  }
  if (report.environments.length) {
    const perEnv = report.environments.map((e, i) => {
      const n = e.features.length;
      const where = e.environment === '' ? '' : ` in ${e.environment}`;
      return i === 0 ? `${n} ${n === 1 ? 'feature changes' : 'features change'}${where}` : `${n}${where}`;
    });
    parts.push(perEnv.join(', '));
  } else if (report.status !== 'invalid') {
    parts.push('No effective changes: the built datafiles behave the same');
  }
  const affecting = report.segments.filter((s) => s.affects.length);
  if (affecting.length) {
    const features = new Set(affecting.flatMap((s) => s.affects.flatMap((a) => a.features)));
    const envs = new Set(affecting.flatMap((s) => s.affects.map((a) => a.environment)));
    parts.push(
      `${affecting.length} segment ${affecting.length === 1 ? 'edit affects' : 'edits affect'} ${features.size} ${features.size === 1 ? 'feature' : 'features'} in ${envs.size} ${envs.size === 1 ? 'environment' : 'environments'}`,
    );
  }
  const risks = report.warnings.filter((w) => w.code !== 'lint-errors' && w.code !== 'tests-failed' && w.code !== 'build-failed');
  if (risks.length) parts.push(`${risks.length} ${risks.length === 1 ? 'warning' : 'warnings'}`);
  return parts.join('; ') + '.';
}
