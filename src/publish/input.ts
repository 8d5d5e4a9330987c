// Reads the datafiles to publish: a prebuilt folder or an in-memory DatafileSet.
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { sep } from 'node:path';
import { FlagwrightError } from '../model/diagnostic.ts';
import type { DatafileSet } from '../model/datafile-set.ts';
import { sha256Hex, type LocalDatafile } from './layout.ts';

const NAME = /^featurevisor-tag-.+\.json$/;
const SCHEMA_VERSION_KEY = Buffer.from('"schemaVersion"');

/** Reads whole files into one buffer that grows as needed; each result is valid until the next read. */
class ScratchReader {
  private buffer = Buffer.allocUnsafeSlow(1 << 16);

  read(path: string): Buffer {
    const fd = openSync(path, 'r');
    try {
      let length = 0;
      for (;;) {
        if (length === this.buffer.length) {
          const larger = Buffer.allocUnsafeSlow(this.buffer.length * 2);
          this.buffer.copy(larger, 0, 0, length);
          this.buffer = larger;
        }
        const read = readSync(fd, this.buffer, length, this.buffer.length - length, null);
        if (read === 0) return this.buffer.subarray(0, length);
        length += read;
      }
    } finally {
      closeSync(fd);
    }
  }
}

/**
 * A datafile whose bytes are read again only when the plan needs them (to upload or compare), and checked
 * against the hash taken when it was first read, so what is uploaded is what was planned.
 */
function onDisk(path: string, environment: string, name: string, sha256: string): LocalDatafile {
  let bytes: Buffer | undefined;
  return {
    environment,
    name,
    sha256,
    get bytes() {
      if (bytes) return bytes;
      let current: Buffer | undefined;
      try {
        current = readFileSync(path);
      } catch {
        // Gone or unreadable since it was hashed: the same outcome as a changed file.
      }
      if (!current || sha256Hex(current) !== sha256) {
        throw new FlagwrightError(`${path} changed while the deploy was reading it; nothing was published, run it again`, [], 2);
      }
      return (bytes = current);
    },
  };
}

export interface LoadedDatafiles {
  files: LocalDatafile[];
  /** The revision the datafiles carry (all must agree), if any. */
  revision?: string;
  commit?: string;
}

function revisionOf(bytes: Buffer, where: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new FlagwrightError(`${where}: not valid JSON (${(error as Error).message})`, [], 2);
  }
  if (!parsed || typeof parsed !== 'object' || !('schemaVersion' in parsed)) {
    throw new FlagwrightError(`${where}: not a Featurevisor datafile (no schemaVersion)`, [], 2);
  }
  const revision = (parsed as { revision?: unknown }).revision;
  return typeof revision === 'string' ? revision : undefined;
}

function agree(files: Array<{ revision?: string; where: string }>): string | undefined {
  const first = files.find((file) => file.revision !== undefined);
  const other = files.find((file) => file.revision !== undefined && file.revision !== first?.revision);
  if (first && other) {
    throw new FlagwrightError(
      `datafiles disagree on revision: ${first.where} has "${first.revision}", ${other.where} has "${other.revision}" (pass --revision to override)`,
      [],
      2,
    );
  }
  return first?.revision;
}

/** Layout: <env>/featurevisor-tag-<tag>.json, or featurevisor-tag-<tag>.json when there are no environments. */
export async function readDatafilesDir(dir: string, options: { revision?: string } = {}): Promise<LoadedDatafiles> {
  const info = statSync(dir, { throwIfNoEntry: false });
  if (!info?.isDirectory()) throw new FlagwrightError(`--datafiles ${dir}: no such directory`, [], 2);
  const entries = readdirSync(dir, { withFileTypes: true });
  const paths: Array<{ environment: string; name: string; path: string }> = [];
  // Joined by hand: path.join normalises each path character by character, and on a process's first 1,000
  // calls (still interpreted) that took 7-14 ms of a ~200 ms re-sync. Entry names hold no separators.
  const base = dir.endsWith(sep) ? dir : dir + sep;
  for (const entry of entries) {
    if (entry.isFile() && NAME.test(entry.name)) paths.push({ environment: '', name: entry.name, path: base + entry.name });
    else if (entry.isDirectory() && !entry.name.startsWith('.')) {
      const folder = base + entry.name + sep;
      for (const inner of readdirSync(folder, { withFileTypes: true })) {
        if (inner.isFile() && NAME.test(inner.name)) paths.push({ environment: entry.name, name: inner.name, path: folder + inner.name });
      }
    }
  }
  // The getter of `bytes` must not run here: no object spread over a datafile.
  const found: Array<{ file: LocalDatafile; where: string; revision?: string }> = [];
  // Synchronous reads in batches: fs.promises.readFile costs four thread-pool round trips per file, which for
  // 1,000 small files takes several times longer than reading them here. Yielding between batches lets the
  // target's requests (already sent) be answered meanwhile. Each file is hashed in the same pass with SHA-256,
  // what the manifest records (and, with SHA extensions, twice as fast as MD5, which only uploads need).
  // Every file is read into one reused buffer and only its hash is kept: a re-sync usually uploads nothing,
  // and keeping 1,000 fresh buffers costs more in page faults and garbage collection than hashing them.
  const scratch = new ScratchReader();
  for (let i = 0; i < paths.length; i++) {
    if (i > 0 && i % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
    const { environment, name, path } = paths[i]!;
    const bytes = scratch.read(path);
    const sha256 = sha256Hex(bytes);
    // With an explicit revision only a cheap shape check is needed; otherwise every file must agree on one.
    const revision = options.revision !== undefined && bytes[0] === 0x7b && bytes.includes(SCHEMA_VERSION_KEY) ? undefined : revisionOf(bytes, path);
    found.push({ file: onDisk(path, environment, name, sha256), where: path, ...(revision !== undefined ? { revision } : {}) });
  }
  if (found.length === 0) {
    throw new FlagwrightError(
      `--datafiles ${dir}: no datafiles found (expected <env>/featurevisor-tag-<tag>.json); refusing to sync an empty folder over a live target`,
      [],
      2,
    );
  }
  if (found.some(({ file }) => file.environment === '') && found.some(({ file }) => file.environment !== '')) {
    throw new FlagwrightError(`--datafiles ${dir}: mixes top-level datafiles with per-environment folders`, [], 2);
  }
  const revision = agree(found);
  return { files: found.map(({ file }) => file), revision };
}

export function fromDatafileSet(set: DatafileSet): LoadedDatafiles {
  if (set.files.length === 0) {
    throw new FlagwrightError('the build produced no datafiles; refusing to sync an empty set over a live target', [], 2);
  }
  const files = set.files.map((file) => ({
    environment: file.environment,
    name: file.path.split('/').pop()!,
    bytes: file.bytes,
  }));
  return { files, revision: set.revision, ...(set.commit ? { commit: set.commit } : {}) };
}
