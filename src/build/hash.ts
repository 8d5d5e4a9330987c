// Short content hashes. The feature hash covers the segments it uses (upstream's does not), so SDK
// change events and caches notice a segment edit.
import { createHash } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `length` base62 characters of the SHA-256 of `text` (one digest byte per character). */
export function base62Hash(text: string, length = 10): string {
  const digest = createHash('sha256').update(text).digest();
  let out = '';
  for (let i = 0; i < length; i++) out += BASE62[digest[i] % 62];
  return out;
}
