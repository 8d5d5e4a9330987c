// Condition checks: known attributes and the value each operator needs (official messages, §9.3),
// plus what the official linter lacks: regexes that do not compile, invalid semver, quoted dates, dates compared as equal.
import type { DocPath } from '../model/project.ts';
import { checkAttributeReference, isRecord, NESTING_OPERATORS, type LintContext } from './context.ts';

const NUMERIC = new Set(['greaterThan', 'greaterThanOrEquals', 'lessThan', 'lessThanOrEquals']);
const STRING = new Set(['contains', 'notContains', 'startsWith', 'endsWith', 'includes', 'notIncludes']);
const SEMVER = new Set(['semverEquals', 'semverNotEquals', 'semverGreaterThan', 'semverGreaterThanOrEquals', 'semverLessThan', 'semverLessThanOrEquals']);
const DATE = new Set(['before', 'after']);
const LIST = new Set(['in', 'notIn']);
const REGEX = new Set(['matches', 'notMatches']);
const PRESENCE = new Set(['exists', 'notExists']);
const EQUALITY = new Set(['equals', 'notEquals']);

// The SDK's vendored compare-versions accepts this shape; anything else makes the condition false.
const SEMVER_PATTERN =
  /^[v^~<>=]*?(\d+)(?:\.([x*]|\d+)(?:\.([x*]|\d+)(?:\.([x*]|\d+))?(?:-([\da-z-]+(?:\.[\da-z-]+)*))?(?:\+[\da-z-]+(?:\.[\da-z-]+)*)?)?)?$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Walks `"*"`, one condition, a list, and and/or/not nesting. `path` is a stack, pushed and popped while
 * walking and restored on return: whatever reports copies it, so every finding owns its path.
 */
export function checkConditions(ctx: LintContext, file: string, path: DocPath, conditions: unknown): void {
  if (Array.isArray(conditions)) {
    for (let index = 0; index < conditions.length; index++) {
      path.push(index);
      checkConditions(ctx, file, path, conditions[index]);
      path.pop();
    }
    return;
  }
  if (!isRecord(conditions)) return; // "*" and malformed values: the schema reports those
  let nested = false;
  for (const operator of NESTING_OPERATORS) {
    if (Array.isArray(conditions[operator])) {
      nested = true;
      path.push(operator);
      checkConditions(ctx, file, path, conditions[operator]);
      path.pop();
    }
  }
  if (!nested) checkPlainCondition(ctx, file, path, conditions);
}

function checkPlainCondition(ctx: LintContext, file: string, path: DocPath, condition: Record<string, unknown>): void {
  const { attribute, operator } = condition;
  if (typeof attribute === 'string') checkAttributeReference(ctx, file, path, attribute, 'attribute');
  if (typeof operator !== 'string') return;
  const hasValue = 'value' in condition;
  const value = condition.value;

  if ('regexFlags' in condition && !REGEX.has(operator)) {
    ctx.findings.error(file, [...path, 'regexFlags'], 'condition-value', 'when operator is nether "matches" nor "notMatches", regexFlags are not needed');
  }
  if (PRESENCE.has(operator)) {
    if (hasValue) ctx.findings.error(file, [...path, 'value'], 'condition-value', `when operator is "${operator}", value is not needed`);
    return;
  }
  if (!hasValue) {
    ctx.findings.error(file, path, 'condition-value', `when operator is "${operator}", value is required`);
    return;
  }
  const reported = ctx.findings.items.length;
  checkOperatorValue(ctx, file, path, operator, value, condition.regexFlags);
  // Only a well-formed condition is worth comparing with its attribute's declared type.
  if (ctx.findings.items.length === reported && typeof attribute === 'string') {
    checkAttributeType(ctx, file, path, attribute, operator, value);
  }
}

function checkOperatorValue(ctx: LintContext, file: string, path: DocPath, operator: string, value: unknown, regexFlags: unknown): void {
  const fail = (message: string) => ctx.findings.error(file, [...path, 'value'], 'condition-value', message);
  if (EQUALITY.has(operator)) {
    const ok = value === null || value instanceof Date || ['string', 'number', 'boolean'].includes(typeof value);
    if (!ok) fail(`when operator is "${operator}", value must be a string, number, boolean, date or null`);
    else if (value instanceof Date && !Number.isNaN(value.getTime())) {
      // Datafiles are JSON: the date is written as its ISO string, and the SDK compares without converting.
      ctx.findings.warning(
        file,
        [...path, 'value'],
        'date-equality',
        `"${operator}" compares without converting: this unquoted date is the string "${value.toISOString()}" in the datafile, ` +
          `so it matches only a context value written exactly so (quote the value the way your app sends it, or use "before"/"after")`,
      );
    }
  } else if (NUMERIC.has(operator)) {
    if (typeof value !== 'number') fail(`when operator is "${operator}", value must be a number`);
  } else if (STRING.has(operator)) {
    if (typeof value !== 'string') fail(`when operator is "${operator}", value must be a string`);
  } else if (SEMVER.has(operator)) {
    if (typeof value !== 'string') fail(`when operator is "${operator}", value must be a string`);
    else if (!SEMVER_PATTERN.test(value)) fail(`"${value}" is not a valid semantic version, so this condition never matches`);
  } else if (DATE.has(operator)) {
    checkDateValue(ctx, file, [...path, 'value'], operator, value);
  } else if (LIST.has(operator)) {
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
      fail(`when operator is "${operator}", value must be an array of strings`);
    }
  } else if (REGEX.has(operator)) {
    checkRegex(ctx, file, path, operator, value, regexFlags);
  }
}

const TEXT_TYPES = ['string', 'semver', 'date'];
/** Attribute types whose context values an operator can ever match (SDK 2 compares without converting). */
const MATCHING_TYPES: Array<[Set<string>, string[]]> = [
  [NUMERIC, ['integer', 'double']],
  [STRING, TEXT_TYPES],
  [REGEX, TEXT_TYPES],
  [SEMVER, ['semver', 'string']],
  [DATE, ['date', 'string', 'integer', 'double']],
  [LIST, TEXT_TYPES],
];

function declaredType(ctx: LintContext, name: string): string | undefined {
  const attribute = ctx.attributeByPath.get(name);
  if (!attribute) return undefined;
  if (name === attribute.key) return attribute.type;
  return attribute.properties?.[name.slice(attribute.key.length + 1)]?.type;
}

// Warnings, not errors: attribute types are documentation in Featurevisor, and an app may send other types.
// `path` is the condition's; the warning points at its operator.
function checkAttributeType(ctx: LintContext, file: string, path: DocPath, attribute: string, operator: string, value: unknown): void {
  const type = declaredType(ctx, attribute);
  if (!type) return;
  const warn = (why: string) =>
    ctx.findings.warning(file, [...path, 'operator'], 'attribute-type', `Attribute "${attribute}" is declared as ${type}, so "${operator}" ${why} (the SDK compares without converting types)`);
  if (operator === 'includes' || operator === 'notIncludes') {
    if (type !== 'array') warn('only matches array values');
    return;
  }
  for (const [operators, types] of MATCHING_TYPES) {
    if (operators.has(operator)) {
      if (!types.includes(type)) warn(LIST.has(operator) ? 'never matches a list of strings' : 'never matches');
      return;
    }
  }
  if (!EQUALITY.has(operator) || value === null || value instanceof Date) return;
  const expected: Record<string, string> = { string: 'string', semver: 'string', integer: 'number', double: 'number', boolean: 'boolean' };
  if (type === 'object' || type === 'array') warn(`never equals a single ${typeof value}`);
  else if (expected[type] && typeof value !== expected[type]) warn(`never equals the ${typeof value} ${JSON.stringify(value)}`);
}

// Decision: the SDK compares with `new Date(value)`, so a quoted ISO date works at runtime and is
// accepted with a warning (the official linter rejects it); anything that does not parse is an error.
function checkDateValue(ctx: LintContext, file: string, path: DocPath, operator: string, value: unknown): void {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) ctx.findings.error(file, path, 'condition-value', `when operator is "${operator}", value must be a date`);
    return;
  }
  if (typeof value === 'string' && ISO_DATE.test(value.trim()) && !Number.isNaN(Date.parse(value))) {
    ctx.findings.warning(
      file,
      path,
      'date-string',
      `"${value}" is a quoted date: Flagwright and the SDK accept it, but the official linter requires an unquoted YAML timestamp`,
    );
    return;
  }
  ctx.findings.error(file, path, 'condition-value', `when operator is "${operator}", value must be a date`);
}

function checkRegex(ctx: LintContext, file: string, path: DocPath, operator: string, value: unknown, flags: unknown): void {
  if (typeof value !== 'string') {
    ctx.findings.error(file, [...path, 'value'], 'condition-value', `when operator is "${operator}", value must be a string`);
    return;
  }
  if (flags !== undefined && (typeof flags !== 'string' || !/^[gimsuy]+$/.test(flags))) {
    ctx.findings.error(file, [...path, 'regexFlags'], 'condition-value', 'regexFlags may only contain the letters g, i, m, s, u and y');
    return;
  }
  try {
    new RegExp(value, (flags as string | undefined) ?? '');
  } catch (error) {
    ctx.findings.error(file, [...path, 'value'], 'condition-value', (error as Error).message);
  }
}
