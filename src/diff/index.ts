// diffDatafileSets: compares the BUILT datafiles of base and head, so indirect changes (a segment edit,
// a default flowing into several environments) show up where they land. Pure.
import type { DatafileFeature, DatafileSegment } from '../model/datafile.ts';
import type { DatafileSet } from '../model/datafile-set.ts';
import { compareFeature, featureEntryChanged, type FeatureSide } from './feature.ts';
import { canonical, featureSegments, showConditions, showShare } from './normalize.ts';
import { summarise } from './summary-sentence.ts';
import type {
  DatafileSize,
  DiffOptions,
  DiffReport,
  EnvironmentDiff,
  FeatureDiff,
  ReportWarning,
  SegmentChange,
} from './types.ts';

export type { DiffReport, DiffOptions } from './types.ts';

export const DEFAULT_SIZE_BUDGET = 200 * 1024;

interface EnvView {
  /** Union of the env's tag datafiles (a feature's entry is the same in each); null prototype. */
  features: Record<string, DatafileFeature>;
  segments: Record<string, DatafileSegment>;
  /** The env's datafiles, sorted by tag. */
  files: DatafileSet['files'];
}

const emptyView = (): EnvView => ({ features: Object.create(null), segments: Object.create(null), files: [] });

/** Groups a set's datafiles by environment. Native object copies: this runs over every feature of every tag. */
function viewByEnvironment(set: DatafileSet | undefined): Map<string, EnvView> {
  const envs = new Map<string, EnvView>();
  if (!set) return envs;
  const files = [...set.files].sort((a, b) => cmp(a.tag, b.tag));
  for (const file of files) {
    let view = envs.get(file.environment);
    if (!view) envs.set(file.environment, (view = emptyView()));
    view.files.push(file);
    Object.assign(view.segments, file.datafile.segments);
    Object.assign(view.features, file.datafile.features);
  }
  return envs;
}

function has(view: EnvView, key: string): boolean {
  return Object.hasOwn(view.features, key);
}

/** Tags whose datafile lists the feature. */
function tagsOf(view: EnvView, key: string): string[] {
  return view.files.filter((f) => Object.hasOwn(f.datafile.features, key)).map((f) => f.tag);
}

/** Features whose tag-datafile membership differs; whole key lists are compared first, per tag. */
function retaggedFeatures(b: EnvView, h: EnvView): Set<string> {
  const out = new Set<string>();
  const baseByTag = new Map(b.files.map((f) => [f.tag, f]));
  const headByTag = new Map(h.files.map((f) => [f.tag, f]));
  for (const tag of new Set([...baseByTag.keys(), ...headByTag.keys()])) {
    const bk = Object.keys(baseByTag.get(tag)?.datafile.features ?? {});
    const hk = Object.keys(headByTag.get(tag)?.datafile.features ?? {});
    if (bk.length === hk.length && bk.join('\u0000') === hk.join('\u0000')) continue;
    const bs = new Set(bk);
    const hs = new Set(hk);
    for (const k of bk) if (!hs.has(k)) out.add(k);
    for (const k of hk) if (!bs.has(k)) out.add(k);
  }
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function diffDatafileSets(base: DatafileSet | undefined, head: DatafileSet, options: DiffOptions = {}): DiffReport {
  const sizeBudget = options.sizeBudget ?? DEFAULT_SIZE_BUDGET;
  const baseEnvs = viewByEnvironment(base);
  const headEnvs = viewByEnvironment(head);
  const envOrder = unique([...head.files.map((f) => f.environment), ...(base?.files ?? []).map((f) => f.environment)]);
  const isProduction = (env: string) =>
    options.productionEnvironments ? options.productionEnvironments.includes(env) : /^prod/i.test(env);
  const archived = new Set(options.archivedInHead ?? []);
  const unreadable = new Set(options.unreadableInHead ?? []);
  const inAnyHeadEnv = new Set<string>();
  const inAnyBaseEnv = new Set<string>();
  for (const v of headEnvs.values()) for (const k in v.features) inAnyHeadEnv.add(k);
  for (const v of baseEnvs.values()) for (const k in v.features) inAnyBaseEnv.add(k);

  const warnings: ReportWarning[] = [];
  const environments: EnvironmentDiff[] = [];
  const segmentChanges = new Map<string, SegmentChange>();
  /** env \0 tag of every datafile whose content this change touches. */
  const touched = new Set<string>();

  for (const env of envOrder) {
    const b: EnvView = baseEnvs.get(env) ?? emptyView();
    const h: EnvView = headEnvs.get(env) ?? emptyView();
    const retagged = retaggedFeatures(b, h);
    const changedSegments = new Set<string>();
    for (const key of Object.keys(h.segments)) {
      const before = b.segments[key];
      if (before && canonical(parseConditions(before.conditions)) !== canonical(parseConditions(h.segments[key].conditions))) {
        changedSegments.add(key);
      }
    }
    const production = isProduction(env);
    const features: FeatureDiff[] = [];
    const keys = Object.keys(h.features);
    for (const k in b.features) if (!has(h, k)) keys.push(k);
    keys.sort(cmp);
    for (const key of keys) {
      if (unreadable.has(key)) continue;
      const before = has(b, key) ? { feature: b.features[key], tags: [] as string[] } : undefined;
      const after = has(h, key) ? { feature: h.features[key], tags: [] as string[] } : undefined;
      if (before && after) {
        const usesChanged = changedSegments.size > 0 && usesAny(after.feature, changedSegments);
        if (!usesChanged && !retagged.has(key) && !entryDiffers(before.feature, after.feature)) continue;
      }
      if (before) before.tags = tagsOf(b, key);
      if (after) after.tags = tagsOf(h, key);
      const tagsBefore = before?.tags ?? [];
      const tagsAfter = after?.tags ?? [];
      const baseSide: FeatureSide | undefined = before && { feature: before.feature, segments: b.segments };
      const headSide: FeatureSide | undefined = after && { feature: after.feature, segments: h.segments };
      const comparison = compareFeature(baseSide, headSide, changedSegments);
      let status: FeatureDiff['status'] = 'changed';
      if (!before) {
        status = inAnyBaseEnv.has(key) ? 'exposed' : 'added';
        comparison.changes.unshift({
          kind: status === 'added' ? 'feature-added' : 'feature-exposed',
          after: tagsAfter.join(', '),
          text: status === 'added' ? `feature added (tags: ${tagsAfter.join(', ')})` : `now exposed in this environment (tags: ${tagsAfter.join(', ')})`,
        });
      } else if (!after) {
        status = inAnyHeadEnv.has(key) ? 'unexposed' : archived.has(key) ? 'archived' : 'removed';
        const text = { unexposed: 'no longer exposed in this environment', archived: 'feature archived', removed: 'feature removed' }[status];
        comparison.changes.unshift({
          kind: status === 'unexposed' ? 'feature-unexposed' : status === 'archived' ? 'feature-archived' : 'feature-removed',
          before: tagsBefore.join(', '),
          text,
        });
      } else if (tagsBefore.join() !== tagsAfter.join()) {
        const added = tagsAfter.filter((t) => !tagsBefore.includes(t));
        const removed = tagsBefore.filter((t) => !tagsAfter.includes(t));
        const parts = [...added.map((t) => `+${t}`), ...removed.map((t) => `−${t}`)];
        comparison.changes.push({ kind: 'tags-changed', before: tagsBefore.join(', '), after: tagsAfter.join(', '), text: `tag datafiles ${parts.join(' ')}` });
      }
      if (!comparison.changes.length && !comparison.impact.length) continue;
      const diff: FeatureDiff = { feature: key, status, tagsBefore, tagsAfter, ...comparison };
      features.push(diff);
      collectWarnings(env, production, diff, before?.feature, after?.feature, h, warnings);
    }
    for (const segment of [...changedSegments].sort(cmp)) {
      const users = features.filter((f) => f.changes.some((c) => c.kind === 'segment-conditions' && c.subject === segment)).map((f) => f.feature);
      let change = segmentChanges.get(segment);
      if (!change) {
        change = { segment, before: showConditions(b.segments[segment].conditions), after: showConditions(h.segments[segment].conditions), affects: [] };
        segmentChanges.set(segment, change);
      }
      if (users.length) change.affects.push({ environment: env, features: users });
    }
    if (features.length) environments.push({ environment: env, production, features });
    for (const f of features) for (const tag of [...f.tagsBefore, ...f.tagsAfter]) touched.add(`${env}\u0000${tag}`);
    for (const file of head.files) {
      if (file.environment !== env) continue;
      for (const segment of changedSegments) if (file.datafile.segments[segment]) touched.add(`${env}\u0000${file.tag}`);
    }
  }

  // Required features that the head datafile of an environment no longer contains.
  for (const [env, view] of headEnvs) {
    const baseView = baseEnvs.get(env);
    for (const key in view.features) {
      const feature = view.features[key];
      for (const req of feature.required ?? []) {
        const reqKey = typeof req === 'string' ? req : req.key;
        if (!has(view, reqKey) && baseView && has(baseView, reqKey)) {
          warnings.push({
            code: 'required-missing',
            environment: env,
            feature: key,
            message: `\`${key}\` requires \`${reqKey}\`, which is no longer in ${envLabel(env)}: \`${key}\` will always be disabled there`,
          });
        }
      }
    }
  }

  const merged = mergeAcrossEnvironments(warnings);
  warnings.length = 0;
  warnings.push(...merged);

  const sizes = datafileSizes(base, head, sizeBudget, touched);
  for (const size of sizes) {
    // Only datafiles this change touches: an untouched oversized file is not this PR's doing.
    if (size.overBudget && size.changed) {
      warnings.push({
        code: 'size-budget',
        environment: size.environment,
        message: `datafile \`${size.path}\` is ${formatBytes(size.after!)}, over the ${formatBytes(sizeBudget)} budget`,
      });
    }
  }

  const report: DiffReport = {
    schemaVersion: 1,
    status: 'unchanged',
    base: base ? { revision: base.revision, commit: base.commit, ref: options.baseRef } : undefined,
    head: { revision: head.revision, commit: head.commit, ref: options.headRef },
    summary: '',
    warnings,
    environments,
    segments: [...segmentChanges.values()].sort((a, b) => cmp(a.segment, b.segment)),
    sizes,
    sizeBudget,
    totals: {
      featuresChanged: new Set(environments.flatMap((e) => e.features.map((f) => f.feature))).size,
      environmentsChanged: environments.length,
      changes: environments.reduce((n, e) => n + e.features.reduce((m, f) => m + f.changes.length, 0), 0),
    },
  };
  applyChecks(report, options);
  return report;
}

/** Adds head lint/spec results, then settles the status and the summary sentence. */
export function applyChecks(report: DiffReport, options: Pick<DiffOptions, 'lint' | 'tests'>): DiffReport {
  const checks: ReportWarning[] = [];
  if (options.lint) {
    const errors = options.lint.filter((d) => d.severity === 'error').length;
    report.lint = { errors, warnings: options.lint.length - errors, diagnostics: options.lint };
    if (errors) checks.push({ code: 'lint-errors', message: `the head does not lint: ${errors} ${errors === 1 ? 'error' : 'errors'}` });
  }
  if (options.tests) {
    report.tests = options.tests;
    if (options.tests.failed) {
      checks.push({ code: 'tests-failed', message: `${options.tests.failed} of ${options.tests.passed + options.tests.failed} spec assertions fail on the head` });
    }
  }
  report.warnings.unshift(...checks);
  const invalid = report.warnings.some((w) => w.code === 'lint-errors' || w.code === 'tests-failed' || w.code === 'build-failed');
  report.status = invalid ? 'invalid' : report.warnings.length ? 'risky' : report.environments.length ? 'changed' : 'unchanged';
  report.summary = summarise(report);
  return report;
}

/** A report for a head that could not be built at all (load or lint errors). */
export function invalidReport(
  head: { revision: string; commit?: string; ref?: string },
  base: { revision: string; commit?: string; ref?: string } | undefined,
  message: string,
  options: Pick<DiffOptions, 'lint' | 'tests' | 'sizeBudget'> = {},
): DiffReport {
  const report: DiffReport = {
    schemaVersion: 1,
    status: 'invalid',
    base,
    head,
    summary: '',
    warnings: [{ code: 'build-failed', message }],
    environments: [],
    segments: [],
    sizes: [],
    sizeBudget: options.sizeBudget ?? DEFAULT_SIZE_BUDGET,
    totals: { featuresChanged: 0, environmentsChanged: 0, changes: 0 },
  };
  return applyChecks(report, options);
}

function collectWarnings(
  env: string,
  production: boolean,
  diff: FeatureDiff,
  before: DatafileFeature | undefined,
  after: DatafileFeature | undefined,
  headView: EnvView,
  warnings: ReportWarning[],
): void {
  const f = `\`${diff.feature}\``;
  // Messages with a {where} slot are merged across environments (one callout per feature, not three).
  if (diff.status === 'removed' || diff.status === 'archived' || diff.status === 'unexposed') {
    const dependants = Object.entries(headView.features).filter(([, v]) => (v.required ?? []).some((r) => (typeof r === 'string' ? r : r.key) === diff.feature));
    const verb = { removed: 'removed from', archived: 'archived: gone from', unexposed: 'no longer exposed in' }[diff.status];
    const requiredBy = dependants.length ? `, and ${dependants.map(([k]) => `\`${k}\``).join(', ')} still require it` : '';
    warnings.push({ code: 'removal', environment: env, feature: diff.feature, message: `${f} ${verb} {where}; SDKs will treat it as disabled${requiredBy}` });
    return;
  }
  if (before && after && canonical(before.bucketBy) !== canonical(after.bucketBy)) {
    warnings.push({ code: 'bucket-by', environment: env, feature: diff.feature, message: `${f} in {where}: bucketBy changed, so every user is re-bucketed` });
  }
  const rebucketed = diff.impact.filter((i) => i.switchedVariation > 0);
  for (const i of rebucketed) {
    warnings.push({
      code: 'rebucketing',
      environment: env,
      feature: diff.feature,
      message: `${f} in {where}: ${showShare(i.switchedVariation)} of rule \`${i.rule}\`'s users switch variation (re-bucketing)`,
    });
  }
  if (before && after) {
    const wasOn = (before.traffic ?? []).some((t) => t.percentage > 0 && t.enabled !== false);
    const isOn = (after.traffic ?? []).some((t) => t.percentage > 0 && t.enabled !== false);
    if (wasOn && !isOn) {
      warnings.push({ code: 'kill-switch', environment: env, feature: diff.feature, message: `${f} is switched off for everyone in {where} (kill switch: every rule is now at 0%)` });
      return;
    }
  }
  if (production) {
    const increases = diff.impact.filter((i) => i.newlyEnabled > 0);
    if (increases.length) {
      const parts = increases.map((i) => {
        const ruleText = i.status === 'added' ? `new rule \`${i.rule}\`` : `rule \`${i.rule}\``;
        return `${ruleText} (${i.segments === '*' ? 'everyone' : i.segments}): +${showShare(i.newlyEnabled)} of its users`;
      });
      const label = diff.status === 'added' ? 'new feature ' : diff.status === 'exposed' ? 'newly exposed ' : '';
      warnings.push({ code: 'exposure-increase', environment: env, feature: diff.feature, message: `${label}${f} in {where}: exposure increases: ${parts.join('; ')}` });
    }
  }
}

/** Whether a feature uses one of `segments`. */
function usesAny(feature: DatafileFeature, segments: Set<string>): boolean {
  for (const s of featureSegments(feature)) if (segments.has(s)) return true;
  return false;
}

/**
 * Whether two built entries of a feature differ. Cheapest test first: equal content hashes (the builder's
 * hash covers the entry), then equal JSON (same builder, same key order), then the canonical comparison.
 */
function entryDiffers(a: DatafileFeature, b: DatafileFeature): boolean {
  if (a.hash !== undefined && a.hash === b.hash) return false;
  if (JSON.stringify(a) === JSON.stringify(b)) return false;
  return featureEntryChanged(a, b);
}

/** Joins warnings that differ only by environment into one, listing the environments. */
function mergeAcrossEnvironments(warnings: ReportWarning[]): ReportWarning[] {
  const out: ReportWarning[] = [];
  const groups = new Map<string, { warning: ReportWarning; envs: string[] }>();
  for (const w of warnings) {
    if (!w.message.includes('{where}')) {
      out.push(w);
      continue;
    }
    const key = `${w.code}\u0000${w.feature}\u0000${w.message}`;
    const group = groups.get(key);
    if (group) group.envs.push(w.environment ?? '');
    else {
      const entry = { warning: { ...w }, envs: [w.environment ?? ''] };
      groups.set(key, entry);
      out.push(entry.warning);
    }
  }
  for (const { warning, envs } of groups.values()) {
    warning.message = warning.message.replace('{where}', listOf(envs.map(envLabel)));
    if (envs.length > 1) {
      delete warning.environment;
      warning.environments = envs;
    }
  }
  return out;
}

function listOf(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function parseConditions(value: unknown): unknown {
  if (typeof value !== 'string' || value === '*') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function datafileSizes(base: DatafileSet | undefined, head: DatafileSet, budget: number, touched: Set<string>): DatafileSize[] {
  const byPath = new Map<string, DatafileSize>();
  for (const file of base?.files ?? []) {
    byPath.set(file.path, { path: file.path, environment: file.environment, tag: file.tag, before: file.bytes.length, changed: true, overBudget: false });
  }
  for (const file of head.files) {
    const entry: DatafileSize = byPath.get(file.path) ?? { path: file.path, environment: file.environment, tag: file.tag, changed: true, overBudget: false };
    entry.after = file.bytes.length;
    entry.overBudget = entry.after > budget;
    // Every datafile carries the revision; only a file whose features or segments changed counts as changed.
    entry.changed = entry.before === undefined || touched.has(`${file.environment}\u0000${file.tag}`);
    byPath.set(file.path, entry);
  }
  return [...byPath.values()].sort((a, b) => cmp(a.path, b.path));
}

export function envLabel(env: string): string {
  return env === '' ? 'the datafiles' : `\`${env}\``;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

function unique<T>(list: T[]): T[] {
  return [...new Set(list)];
}
