// Traffic allocation: which bucket ranges get which variation, kept stable across builds.
// Follows Featurevisor's allocator (same float arithmetic, so ranges match the official CLI), with two fixes:
// a variationWeights entry of 0 means 0 (upstream falls back to the base weight), and a zero-width fill
// no longer empties the available ranges (upstream then gives later variations nothing).
import type { Allocation, Range } from '../model/datafile.ts';
import type { FeatureVariation, Rule } from '../model/project.ts';

export const MAX_BUCKETED_NUMBER = 100000;

/** What a previous build decided for one feature in one environment. */
export interface PreviousFeatureState {
  variations?: Array<{ value: string; weight?: number }>;
  traffic: Array<{ key: string; percentage: number; allocation?: Allocation[] }>;
}

export interface RuleAllocation {
  percentage: number;
  allocation: Allocation[];
  /** True when earlier users may land in a different variation than before. */
  rebucketed: boolean;
}

function takeRanges(available: Range[], fill: number): Range[] {
  const taken: Range[] = [];
  let remaining = fill;
  for (let i = 0; remaining > 0 && i < available.length; i++) {
    const [start, end] = available[i];
    const width = Math.min(remaining, end - start);
    taken.push([start, start + width]);
    remaining -= width;
  }
  return taken;
}

function remainingAfter(available: Range[], fill: number): Range[] {
  const left: Range[] = [];
  let remaining = fill;
  let i = 0;
  for (; remaining > 0 && i < available.length; i++) {
    const [start, end] = available[i];
    const width = Math.min(remaining, end - start);
    if (width < end - start) left.push([start + width, end]);
    remaining -= width;
  }
  // Ranges the fill never reached stay available (the upstream allocator drops them; they are never reached there either).
  return left.concat(available.slice(i));
}

function variationsChanged(variations: FeatureVariation[], previous: PreviousFeatureState | undefined): boolean {
  if (!previous || previous.variations === undefined) return variations.length > 0;
  const now = JSON.stringify(variations.map(({ value, weight }) => ({ value, weight })));
  const before = JSON.stringify(previous.variations.map(({ value, weight }) => ({ value, weight })));
  return now !== before;
}

/**
 * A fresh allocation within one range (a feature outside any group): takeRanges and remainingAfter reduced to
 * a cursor, with the same arithmetic, so the ranges are identical; it is most of what a build allocates.
 */
function fillOneRange(variations: FeatureVariation[], rule: Rule, [start, end]: Range): Allocation[] {
  const allocation: Allocation[] = [];
  let cursor = start;
  let exhausted = false;
  for (const variation of variations) {
    const override = rule.variationWeights?.[variation.value];
    const fill = (override !== undefined ? override : variation.weight) * (MAX_BUCKETED_NUMBER / 100) * (rule.percentage / 100);
    if (exhausted || !(fill > 0)) continue;
    const room = end - cursor;
    const width = Math.min(fill, room);
    const next = cursor + width;
    if (next !== cursor) allocation.push({ variation: variation.value, range: [cursor, next] });
    // Filling the rest of the range leaves nothing (not a float sliver between `next` and `end`).
    if (width < room) cursor = next;
    else exhausted = true;
  }
  return allocation;
}

/** Allocates every rule of one feature in one environment. `groupRanges` come from mutual-exclusion groups. */
export function allocateRules(
  variations: FeatureVariation[],
  rules: Rule[],
  previous: PreviousFeatureState | undefined,
  groupRanges: Range[],
): RuleAllocation[] {
  const featureRanges: Range[] = groupRanges.length > 0 ? groupRanges : [[0, MAX_BUCKETED_NUMBER]];
  const changedVariations = variationsChanged(variations, previous);
  return rules.map((rule) => {
    const percentage = rule.percentage * (MAX_BUCKETED_NUMBER / 100);
    const before = previous?.traffic.find((traffic) => traffic.key === rule.key);
    const diff = before ? percentage - before.percentage : 0;
    const rebucket = !before || changedVariations || diff < 0 || rule.variationWeights !== undefined;

    if (rebucket && featureRanges.length === 1) {
      return { percentage, allocation: fillOneRange(variations, rule, featureRanges[0]), rebucketed: Boolean(before?.allocation?.length) };
    }
    let available: Range[] = featureRanges.map(([s, e]) => [s, e]);
    let allocation: Allocation[] = [];
    if (before && !rebucket) {
      let kept = 0;
      allocation = (before.allocation ?? []).map(({ variation, range }) => {
        kept += range[1] - range[0];
        return { variation, range: [range[0], range[1]] };
      });
      available = remainingAfter(featureRanges, kept);
    }
    for (const variation of variations) {
      const override = rule.variationWeights?.[variation.value];
      const weight = override !== undefined ? override : variation.weight;
      const fill = rebucket ? weight * (MAX_BUCKETED_NUMBER / 100) * (rule.percentage / 100) : (weight / 100) * diff;
      for (const range of takeRanges(available, fill)) allocation.push({ variation: variation.value, range });
      available = remainingAfter(available, fill);
    }
    allocation = allocation.filter(({ range }) => range[0] !== range[1]);
    return { percentage, allocation, rebucketed: rebucket && Boolean(before?.allocation?.length) };
  });
}

/** Bucket ranges of each grouped feature, from the groups' slots (first slot starts at 0, later ones at +1). */
export function groupRangesByFeature(groups: Iterable<{ slots: Array<{ feature?: string; percentage: number }> }>): Map<string, Range[]> {
  const ranges = new Map<string, Range[]>();
  for (const group of groups) {
    let accumulated = 0;
    group.slots.forEach((slot, index) => {
      if (slot.feature) {
        const start = index === 0 ? accumulated : accumulated + 1;
        const list = ranges.get(slot.feature) ?? [];
        list.push([start, accumulated + slot.percentage * 1000]);
        ranges.set(slot.feature, list);
      }
      accumulated += slot.percentage * 1000;
    });
  }
  return ranges;
}
