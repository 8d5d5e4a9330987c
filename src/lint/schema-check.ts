// Structural validation of each raw YAML document against its JSON Schema (schemas.ts).
// The validators are compiled ahead of time (validators.generated.js, see validator-code.ts): compiling
// them at run time cost ~100 ms per process. ajv errors become findings with document paths and short
// messages (zod-style where the official linter has one).
import type { ErrorObject } from 'ajv';
import type { DocPath, Dialect } from '../model/project.ts';
import type { FindingList } from './finding.ts';
import type { SchemaName } from './schemas.ts';
import * as validators from './validators.generated.js';
import type { PrecompiledValidator } from './validators.generated.js';

export type EntityKind = 'attribute' | 'segment' | 'feature' | 'group' | 'test';

const VALIDATORS: Record<SchemaName, PrecompiledValidator> = {
  attribute: validators.attribute,
  segment: validators.segment,
  'feature.v1': validators.feature_v1,
  'feature.v2': validators.feature_v2,
  group: validators.group,
  'test.v1': validators.test_v1,
  'test.v2': validators.test_v2,
};

export function schemaNameFor(kind: EntityKind, dialect: Dialect): SchemaName {
  switch (kind) {
    case 'feature':
      return dialect === 'v1' ? 'feature.v1' : 'feature.v2';
    case 'test':
      return dialect === 'v1' ? 'test.v1' : 'test.v2';
    default:
      return kind;
  }
}

export function checkSchema(kind: EntityKind, dialect: Dialect, file: string, raw: unknown, findings: FindingList): void {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    findings.error(file, [], 'schema', `Expected a YAML mapping at the top level, received ${describeType(raw)}`);
    return;
  }
  const validate = VALIDATORS[schemaNameFor(kind, dialect)];
  if (validate(raw)) return;
  const seen = new Set<string>();
  for (const error of selectErrors(validate.errors ?? [])) {
    const path = toDocPath(error.instancePath, raw);
    let rule = 'schema';
    if (error.keyword === 'required') path.push((error.params as { missingProperty: string }).missingProperty);
    if (error.keyword === 'additionalProperties') {
      path.push((error.params as { additionalProperty: string }).additionalProperty);
      rule = 'unknown-key';
    }
    const message = messageFor(error);
    const id = `${path.join('\u0000')}\u0001${message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    findings.error(file, path, rule, message);
  }
}

/** Keeps the errors a person can act on: branch errors of unions collapse into one, if/then wrappers go. */
function selectErrors(errors: ErrorObject[]): ErrorObject[] {
  const unions = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  return errors.filter((error) => {
    // Per-operator value rules are editor hints; conditions.ts reports them with the official messages.
    if (error.schemaPath.includes('/plainCondition/allOf/')) return false;
    if (error.keyword === 'if') return false;
    return !unions.some(
      (union) => union !== error && error.instancePath === union.instancePath && error.schemaPath.startsWith(union.schemaPath + '/'),
    );
  });
}

function messageFor(error: ErrorObject): string {
  const custom = (error.parentSchema as { errorMessage?: unknown } | undefined)?.errorMessage;
  if (typeof custom === 'string' && error.keyword !== 'additionalProperties' && error.keyword !== 'required') return custom;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `"${String(params.missingProperty)}" is required`;
    case 'additionalProperties':
      return `Unknown key "${String(params.additionalProperty)}"${allowedKeys(error)}`;
    case 'type': {
      const expected = String(params.type).split(',').join(' or ');
      return `Expected ${expected}, received ${describeType(error.data)}`;
    }
    case 'enum':
      return `Invalid enum value. Expected ${(params.allowedValues as unknown[]).map((v) => `'${String(v)}'`).join(' | ')}, received '${String(error.data)}'`;
    case 'const':
      return `Expected ${JSON.stringify(params.allowedValue)}, received ${JSON.stringify(error.data) ?? describeType(error.data)}`;
    case 'maximum':
      return `Number must be less than or equal to ${String(params.limit)}`;
    case 'minimum':
      return `Number must be greater than or equal to ${String(params.limit)}`;
    case 'minItems':
      return `Array must contain at least ${String(params.limit)} element(s)`;
    case 'minLength':
      return `String must contain at least ${String(params.limit)} character(s)`;
    case 'minProperties':
    case 'maxProperties':
      return `Expected exactly one of the keys "and", "or", "not"`;
    case 'pattern':
      return `Invalid value "${String(error.data)}": must match ${String(params.pattern)}`;
    case 'propertyNames':
      return `Invalid property name "${String(params.propertyName)}"`;
    default:
      return error.message ?? 'Invalid value';
  }
}

function allowedKeys(error: ErrorObject): string {
  const properties = (error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
  if (!properties) return '';
  const keys = Object.keys(properties);
  return keys.length ? `; allowed keys: ${keys.join(', ')}` : '';
}

export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'date';
  return typeof value;
}

/** JSON pointer → document path; array indices become numbers so positions.ts can walk YAML sequences. */
export function toDocPath(pointer: string, root: unknown): DocPath {
  if (!pointer) return [];
  const path: DocPath = [];
  let node: unknown = root;
  for (const part of pointer.slice(1).split('/')) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node) && /^\d+$/.test(key)) {
      path.push(Number(key));
      node = node[Number(key)];
    } else {
      path.push(key);
      node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
    }
  }
  return path;
}
