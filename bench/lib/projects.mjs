// Cached synthetic projects for the bench sections, under bench/.work/ (git-ignored).
// bench/.work/ gets its own package.json {"type": "commonjs"}: the repo's package.json says
// "type": "module", which would make the generated CommonJS featurevisor.config.js fail to load in
// the official CLI. A node_modules symlink lets tools there resolve the repo's packages.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync, lstatSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateProject } from '../gen-project.mjs';

const benchDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = join(benchDir, '..');
export const workDir = join(benchDir, '.work');

export function ensureWorkDir() {
  mkdirSync(workDir, { recursive: true });
  const pkg = join(workDir, 'package.json');
  if (!existsSync(pkg)) writeFileSync(pkg, JSON.stringify({ type: 'commonjs', private: true }) + '\n');
  const link = join(workDir, 'node_modules');
  let present = false;
  try {
    present = lstatSync(link).isSymbolicLink() || existsSync(link);
  } catch {}
  if (!present) symlinkSync(join(repoRoot, 'node_modules'), link, 'dir');
  return workDir;
}

// Regenerate when the generator itself changes, not just the options.
function generatorFingerprint() {
  const hash = createHash('sha256');
  hash.update(readFileSync(join(benchDir, 'gen-project.mjs')));
  for (const file of readdirSync(join(benchDir, 'lib')).filter((f) => f.startsWith('synth-') || ['oracle.mjs', 'rng.mjs', 'yaml-emit.mjs'].includes(f)).sort())
    hash.update(readFileSync(join(benchDir, 'lib', file)));
  return hash.digest('hex').slice(0, 16);
}

// Projects made by an older generator are never returned again: delete them.
function pruneStale(projectsDir, generator) {
  for (const name of readdirSync(projectsDir)) {
    const marker = join(projectsDir, name, '.generated.json');
    try {
      if (JSON.parse(readFileSync(marker, 'utf8')).generator !== generator) rmSync(join(projectsDir, name), { recursive: true, force: true });
    } catch {
      // no marker (a staging dir of a running generation) or unreadable: leave it
    }
  }
}

/**
 * The absolute directory of a generated project with these options (generated on first use).
 * `environments` is an array or comma list; `tags` a count.
 */
export function ensureProject({ features, format = 'v1', seed = 1, testsPerFeature = 3, environments, tags } = {}) {
  ensureWorkDir();
  // Defaults spelled out, so callers that omit them share the cache with callers that pass them.
  const options = {
    features,
    format,
    seed: String(seed),
    testsPerFeature,
    environments: String(environments ?? 'development,staging,production'),
    tags: tags ?? 20,
  };
  const fingerprint = JSON.stringify({ options, generator: generatorFingerprint() });
  const name = `${format}-${features}f-s${seed}-${createHash('sha256').update(fingerprint).digest('hex').slice(0, 8)}`;
  const dir = join(workDir, 'projects', name);
  const marker = join(dir, '.generated.json');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === fingerprint) return dir;

  // Generate beside the final place and rename, so an interrupted run never leaves half a project.
  const staging = `${dir}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  generateProject({ ...options, out: staging });
  writeFileSync(join(staging, '.generated.json'), fingerprint);
  const current = () => existsSync(marker) && readFileSync(marker, 'utf8') === fingerprint;
  // Another bench process may have finished the same project meanwhile: keep theirs.
  if (!current()) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dirname(dir), { recursive: true });
    try {
      renameSync(staging, dir);
    } catch (error) {
      if (!current()) throw error;
    }
  }
  rmSync(staging, { recursive: true, force: true });
  pruneStale(dirname(dir), JSON.parse(fingerprint).generator);
  return dir;
}
