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
    return isDeepStrictEqual(normalize(wanted), normalize(received));
  }
  if (expected !== null && typeof expected === 'object') return isDeepStrictEqual(normalize(expected), normalize(received));
  return expected === received;
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
