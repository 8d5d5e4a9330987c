// Bucketing numbers exactly as @featurevisor/sdk 2.x: MurmurHash3 x86_32 over the UTF-8 bytes, seed 1,
// scaled to 0..99999 (percentages are stored x1000 in datafiles).
import murmurhash from 'murmurhash';

const HASH_SEED = 1;
const MAX_HASH_VALUE = 2 ** 32;
export const MAX_BUCKETED_NUMBER = 100000;

// murmurhash.v3 UTF-8-encodes strings with a fresh TextEncoder buffer per call, which dominates the cost
// of an evaluation. ASCII keys (the usual case) are their own UTF-8 bytes: copy them into a reused buffer.
const scratch = new Uint8Array(1024);

function hashKey(key: string): number {
  const length = key.length;
  if (length <= scratch.length) {
    let i = 0;
    for (; i < length; i++) {
      const code = key.charCodeAt(i);
      if (code > 0x7f) break;
      scratch[i] = code;
    }
    if (i === length) return murmurhash.v3(scratch.subarray(0, length), HASH_SEED);
  }
  return murmurhash.v3(key, HASH_SEED);
}

export function getBucketValue(bucketKey: string): number {
  return Math.floor((hashKey(bucketKey) / MAX_HASH_VALUE) * MAX_BUCKETED_NUMBER);
}
