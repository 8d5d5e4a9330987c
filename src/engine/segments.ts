// Segment expressions (rules, force entries, overrides) compiled against a segment lookup.
// Unlike conditions, `{not: [...]}` here means "none of them" (NOR), as in the SDK.
import type { Context, GroupSegment } from '../model/datafile.ts';
import {
  MATCH_ALL,
  MATCH_NONE,
  compileConditions,
  every,
  parseConditionsIfStringified,
  some,
  throwingMatcher,
  type Matcher,
} from './conditions.ts';

/** Returns the compiled conditions of a segment, or undefined when the datafile lacks it. */
export type SegmentLookup = (segmentKey: string) => Matcher | undefined;

/** SDK parseSegmentsIfStringified: only strings starting with "{" or "[" are JSON; bad JSON fails the evaluation. */
export function compileStringifiedSegments(segments: unknown, lookup: SegmentLookup): Matcher {
  if (typeof segments === 'string' && (segments.startsWith('{') || segments.startsWith('['))) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(segments);
    } catch (error) {
      return throwingMatcher(error as Error);
    }
    return compileSegmentExpression(parsed, lookup);
  }
  return compileSegmentExpression(segments, lookup);
}

export function compileSegmentExpression(expression: unknown, lookup: SegmentLookup): Matcher {
  if (expression === '*') return MATCH_ALL;
  if (typeof expression === 'string') {
    const key = expression;
    // Resolved at match time so segments compile lazily and only when used.
    let resolved: Matcher | null | undefined;
    return (context) => {
      if (resolved === undefined) resolved = lookup(key) ?? null;
      return resolved !== null && resolved(context);
    };
  }
  if (expression === null) return throwingMatcher(new TypeError('invalid segments: null'));
  if (typeof expression === 'object') {
    const node = expression as Record<string, unknown>;
    if ('and' in node && Array.isArray(node.and)) return every(node.and.map((e) => compileSegmentExpression(e, lookup)));
    if ('or' in node && Array.isArray(node.or)) return some(node.or.map((e) => compileSegmentExpression(e, lookup)));
    if ('not' in node && Array.isArray(node.not)) {
      const any = some(node.not.map((e) => compileSegmentExpression(e, lookup)));
      return (context) => !any(context);
    }
    if (Array.isArray(expression)) return every(expression.map((e) => compileSegmentExpression(e, lookup)));
  }
  return MATCH_NONE;
}

/** Whether a context matches a segment expression given the datafile's segments (conditions possibly stringified). */
export function matchSegmentExpression(
  expression: GroupSegment | string,
  segments: Record<string, { conditions: unknown }>,
  context: Context,
): boolean {
  const cache = new Map<string, Matcher | undefined>();
  const lookup: SegmentLookup = (key) => {
    if (!cache.has(key)) {
      const segment = Object.hasOwn(segments, key) ? segments[key] : undefined;
      cache.set(key, segment ? compileSegmentConditions(segment.conditions) : undefined);
    }
    return cache.get(key);
  };
  try {
    return compileStringifiedSegments(expression, lookup)(context);
  } catch {
    return false;
  }
}

export function compileSegmentConditions(conditions: unknown): Matcher {
  return compileConditions(parseConditionsIfStringified(conditions));
}
