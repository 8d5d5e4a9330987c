// Shared lookups for the semantic checks, built once per lint run (Maps/Sets only).
import type { Attribute, DocPath, Project } from '../model/project.ts';
import { FindingList } from './finding.ts';

export interface LintContext {
  project: Project;
  findings: FindingList;
  environments: Set<string>;
  tags: Set<string>;
  /** Attribute key → attribute; object attributes also answer to `key.property`. */
  attributeByPath: Map<string, Attribute>;
  /** Object attributes that declare no properties accept any `key.*` path. */
  openObjectAttributes: Set<string>;
}

export function createContext(project: Project): LintContext {
  const attributeByPath = new Map<string, Attribute>();
  const openObjectAttributes = new Set<string>();
  for (const attribute of project.attributes.values()) {
    attributeByPath.set(attribute.key, attribute);
    if (attribute.type !== 'object') continue;
    const properties = attribute.properties ? Object.keys(attribute.properties) : [];
    if (properties.length === 0) openObjectAttributes.add(attribute.key);
    for (const property of properties) attributeByPath.set(`${attribute.key}.${property}`, attribute);
  }
  return {
    project,
    findings: new FindingList(),
    environments: new Set(project.config.environments),
    tags: new Set(project.config.tags),
    attributeByPath,
    openObjectAttributes,
  };
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/** Reads the value at `path` inside a raw document. */
export function valueAt(raw: unknown, path: DocPath): unknown {
  let node = raw;
  for (const part of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[part];
  }
  return node;
}

/**
 * Checks an attribute reference (condition attribute or bucketBy entry) at `path`, or at `path` + `key`
 * when a key is given: the path is then built only if something is reported.
 */
export function checkAttributeReference(ctx: LintContext, file: string, path: DocPath, name: string, key?: string | number): void {
  const attribute = ctx.attributeByPath.get(name);
  if (attribute && !attribute.archived) return;
  const at = key === undefined ? path : [...path, key];
  if (!attribute) {
    const dot = name.indexOf('.');
    if (dot > 0 && ctx.openObjectAttributes.has(name.slice(0, dot))) return;
    ctx.findings.error(file, at, 'unknown-attribute', `Unknown attribute "${name}"`);
    return;
  }
  ctx.findings.warning(file, at, 'archived-attribute', `Attribute "${attribute.key}" is archived`);
}

/** The operators that nest conditions and segment expressions. */
export const NESTING_OPERATORS = ['and', 'or', 'not'] as const;

/**
 * Checks the segment expression at `path` + `key` (rules, force entries, overrides). Hot path (every rule
 * of every feature): `path` is a stack, pushed and popped, so no path is built unless something is reported.
 */
export function checkSegmentsAt(ctx: LintContext, file: string, path: DocPath, key: string, expression: unknown): void {
  path.push(key);
  checkSegmentExpression(ctx, file, path, expression);
  path.pop();
}

/** Reports every unknown or archived segment key of an expression; `path` is used as a stack and copied only when something is reported. */
function checkSegmentExpression(ctx: LintContext, file: string, path: DocPath, expression: unknown): void {
  if (typeof expression === 'string') {
    if (expression === '*') return;
    const segment = ctx.project.segments.get(expression);
    if (!segment) ctx.findings.error(file, path, 'unknown-segment', `Unknown segment key "${expression}"`);
    else if (segment.archived) ctx.findings.warning(file, path, 'archived-segment', `Segment "${expression}" is archived`);
    return;
  }
  if (Array.isArray(expression)) {
    for (let index = 0; index < expression.length; index++) {
      path.push(index);
      checkSegmentExpression(ctx, file, path, expression[index]);
      path.pop();
    }
    return;
  }
  if (!isRecord(expression)) return;
  for (const operator of NESTING_OPERATORS) {
    if (!Array.isArray(expression[operator])) continue;
    path.push(operator);
    checkSegmentExpression(ctx, file, path, expression[operator]);
    path.pop();
  }
}

const NAME_WITH_DOTS = /^[a-zA-Z0-9_\-./]+$/;
const NAME = /^[a-zA-Z0-9_\-/]+$/;

/** `Invalid name` as the official linter says it. */
export function checkEntityName(findings: FindingList, file: string, key: string, allowDots: boolean): void {
  if ((allowDots ? NAME_WITH_DOTS : NAME).test(key)) return;
  findings.error(
    file,
    [],
    'invalid-name',
    `Invalid name: "${key}". Names must be alphanumeric and can contain _, -${allowDots ? ', .' : ''} and /`,
  );
}
