// Short content hashes. The feature hash covers the segments it uses (upstream's does not), so SDK
// change events and caches notice a segment edit.
import { digestHex } from '../util/digest.ts';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const codes: number[] = [];

/** `length` base62 characters of the SHA-256 of `text` (one digest byte per character). */
export function base62Hash(text: string, length = 10): string {
  const hex = digestHex('sha256', text);
  // One string from the character codes (appending a character at a time made one string per character).
  codes.length = length;
  for (let i = 0; i < length; i++) codes[i] = BASE62.charCodeAt(((hexDigit(hex.charCodeAt(2 * i)) << 4) | hexDigit(hex.charCodeAt(2 * i + 1))) % 62);
  return String.fromCharCode.apply(null, codes);
}

/** The value of a lower-case hex digit's character code. */
const hexDigit = (code: number): number => (code <= 57 ? code - 48 : code - 87);
