/*
 * `flagwright diff --format json`: the DiffReport as a stable, documented JSON document (schemaVersion 1).
 * Additive changes keep schemaVersion 1; renames or removals bump it. Keys appear in the order below;
 * arrays are sorted as stated, so the output is byte-stable for the same inputs.
 *
 * {
 *   "schemaVersion": 1,
 *   "status": "unchanged" | "changed" | "risky" | "invalid",
 *   "base": { "revision", "commit"?, "ref"? } | absent (no base: first build),
 *   "head": { "revision", "commit"?, "ref"? },
 *   "summary": "one plain sentence (inline `code` spans only)",
 *   "warnings": [ { "code", "environment"? | "environments"?: [...], "feature"?, "message" } ],
 *       code ∈ exposure-increase | rebucketing | removal | kill-switch | required-missing | bucket-by |
 *              size-budget | lint-errors | tests-failed | build-failed   (invalid ⇐ the last three)
 *   "environments": [ {                      // only environments with changes, in build order
 *       "environment": "production" ("" when the project disables environments),
 *       "production": true,                  // exposure increases here are called out
 *       "features": [ {                      // sorted by key
 *           "feature": "search_v2",
 *           "status": "added" | "removed" | "archived" | "exposed" | "unexposed" | "changed",
 *           "tagsBefore": ["all", "web"], "tagsAfter": [...],   // tag datafiles listing the feature
 *           "changes": [ { "kind", "subject"?, "before"?, "after"?, "text" } ],
 *               kind ∈ feature-added | feature-removed | feature-archived | feature-exposed | feature-unexposed |
 *                      tags-changed | deprecated | undeprecated | bucket-by | rule-added | rule-removed |
 *                      rules-reordered | rule-percentage | rule-segments | rule-enabled | rule-variation |
 *                      rule-variables | rule-variation-weights | rule-allocation | segment-conditions |
 *                      variations | variation-variables | variable-overrides | variable-schema | force |
 *                      required | disabled-variation-value | group-ranges
 *           "impact": [ {                    // exact, from bucket ranges; counts are buckets out of 100000
 *               "rule", "segments", "status": "changed" | "added" | "removed",
 *               "newlyEnabled", "newlyDisabled", "switchedVariation", "enabledBefore", "enabledAfter",
 *               "populationChanged": true    // the rule's matched users may differ too
 *           } ],                             // share of the rule's users = count / 100000
 *           "diffLines": [" kept", "-base only", "+head only"]  // readable rule diff
 *       } ]
 *   } ],
 *   "segments": [ { "segment", "before"?, "after"?, "affects": [ { "environment", "features": [...] } ] } ],
 *   "sizes": [ { "path", "environment", "tag", "before"?, "after"?, "changed", "overBudget" } ],   // bytes, sorted by path;
 *                                         // changed: the file's features or segments changed (not just the revision)
 *   "sizeBudget": 204800,
 *   "lint"?: { "errors", "warnings", "diagnostics": Diagnostic[] },
 *   "tests"?: { "passed", "failed", "failures": Diagnostic[] },
 *   "totals": { "featuresChanged", "environmentsChanged", "changes" }
 * }
 * Diagnostic = { "file", "line", "column", "severity": "error" | "warning", "rule", "message" }.
 */
import type { DiffReport } from './types.ts';

export function reportToJson(report: DiffReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}

export function reportFromJson(text: string): DiffReport {
  const value = JSON.parse(text) as DiffReport;
  if (value?.schemaVersion !== 1) throw new Error(`unsupported diff report schemaVersion ${String(value?.schemaVersion)}`);
  return value;
}
