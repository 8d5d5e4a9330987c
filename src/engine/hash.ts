// Bucketing numbers exactly as @featurevisor/sdk 2.x: MurmurHash3 x86_32 over the UTF-8 bytes, seed 1,
// scaled to 0..99999 (percentages are stored x1000 in datafiles).
import murmurhash from 'murmurhash';

const HASH_SEED = 1;
const MAX_HASH_VALUE = 2 ** 32;
export const MAX_BUCKETED_NUMBER = 100000;

export function getBucketValue(bucketKey: string): number {
  return Math.floor((murmurhash.v3(bucketKey, HASH_SEED) / MAX_HASH_VALUE) * MAX_BUCKETED_NUMBER);
}
