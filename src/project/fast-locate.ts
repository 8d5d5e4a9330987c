// Finds the line:column of a document path by reading block-style YAML indentation, without a parser.
// Flag files are plain block YAML, so this answers almost every look-up in microseconds; anything it
// is unsure about (flow collections, multi-line keys, anchors, odd indentation) returns undefined and
// the caller falls back to the full YAML parser.
import type { DocPath } from '../model/project.ts';

interface Line {
  indent: number;
  /** Text after the indentation. */
  text: string;
  /** True for blank lines and comments. */
  skip: boolean;
}

export interface FastPosition {
  line: number;
  column: number;
}

export function splitLines(text: string): Line[] {
  return text.split('\n').map((raw) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const body = line.trimStart();
    return { indent: line.length - body.length, text: body, skip: body === '' || body.startsWith('#') || body === '---' };
  });
}

/** A block: lines [start, end) whose content sits at `indent`. */
interface Block {
  start: number;
  end: number;
  indent: number;
  /** When the block's first entry starts mid-line (after "- "), that line and column. */
  inlineLine?: number;
  /** A one-line flow sequence value (`key: [a, b]`): its line, the column of "[" and its text. */
  flow?: { line: number; column: number; text: string };
}

/** Columns (relative to "[") where the items of a one-line flow sequence start, or undefined if it is not simple. */
function flowItemOffsets(text: string): number[] | undefined {
  const offsets: number[] = [];
  let quote = '';
  let expectItem = true;
  for (let i = 1; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if (c === ']') return text.slice(i + 1).trim() === '' || text.slice(i + 1).trim().startsWith('#') ? offsets : undefined;
    if (c === '[' || c === '{') return undefined;
    if (c === ',') {
      expectItem = true;
      continue;
    }
    if (c === ' ') continue;
    if (expectItem) {
      offsets.push(i);
      expectItem = false;
    }
    if (c === '"' || c === "'") quote = c;
  }
  return undefined;
}

const KEY = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#'"{[&*!|>%@`][^:#]*?))\s*:(?:\s|$)/;

function keyOf(text: string): { key: string; rest: string } | undefined {
  const match = KEY.exec(text);
  if (!match) return undefined;
  const key = match[1] ?? match[2]?.replace(/''/g, "'") ?? match[3].trimEnd();
  return { key, rest: text.slice(match[0].length).trim() };
}

function endOfBlock(lines: Line[], from: number, parentIndent: number, allowDashAtParent: boolean): number {
  let i = from;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (line.skip) continue;
    if (line.indent > parentIndent) continue;
    if (allowDashAtParent && line.indent === parentIndent && (line.text === '-' || line.text.startsWith('- '))) continue;
    break;
  }
  return i;
}

function firstContent(lines: Line[], start: number, end: number): number {
  for (let i = start; i < end; i++) if (!lines[i].skip) return i;
  return -1;
}

/** A line's text and indentation as seen by `block`: its first line may start after a "- ". */
function entryAt(lines: Line[], index: number, block: Block): { text: string; indent: number } {
  const line = lines[index];
  if (index !== block.inlineLine) return line;
  return { text: line.text.slice(block.indent - line.indent), indent: block.indent };
}

export function fastLocate(lines: Line[], path: DocPath): FastPosition | undefined {
  if (lines.some((l) => !l.skip && (l.text.startsWith('&') || l.text.includes(': &') || l.text.startsWith('? ')))) return undefined;
  const top = firstContent(lines, 0, lines.length);
  if (top < 0) return { line: 1, column: 1 };
  let block: Block = { start: top, end: lines.length, indent: lines[top].indent };
  let position: FastPosition = { line: top + 1, column: lines[top].indent + 1 };

  for (const step of path) {
    if (block.flow) {
      if (typeof step !== 'number') return undefined;
      const offsets = flowItemOffsets(block.flow.text);
      if (!offsets) return undefined;
      if (step < offsets.length) position = { line: block.flow.line + 1, column: block.flow.column + offsets[step] + 1 };
      block = { start: 0, end: 0, indent: -1 };
      continue;
    }
    if (block.indent < 0) return undefined;
    if (typeof step === 'number') {
      // The step-th "- " item of a sequence at block.indent.
      let seen = -1;
      let found = -1;
      let column = 0;
      for (let i = block.start; i < block.end; i++) {
        if (lines[i].skip) continue;
        const { text, indent } = entryAt(lines, i, block);
        if (indent !== block.indent) continue;
        if (!(text === '-' || text.startsWith('- '))) return undefined;
        if (++seen === step) {
          found = i;
          column = indent;
          break;
        }
      }
      if (found < 0) return block.indent < 0 ? undefined : position;
      const itemEnd = endOfBlock(lines, found + 1, column, false);
      const lineText = entryAt(lines, found, block).text;
      const afterDash = lineText.slice(1);
      const gap = afterDash.length - afterDash.trimStart().length;
      if (afterDash.trim() === '') {
        const next = firstContent(lines, found + 1, itemEnd);
        if (next < 0) return undefined;
        block = { start: next, end: itemEnd, indent: lines[next].indent };
        position = { line: next + 1, column: lines[next].indent + 1 };
      } else {
        const contentColumn = column + 1 + gap;
        block = { start: found, end: itemEnd, indent: contentColumn, inlineLine: found };
        position = { line: found + 1, column: contentColumn + 1 };
      }
      continue;
    }

    // A mapping key at block.indent.
    let found = -1;
    let rest = '';
    for (let i = block.start; i < block.end; i++) {
      if (lines[i].skip) continue;
      const { text, indent } = entryAt(lines, i, block);
      if (indent !== block.indent) continue;
      if (text.startsWith('- ') || text === '-') return undefined;
      const parsed = keyOf(text);
      if (!parsed) return undefined;
      if (parsed.key === String(step)) {
        found = i;
        rest = parsed.rest;
        break;
      }
    }
    if (found < 0) return block.indent < 0 ? undefined : position;
    position = { line: found + 1, column: block.indent + 1 };
    const valueEnd = endOfBlock(lines, found + 1, block.indent, true);
    if (rest !== '' && !rest.startsWith('#')) {
      // An inline value: only simple one-line flow sequences can be looked into.
      const lineText = lines[found].text;
      const column = lines[found].indent + lineText.lastIndexOf(rest);
      block = rest.startsWith('[') ? { start: 0, end: 0, indent: -1, flow: { line: found, column, text: rest } } : { start: found + 1, end: found + 1, indent: -1 };
      continue;
    }
    const next = firstContent(lines, found + 1, valueEnd);
    if (next < 0) {
      block = { start: found + 1, end: found + 1, indent: -1 };
      continue;
    }
    block = { start: next, end: valueEnd, indent: lines[next].indent };
  }
  return position;
}
