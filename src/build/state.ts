// The previous allocation, per environment: taken from previously built or published datafiles
// (the live datafiles are the state), or from Featurevisor's .featurevisor/existing-state-<env>.json.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FlagwrightError } from '../model/diagnostic.ts';
import type { DatafileV2 } from '../model/datafile.ts';
import type { DatafileSet } from '../model/datafile-set.ts';
import type { ProjectConfig } from '../model/project.ts';
import type { PreviousFeatureState } from './allocation.ts';

/** environment → feature key → what the previous build decided. */
export type PreviousState = Map<string, Map<string, PreviousFeatureState>>;

export function stateFromDatafiles(entries: Iterable<{ environment: string; datafile: DatafileV2 }>): PreviousState {
  const state: PreviousState = new Map();
  for (const { environment, datafile } of entries) {
    let features = state.get(environment);
    if (!features) state.set(environment, (features = new Map()));
    for (const [key, feature] of Object.entries(datafile.features ?? {})) {
      if (features.has(key)) continue; // every tag datafile of one environment carries the same allocation
      features.set(key, {
        variations: feature.variations?.map(({ value, weight }) => ({ value, weight })),
        traffic: (feature.traffic ?? []).map(({ key: ruleKey, percentage, allocation }) => ({ key: ruleKey, percentage, allocation: allocation ?? [] })),
      });
    }
  }
  return state;
}

export function stateFromDatafileSet(set: DatafileSet): PreviousState {
  return stateFromDatafiles(set.files);
}

/** Reads a folder of built datafiles (`<env>/<name>.json`, or `<name>.json` without environments). */
export function stateFromDirectory(directory: string, config: ProjectConfig): PreviousState {
  if (!existsSync(directory) || !statSync(directory).isDirectory()) {
    throw new FlagwrightError(`--state-from: ${directory} is not a folder of datafiles`, [], 2);
  }
  const entries: Array<{ environment: string; datafile: DatafileV2 }> = [];
  for (const environment of config.environments) {
    const folder = join(directory, environment);
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).sort()) {
      if (!name.endsWith('.json') || name === 'manifest.json') continue;
      const file = join(folder, name);
      if (!statSync(file).isFile()) continue;
      const datafile = readDatafile(file);
      if (datafile) entries.push({ environment, datafile });
    }
  }
  return stateFromDatafiles(entries);
}

/** Featurevisor's own state files, so projects built by the official CLI keep their buckets. */
export function stateFromFeaturevisorFiles(config: ProjectConfig): PreviousState | undefined {
  const state: PreviousState = new Map();
  for (const environment of config.environments) {
    const name = environment ? `existing-state-${environment}.json` : 'existing-state.json';
    const file = join(config.stateDirectoryPath, name);
    if (!existsSync(file)) continue;
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { features?: Record<string, PreviousFeatureState> };
    state.set(environment, new Map(Object.entries(parsed.features ?? {})));
  }
  return state.size ? state : undefined;
}

function readDatafile(file: string): DatafileV2 | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new FlagwrightError(`--state-from: ${file} is not valid JSON: ${(error as Error).message}`, [], 2);
  }
  const datafile = parsed as DatafileV2;
  if (datafile?.schemaVersion === '2' && datafile.features && typeof datafile.features === 'object') return datafile;
  if ((parsed as { schemaVersion?: string })?.schemaVersion === '1') {
    const v1 = parsed as { features: Array<{ key: string; variations?: Array<{ value: string; weight?: number }>; traffic: PreviousFeatureState['traffic'] }> };
    return {
      schemaVersion: '2',
      revision: '',
      segments: {},
      features: Object.fromEntries(v1.features.map((f) => [f.key, { bucketBy: 'userId', variations: f.variations, traffic: f.traffic as never }])),
    };
  }
  return undefined;
}

/** The live datafiles behind a public base URL: its manifest.json (written by `flagwright deploy`) and the files it lists. */
export async function stateFromUrl(baseUrl: string): Promise<{ state: PreviousState; revision: string } | undefined> {
  const base = baseUrl.endsWith('/') ? baseUrl : baseUrl + '/';
  const fetchOk = async (url: string) => {
    const response = await fetch(url, { headers: { accept: 'application/json' } });
    if (response.status === 404) return undefined;
    if (!response.ok) throw new FlagwrightError(`--state-from: GET ${url} answered ${response.status}`, [], 1);
    return response.json() as Promise<unknown>;
  };
  const manifest = (await fetchOk(base + 'manifest.json')) as
    | { revision?: string; files?: Array<{ environment: string; path: string; immutablePath?: string }> }
    | undefined;
  if (!manifest) return undefined;
  if (!Array.isArray(manifest.files)) throw new FlagwrightError(`--state-from: ${base}manifest.json has no "files" list`, [], 1);
  const entries: Array<{ environment: string; datafile: DatafileV2 }> = [];
  for (const file of manifest.files) {
    const url = new URL(file.immutablePath ?? file.path, base).href;
    const datafile = (await fetchOk(url)) as DatafileV2 | undefined;
    if (!datafile) throw new FlagwrightError(`--state-from: ${url} is listed in the manifest but missing`, [], 1);
    entries.push({ environment: file.environment, datafile });
  }
  return { state: stateFromDatafiles(entries), revision: String(manifest.revision ?? '') };
}
