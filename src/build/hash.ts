// Short content hashes. The feature hash covers the segments it uses (upstream's does not), so SDK
// change events and caches notice a segment edit.
import { createHash } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function base62Hash(text: string, length = 10): string {
  let value = BigInt('0x' + createHash('sha256').update(text).digest('hex'));
  let out = '';
  while (value > 0n && out.length < length) {
    out += BASE62[Number(value % 62n)];
    value /= 62n;
  }
  return out.padEnd(length, '0');
}
