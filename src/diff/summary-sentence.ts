// The one-sentence summary of a report (plain text; renderers add emphasis).
import type { DiffReport } from './types.ts';

export function summarise(report: DiffReport): string {
  const parts: string[] = [];
  if (report.status === 'invalid') {
    const reasons = report.warnings
      .filter((w) => w.code === 'lint-errors' || w.code === 'tests-failed' || w.code === 'build-failed')
      .map((w) => w.message);
    parts.push(`Invalid: ${reasons.join('; ')}`);
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
  for (const [code, describe] of RISKS) {
    const hits = report.warnings.filter((w) => w.code === code);
    if (!hits.length) continue;
    const subjects = new Set(hits.map((w) => w.feature ?? w.message));
    parts.push(describe(subjects.size));
  }
  return parts.join('; ') + '.';
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** How each kind of warning reads in the summary sentence, by number of features (or files) concerned. */
const RISKS: Array<[string, (n: number) => string]> = [
  ['exposure-increase', (n) => `exposure increases in production for ${plural(n, 'feature', 'features')}`],
  ['rebucketing', (n) => `${plural(n, 'feature re-buckets', 'features re-bucket')} users`],
  ['bucket-by', (n) => `${plural(n, 'feature changes', 'features change')} bucketBy`],
  ['kill-switch', (n) => `${plural(n, 'feature', 'features')} switched off`],
  ['removal', (n) => `${plural(n, 'feature', 'features')} removed or no longer exposed`],
  ['required-missing', (n) => `${plural(n, 'feature loses', 'features lose')} a required feature`],
  ['size-budget', (n) => `${plural(n, 'datafile', 'datafiles')} over the size budget`],
];
