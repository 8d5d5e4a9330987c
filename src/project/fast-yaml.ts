// A fast parser for the block-style YAML that flag repositories are written in: block mappings and
// sequences, plain and quoted one-line scalars, one-line flow collections, literal/folded block scalars
// and comments. Anything else — anchors, tags, multi-line plain or quoted scalars, duplicate keys,
// tabs, CRLF, several documents, any construct it is not sure of — returns UNSUPPORTED, and the caller
// uses js-yaml, which also reports every syntax error. Where it answers, the result equals js-yaml's
// `load` (same scalar resolution: js-yaml's own implicit types decide), which a differential test checks.
import jsYaml from 'js-yaml';

export const UNSUPPORTED: unique symbol = Symbol('unsupported YAML');
type Value = unknown;

class Unsupported extends Error {}
const UNSUPPORTED_ERROR = new Unsupported();
const bail = (): never => {
  throw UNSUPPORTED_ERROR;
};

type ImplicitType = { tag: string; resolve(s: string): boolean; construct(s: string): unknown };
const implicitTypes = (jsYaml.DEFAULT_SCHEMA as unknown as { compiledImplicit: ImplicitType[] }).compiledImplicit;
const WORDS = new Map<string, unknown>([
  ['true', true], ['True', true], ['TRUE', true],
  ['false', false], ['False', false], ['FALSE', false],
  ['null', null], ['Null', null], ['NULL', null],
]);

const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const DOT = 46;
const QUOTE = 34;
const APOSTROPHE = 39;
const BACKSLASH = 92;

/** A plain scalar's value, exactly as js-yaml's default schema resolves it. */
function resolvePlain(text: string): unknown {
  const c = text.charCodeAt(0);
  // Letters start strings unless the scalar is one of the boolean/null words (.inf/.nan start with ".").
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) {
    if (c === 116 || c === 84 || c === 102 || c === 70 || c === 110 || c === 78) return WORDS.has(text) ? WORDS.get(text) : text;
    return text;
  }
  if (isPlainDecimal(text) && text !== '-0') return Number(text); // js-yaml reads the integer -0 as 0
  for (const type of implicitTypes) {
    if (type.resolve(text)) {
      if (type.tag.endsWith(':merge')) bail();
      return type.construct(text);
    }
  }
  return text;
}

/** "-12", "0", "3.25": numbers whose js-yaml value is exactly Number(text) (no "_", exponent or leading zero). */
function isPlainDecimal(text: string): boolean {
  let i = text.charCodeAt(0) === DASH ? 1 : 0;
  if (i === text.length) return false;
  const first = text.charCodeAt(i);
  if (first < 48 || first > 57 || (first === 48 && i + 1 < text.length && text.charCodeAt(i + 1) !== DOT)) return false;
  let dot = false;
  let digitsAfterDot = 0;
  for (i++; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === DOT && !dot) dot = true;
    else if (c >= 48 && c <= 57) {
      if (dot) digitsAfterDot++;
    } else return false;
  }
  return text.length < 16 && (!dot || digitsAfterDot > 0);
}

/** Characters that cannot start a plain scalar here (or start constructs this parser leaves to js-yaml). */
function isUnsafeStart(c: number): boolean {
  // & * ! | > % @ ` , [ ] { } # ? :  (quotes, flows and block scalars are handled by the callers)
  return c === 38 || c === 42 || c === 33 || c === 124 || c === 62 || c === 37 || c === 64 || c === 96 || c === 44 ||
    c === 91 || c === 93 || c === 123 || c === 125 || c === HASH || c === 63 || c === COLON;
}

// Per-line tables, reused across files (parsing is synchronous).
let lineStart = new Int32Array(256);
let lineEnd = new Int32Array(256);
/** Column of the first content character; -1 for blank and comment-only lines. */
let indentOf = new Int32Array(256);
/** Absolute offset where parsing of a line starts (after "- " for compact mapping entries). */
let startOf = new Int32Array(256);

class Parser {
  private readonly text: string;
  private readonly count: number;
  /** The line after the node just parsed (an out-parameter, to avoid allocating tuples). */
  private after = 0;
  /** Next " #" at or after `commentFrom` (-1: none left in the file): most files have none, so one search. */
  private comment: number;
  private commentFrom = 0;
  /** Reused for quoted scalars and flow collections. */
  private readonly scanner: Scanner;

  constructor(text: string) {
    this.text = text;
    let count = 0;
    let pos = 0;
    const length = text.length;
    while (pos <= length) {
      if (count === lineStart.length) grow();
      let end = text.indexOf('\n', pos);
      if (end < 0) end = length;
      let p = pos;
      while (p < end && text.charCodeAt(p) === SPACE) p++;
      // "---" / "..." at a line start after the first: several documents, or a document end.
      const first = text.charCodeAt(pos);
      if ((first === DASH || first === DOT) && pos > 0 && (text.startsWith('---', pos) || text.startsWith('...', pos))) bail();
      lineStart[count] = pos;
      lineEnd[count] = end;
      startOf[count] = p;
      indentOf[count] = p === end || text.charCodeAt(p) === HASH ? -1 : p - pos;
      count++;
      pos = end + 1;
    }
    this.count = count;
    this.comment = nextPair(text, SPACE, '#', 0);
    this.scanner = new Scanner(text);
  }

  /**
   * Offset of the first " #" in [from, end), or -1. Searches move forward, so one search serves many;
   * V8 searches one character much faster than two, hence "#" and a look back.
   */
  private commentIn(from: number, end: number): number {
    if (from < this.commentFrom || (this.comment >= 0 && this.comment < from)) this.comment = nextPair(this.text, SPACE, '#', from);
    this.commentFrom = from;
    return this.comment >= 0 && this.comment < end ? this.comment : -1;
  }

  /** Offset of the first ": " in [from, end), or -1. */
  private colonIn(from: number, end: number): number {
    const text = this.text;
    for (let colon = text.indexOf(':', from); colon >= 0 && colon < end; colon = text.indexOf(':', colon + 1)) {
      if (text.charCodeAt(colon + 1) === SPACE) return colon;
    }
    return -1;
  }

  private scan(at: number, end: number): Scanner {
    this.scanner.p = at;
    this.scanner.end = end;
    return this.scanner;
  }

  /** The next line at or after `i` with content, or the line count. */
  private next(i: number): number {
    while (i < this.count && indentOf[i] < 0) i++;
    return i;
  }

  private isDash(p: number, end: number): boolean {
    return this.text.charCodeAt(p) === DASH && (p + 1 === end || this.text.charCodeAt(p + 1) === SPACE);
  }

  document(): Value {
    let i = this.next(0);
    if (i === this.count) bail(); // empty: js-yaml's answer (undefined) is cheap to get
    if (lineEnd[i] - lineStart[i] === 3 && this.text.startsWith('---', lineStart[i])) i = this.next(i + 1);
    if (i === this.count || indentOf[i] !== 0) bail();
    const value = this.block(i, 0);
    if (this.next(this.after) !== this.count) bail();
    return value;
  }

  /** A block node whose first line is `i`, at indentation `indent`. */
  private block(i: number, indent: number): Value {
    return this.isDash(startOf[i], lineEnd[i]) ? this.sequence(i, indent) : this.mapping(i, indent);
  }

  private sequence(i: number, indent: number): Value {
    const text = this.text;
    // Items gather on the shared stack and leave it as one exactly sized array (see itemStack).
    const base = itemTop;
    while (i < this.count) {
      const at = startOf[i];
      const end = lineEnd[i];
      // A line at this indentation without "- " ends a sequence that is aligned with its key.
      if (!this.isDash(at, end)) break;
      let rest = at + 1;
      while (text.charCodeAt(rest) === SPACE) rest++;
      if (rest >= end || text.charCodeAt(rest) === HASH) {
        if (rest < end && text.charCodeAt(rest - 1) !== SPACE) bail();
        const item = this.nested(i, indent, false);
        pushItem(item);
        // js-yaml lets a shallower "- " line after an empty item continue this sequence: leave that to it.
        const j = this.next(this.after);
        if (item === null && j < this.count && indentOf[j] < indent && this.isDash(startOf[j], lineEnd[j])) bail();
      } else if (this.isDash(rest, end)) {
        bail(); // "- - x": compact nested sequences
      } else if (this.keyEnd(rest, end) >= 0) {
        // "- key: value": a mapping whose entries sit at the column of "key"
        const column = rest - lineStart[i];
        indentOf[i] = column;
        startOf[i] = rest;
        pushItem(this.mapping(i, column));
      } else {
        pushItem(this.inline(i, rest, indent));
      }
      i = this.next(this.after);
      if (i === this.count || indentOf[i] < indent) break;
      if (indentOf[i] !== indent) bail();
    }
    this.after = i;
    return takeItems(base);
  }

  private mapping(i: number, indent: number): Value {
    const text = this.text;
    const map: Record<string, Value> = {};
    // This map's keys sit on the shared stack from `base` on: a repeated one is found by a short scan.
    const base = keyTop;
    while (i < this.count) {
      const at = startOf[i];
      const end = lineEnd[i];
      const colon = this.keyEnd(at, end);
      if (colon < 0) bail();
      const key = this.key(at, colon);
      // A repeated key: js-yaml reports it with its position.
      for (let k = base; k < keyTop; k++) if (keyStack[k] === key) bail();
      keyStack[keyTop++] = key;
      let rest = colon + 1;
      while (text.charCodeAt(rest) === SPACE) rest++;
      map[key] = rest >= end || text.charCodeAt(rest) === HASH ? this.nested(i, indent, true) : this.inline(i, rest, indent);
      i = this.next(this.after);
      if (i === this.count || indentOf[i] < indent) break;
      if (indentOf[i] !== indent || this.isDash(startOf[i], lineEnd[i])) bail();
    }
    keyTop = base;
    this.after = i;
    return map;
  }

  /** The value after "key:" or "-" with nothing else on the line: a deeper block, or null. */
  private nested(i: number, indent: number, sequenceMayAlign: boolean): Value {
    const j = this.next(i + 1);
    if (j < this.count) {
      const childIndent = indentOf[j];
      if (childIndent > indent) return this.block(j, childIndent);
      // A sequence may sit at its key's own indentation ("rules:\n- ...").
      if (sequenceMayAlign && childIndent === indent && this.isDash(startOf[j], lineEnd[j])) return this.sequence(j, indent);
    }
    this.after = i + 1;
    return null;
  }

  /** A value that starts on line `i` at offset `at`: a scalar, a flow collection or a block scalar. */
  private inline(i: number, at: number, parentIndent: number): Value {
    const text = this.text;
    const end = lineEnd[i];
    const c = text.charCodeAt(at);
    let value: Value;
    if (c === 124 || c === 62) return this.blockScalar(i, at, parentIndent); // | >
    if (c === QUOTE || c === APOSTROPHE || c === 91 || c === 123) {
      const scanner = this.scan(at, end);
      value = c === 91 || c === 123 ? scanner.flow() : scanner.quoted();
      const stop = scanner.p;
      const next = skipSpaces(text, stop);
      if (next < end && (text.charCodeAt(next) !== HASH || next === stop)) bail();
    } else {
      if (isUnsafeStart(c) || this.isDash(at, end)) bail();
      let stop = this.commentIn(at, end);
      if (stop < 0) stop = end;
      while (text.charCodeAt(stop - 1) === SPACE) stop--;
      // "a: b: c" is an error, "a: b:" too; js-yaml says so.
      if (this.colonIn(at, stop) >= 0 || text.charCodeAt(stop - 1) === COLON) bail();
      value = plainScalar(text, at, stop);
    }
    // A one-line value must not be continued on deeper lines (a multi-line scalar or an error).
    const j = this.next(i + 1);
    if (j < this.count && indentOf[j] > parentIndent) bail();
    this.after = i + 1;
    return value;
  }

  private blockScalar(i: number, at: number, parentIndent: number): Value {
    const text = this.text;
    const folded = text.charCodeAt(at) === 62;
    let strip = false;
    let p = at + 1;
    if (text[p] === '-') (strip = true), p++;
    else if (text[p] === '+') bail(); // "keep" depends on the blank lines up to the next node
    p = skipSpaces(text, p);
    // Indentation indicators or text after the header: leave to js-yaml.
    if (p < lineEnd[i] && !(text.charCodeAt(p) === HASH && text.charCodeAt(p - 1) === SPACE)) bail();
    // Content: the following lines indented deeper than the parent; the first non-blank one sets the indentation.
    let contentIndent = -1;
    const raw: string[] = [];
    for (let j = i + 1; j < this.count; j++) {
      const start = lineStart[j];
      const n = (indentOf[j] >= 0 ? startOf[j] : skipSpaces(text, start)) - start;
      if (start + n >= lineEnd[j]) {
        if (contentIndent >= 0 ? n > contentIndent : n > parentIndent + 1) bail(); // whitespace carried into content
        raw.push('');
        continue;
      }
      if (contentIndent < 0) {
        if (n <= parentIndent) break;
        contentIndent = n;
      } else if (n < contentIndent) break;
      if (folded && n > contentIndent) bail(); // more-indented lines fold differently
      raw.push(text.slice(start + contentIndent, lineEnd[j]));
    }
    // Trailing blank lines are chomped: the scalar ends at its last content line.
    let last = raw.length;
    while (last > 0 && raw[last - 1] === '') last--;
    let value = '';
    if (!folded) value = raw.slice(0, last).join('\n');
    else if (last > 0) {
      if (raw[0] === '') bail(); // leading blank lines of folded scalars
      value = raw[0];
      for (let k = 1; k < last; k++) value += raw[k] === '' ? '\n' : raw[k - 1] === '' ? raw[k] : ' ' + raw[k];
    }
    if (last > 0 && !strip) value += '\n';
    this.after = i + 1 + last;
    return value;
  }

  /** Offset of the ":" ending a key that starts at `at`, or -1 when the line is not "key: ...". */
  private keyEnd(at: number, end: number): number {
    const text = this.text;
    const c = text.charCodeAt(at);
    if (c === QUOTE || c === APOSTROPHE) {
      const scanner = this.scan(at, end);
      scanner.quoted();
      const colon = skipSpaces(text, scanner.p);
      return text.charCodeAt(colon) === COLON && (colon + 1 === end || text.charCodeAt(colon + 1) === SPACE) ? colon : -1;
    }
    if (isUnsafeStart(c) || this.isDash(at, end)) return -1;
    let colon = this.colonIn(at, end);
    if (colon < 0) colon = text.charCodeAt(end - 1) === COLON ? end - 1 : -1;
    if (colon < 0) return -1;
    return this.commentIn(at, colon) >= 0 ? -1 : colon;
  }

  private key(at: number, colon: number): string {
    const text = this.text;
    const c = text.charCodeAt(at);
    let key: unknown;
    if (c === QUOTE || c === APOSTROPHE) key = this.scan(at, colon).quoted();
    else {
      let end = colon;
      while (text.charCodeAt(end - 1) === SPACE) end--;
      const known = knownKey(text, at, end);
      if (known !== undefined) return known;
      key = resolvePlain(text.slice(at, end));
      if (typeof key === 'string') rememberKey(key);
    }
    return keyString(key);
  }
}

/** Keys that could reach object prototypes: a document with one is left to js-yaml and the caller's checks. */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** js-yaml turns scalar keys into strings; dates (and prototype keys) are left to it. */
function keyString(key: unknown): string {
  if (typeof key === 'object' && key !== null) bail();
  const text = String(key);
  if (PROTOTYPE_KEYS.has(text)) bail();
  return text;
}

// The shared stacks end at their "top" index, not their length: shrinking an array's length is a
// runtime call in V8, paid once per map and sequence. Entries above the top are stale and overwritten.
/** Keys of open maps (see `mapping`); a parse that bails leaves it to be reset by the next one. */
const keyStack: string[] = [];
let keyTop = 0;

/**
 * Items of open sequences. A list built by push() keeps room for 16 or more items, most flag-file lists
 * hold one to three, and parsed documents stay in memory for the whole command: a slice is exact.
 */
const itemStack: Value[] = [];
let itemTop = 0;

function pushItem(item: Value): void {
  itemStack[itemTop++] = item;
}

function takeItems(base: number): Value[] {
  const items = itemStack.slice(base, itemTop);
  itemTop = base;
  return items;
}

// Flag files repeat a few dozen keys thousands of times. Handing V8 the same string object for a key
// spares it looking a fresh slice up in its string table on every property store.
const KEY_CACHE_SLOTS = 4096;
const keyCache: Array<string | undefined> = new Array(KEY_CACHE_SLOTS);

function keySlot(text: string, at: number, end: number): number {
  const length = end - at;
  return (length * 31 + text.charCodeAt(at) * 7 + text.charCodeAt(end - 1) + text.charCodeAt(at + (length >> 1)) * 131) & (KEY_CACHE_SLOTS - 1);
}

/** Whether `cached` is the text [at, end): compared by hand, as startsWith with a position is a builtin call, several times slower for short strings. */
function isSameText(cached: string | undefined, text: string, at: number, end: number): cached is string {
  if (cached === undefined || cached.length !== end - at) return false;
  for (let k = 0; k < cached.length; k++) if (cached.charCodeAt(k) !== text.charCodeAt(at + k)) return false;
  return true;
}

function knownKey(text: string, at: number, end: number): string | undefined {
  const cached = keyCache[keySlot(text, at, end)];
  return isSameText(cached, text, at, end) ? cached : undefined;
}

function rememberKey(key: string): void {
  // Prototype keys are never cached: a cached key skips keyString's check.
  if (key.length > 0 && !PROTOTYPE_KEYS.has(key)) keyCache[keySlot(key, 0, key.length)] = key;
}

// Values repeat as well: 270,000 of a 10,000-feature project's 380,000 strings are short, and 28,000 distinct
// ("*", "everyone", "production", "userId"). Handing out one string per distinct text spares the allocations and
// the garbage collector's copying of them (parse -78 ms, 11/15). Longer texts are V8 slices of the file's text
// (13 characters and up): caching those would keep whole files alive.
const MAX_CACHED_SCALAR = 12;
const plainTexts: Array<string | undefined> = new Array(KEY_CACHE_SLOTS);
const plainValues: unknown[] = new Array(KEY_CACHE_SLOTS);
const quotedTexts: Array<string | undefined> = new Array(KEY_CACHE_SLOTS);

/** The plain scalar [at, end) resolved; short ones from the cache (only primitives: a Date is mutable). */
function plainScalar(text: string, at: number, end: number): unknown {
  if (end - at > MAX_CACHED_SCALAR) return resolvePlain(text.slice(at, end));
  const slot = keySlot(text, at, end);
  if (isSameText(plainTexts[slot], text, at, end)) return plainValues[slot];
  const source = text.slice(at, end);
  const value = resolvePlain(source);
  if (typeof value !== 'object' || value === null) {
    plainTexts[slot] = source;
    plainValues[slot] = value;
  }
  return value;
}

/** The text [at, end) of a quoted scalar without escapes; short ones from the cache. */
function quotedText(text: string, at: number, end: number): string {
  if (end - at > MAX_CACHED_SCALAR || end === at) return text.slice(at, end);
  const slot = keySlot(text, at, end);
  const cached = quotedTexts[slot];
  return isSameText(cached, text, at, end) ? cached : (quotedTexts[slot] = text.slice(at, end));
}

function grow(): void {
  const size = lineStart.length * 2;
  const bigger = (old: Int32Array) => {
    const next = new Int32Array(size);
    next.set(old);
    return next;
  };
  lineStart = bigger(lineStart);
  lineEnd = bigger(lineEnd);
  indentOf = bigger(indentOf);
  startOf = bigger(startOf);
}

/** Offset of the first `first` + `second` pair starting at or after `from` (`second` found with indexOf). */
function nextPair(text: string, first: number, second: string, from: number): number {
  for (let p = text.indexOf(second, from + 1); p >= 0; p = text.indexOf(second, p + 1)) {
    if (text.charCodeAt(p - 1) === first) return p - 1;
  }
  return -1;
}

/** The quote closing a scalar on this line, or -1; indexOf stops at it at once, where a charCode loop crawls. */
function closingQuote(text: string, quote: string, from: number, end: number): number {
  const at = text.indexOf(quote, from);
  return at >= 0 && at < end ? at : -1;
}

function findChar(text: string, c: number, from: number, end: number): number {
  for (let p = from; p < end; p++) if (text.charCodeAt(p) === c) return p;
  return -1;
}

function skipSpaces(text: string, p: number): number {
  while (text.charCodeAt(p) === SPACE) p++;
  return p;
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '0': '\0', ' ': ' ' };

/** Reads quoted scalars and flow collections within one line [p, end). */
class Scanner {
  private readonly text: string;
  p = 0;
  end = 0;

  constructor(text: string) {
    this.text = text;
  }

  quoted(): string {
    const { text, end } = this;
    const quote = text.charCodeAt(this.p);
    let p = this.p + 1;
    if (quote === APOSTROPHE) {
      let value = '';
      for (;;) {
        const close = closingQuote(text, "'", p, end);
        if (close < 0) bail(); // multi-line
        if (text.charCodeAt(close + 1) !== APOSTROPHE) {
          this.p = close + 1;
          // Without '' escapes (nearly always) the text itself, from the cache.
          return value === '' ? quotedText(text, p, close) : value + text.slice(p, close);
        }
        value += text.slice(p, close) + "'";
        p = close + 2;
      }
    }
    const close = closingQuote(text, '"', p, end);
    if (close < 0) bail();
    if (findChar(text, BACKSLASH, p, close) < 0) {
      this.p = close + 1;
      return quotedText(text, p, close);
    }
    // The runs between escapes are joined once: adding a character at a time made a chain of V8 cons strings
    // that stayed in memory (150,000 of them for a 10,000-feature project's JSON-valued variables).
    const parts: string[] = [];
    let run = p;
    while (p < end) {
      const c = text.charCodeAt(p);
      if (c === QUOTE) {
        parts.push(text.slice(run, p));
        this.p = p + 1;
        return parts.join('');
      }
      if (c !== BACKSLASH) {
        p++;
        continue;
      }
      parts.push(text.slice(run, p));
      const escape = text[p + 1];
      if (escape === 'u') {
        const hex = text.slice(p + 2, p + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) bail();
        parts.push(String.fromCharCode(parseInt(hex, 16)));
        p += 6;
      } else if (escape !== undefined && Object.hasOwn(ESCAPES, escape)) {
        parts.push(ESCAPES[escape]!);
        p += 2;
      } else bail();
      run = p;
    }
    return bail();
  }

  /** A flow collection starting at p ("[" or "{"). */
  flow(): Value {
    const text = this.text;
    const isMap = text.charCodeAt(this.p) === 123;
    const closer = isMap ? 125 : 93;
    const map: Record<string, Value> = {};
    const base = itemTop;
    this.p = skipSpaces(text, this.p + 1);
    if (text.charCodeAt(this.p) === closer) {
      this.p++;
      return isMap ? map : [];
    }
    for (;;) {
      let key = '';
      if (isMap) {
        key = keyString(this.scalar(true));
        if (Object.hasOwn(map, key)) bail();
        this.p = skipSpaces(text, this.p);
        if (text.charCodeAt(this.p) !== COLON || text.charCodeAt(this.p + 1) !== SPACE) bail();
        this.p = skipSpaces(text, this.p + 1);
      }
      const c = text.charCodeAt(this.p);
      const value = c === 91 || c === 123 ? this.flow() : this.scalar(false);
      if (isMap) map[key] = value;
      else pushItem(value);
      this.p = skipSpaces(text, this.p);
      const next = text.charCodeAt(this.p);
      if (next === closer) {
        this.p++;
        return isMap ? map : takeItems(base);
      }
      if (next !== 44 || this.p >= this.end) bail();
      this.p = skipSpaces(text, this.p + 1);
      if (text.charCodeAt(this.p) === closer) bail(); // trailing comma: leave to js-yaml
    }
  }

  private scalar(isKey: boolean): Value {
    const { text, end } = this;
    const start = this.p;
    const c = text.charCodeAt(start);
    if (c === QUOTE || c === APOSTROPHE) return this.quoted();
    // "-" must be followed by a letter or digit to start a flow scalar ("[-]" is an error).
    if (start >= end || isUnsafeStart(c) || (c === DASH && !/[0-9A-Za-z]/.test(text[start + 1] ?? ''))) bail();
    let stop = start;
    for (; stop < end; stop++) {
      const ch = text.charCodeAt(stop);
      if (ch === 44 || ch === 93 || ch === 125 || ch === 91 || ch === 123) break; // , ] } [ {
      if (ch === COLON) {
        const n = text.charCodeAt(stop + 1);
        if (n === SPACE || n === 44 || n === 93 || n === 125 || stop + 1 >= end) {
          if (isKey) break;
          bail(); // "[a: b]": a pair in a sequence
        }
      }
      if (ch === HASH && text.charCodeAt(stop - 1) === SPACE) bail();
    }
    if (stop >= end) bail(); // unclosed on this line
    this.p = stop;
    while (text.charCodeAt(stop - 1) === SPACE) stop--;
    if (stop === start) bail();
    return plainScalar(text, start, stop);
  }
}

/** The document's value, or UNSUPPORTED when js-yaml must parse it. */
export function parseFastYaml(text: string): unknown {
  // Whole-text screens for what this parser never handles.
  if (text.includes('\t') || text.includes('\r')) return UNSUPPORTED;
  keyTop = 0;
  itemTop = 0;
  try {
    return new Parser(text).document();
  } catch (error) {
    if (error === UNSUPPORTED_ERROR) return UNSUPPORTED;
    throw error;
  }
}
