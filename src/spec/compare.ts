// Expected-vs-received comparison rules of `featurevisor test`.
import { isDeepStrictEqual } from 'node:util';

/** Variables: json compared parsed (expected may be a string or a value), objects/arrays deep, else ===. */
export function variableMatches(type: string | undefined, expected: unknown, received: unknown): boolean {
  if (type === 'json') {
    let wanted = expected;
    if (typeof expected === 'string') {
      try {
        wanted = JSON.parse(expected);
      } catch {
        wanted = expected;
      }
    }
    return sameJsonShape(wanted, received);
  }
  if (expected !== null && typeof expected === 'object') return sameJsonShape(expected, received);
  return expected === received;
}

/** Deep equality of the JSON shapes; equal JSON text (the usual case) settles it without re-parsing both sides. */
function sameJsonShape(a: unknown, b: unknown): boolean {
  if (JSON.stringify(a) === JSON.stringify(b)) return true;
  return isDeepStrictEqual(normalize(a), normalize(b));
}

/** YAML may hand us Dates or prototype-less objects; compare their JSON shapes. */
function normalize(value: unknown): unknown {
  if (value === undefined) return undefined;
  return JSON.parse(JSON.stringify(value));
}

export function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  return JSON.stringify(value);
}
