// Reads what is live on a target: the manifest, and the datafiles it points at.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { FlagwrightError } from '../model/diagnostic.ts';
import type { BuiltDatafile, DatafileSet } from '../model/datafile-set.ts';
import type { DatafileV2 } from '../model/datafile.ts';
import type { Provider, StoredObject } from '../../providers/types.ts';
import { MANIFEST_KEY, MANIFEST_SCHEMA, type Manifest } from './layout.ts';
import { openTarget, type TargetOptions } from './providers.ts';

export interface LiveManifest {
  manifest: Manifest;
  /** The exact bytes, so a failed deploy can put them back unchanged. */
  raw: Buffer;
}

export function decodeStored(stored: StoredObject): Buffer {
  if (stored.contentEncoding === 'gzip') return gunzipSync(stored.body);
  if (stored.contentEncoding === 'br') return brotliDecompressSync(stored.body);
  return stored.body;
}

export async function readManifest(provider: Provider): Promise<LiveManifest | undefined> {
  const stored = await provider.get(MANIFEST_KEY);
  if (!stored) return undefined;
  const raw = decodeStored(stored);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new FlagwrightError(`${MANIFEST_KEY} on the target is not valid JSON; fix or remove it before deploying`);
  }
  if (manifest?.schema !== MANIFEST_SCHEMA || !Array.isArray(manifest.files)) {
    throw new FlagwrightError(`${MANIFEST_KEY} on the target was not written by Flagwright (schema "${String(manifest?.schema)}"); refusing to overwrite it`);
  }
  manifest.history ??= [{ revision: manifest.revision, ...(manifest.commit ? { commit: manifest.commit } : {}), time: manifest.time }];
  return { manifest, raw };
}

/** The live datafiles of a target as a DatafileSet (for `build --state-from <URI>`), or undefined when nothing is live. */
export async function readLiveDatafiles(target: string, options: TargetOptions = {}): Promise<DatafileSet | undefined> {
  const { provider } = await openTarget(target, options);
  try {
    const live = await readManifest(provider);
    if (!live) return undefined;
    const files: BuiltDatafile[] = [];
    for (const file of live.manifest.files) {
      // The immutable copy is exactly the live revision, even while a newer deploy is half-way through.
      const stored = (await provider.get(file.immutablePath)) ?? (await provider.get(file.path));
      if (!stored) throw new FlagwrightError(`${target}: ${file.immutablePath} is listed in the manifest but missing`);
      const bytes = decodeStored(stored);
      const name = file.path.split('/').pop()!;
      files.push({
        environment: file.environment,
        tag: /^featurevisor-tag-(.+)\.json$/.exec(name)?.[1] ?? name,
        path: file.path,
        datafile: JSON.parse(bytes.toString('utf8')) as DatafileV2,
        bytes,
      });
    }
    return { revision: live.manifest.revision, ...(live.manifest.commit ? { commit: live.manifest.commit } : {}), files };
  } finally {
    await provider.close?.();
  }
}
