// Writes a datafile set atomically: a sibling temp folder, then one rename. A failed build leaves the
// previous output untouched and no half-written files behind.
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, writeSync, writevSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { FlagwrightError } from '../model/diagnostic.ts';
import type { DatafileSet } from '../model/datafile-set.ts';

export async function writeDatafileSet(outDirectory: string, set: DatafileSet): Promise<void> {
  const target = resolve(outDirectory);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const staging = join(parent, `.${basename(target)}.tmp-${process.pid}-${Date.now()}`);
  try {
    for (const file of set.files) {
      const destination = resolve(staging, file.path);
      if (!destination.startsWith(staging + '/')) {
        throw new FlagwrightError(`refusing to write ${file.path}: it would land outside ${outDirectory}`);
      }
      mkdirSync(dirname(destination), { recursive: true });
      writeParts(destination, file.parts ?? [file.bytes]);
    }
    const previous = existsSync(target) ? join(parent, `.${basename(target)}.old-${process.pid}-${Date.now()}`) : undefined;
    if (previous) renameSync(target, previous);
    try {
      renameSync(staging, target);
    } catch (error) {
      if (previous) renameSync(previous, target);
      throw error;
    }
    if (previous) rmSync(previous, { recursive: true, force: true });
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Writes the pieces of one file with vectored writes (libuv splits them into batches the system accepts). */
function writeParts(destination: string, parts: readonly Buffer[]): void {
  const fd = openSync(destination, 'w');
  try {
    const written = writevSync(fd, parts as Buffer[]);
    const length = parts.reduce((sum, part) => sum + part.length, 0);
    if (written < length) {
      // A short write (a full disk reports an error instead): the rest, from where it stopped.
      const rest = Buffer.concat(parts as Buffer[]).subarray(written);
      for (let offset = 0; offset < rest.length; ) offset += writeSync(fd, rest, offset);
    }
  } finally {
    closeSync(fd);
  }
}
