// Diff of one built feature in one environment: semantic changes, exact rule impact, and a readable rule diff.
import type { DatafileFeature, DatafileSegment, Traffic, Variation } from '../model/datafile.ts';
import { compareRule, ruleSide } from './impact.ts';
import { canonical, featureSegments, segmentRefs, showConditions, showExpression, showPercentage, showValue } from './normalize.ts';
import { lineDiff } from './line-diff.ts';
import type { Change, RuleImpact } from './types.ts';

export interface FeatureSide {
  feature: DatafileFeature;
  segments: Record<string, DatafileSegment>;
}

export interface FeatureComparison {
  changes: Change[];
  impact: RuleImpact[];
  diffLines: string[];
}

/** True when the built entries differ (ignoring `hash`, which official builds compute without segments). */
export function featureEntryChanged(a: DatafileFeature, b: DatafileFeature): boolean {
  return canonicalFeature(a) !== canonicalFeature(b);
}

export function canonicalFeature(feature: DatafileFeature): string {
  const { hash: _hash, ...rest } = feature;
  return canonical(normaliseFeature(rest as DatafileFeature));
}

/** Parses stringified conditions/segments so formatting choices do not count as changes. */
function normaliseFeature(feature: DatafileFeature): unknown {
  return {
    ...feature,
    traffic: feature.traffic?.map((t) => ({ ...t, segments: parse(t.segments) })),
    force: feature.force?.map((f) => ({ ...f, segments: parse(f.segments), conditions: parse(f.conditions) })),
    variations: feature.variations?.map(normaliseVariation),
  };
}

function normaliseVariation(variation: Variation): unknown {
  if (!variation.variableOverrides) return variation;
  const overrides: Record<string, unknown> = {};
  for (const [key, list] of Object.entries(variation.variableOverrides)) {
    overrides[key] = list.map((o) => ({ ...o, segments: parse(o.segments), conditions: parse(o.conditions) }));
  }
  return { ...variation, variableOverrides: overrides };
}

function parse(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const t = value.trim();
  if (t.startsWith('[') || t.startsWith('{') || t.startsWith('"')) {
    try {
      return JSON.parse(t);
    } catch {
      return value;
    }
  }
  return value;
}

/** Compares one feature's base and head entries in one environment. Either side may be missing. */
export function compareFeature(
  base: FeatureSide | undefined,
  head: FeatureSide | undefined,
  changedSegments: Set<string>,
): FeatureComparison {
  const changes: Change[] = [];
  const impact: RuleImpact[] = [];
  const before = base?.feature;
  const after = head?.feature;

  if (before && after) {
    featureLevelChanges(before, after, changes);
    ruleChanges(before, after, changedSegments, changes, impact);
    for (const segment of [...featureSegments(after)].sort()) {
      if (changedSegments.has(segment)) {
        const users = usersOf(after, segment);
        changes.push({
          kind: 'segment-conditions',
          subject: segment,
          before: conditionsOf(base!.segments[segment]),
          after: conditionsOf(head!.segments[segment]),
          text: `segment \`${segment}\` conditions changed (used by ${users})`,
        });
      }
    }
  } else if (after) {
    for (const rule of after.traffic ?? []) impact.push(ruleImpact(rule, undefined, ruleSide(after, rule), 'added', true));
  } else if (before) {
    for (const rule of before.traffic ?? []) impact.push(ruleImpact(rule, ruleSide(before, rule), undefined, 'removed', true));
  }

  const diffLines = lineDiff(base ? describeFeature(base) : [], head ? describeFeature(head) : []);
  return { changes, impact, diffLines };
}

function usersOf(feature: DatafileFeature, segment: string): string {
  const rules = (feature.traffic ?? []).filter((t) => segmentRefs(t.segments, new Set()).has(segment)).map((t) => `rule \`${t.key}\``);
  const forced = (feature.force ?? []).some((f) => f.segments !== undefined && segmentRefs(f.segments, new Set()).has(segment));
  const parts = [...rules];
  if (forced) parts.push('force');
  if (!parts.length) parts.push('variable overrides');
  return parts.join(', ');
}

function conditionsOf(segment: DatafileSegment | undefined): string | undefined {
  return segment ? showConditions(segment.conditions) : undefined;
}

function ruleImpact(
  rule: Traffic,
  before: ReturnType<typeof ruleSide> | undefined,
  after: ReturnType<typeof ruleSide> | undefined,
  status: RuleImpact['status'],
  populationChanged: boolean,
): RuleImpact {
  const counts = compareRule(before, after);
  return { rule: rule.key, segments: showExpression(rule.segments), status, ...counts, populationChanged };
}

function featureLevelChanges(before: DatafileFeature, after: DatafileFeature, changes: Change[]): void {
  if (!!before.deprecated !== !!after.deprecated) {
    changes.push(after.deprecated ? { kind: 'deprecated', text: 'marked deprecated' } : { kind: 'undeprecated', text: 'no longer deprecated' });
  }
  if (canonical(before.bucketBy) !== canonical(after.bucketBy)) {
    const b = showValue(before.bucketBy);
    const a = showValue(after.bucketBy);
    changes.push({ kind: 'bucket-by', before: b, after: a, text: `bucketBy ${b} → ${a}: every user is re-bucketed` });
  }
  if (canonical(before.required ?? []) !== canonical(after.required ?? [])) {
    const b = showRequired(before);
    const a = showRequired(after);
    changes.push({ kind: 'required', before: b, after: a, text: `required ${b} → ${a}` });
  }
  if (before.disabledVariationValue !== after.disabledVariationValue) {
    const b = showValue(before.disabledVariationValue);
    const a = showValue(after.disabledVariationValue);
    changes.push({ kind: 'disabled-variation-value', before: b, after: a, text: `disabledVariationValue ${b} → ${a}` });
  }
  if (canonical(before.ranges ?? []) !== canonical(after.ranges ?? [])) {
    const b = showRanges(before.ranges);
    const a = showRanges(after.ranges);
    changes.push({ kind: 'group-ranges', before: b, after: a, text: `group ranges ${b} → ${a}` });
  }
  variationChanges(before.variations ?? [], after.variations ?? [], changes);
  schemaChanges(before, after, changes);
  const forceBefore = canonical((normaliseFeature(before) as DatafileFeature).force ?? []);
  const forceAfter = canonical((normaliseFeature(after) as DatafileFeature).force ?? []);
  if (forceBefore !== forceAfter) {
    const b = (before.force ?? []).length;
    const a = (after.force ?? []).length;
    changes.push({
      kind: 'force',
      before: `${b} ${b === 1 ? 'entry' : 'entries'}`,
      after: `${a} ${a === 1 ? 'entry' : 'entries'}`,
      text: b === a ? `force entries changed (${a})` : `force entries ${b} → ${a}`,
    });
  }
}

function showRequired(feature: DatafileFeature): string {
  const list = (feature.required ?? []).map((r) => (typeof r === 'string' ? r : r.variation ? `${r.key}=${r.variation}` : r.key));
  return list.length ? list.join(', ') : '(none)';
}

function showRanges(ranges: DatafileFeature['ranges']): string {
  if (!ranges || !ranges.length) return '(none)';
  return ranges.map(([s, e]) => `[${s}, ${e})`).join(' ');
}

function variationChanges(before: Variation[], after: Variation[], changes: Change[]): void {
  const b = new Map(before.map((v) => [v.value, v]));
  const a = new Map(after.map((v) => [v.value, v]));
  const weights = (list: Variation[]) => list.map((v) => `${v.value} ${v.weight ?? 0}`).join(' / ') || '(none)';
  const added = after.filter((v) => !b.has(v.value)).map((v) => v.value);
  const removed = before.filter((v) => !a.has(v.value)).map((v) => v.value);
  const weightChanged = after.some((v) => b.has(v.value) && b.get(v.value)!.weight !== v.weight);
  if (added.length || removed.length || weightChanged) {
    const parts = [];
    if (added.length) parts.push(`added ${added.map((v) => `\`${v}\``).join(', ')}`);
    if (removed.length) parts.push(`removed ${removed.map((v) => `\`${v}\``).join(', ')}`);
    if (weightChanged) parts.push('weights changed');
    changes.push({ kind: 'variations', before: weights(before), after: weights(after), text: `variations: ${parts.join('; ')}` });
  }
  for (const variation of after) {
    const old = b.get(variation.value);
    if (!old) continue;
    const keys = new Set([...Object.keys(old.variables ?? {}), ...Object.keys(variation.variables ?? {})]);
    for (const key of [...keys].sort()) {
      const ov = old.variables?.[key];
      const nv = variation.variables?.[key];
      if (canonical(ov) !== canonical(nv)) {
        changes.push({
          kind: 'variation-variables',
          subject: `${variation.value}.${key}`,
          before: showValue(ov),
          after: showValue(nv),
          text: `variation \`${variation.value}\` variable \`${key}\` ${showValue(ov)} → ${showValue(nv)}`,
        });
      }
    }
    const okeys = new Set([...Object.keys(old.variableOverrides ?? {}), ...Object.keys(variation.variableOverrides ?? {})]);
    for (const key of [...okeys].sort()) {
      const ov = (normaliseVariation(old) as Variation).variableOverrides?.[key];
      const nv = (normaliseVariation(variation) as Variation).variableOverrides?.[key];
      if (canonical(ov ?? []) !== canonical(nv ?? [])) {
        changes.push({
          kind: 'variable-overrides',
          subject: `${variation.value}.${key}`,
          before: `${ov?.length ?? 0} override(s)`,
          after: `${nv?.length ?? 0} override(s)`,
          text: `variation \`${variation.value}\` overrides of \`${key}\`: ${ov?.length ?? 0} → ${nv?.length ?? 0}`,
        });
      }
    }
  }
}

function schemaChanges(before: DatafileFeature, after: DatafileFeature, changes: Change[]): void {
  const b = before.variablesSchema ?? {};
  const a = after.variablesSchema ?? {};
  const keys = new Set([...Object.keys(b), ...Object.keys(a)]);
  for (const key of [...keys].sort()) {
    const ov = b[key];
    const nv = a[key];
    if (canonical(ov) === canonical(nv)) continue;
    if (!ov) {
      changes.push({ kind: 'variable-schema', subject: key, after: showSchema(nv), text: `variable \`${key}\` added (${showSchema(nv)})` });
    } else if (!nv) {
      changes.push({ kind: 'variable-schema', subject: key, before: showSchema(ov), text: `variable \`${key}\` removed` });
    } else {
      changes.push({
        kind: 'variable-schema',
        subject: key,
        before: showSchema(ov),
        after: showSchema(nv),
        text: `variable \`${key}\` ${showSchema(ov)} → ${showSchema(nv)}`,
      });
    }
  }
}

function showSchema(entry: NonNullable<DatafileFeature['variablesSchema']>[string]): string {
  const parts = [`${entry.type} = ${showValue(entry.defaultValue)}`];
  if (entry.disabledValue !== undefined) parts.push(`disabled ${showValue(entry.disabledValue)}`);
  if (entry.useDefaultWhenDisabled) parts.push('default when disabled');
  if (entry.deprecated) parts.push('deprecated');
  return parts.join(', ');
}

function ruleChanges(
  before: DatafileFeature,
  after: DatafileFeature,
  changedSegments: Set<string>,
  changes: Change[],
  impact: RuleImpact[],
): void {
  const bRules = before.traffic ?? [];
  const aRules = after.traffic ?? [];
  const bByKey = new Map(bRules.map((r) => [r.key, r]));
  const aByKey = new Map(aRules.map((r) => [r.key, r]));
  const common = aRules.filter((r) => bByKey.has(r.key)).map((r) => r.key);
  const commonBefore = bRules.filter((r) => aByKey.has(r.key)).map((r) => r.key);
  if (common.join('\u0000') !== commonBefore.join('\u0000')) {
    changes.push({
      kind: 'rules-reordered',
      before: commonBefore.join(', '),
      after: common.join(', '),
      text: `rules reordered: ${commonBefore.map((k) => `\`${k}\``).join(', ')} → ${common.map((k) => `\`${k}\``).join(', ')}`,
    });
  }

  // A rule's population is unchanged only when its segments and everything above it are unchanged.
  const signature = (r: Traffic) => r.key + '\u0000' + canonical(parse(r.segments));
  const usesChangedSegment = (r: Traffic) => [...segmentRefs(r.segments, new Set())].some((s) => changedSegments.has(s));
  const prefixStable: boolean[] = [];
  let stable = true;
  for (let i = 0; i < aRules.length; i++) {
    prefixStable.push(stable);
    const b = bRules[i];
    if (!b || signature(b) !== signature(aRules[i]) || usesChangedSegment(aRules[i])) stable = false;
  }

  aRules.forEach((rule, index) => {
    const old = bByKey.get(rule.key);
    if (!old) {
      changes.push({
        kind: 'rule-added',
        subject: rule.key,
        after: `${showPercentage(rule.percentage)} of ${showExpression(rule.segments)}`,
        text: `rule \`${rule.key}\` added at position ${index + 1} (${showExpression(rule.segments)}, ${showPercentage(rule.percentage)})`,
      });
      impact.push(ruleImpact(rule, undefined, ruleSide(after, rule), 'added', true));
      return;
    }
    const key = rule.key;
    if (old.percentage !== rule.percentage) {
      changes.push({
        kind: 'rule-percentage',
        subject: key,
        before: showPercentage(old.percentage),
        after: showPercentage(rule.percentage),
        text: `rule \`${key}\` percentage ${showPercentage(old.percentage)} → ${showPercentage(rule.percentage)}`,
      });
    }
    const segChanged = canonical(parse(old.segments)) !== canonical(parse(rule.segments));
    if (segChanged) {
      changes.push({
        kind: 'rule-segments',
        subject: key,
        before: showExpression(old.segments),
        after: showExpression(rule.segments),
        text: `rule \`${key}\` segments ${showExpression(old.segments)} → ${showExpression(rule.segments)}`,
      });
    }
    if (old.enabled !== rule.enabled) {
      changes.push({ kind: 'rule-enabled', subject: key, before: showValue(old.enabled), after: showValue(rule.enabled), text: `rule \`${key}\` enabled ${showValue(old.enabled)} → ${showValue(rule.enabled)}` });
    }
    if (old.variation !== rule.variation) {
      changes.push({ kind: 'rule-variation', subject: key, before: showValue(old.variation), after: showValue(rule.variation), text: `rule \`${key}\` variation ${showValue(old.variation)} → ${showValue(rule.variation)}` });
    }
    const varKeys = new Set([...Object.keys(old.variables ?? {}), ...Object.keys(rule.variables ?? {})]);
    for (const v of [...varKeys].sort()) {
      const ov = old.variables?.[v];
      const nv = rule.variables?.[v];
      if (canonical(ov) !== canonical(nv)) {
        changes.push({ kind: 'rule-variables', subject: `${key}.${v}`, before: showValue(ov), after: showValue(nv), text: `rule \`${key}\` variable \`${v}\` ${showValue(ov)} → ${showValue(nv)}` });
      }
    }
    if (canonical(old.variationWeights) !== canonical(rule.variationWeights)) {
      const b = showWeights(old.variationWeights);
      const a = showWeights(rule.variationWeights);
      changes.push({ kind: 'rule-variation-weights', subject: key, before: b, after: a, text: `rule \`${key}\` variationWeights ${b} → ${a}` });
    }
    if (canonical(old.allocation ?? []) !== canonical(rule.allocation ?? [])) {
      const b = showAllocation(old);
      const a = showAllocation(rule);
      changes.push({ kind: 'rule-allocation', subject: key, before: b, after: a, text: `rule \`${key}\` allocation ${b} → ${a}` });
    }
    const sideBefore = ruleSide(before, old);
    const sideAfter = ruleSide(after, rule);
    const counts = compareRule(sideBefore, sideAfter);
    const populationChanged = segChanged || !prefixStable[index] || usesChangedSegment(rule);
    if (counts.newlyEnabled || counts.newlyDisabled || counts.switchedVariation) {
      impact.push({ rule: key, segments: showExpression(rule.segments), status: 'changed', ...counts, populationChanged });
    }
  });
  for (const old of bRules) {
    if (aByKey.has(old.key)) continue;
    changes.push({
      kind: 'rule-removed',
      subject: old.key,
      before: `${showPercentage(old.percentage)} of ${showExpression(old.segments)}`,
      text: `rule \`${old.key}\` removed (${showExpression(old.segments)}, ${showPercentage(old.percentage)})`,
    });
    impact.push(ruleImpact(old, ruleSide(before, old), undefined, 'removed', true));
  }
}

function showWeights(weights: Record<string, number> | undefined): string {
  if (!weights) return '(none)';
  return Object.entries(weights).map(([k, v]) => `${k} ${v}`).join(' / ');
}

function showAllocation(rule: Traffic): string {
  if (!rule.allocation?.length) return '(none)';
  return rule.allocation.map((a) => `${a.variation} ${a.range[0]}–${a.range[1]}`).join(', ');
}

/** A stable, line-oriented description of a built feature, the input of the details diff. */
export function describeFeature(side: FeatureSide): string[] {
  const f = side.feature;
  const lines: string[] = [];
  if (f.deprecated) lines.push('deprecated: true');
  lines.push(`bucketBy: ${showValue(f.bucketBy)}`);
  if (f.required?.length) lines.push(`required: ${showRequired(f)}`);
  if (f.disabledVariationValue !== undefined) lines.push(`disabledVariationValue: ${showValue(f.disabledVariationValue)}`);
  if (f.ranges?.length) lines.push(`group ranges: ${showRanges(f.ranges)}`);
  for (const rule of f.traffic ?? []) {
    lines.push(`rule ${rule.key}:`);
    lines.push(`  segments: ${showExpression(rule.segments)}`);
    lines.push(`  percentage: ${showPercentage(rule.percentage)}`);
    if (rule.enabled !== undefined) lines.push(`  enabled: ${rule.enabled}`);
    if (rule.variation !== undefined) lines.push(`  variation: ${showValue(rule.variation)}`);
    if (rule.variationWeights) lines.push(`  variationWeights: ${showWeights(rule.variationWeights)}`);
    for (const [k, v] of Object.entries(rule.variables ?? {})) lines.push(`  variable ${k}: ${showValue(v)}`);
    if (rule.allocation?.length) lines.push(`  allocation: ${showAllocation(rule)}`);
  }
  for (const variation of f.variations ?? []) {
    lines.push(`variation ${variation.value}: weight ${variation.weight ?? 0}`);
    for (const [k, v] of Object.entries(variation.variables ?? {})) lines.push(`  variable ${k}: ${showValue(v)}`);
    for (const [k, list] of Object.entries(variation.variableOverrides ?? {})) {
      for (const o of list) {
        const when = o.segments !== undefined ? `segments ${showExpression(o.segments)}` : `conditions ${showConditions(o.conditions)}`;
        lines.push(`  override ${k} when ${when}: ${showValue(o.value)}`);
      }
    }
  }
  for (const [k, entry] of Object.entries(f.variablesSchema ?? {})) lines.push(`variable ${k}: ${showSchema(entry)}`);
  (f.force ?? []).forEach((force, i) => {
    const when = force.segments !== undefined ? `segments ${showExpression(force.segments)}` : `conditions ${showConditions(force.conditions)}`;
    const what = [
      force.enabled !== undefined ? `enabled ${force.enabled}` : '',
      force.variation !== undefined ? `variation ${showValue(force.variation)}` : '',
      force.variables ? `variables ${showValue(force.variables)}` : '',
    ].filter(Boolean);
    lines.push(`force ${i + 1} when ${when}: ${what.join(', ')}`);
  });
  for (const segment of [...featureSegments(f)].sort()) {
    const s = side.segments[segment];
    lines.push(`segment ${segment}: ${s ? showConditions(s.conditions) : '(missing from datafile)'}`);
  }
  return lines;
}
