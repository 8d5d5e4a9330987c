// Variable values against their declared type and the config's length limits.
import type { DocPath, FeatureVariableSchema, ProjectConfig } from '../model/project.ts';
import { isRecord, type LintContext } from './context.ts';

/** Why `value` is not a valid `type` value, or undefined when it is. */
export function variableTypeProblem(type: string, value: unknown): string | undefined {
  switch (type) {
    case 'string':
      return typeof value === 'string' ? undefined : value instanceof Date ? 'a date; quote it to make it a string' : 'not a string';
    case 'integer':
      if (typeof value !== 'number') return 'not a number';
      return Number.isInteger(value) ? undefined : 'not an integer';
    case 'double':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'not a number';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'not a boolean';
    case 'array':
      return Array.isArray(value) && value.every((item) => typeof item === 'string') ? undefined : 'not an array of strings';
    case 'object':
      if (!isRecord(value)) return 'not an object';
      return Object.values(value).every((item) => !isRecord(item)) ? undefined : 'nested objects are not allowed (use type json)';
    case 'json':
      if (typeof value !== 'string') return 'not a JSON string';
      try {
        JSON.parse(value);
        return undefined;
      } catch {
        return 'not valid JSON';
      }
    default:
      return undefined; // unknown types are reported by the schema check
  }
}

function show(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' || (typeof value === 'object' && value !== null)) return JSON.stringify(value);
  return String(value);
}

function lengthProblem(config: ProjectConfig, type: string, value: unknown): string | undefined {
  const over = (limit: number | undefined, length: number, what: string) =>
    limit !== undefined && length > limit ? `${what} is ${length} characters long, above the configured maximum of ${limit}` : undefined;
  if (type === 'string' && typeof value === 'string') return over(config.maxVariableStringLength, value.length, 'the string');
  if (type === 'json' && typeof value === 'string') return over(config.maxVariableJSONStringifiedLength, value.length, 'the JSON');
  if (type === 'array' && Array.isArray(value)) return over(config.maxVariableArrayStringifiedLength, JSON.stringify(value).length, 'the stringified array');
  if (type === 'object' && isRecord(value)) return over(config.maxVariableObjectStringifiedLength, JSON.stringify(value).length, 'the stringified object');
  return undefined;
}

/** Type and length check of one value of a declared variable, at `path` + `key` (built only to report). */
export function checkVariableValue(ctx: LintContext, file: string, path: DocPath, key: string | number, schema: FeatureVariableSchema, value: unknown): void {
  const problem = variableTypeProblem(String(schema.type), value);
  if (problem) {
    ctx.findings.error(file, [...path, key], 'variable-type', `Invalid value for variable "${schema.key}" (${String(schema.type)}): ${show(value)} is ${problem}`);
    return;
  }
  const tooLong = lengthProblem(ctx.project.config, String(schema.type), value);
  if (tooLong) ctx.findings.error(file, [...path, key], 'variable-length', `Variable "${schema.key}": ${tooLong}`);
}

/** Checks a `{variable: value}` map (rule, force, v2 variation): declared and type-correct. */
export function checkVariableMap(
  ctx: LintContext,
  file: string,
  path: DocPath,
  variables: unknown,
  schemaByKey: Map<string, FeatureVariableSchema>,
): void {
  if (!isRecord(variables)) return;
  for (const [key, value] of Object.entries(variables)) {
    const schema = schemaByKey.get(key);
    if (!schema) {
      ctx.findings.error(file, [...path, key], 'unknown-variable', `Unknown variable "${key}" with value: ${show(value)}`);
      continue;
    }
    checkVariableValue(ctx, file, path, key, schema, value);
  }
}
