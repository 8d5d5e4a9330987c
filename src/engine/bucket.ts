// Bucket keys as the SDK builds them: the defined bucketBy values, then the feature key, joined by ".".
import type { AttributeValue, BucketBy, Context } from '../model/datafile.ts';
import { compilePath, type Accessor } from './context.ts';

export type BucketKeyBuilder = (context: Context) => string;

export function compileBucketKey(featureKey: string, bucketBy: unknown): BucketKeyBuilder {
  if (typeof bucketBy === 'string') {
    const read = compilePath(bucketBy);
    const suffix = '.' + featureKey;
    return (context) => {
      const value = read(context);
      if (value === undefined) return featureKey;
      if (typeof value === 'string') return value + suffix;
      return [value, featureKey].join('.');
    };
  }
  let readers: Accessor[];
  let firstOnly: boolean;
  if (Array.isArray(bucketBy)) {
    readers = bucketBy.map(compilePath);
    firstOnly = false;
  } else if (bucketBy !== null && typeof bucketBy === 'object' && Array.isArray((bucketBy as { or?: unknown }).or)) {
    readers = ((bucketBy as { or: unknown[] }).or).map(compilePath);
    firstOnly = true;
  } else {
    return () => {
      throw new Error('invalid bucketBy');
    };
  }
  return (context) => {
    const parts: AttributeValue[] = [];
    for (let i = 0; i < readers.length; i++) {
      const value = readers[i](context);
      if (value === undefined) continue;
      if (!firstOnly || parts.length === 0) parts.push(value);
    }
    parts.push(featureKey);
    // Array#join gives the SDK's stringification (numbers as written, null as "").
    return parts.join('.');
  };
}

/** The bucket key for one feature and context (throws "invalid bucketBy" like the SDK). */
export function getBucketKey(featureKey: string, bucketBy: BucketBy, context: Context): string {
  return compileBucketKey(featureKey, bucketBy)(context);
}
