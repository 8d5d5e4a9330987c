// Exact traffic impact (interval arithmetic over the buckets) against brute force: random seeded base/head
// feature pairs, 100,000 random users evaluated with the official @featurevisor/sdk 2.0.0. The share of a
// rule's users whose outcome changed must match the computed share within 4 standard errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createInstance } from '@featurevisor/sdk';
import type { DatafileFeature, DatafileV2, Traffic } from '../src/model/datafile.ts';
import { compareRule, ruleSide } from '../src/diff/impact.ts';
import { BUCKETS } from '../src/diff/types.ts';
import { seededRandom } from './helpers/random-datafile.ts';

const rng = seededRandom;

const COUNTRIES = ['aa', 'bb', 'cc'];

function randomPercentage(r: () => number): number {
  const pick = r();
  if (pick < 0.12) return 0;
  if (pick < 0.24) return 100000;
  if (pick < 0.4) return Math.round(r() * 100) * 1000; // whole percents, as YAML usually has
  return Math.round(r() * 100000 * 1000) / 1000; // fractional (e.g. 33.333%)
}

/** Lays out variation ranges inside [0, percentage] (as a full rebuild does), optionally shuffled/gapped. */
function allocate(r: () => number, variations: string[], percentage: number, messy: boolean): Traffic['allocation'] {
  if (!variations.length || percentage === 0) return undefined;
  const weights = variations.map(() => 0.2 + r());
  const total = weights.reduce((a, b) => a + b, 0);
  const out: NonNullable<Traffic['allocation']> = [];
  let start = 0;
  for (let i = 0; i < variations.length; i++) {
    const width = (percentage * weights[i]) / total;
    const end = i === variations.length - 1 ? percentage : start + width;
    out.push({ variation: variations[i], range: [start, end] });
    start = end;
  }
  if (messy && out.length > 1) {
    // Incremental builds append extra slices; emulate by splitting the last slice and swapping names.
    const last = out.pop()!;
    const mid = (last.range[0] + last.range[1]) / 2;
    out.push({ variation: last.variation, range: [last.range[0], mid] }, { variation: variations[0], range: [mid, last.range[1]] });
  }
  return out;
}

function randomRule(r: () => number, key: string, segments: string, variations: string[]): Traffic {
  const percentage = randomPercentage(r);
  const rule: Traffic = { key, segments, percentage };
  const allocation = allocate(r, variations, percentage, r() < 0.3);
  if (allocation) rule.allocation = allocation;
  if (variations.length && r() < 0.15) rule.variation = variations[Math.floor(r() * variations.length)];
  if (r() < 0.1) rule.enabled = r() < 0.5;
  return rule;
}

function randomRanges(r: () => number): Array<[number, number]> | undefined {
  if (r() < 0.7) return undefined;
  const a = Math.round(r() * 100000);
  const b = Math.round(r() * 100000);
  return [[Math.min(a, b), Math.max(a, b)]];
}

function randomPair(r: () => number): { base: DatafileFeature; head: DatafileFeature } {
  const variations = ['control', 'treatment', 'third'].slice(0, Math.floor(r() * 4));
  const segments = ['aa_users', 'bb_users', '*'];
  const mk = (ranges?: Array<[number, number]>): DatafileFeature => ({
    bucketBy: 'userId',
    variations: variations.map((value) => ({ value, weight: 100 / variations.length })),
    traffic: segments.map((s, i) => randomRule(r, `r${i}`, s, variations)),
    ...(ranges ? { ranges } : {}),
  });
  const base = mk(randomRanges(r));
  const head = mk(r() < 0.5 ? base.ranges : randomRanges(r));
  // Keep some rules identical so "no change" is covered too.
  head.traffic = head.traffic.map((rule, i) => (r() < 0.25 ? structuredClone(base.traffic[i]) : rule));
  return { base, head };
}

test('rule impact from ranges equals the SDK brute force over 100,000 users', () => {
  const r = rng(20260101);
  const FEATURES = 8;
  const USERS = 100000;
  const segments = {
    aa_users: { conditions: JSON.stringify([{ attribute: 'country', operator: 'equals', value: 'aa' }]) },
    bb_users: { conditions: JSON.stringify([{ attribute: 'country', operator: 'equals', value: 'bb' }]) },
  };
  const baseFile: DatafileV2 = { schemaVersion: '2', revision: 'b', segments, features: {} };
  const headFile: DatafileV2 = { schemaVersion: '2', revision: 'h', segments, features: {} };
  const pairs: Array<{ key: string; base: DatafileFeature; head: DatafileFeature }> = [];
  for (let i = 0; i < FEATURES; i++) {
    const { base, head } = randomPair(r);
    const key = `feature_${i}`;
    baseFile.features[key] = base;
    headFile.features[key] = head;
    pairs.push({ key, base, head });
  }
  const sdkBase = createInstance({ datafile: baseFile as never, logLevel: 'fatal' });
  const sdkHead = createInstance({ datafile: headFile as never, logLevel: 'fatal' });

  // Per feature × rule (rule index = country index): users seen, and users whose outcome changed per kind.
  const seen = pairs.map(() => [0, 0, 0]);
  const changed = pairs.map(() => COUNTRIES.map(() => ({ on: 0, off: 0, switched: 0 })));
  for (let u = 0; u < USERS; u++) {
    const c = Math.floor(r() * COUNTRIES.length);
    const context = { userId: `user-${u}-${Math.floor(r() * 1e9)}`, country: COUNTRIES[c] };
    pairs.forEach(({ key }, f) => {
      seen[f][c]++;
      const wasOn = sdkBase.isEnabled(key, context);
      const isOn = sdkHead.isEnabled(key, context);
      if (isOn && !wasOn) changed[f][c].on++;
      else if (wasOn && !isOn) changed[f][c].off++;
      else if (wasOn && isOn && sdkBase.getVariation(key, context) !== sdkHead.getVariation(key, context)) changed[f][c].switched++;
    });
  }

  let checked = 0;
  pairs.forEach(({ key, base, head }, f) => {
    base.traffic.forEach((rule, c) => {
      const counts = compareRule(ruleSide(base, rule), ruleSide(head, head.traffic[c]));
      const n = seen[f][c];
      for (const [kind, exact] of [
        ['on', counts.newlyEnabled],
        ['off', counts.newlyDisabled],
        ['switched', counts.switchedVariation],
      ] as const) {
        const p = exact / BUCKETS;
        const observed = changed[f][c][kind] / n;
        const se = Math.sqrt((p * (1 - p)) / n);
        const label = `${key} rule ${rule.key} ${kind}: exact ${p}, observed ${observed} (n=${n})`;
        if (p === 0 || p === 1) assert.equal(observed, p, label);
        else assert.ok(Math.abs(observed - p) <= 4 * se, label);
        checked++;
      }
    });
  });
  assert.equal(checked, FEATURES * 3 * 3);
});

test('boundaries are exact: inclusive percentage and allocation ends, end-exclusive group ranges', () => {
  const feature = (traffic: Traffic, ranges?: Array<[number, number]>): DatafileFeature => ({
    bucketBy: 'userId',
    variations: [{ value: 'a' }, { value: 'b' }],
    traffic: [traffic],
    ...(ranges ? { ranges } : {}),
  });
  const side = (f: DatafileFeature) => ruleSide(f, f.traffic[0]);
  // 0% → 20%: buckets 0..20000 inclusive are newly enabled (20,001 buckets).
  const off = feature({ key: 'r', segments: '*', percentage: 0 });
  const on20 = feature({ key: 'r', segments: '*', percentage: 20000 });
  assert.equal(compareRule(side(off), side(on20)).newlyEnabled, 20001);
  // Group range [0, 50000) replaces the percentage check: 50,000 buckets, whatever the percentage.
  const grouped = feature({ key: 'r', segments: '*', percentage: 10000 }, [[0, 50000]]);
  assert.equal(compareRule(side(off), side(grouped)).newlyEnabled, 50000);
  // Allocation a [0,50000] b [50000,100000] → a [0,40000] b [40000,100000]: buckets 40001..50000 switch (a wins at 50000 before).
  const before = feature({ key: 'r', segments: '*', percentage: 100000, allocation: [{ variation: 'a', range: [0, 50000] }, { variation: 'b', range: [50000, 100000] }] });
  const after = feature({ key: 'r', segments: '*', percentage: 100000, allocation: [{ variation: 'a', range: [0, 40000] }, { variation: 'b', range: [40000, 100000] }] });
  assert.equal(compareRule(side(before), side(after)).switchedVariation, 10000);
});
