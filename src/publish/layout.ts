// Where each datafile goes on a target, with which headers, and what the manifest says.
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import type { ObjectHeaders } from '../../providers/types.ts';
import { digestHex } from '../util/digest.ts';

export type Compression = 'none' | 'gzip' | 'br';

export interface CacheSettings {
  latest: string;
  immutable: string;
  manifest: string;
}

export const DEFAULT_CACHE: CacheSettings = {
  latest: 'public, max-age=60, stale-while-revalidate=300, stale-if-error=86400',
  immutable: 'public, max-age=31536000, immutable',
  manifest: 'no-cache',
};

export const CONTENT_TYPE = 'application/json; charset=utf-8';
export const MANIFEST_KEY = 'manifest.json';
export const MANIFEST_SCHEMA = 'flagwright-manifest/1';

/**
 * Present while a deploy may be changing latest files (written before the first, removed once the manifest
 * is written). While it is absent the latest files are exactly what manifest.json records, so a re-sync that
 * matches the manifest needs no listing. Not a revision manifest: those end in ".json".
 */
export const IN_PROGRESS_KEY = 'manifests/in-progress';

/** Immutable copy of each revision's manifest, so a rollback knows that revision's exact files. */
export function revisionManifestKey(revision: string): string {
  return `manifests/${revision}.json`;
}

/**
 * Identity of a datafile regardless of the revision it was stamped with: every build stamps a new
 * revision into every file, but only files whose flags changed need a new copy.
 */
export function contentHashOf(bytes: Buffer): string {
  // Compact datafiles (what builders write, JSON.stringify's output) start with the revision: blanking it in
  // place hashes exactly the bytes the parsed form below would, without parsing and re-serialising the file.
  const revision = compactRevisionValue(bytes);
  if (revision) return createHash('sha256').update(bytes.subarray(0, revision.start)).update(bytes.subarray(revision.end)).digest('hex');
  try {
    const parsed = JSON.parse(bytes.toString('utf8'));
    if (parsed && typeof parsed === 'object' && 'revision' in parsed) {
      return sha256Hex(Buffer.from(JSON.stringify({ ...parsed, revision: '' })));
    }
  } catch {
    // Not JSON: fall back to the bytes themselves.
  }
  return sha256Hex(bytes);
}

const COMPACT_HEADS = ['1', '2'].map((version) => Buffer.from(`{"schemaVersion":"${version}","revision":"`));
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Where the revision string's characters are in `{"schemaVersion":"2","revision":"…",…` (none if escaped or absent). */
function compactRevisionValue(bytes: Buffer): { start: number; end: number } | undefined {
  const head = COMPACT_HEADS.find((candidate) => bytes.length > candidate.length && bytes.compare(candidate, 0, candidate.length, 0, candidate.length) === 0);
  if (!head) return undefined;
  const end = bytes.indexOf(QUOTE, head.length);
  if (end < 0 || bytes.subarray(head.length, end).includes(BACKSLASH) || bytes[end + 1] !== 0x2c && bytes[end + 1] !== 0x7d) return undefined;
  return { start: head.length, end };
}

/** One datafile to publish: its uncompressed JSON bytes and where it belongs. */
export interface LocalDatafile {
  /** "" when the project has no environments. */
  environment: string;
  /** File name, e.g. "featurevisor-tag-all.json". */
  name: string;
  /** For a folder of datafiles, a getter that reads the file again (see publish/input.ts): read it only when needed. */
  bytes: Buffer;
  /** Hex SHA-256 of `bytes` when already known (computed as each file is read, overlapping the remote reads). */
  sha256?: string;
  /** Where an immutable copy of exactly these bytes already is (rollback), instead of this revision's folder. */
  immutableKey?: string;
}

export interface ManifestFile {
  environment: string;
  /** Latest path relative to the target prefix. */
  path: string;
  /** Immutable copy of this revision, relative to the target prefix. */
  immutablePath: string;
  sha256: string;
  size: number;
  /** Hex MD5 of the stored (possibly compressed) bytes, to check the listing against. */
  md5: string;
  /** SHA-256 of the datafile with its revision field blanked: equal means "this feature set did not change". */
  contentHash: string;
}

export interface Manifest {
  schema: typeof MANIFEST_SCHEMA;
  revision: string;
  commit?: string;
  time: string;
  /** The header settings used, so header-only changes are detectable from one listing. */
  cacheControl: { latest: string; immutable: string };
  contentEncoding: Compression;
  files: ManifestFile[];
  /** Newest first: revisions published to this target, for retention and rollback. */
  history: Array<{ revision: string; commit?: string; time: string }>;
  /** Revisions dropped from history whose files may still be on the target (shared with a kept revision). */
  retired?: string[];
}

export function latestKey(file: { environment: string; name: string }): string {
  return file.environment ? `${file.environment}/${file.name}` : file.name;
}

export function immutableKey(file: { environment: string; name: string }, revision: string): string {
  return file.environment ? `${file.environment}/${revision}/${file.name}` : `${revision}/${file.name}`;
}

const DATAFILE_NAME = /^featurevisor-tag-.+\.json$/;

/** Splits an immutable key into its revision, or undefined when the key is not one. */
export function revisionOfKey(key: string, environments: ReadonlySet<string>): string | undefined {
  const parts = key.split('/');
  if (parts.length === 2 && parts[0] === 'manifests' && parts[1]!.endsWith('.json')) return parts[1]!.slice(0, -5);
  if (!DATAFILE_NAME.test(parts[parts.length - 1]!)) return undefined;
  if (environments.size > 0) return parts.length === 3 && environments.has(parts[0]!) ? parts[1] : undefined;
  return parts.length === 2 ? parts[0] : undefined;
}

export function sha256Hex(bytes: Buffer): string {
  return digestHex('sha256', bytes);
}

export function md5Hex(bytes: Buffer): string {
  return digestHex('md5', bytes);
}

/** Deterministic precompression: Node's gzip writes mtime 0 and a fixed OS byte, so equal input gives equal bytes. */
export function encode(bytes: Buffer, compression: Compression): Buffer {
  if (compression === 'gzip') return gzipSync(bytes, { level: 9 });
  if (compression === 'br') {
    return brotliCompressSync(bytes, {
      params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    });
  }
  return bytes;
}

export function headersFor(cacheControl: string, compression: Compression): ObjectHeaders {
  return {
    cacheControl,
    contentType: CONTENT_TYPE,
    ...(compression === 'none' ? {} : { contentEncoding: compression }),
  };
}
