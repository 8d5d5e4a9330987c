// Conditions compiled once into matcher closures that reproduce the SDK 2.0.0 semantics exactly,
// including its branch order (which decides what wrong-typed values and stray operators do).
import type { Context } from '../model/datafile.ts';
import { compilePath } from './context.ts';
import { compareParsedVersions, tryParseVersion } from './semver.ts';

export type Matcher = (context: Context) => boolean;

export const MATCH_ALL: Matcher = () => true;
export const MATCH_NONE: Matcher = () => false;

/** A matcher that fails the evaluation when reached, as the SDK does (e.g. `"attribute" in 5`). */
export function throwingMatcher(error: Error): Matcher {
  return () => {
    throw error;
  };
}

/** SDK parseConditionsIfStringified: every string but "*" goes through JSON.parse; unparsable stays a string. */
export function parseConditionsIfStringified(conditions: unknown): unknown {
  if (typeof conditions !== 'string' || conditions === '*') return conditions;
  try {
    return JSON.parse(conditions);
  } catch {
    return conditions;
  }
}

/** Compiles an already-parsed condition tree (mirrors DatafileReader.allConditionsAreMatched). */
export function compileConditions(conditions: unknown): Matcher {
  if (typeof conditions === 'string') return conditions === '*' ? MATCH_ALL : MATCH_NONE;
  if (conditions === null || typeof conditions !== 'object') {
    return throwingMatcher(new TypeError(`invalid conditions: ${String(conditions)}`));
  }
  const node = conditions as Record<string, unknown>;
  if ('attribute' in node) return compilePlainCondition(node);
  if ('and' in node && Array.isArray(node.and)) return every(node.and.map(compileConditions));
  if ('or' in node && Array.isArray(node.or)) return some(node.or.map(compileConditions));
  if ('not' in node && Array.isArray(node.not)) {
    // NOT(c1 AND ... AND cn); the SDK's every() over an empty list makes {not: []} true.
    if (node.not.length === 0) return MATCH_ALL;
    const all = every(node.not.map(compileConditions));
    return (context) => !all(context);
  }
  if (Array.isArray(conditions)) return every(conditions.map(compileConditions));
  return MATCH_NONE;
}

export function every(matchers: Matcher[]): Matcher {
  if (matchers.length === 0) return MATCH_ALL;
  if (matchers.length === 1) return matchers[0];
  if (matchers.length === 2) {
    const [a, b] = matchers;
    return (context) => a(context) && b(context);
  }
  return (context) => {
    for (let i = 0; i < matchers.length; i++) if (!matchers[i](context)) return false;
    return true;
  };
}

export function some(matchers: Matcher[]): Matcher {
  if (matchers.length === 0) return MATCH_NONE;
  if (matchers.length === 1) return matchers[0];
  return (context) => {
    for (let i = 0; i < matchers.length; i++) if (matchers[i](context)) return true;
    return false;
  };
}

/** Array membership with indexOf semantics (strict equality); a Set when the list is long and NaN-free. */
function membership(list: unknown[]): (value: unknown) => boolean {
  if (list.length > 8 && !list.some((item) => item !== item)) {
    const set = new Set(list);
    return (value) => set.has(value);
  }
  return (value) => list.indexOf(value) !== -1;
}

function toTime(value: unknown): number {
  return value instanceof Date ? value.getTime() : new Date(value as string).getTime();
}

/**
 * A pure function of a string that remembers its last input and answer: one context is usually evaluated
 * many times in a row (every call of a spec assertion), and dates, regexes and semver are the costly tests.
 */
function rememberLast<T>(compute: (input: string) => T): (input: string) => T {
  let lastInput: string | undefined;
  let lastResult!: T;
  return (input) => {
    if (input !== lastInput) {
      lastResult = compute(input);
      lastInput = input;
    }
    return lastResult;
  };
}

function compileRegex(source: string, flags: unknown): RegExp | undefined {
  try {
    // Validate with the flags as written, then drop "g": test() from lastIndex 0 is the same without it,
    // and this keeps results independent of earlier evaluations (the SDK shares stateful RegExps).
    new RegExp(source, (flags as string) || '');
    return new RegExp(source, String(flags || '').replace('g', ''));
  } catch {
    return undefined;
  }
}

function compilePlainCondition(condition: Record<string, unknown>): Matcher {
  const { operator, value, regexFlags } = condition;
  let read: (context: Context) => unknown;
  const accessor = compilePath(condition.attribute);
  if (typeof condition.attribute === 'string') {
    read = accessor;
  } else {
    // The SDK's path lookup throws inside its try/catch: the condition simply does not match.
    return MATCH_NONE;
  }

  switch (operator) {
    case 'equals':
      return (context) => read(context) === value;
    case 'notEquals':
      return (context) => read(context) !== value;
    case 'before':
    case 'after': {
      const limit = toTime(value);
      const timeOfString = rememberLast(toTime);
      const timeOf = (value: unknown) => (typeof value === 'string' ? timeOfString(value) : toTime(value));
      return operator === 'before'
        ? (context) => timeOf(read(context)) < limit
        : (context) => timeOf(read(context)) > limit;
    }
  }

  const valueIsArray = Array.isArray(value);
  const valueIsString = typeof value === 'string';
  const valueIsNumber = typeof value === 'number';

  switch (operator) {
    case 'in':
    case 'notIn': {
      if (!valueIsArray) return MATCH_NONE;
      const has = membership(value as unknown[]);
      const wanted = operator === 'in';
      return (context) => {
        const actual = read(context);
        const t = typeof actual;
        return (t === 'string' || t === 'number' || actual === null) && has(actual) === wanted;
      };
    }
    case 'contains':
    case 'notContains':
    case 'startsWith':
    case 'endsWith':
    case 'matches':
    case 'notMatches':
    case 'semverEquals':
    case 'semverNotEquals':
    case 'semverGreaterThan':
    case 'semverGreaterThanOrEquals':
    case 'semverLessThan':
    case 'semverLessThanOrEquals': {
      if (!valueIsString) return MATCH_NONE;
      const test = compileStringTest(operator, value as string, regexFlags);
      return (context) => {
        const actual = read(context);
        return typeof actual === 'string' && test(actual);
      };
    }
    case 'greaterThan':
    case 'greaterThanOrEquals':
    case 'lessThan':
    case 'lessThanOrEquals': {
      if (!valueIsNumber) return MATCH_NONE;
      const limit = value as number;
      const cmp =
        operator === 'greaterThan'
          ? (n: number) => n > limit
          : operator === 'greaterThanOrEquals'
            ? (n: number) => n >= limit
            : operator === 'lessThan'
              ? (n: number) => n < limit
              : (n: number) => n <= limit;
      return (context) => {
        const actual = read(context);
        return typeof actual === 'number' && cmp(actual);
      };
    }
    case 'exists':
    case 'notExists': {
      // Reached only when no earlier type branch of the SDK claimed the value pair.
      const claimed = valueIsArray
        ? (v: unknown) => typeof v === 'string' || typeof v === 'number' || v === null
        : valueIsString
          ? (v: unknown) => typeof v === 'string'
          : valueIsNumber
            ? (v: unknown) => typeof v === 'number'
            : undefined;
      const wantDefined = operator === 'exists';
      if (!claimed) return (context) => (read(context) !== undefined) === wantDefined;
      return (context) => {
        const actual = read(context);
        return !claimed(actual) && (actual !== undefined) === wantDefined;
      };
    }
    case 'includes':
    case 'notIncludes': {
      if (!valueIsString) return MATCH_NONE;
      const wanted = operator === 'includes';
      return (context) => {
        const actual = read(context);
        return Array.isArray(actual) && (actual.indexOf(value) !== -1) === wanted;
      };
    }
    default:
      return MATCH_NONE;
  }
}

function compileStringTest(operator: string, value: string, regexFlags: unknown): (actual: string) => boolean {
  switch (operator) {
    case 'contains':
      return (actual) => actual.indexOf(value) !== -1;
    case 'notContains':
      return (actual) => actual.indexOf(value) === -1;
    case 'startsWith':
      return (actual) => actual.startsWith(value);
    case 'endsWith':
      return (actual) => actual.endsWith(value);
    case 'matches':
    case 'notMatches': {
      const regex = compileRegex(value, regexFlags);
      if (!regex) return () => false;
      const wanted = operator === 'matches';
      return rememberLast((actual) => {
        regex.lastIndex = 0;
        return regex.test(actual) === wanted;
      });
    }
  }
  // semver*: an invalid version on either side makes the SDK throw, which it treats as "no match".
  const parsed = tryParseVersion(value);
  if (!parsed) return () => false;
  const accept: (order: number) => boolean =
    operator === 'semverEquals'
      ? (o) => o === 0
      : operator === 'semverNotEquals'
        ? (o) => o !== 0
        : operator === 'semverGreaterThan'
          ? (o) => o === 1
          : operator === 'semverGreaterThanOrEquals'
            ? (o) => o >= 0
            : operator === 'semverLessThan'
              ? (o) => o === -1
              : (o) => o <= 0;
  return rememberLast((actual) => {
    const version = tryParseVersion(actual);
    return version !== undefined && accept(compareParsedVersions(version, parsed));
  });
}

const compiledCache = new WeakMap<object, Matcher>();

/**
 * Whether a context satisfies conditions (segment conditions or a force/override `conditions`).
 * Accepts stringified conditions. A malformed tree counts as "no match".
 */
export function matchConditions(conditions: unknown, context: Context): boolean {
  const parsed = parseConditionsIfStringified(conditions);
  let matcher: Matcher | undefined;
  if (parsed !== null && typeof parsed === 'object') {
    matcher = compiledCache.get(parsed);
    if (!matcher) {
      matcher = compileConditions(parsed);
      compiledCache.set(parsed, matcher);
    }
  } else {
    matcher = compileConditions(parsed);
  }
  try {
    return matcher(context);
  } catch {
    return false;
  }
}
