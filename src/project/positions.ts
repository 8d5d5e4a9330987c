// Turns document paths into line:column. Positions are found only for files that have findings:
// the fast parse keeps none, and most files never need one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { compareDiagnostics, type Diagnostic, type Severity } from '../model/diagnostic.ts';
import type { DocPath, SourceRef } from '../model/project.ts';
import { fastLocate, splitLines } from './fast-locate.ts';

export interface Finding {
  source: SourceRef;
  severity: Severity;
  rule: string;
  message: string;
}

export interface Position {
  line: number;
  column: number;
}

/** Locates a path in YAML text; a path that does not exist resolves to its nearest existing parent. */
export function locatePath(text: string, path: DocPath): Position {
  return createLocator(text)(path);
}

/** Answers many path look-ups on one text: by indentation when it can, else with the full YAML parser (parsed once). */
export function createLocator(text: string): (path: DocPath) => Position {
  const lines = splitLines(text);
  let parsed: ((path: DocPath) => Position) | undefined;
  return (path) => fastLocate(lines, path) ?? (parsed ??= createParserLocator(text))(path);
}

/** The reference answer: the `yaml` package's node ranges. */
export function locateWithParser(text: string, path: DocPath): Position {
  return createParserLocator(text)(path);
}

function createParserLocator(text: string): (path: DocPath) => Position {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, keepSourceTokens: false, uniqueKeys: false, strict: false });
  return (path) => locateIn(doc.contents, lineCounter, path);
}

function locateIn(contents: unknown, lineCounter: LineCounter, path: DocPath): Position {
  let node: unknown = contents;
  let offset = (contents as Node | null)?.range?.[0] ?? 0;
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(step));
      if (!pair) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof step === 'number' && step < node.items.length) {
      const item = node.items[step] as Node | null;
      offset = item?.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

export async function resolveFindings(rootDirectory: string, findings: Finding[]): Promise<Diagnostic[]> {
  const locators = new Map<string, ((path: DocPath) => Position) | undefined>();
  const diagnostics = findings.map((finding): Diagnostic => {
    const { file, path } = finding.source;
    if (!locators.has(file)) {
      try {
        locators.set(file, createLocator(readFileSync(join(rootDirectory, file), 'utf8')));
      } catch {
        locators.set(file, undefined);
      }
    }
    const locate = locators.get(file);
    const position = locate ? locate(path) : { line: 0, column: 0 };
    return { file, line: position.line, column: position.column, severity: finding.severity, rule: finding.rule, message: finding.message };
  });
  return dedupe(diagnostics.sort(compareDiagnostics));
}

function dedupe(sorted: Diagnostic[]): Diagnostic[] {
  return sorted.filter((d, i) => {
    const prev = sorted[i - 1];
    return !prev || prev.file !== d.file || prev.line !== d.line || prev.column !== d.column || prev.rule !== d.rule || prev.message !== d.message;
  });
}
