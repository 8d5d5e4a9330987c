// The output of one build: every datafile of a project, with where it goes.
import type { DatafileV2 } from './datafile.ts';

export interface BuiltDatafile {
  /** Environment name, or "" when the config disables environments. */
  environment: string;
  tag: string;
  /** Output-relative path with forward slashes, e.g. "production/featurevisor-tag-all.json". */
  path: string;
  datafile: DatafileV2;
  /** The exact bytes written (schemaVersion 2, or 1 when requested). */
  bytes: Buffer;
  /** The same bytes in pieces, when the builder made them so: written with one vectored write, never copied together. */
  parts?: readonly Buffer[];
}

export interface DatafileSet {
  revision: string;
  /** Full commit SHA of the built tree, when it came from git. */
  commit?: string;
  files: BuiltDatafile[];
}
