// Short content hashes. The feature hash covers the segments it uses (upstream's does not), so SDK
// change events and caches notice a segment edit.
import * as crypto from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

// One-shot crypto.hash (Node ≥ 20.12) skips the Hash object a createHash call allocates: ~3× cheaper for
// the tens of thousands of short inputs a build hashes. Hex output is the cheapest form it returns.
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;
const sha256Hex = oneShot
  ? (text: string) => oneShot('sha256', text, 'hex')
  : (text: string) => crypto.createHash('sha256').update(text).digest('hex');

/** `length` base62 characters of the SHA-256 of `text` (one digest byte per character). */
export function base62Hash(text: string, length = 10): string {
  const hex = sha256Hex(text);
  let out = '';
  for (let i = 0; i < length; i++) out += BASE62[((hexDigit(hex.charCodeAt(2 * i)) << 4) | hexDigit(hex.charCodeAt(2 * i + 1))) % 62];
  return out;
}

/** The value of a lower-case hex digit's character code. */
const hexDigit = (code: number): number => (code <= 57 ? code - 48 : code - 87);
