// Exact traffic impact from bucket ranges: interval arithmetic over the integer buckets 0..99999, no sampling.
// A rule's outcome is piecewise constant in the bucket value, so it is enough to evaluate it once per
// elementary interval between the boundaries of both sides (SDK 2.0.0 semantics, featurevisor-compat §7.1/§8).
import type { DatafileFeature, Range, Traffic } from '../model/datafile.ts';
import { BUCKETS } from './types.ts';

export interface RuleSide {
  rule: Traffic;
  /** The feature's group ranges (end-exclusive); when non-empty they replace the percentage check. */
  ranges?: Range[];
  /** Variation values the feature defines (a rule/allocation naming another one yields no variation). */
  variations: Set<string>;
}

export interface ImpactCounts {
  newlyEnabled: number;
  newlyDisabled: number;
  switchedVariation: number;
  enabledBefore: number;
  enabledAfter: number;
}

export function ruleSide(feature: DatafileFeature, rule: Traffic): RuleSide {
  return { rule, ranges: feature.ranges, variations: new Set((feature.variations ?? []).map((v) => v.value)) };
}

/** Whether bucket `b` is enabled under `side` (the user already matched this rule's segments). */
export function enabledAt(side: RuleSide | undefined, b: number): boolean {
  if (!side) return false;
  const { rule, ranges } = side;
  if (rule.percentage === 0) return false;
  if (ranges && ranges.length > 0) {
    const inRange = ranges.some(([start, end]) => b >= start && b < end);
    return inRange ? (rule.enabled === undefined ? true : rule.enabled) : false;
  }
  if (rule.enabled !== undefined) return rule.enabled;
  return b <= rule.percentage;
}

/** The variation an enabled user in bucket `b` gets, or null. */
export function variationAt(side: RuleSide | undefined, b: number): string | null {
  if (!side || side.variations.size === 0) return null;
  const { rule } = side;
  if (rule.variation && side.variations.has(rule.variation)) return rule.variation;
  for (const allocation of rule.allocation ?? []) {
    const [start, end] = allocation.range;
    if (start <= b && end >= b) return side.variations.has(allocation.variation) ? allocation.variation : null;
  }
  return null;
}

/** Integer buckets where the outcome of `side` can change: the first bucket of each new piece. */
function boundaries(side: RuleSide | undefined, into: number[]): void {
  if (!side) return;
  const { rule, ranges } = side;
  into.push(Math.floor(rule.percentage) + 1);
  for (const [start, end] of ranges ?? []) into.push(Math.ceil(start), Math.ceil(end));
  for (const allocation of rule.allocation ?? []) {
    const [start, end] = allocation.range;
    into.push(Math.ceil(start), Math.floor(end) + 1);
  }
}

/** Counts buckets whose outcome differs between two sides of one rule (either side may be missing). */
export function compareRule(before: RuleSide | undefined, after: RuleSide | undefined): ImpactCounts {
  const points = [0, BUCKETS];
  boundaries(before, points);
  boundaries(after, points);
  const cuts = [...new Set(points.filter((p) => p >= 0 && p <= BUCKETS))].sort((a, b) => a - b);
  const counts: ImpactCounts = { newlyEnabled: 0, newlyDisabled: 0, switchedVariation: 0, enabledBefore: 0, enabledAfter: 0 };
  for (let i = 0; i < cuts.length - 1; i++) {
    const b = cuts[i];
    const width = cuts[i + 1] - b;
    const wasOn = enabledAt(before, b);
    const isOn = enabledAt(after, b);
    if (wasOn) counts.enabledBefore += width;
    if (isOn) counts.enabledAfter += width;
    if (isOn && !wasOn) counts.newlyEnabled += width;
    else if (wasOn && !isOn) counts.newlyDisabled += width;
    else if (wasOn && isOn && variationAt(before, b) !== variationAt(after, b)) counts.switchedVariation += width;
  }
  return counts;
}
