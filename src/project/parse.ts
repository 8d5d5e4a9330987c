// Reads and parses one YAML file defensively. The block-YAML parser (fast-yaml.ts) answers for plain flag
// files; whatever it leaves goes to js-yaml (Featurevisor's own semantics: unquoted timestamps become
// Dates, and it reports syntax errors), or to the `yaml` package when the document has anchors: its alias
// limit stops "billion laughs" documents before they expand.
import { readFileSync } from 'node:fs';
import { load as loadYaml, YAMLException } from 'js-yaml';
import { parse as parseYamlSafely } from 'yaml';
import type { Diagnostic } from '../model/diagnostic.ts';
import { parseFastYaml, PROTOTYPE_KEYS, UNSUPPORTED } from './fast-yaml.ts';

export const MAX_FILE_BYTES = 4 * 1024 * 1024;
const FORBIDDEN_WORD = /__proto__|constructor|prototype/;
const ANCHOR = /(^|[\s[{,:-])&[^\s]/;

export type ParseOutcome = { ok: true; doc: Record<string, unknown> } | { ok: false; diagnostic: Diagnostic };

function problem(file: string, line: number, column: number, rule: string, message: string): ParseOutcome {
  return { ok: false, diagnostic: { file, line, column, severity: 'error', rule, message } };
}

/** A file read as UTF-8 text (here or on the read-ahead thread), or why it could not be read. */
export type ReadResult = string | { error: string };

/** Parses one read file; `absolute` is re-read only to check it strictly; `file` is the project-relative name in diagnostics. */
export function parseRead(result: ReadResult, absolute: string, file: string): ParseOutcome {
  if (typeof result !== 'string') return problem(file, 1, 1, 'io', `cannot read: ${result.error}`);
  let text = result;
  // A UTF-8 byte count is at most three times the text's length: only long texts need counting.
  if (text.length > MAX_FILE_BYTES || (text.length * 3 > MAX_FILE_BYTES && Buffer.byteLength(text) > MAX_FILE_BYTES)) {
    return problem(file, 1, 1, 'file-too-large', `file is ${(Buffer.byteLength(text) / 1048576).toFixed(1)} MiB; the limit is ${MAX_FILE_BYTES / 1048576} MiB`);
  }
  // Invalid bytes decode to U+FFFD; only then is the file checked strictly (U+FFFD may also be real text).
  if (text.includes('\uFFFD')) return parseYamlBytes(readFileSync(absolute), file);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return parseYamlString(text, file);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function parseYamlBytes(bytes: Buffer, file: string): ParseOutcome {
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    const lenient = bytes.toString('utf8');
    const at = lenient.indexOf('\uFFFD');
    const { line, column } = lineColumnAt(lenient, Math.max(0, at));
    return problem(file, line, column, 'invalid-utf8', 'file is not valid UTF-8');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return parseYamlString(text, file);
}

/** Parses decoded YAML text: the fast block-YAML parser first, js-yaml (or `yaml` for anchors) for the rest. */
function parseYamlString(text: string, file: string): ParseOutcome {
  // The fast parser leaves documents with prototype keys to js-yaml (below), where they are reported.
  const fast = parseFastYaml(text);
  if (fast !== UNSUPPORTED) {
    if (fast !== null && typeof fast === 'object' && !Array.isArray(fast) && !(fast instanceof Date)) return { ok: true, doc: fast as Record<string, unknown> };
    return problem(file, 1, 1, 'schema', 'expected a YAML mapping (key: value pairs) at the top level');
  }
  let doc: unknown;
  try {
    doc = text.includes('&') && ANCHOR.test(text) ? parseYamlSafely(text, { schema: 'core', customTags: ['timestamp', 'merge'], maxAliasCount: 100, uniqueKeys: true }) : loadYaml(text, { filename: file });
  } catch (error) {
    if (error instanceof YAMLException) {
      const mark = error.mark;
      const rule = /duplicated mapping key/.test(error.reason) ? 'yaml-duplicate-key' : 'yaml-syntax';
      return problem(file, (mark?.line ?? 0) + 1, (mark?.column ?? 0) + 1, rule, error.reason || error.message);
    }
    const yamlError = error as { linePos?: Array<{ line: number; col: number }>; code?: string; message: string };
    const pos = yamlError.linePos?.[0];
    const aliasBomb = /resource exhaustion/i.test(yamlError.message);
    const rule = yamlError.code === 'DUPLICATE_KEY' ? 'yaml-duplicate-key' : aliasBomb ? 'yaml-alias-bomb' : 'yaml-syntax';
    if (aliasBomb) {
      const firstAlias = lineColumnAt(text, Math.max(0, text.search(/\*[A-Za-z0-9_-]+/)));
      return problem(file, firstAlias.line, firstAlias.column, rule, 'too many YAML aliases (possible alias bomb); expand them by hand');
    }
    return problem(file, pos?.line ?? 1, pos?.col ?? 1, rule, firstLine(yamlError.message));
  }
  if (doc === undefined || doc === null) return problem(file, 1, 1, 'empty-file', 'file is empty');
  if (typeof doc !== 'object' || Array.isArray(doc) || doc instanceof Date) {
    return problem(file, 1, 1, 'schema', 'expected a YAML mapping (key: value pairs) at the top level');
  }
  // The walk is only needed when one of the words appears at all.
  const forbidden = FORBIDDEN_WORD.test(text) ? findForbiddenKey(doc) : undefined;
  if (forbidden) {
    const { line, column } = locateKey(text, forbidden);
    return problem(file, line, column, 'forbidden-key', `the key "${forbidden}" is not allowed`);
  }
  return { ok: true, doc: doc as Record<string, unknown> };
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** Keys that could reach object prototypes are rejected anywhere in a document. */
function findForbiddenKey(root: object): string | undefined {
  const stack: unknown[] = [root];
  while (stack.length) {
    const value = stack.pop();
    if (!value || typeof value !== 'object' || value instanceof Date) continue;
    if (Array.isArray(value)) {
      for (const item of value) if (item && typeof item === 'object') stack.push(item);
      continue;
    }
    for (const key of Object.keys(value)) {
      if (PROTOTYPE_KEYS.has(key)) return key;
      const child = (value as Record<string, unknown>)[key];
      if (child && typeof child === 'object') stack.push(child);
    }
  }
  return undefined;
}

function locateKey(text: string, key: string): { line: number; column: number } {
  const match = new RegExp(`(^|[\\s{,"'])${key.replace(/_/g, '_')}["']?\\s*:`, 'm').exec(text);
  return lineColumnAt(text, match ? match.index + match[1].length : 0);
}

export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
