// The small surface every storage target implements. The sync engine (src/publish/) decides everything else.

export interface ObjectHeaders {
  cacheControl: string;
  contentType: string;
  contentEncoding?: string;
}

/** One object under the target prefix, as one listing reports it. Keys are relative to the prefix. */
export interface RemoteObject {
  key: string;
  size: number;
  /** Hex MD5 of the stored bytes when the store reports it (S3 single-PUT ETag, GCS md5Hash, Azure Content-MD5). */
  md5?: string;
  /** Present only when the listing reports headers (GCS, Azure). */
  cacheControl?: string;
  contentEncoding?: string;
}

export interface ListOptions {
  /** Sub-folder relative to the target prefix, without slashes at either end ("" = the prefix itself). */
  under?: string;
  shallow?: boolean;
}

export interface PutOptions {
  headers: ObjectHeaders;
  /** Hex MD5 of `body` (the stored bytes). */
  md5: string;
  /** Hex SHA-256 of the uncompressed JSON, kept in object metadata. */
  sha256: string;
}

export interface StoredObject {
  body: Buffer;
  contentEncoding?: string;
}

export interface Provider {
  readonly kind: string;
  /** False for stores whose headers are fixed by the host (local folder, GitHub Pages). */
  readonly supportsHeaders: boolean;
  /**
   * Objects under the target prefix (or under `under` inside it); `shallow` returns only direct children,
   * so a deploy reads the latest files without listing every kept revision.
   */
  list(options?: ListOptions): Promise<RemoteObject[]>;
  get(key: string): Promise<StoredObject | undefined>;
  /** Returns the hex MD5 the store reports for what it stored, when it reports one (used to verify). */
  put(key: string, body: Buffer, options: PutOptions): Promise<{ md5?: string } | void>;
  delete(keys: string[]): Promise<void>;
  /** Replaces every header without re-uploading the bytes. */
  updateHeaders?(key: string, options: PutOptions): Promise<void>;
  /** Invalidates CDN paths for these keys; returns the paths sent. */
  invalidate?(keys: string[], options: { wait: boolean }): Promise<string[]>;
  /** Makes the writes so far visible as one unit (Pages: commit + push). */
  flush?(message: string): Promise<void>;
  publicUrl(key: string): string | undefined;
  close?(): Promise<void>;
}

/** Options a provider factory receives (test endpoints come in here, never as defaults). */
export interface ProviderOptions {
  endpoint?: string;
  region?: string;
  cloudfrontDistribution?: string;
  cloudfrontEndpoint?: string;
  gcsApiEndpoint?: string;
  gcsProjectId?: string;
  /** Per-request timeout in ms (tests use short ones so hangs resolve quickly). */
  requestTimeoutMs?: number;
  /** pages://: the git remote to push to (default: origin of repoDir). */
  pagesRemote?: string;
  repoDir?: string;
  env: NodeJS.ProcessEnv;
  onProgress?: (line: string) => void;
}

export type ProviderFactory = (location: TargetLocation, options: ProviderOptions) => Promise<Provider>;

export interface TargetLocation {
  scheme: 'file' | 's3' | 'gs' | 'azblob' | 'pages';
  /** file: absolute directory; pages: remote repository (URL or path). */
  dir?: string;
  /** s3/gs bucket, azblob container, pages branch. */
  bucket?: string;
  account?: string;
  /** Key prefix without leading/trailing slashes ("" for the root). */
  prefix: string;
  /** The URI as given, for messages. */
  uri: string;
}

/** Where a listing starts, and what to strip from the keys it returns. */
export function listPrefixes(prefix: string, under: string | undefined): { rootPrefix: string; listPrefix: string } {
  const start = under ? joinKey(prefix, under) : prefix;
  return { rootPrefix: prefix ? `${prefix}/` : '', listPrefix: start ? `${start}/` : '' };
}

/** Joins a prefix and a relative key with exactly one slash. */
export function joinKey(prefix: string, key: string): string {
  return prefix ? `${prefix}/${key}` : key;
}

/** An error a provider raises for a denied/missing credential or resource: message says what to fix. */
export class ProviderError extends Error {
  readonly retryable: boolean;
  constructor(message: string, retryable = false) {
    super(message);
    this.name = 'ProviderError';
    this.retryable = retryable;
  }
}
