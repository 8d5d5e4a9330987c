// Reads featurevisor.config.{js,cjs,mjs,json,yml,yaml} and resolves every key that lint and build use.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { load as loadYaml } from 'js-yaml';
import { FlagwrightError } from '../model/diagnostic.ts';
import { NO_ENVIRONMENT, type ProjectConfig } from '../model/project.ts';
import type { BucketBy } from '../model/datafile.ts';

export const CONFIG_FILE_NAMES = [
  'featurevisor.config.js',
  'featurevisor.config.cjs',
  'featurevisor.config.mjs',
  'featurevisor.config.json',
  'featurevisor.config.yml',
  'featurevisor.config.yaml',
];

/** Environment names and tags become folder and file names, so they must stay inside the output folder. */
const SAFE_NAME = /^[a-zA-Z0-9_-]+$/;
const TAG_NAME = /^[a-z0-9-]+$/;

export function findConfigFile(rootDirectory: string): string | undefined {
  for (const name of CONFIG_FILE_NAMES) {
    const file = join(rootDirectory, name);
    if (existsSync(file)) return file;
  }
  return undefined;
}

export async function loadConfig(rootDirectory: string): Promise<ProjectConfig> {
  const root = resolve(rootDirectory);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new FlagwrightError(`project directory not found: ${rootDirectory}`, [], 2);
  }
  const configFile = findConfigFile(root);
  if (!configFile) {
    throw new FlagwrightError(
      `no Featurevisor config in ${root}: create featurevisor.config.js (CommonJS or ESM), .cjs, .mjs, .json or .yml`,
      [{ file: 'featurevisor.config.js', line: 0, column: 0, severity: 'error', rule: 'config-missing', message: 'config file not found' }],
      2,
    );
  }
  const raw = await readConfigModule(configFile);
  return resolveConfig(raw, root, configFile);
}

async function readConfigModule(file: string): Promise<Record<string, unknown>> {
  const name = file.slice(file.lastIndexOf('/') + 1);
  try {
    let value: unknown;
    if (file.endsWith('.json')) value = JSON.parse(readFileSync(file, 'utf8'));
    else if (file.endsWith('.yml') || file.endsWith('.yaml')) value = loadYaml(readFileSync(file, 'utf8'));
    else if (file.endsWith('.cjs')) value = createRequire(file)(file);
    else if (file.endsWith('.mjs')) value = (await import(pathToFileURL(file).href)).default;
    else value = await importJsConfig(file);
    if (value && typeof value === 'object' && 'default' in value && !('environments' in value)) {
      value = (value as { default: unknown }).default;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      throw new Error('the config must export an object');
    }
    return value as Record<string, unknown>;
  } catch (error) {
    if (error instanceof FlagwrightError) throw error;
    throw FlagwrightError.at(name, lineOf(error), 0, 'config-invalid', `cannot load config: ${(error as Error).message}`);
  }
}

/** A .js config may be CommonJS or ESM whatever the nearest package.json says; the official CLI only reads CommonJS. */
async function importJsConfig(file: string): Promise<unknown> {
  const source = readFileSync(file, 'utf8');
  const looksEsm = /^\s*(export\s|import\s)/m.test(source);
  if (looksEsm) return (await import(pathToFileURL(file).href)).default;
  const cjs = new Module(file) as Module & { _compile(code: string, filename: string): void; paths: string[] };
  cjs.filename = file;
  cjs.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname(file));
  cjs._compile(source, file);
  return cjs.exports;
}

function lineOf(error: unknown): number {
  const stack = String((error as Error)?.stack ?? '');
  const match = /featurevisor\.config\.[a-z]+:(\d+)/.exec(stack);
  return match ? Number(match[1]) : 0;
}

function configError(configFile: string, key: string, message: string): FlagwrightError {
  const name = configFile.slice(configFile.lastIndexOf('/') + 1);
  return new FlagwrightError(`${name}: "${key}" ${message}`, [
    { file: name, line: 0, column: 0, severity: 'error', rule: 'config-invalid', message: `"${key}" ${message}` },
  ]);
}

function resolveConfig(raw: Record<string, unknown>, root: string, configFile: string): ProjectConfig {
  const directory = (key: string, fallback: string): string => {
    const value = raw[key];
    if (value === undefined) return join(root, fallback);
    if (typeof value !== 'string' || !value) throw configError(configFile, key, 'must be a path string');
    const expanded = value.replace('<rootDir>', root);
    return isAbsolute(expanded) ? expanded : resolve(root, expanded);
  };
  const bool = (key: string, fallback: boolean): boolean => {
    const value = raw[key];
    if (value === undefined) return fallback;
    if (typeof value !== 'boolean') throw configError(configFile, key, 'must be true or false');
    return value;
  };
  const optionalNumber = (key: string): number | undefined => {
    const value = raw[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw configError(configFile, key, 'must be a positive number');
    return value;
  };

  let environments: string[];
  let environmentsDisabled = false;
  if (raw.environments === false) {
    environments = [NO_ENVIRONMENT];
    environmentsDisabled = true;
  } else if (raw.environments === undefined) {
    environments = ['staging', 'production'];
  } else if (Array.isArray(raw.environments) && raw.environments.length > 0) {
    environments = raw.environments.map((env) => {
      if (typeof env !== 'string' || !SAFE_NAME.test(env)) {
        throw configError(configFile, 'environments', `entries must be names of letters, digits, "_" or "-" (got ${JSON.stringify(env)})`);
      }
      return env;
    });
    if (new Set(environments).size !== environments.length) throw configError(configFile, 'environments', 'has duplicates');
  } else {
    throw configError(configFile, 'environments', 'must be a non-empty array of names, or false');
  }

  let tags = ['all'];
  if (raw.tags !== undefined) {
    if (!Array.isArray(raw.tags) || raw.tags.length === 0) throw configError(configFile, 'tags', 'must be a non-empty array');
    tags = raw.tags.map((tag) => {
      if (typeof tag !== 'string' || !TAG_NAME.test(tag)) {
        throw configError(configFile, 'tags', `entries must be lower-case letters, digits and "-" (got ${JSON.stringify(tag)})`);
      }
      return tag;
    });
    if (new Set(tags).size !== tags.length) throw configError(configFile, 'tags', 'has duplicates');
  }

  const defaultBucketBy = (raw.defaultBucketBy ?? 'userId') as BucketBy;
  const pattern = raw.datafileNamePattern ?? 'featurevisor-%s.json';
  if (typeof pattern !== 'string' || !pattern.includes('%s') || /[\\/]|\.\./.test(pattern)) {
    throw configError(configFile, 'datafileNamePattern', 'must be a file name containing %s (no slashes)');
  }
  if (raw.parser !== undefined && raw.parser !== 'yml') {
    throw configError(configFile, 'parser', 'is not supported: Flagwright reads YAML projects (parser "yml")');
  }

  return {
    rootDirectory: root,
    configFile,
    environments,
    environmentsDisabled,
    tags,
    defaultBucketBy,
    stringify: bool('stringify', true),
    prettyDatafile: bool('prettyDatafile', false),
    enforceCatchAllRule: bool('enforceCatchAllRule', false),
    datafileNamePattern: pattern,
    maxVariableStringLength: optionalNumber('maxVariableStringLength'),
    maxVariableArrayStringifiedLength: optionalNumber('maxVariableArrayStringifiedLength'),
    maxVariableObjectStringifiedLength: optionalNumber('maxVariableObjectStringifiedLength'),
    maxVariableJSONStringifiedLength: optionalNumber('maxVariableJSONStringifiedLength'),
    attributesDirectoryPath: directory('attributesDirectoryPath', 'attributes'),
    segmentsDirectoryPath: directory('segmentsDirectoryPath', 'segments'),
    featuresDirectoryPath: directory('featuresDirectoryPath', 'features'),
    groupsDirectoryPath: directory('groupsDirectoryPath', 'groups'),
    testsDirectoryPath: directory('testsDirectoryPath', 'tests'),
    stateDirectoryPath: directory('stateDirectoryPath', '.featurevisor'),
    datafilesDirectoryPath: directory(raw.datafilesDirectoryPath !== undefined ? 'datafilesDirectoryPath' : 'outputDirectoryPath', 'datafiles'),
  };
}
