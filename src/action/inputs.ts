// Every action input is read here, once, into one typed settings object. Errors name the input.
import * as core from '@actions/core';
import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { FlagwrightError } from '../model/diagnostic.ts';

export const COMMANDS = ['auto', 'check', 'deploy', 'rollback', 'lint', 'test', 'build', 'diff'] as const;
export const COMMENT_MODES = ['update', 'new', 'off', 'render'] as const;
export const FAIL_ON = ['error', 'warning'] as const;
export const SCHEMA_VERSIONS = ['1', '2'] as const;
export const COMPRESSIONS = ['none', 'gzip', 'br'] as const;

export type ActionCommand = (typeof COMMANDS)[number];
export type CommentMode = (typeof COMMENT_MODES)[number];

/**
 * The defaults action.yml declares. The runner applies them itself; they are repeated here because a
 * missing INPUT_* variable (local runs, tests, composite wrappers) must behave the same. A test keeps
 * the two in step.
 */
export const INPUT_DEFAULTS = {
  command: 'auto',
  'project-path': '.',
  target: '',
  endpoint: '',
  'cloudfront-distribution': '',
  'cache-control-latest': 'public, max-age=60, stale-while-revalidate=300, stale-if-error=86400',
  'cache-control-immutable': 'public, max-age=31536000, immutable',
  compress: 'none',
  retention: '10',
  'dry-run': 'false',
  'state-from': '',
  'schema-version': '2',
  'github-token': '${{ github.token }}',
  comment: 'update',
  'fail-on': 'error',
  'rollback-to': '',
  'base-ref': '',
  'head-ref': '',
} as const;

export type InputName = keyof typeof INPUT_DEFAULTS;

export interface ActionSettings {
  command: ActionCommand;
  /** Absolute repository root (GITHUB_WORKSPACE). */
  workspace: string;
  /** Absolute project directory. */
  projectDir: string;
  /** Project directory relative to the workspace, forward slashes, "" for the root. */
  projectPath: string;
  target?: string;
  endpoint?: string;
  cloudfrontDistribution?: string;
  cacheControlLatest: string;
  cacheControlImmutable: string;
  compress: (typeof COMPRESSIONS)[number];
  retention: number;
  dryRun: boolean;
  stateFrom?: string;
  schemaVersion: '1' | '2';
  githubToken?: string;
  comment: CommentMode;
  failOn: 'error' | 'warning';
  rollbackTo?: string;
  baseRef?: string;
  headRef?: string;
}

function inputError(name: InputName, message: string): FlagwrightError {
  return new FlagwrightError(`Input "${name}" ${message}`, [
    { file: `input:${name}`, line: 0, column: 0, severity: 'error', rule: 'action-input', message },
  ]);
}

function text(name: InputName): string {
  const value = core.getInput(name);
  if (value !== '') return value;
  const fallback: string = INPUT_DEFAULTS[name];
  return fallback.startsWith('${{') ? '' : fallback;
}

function optional(name: InputName): string | undefined {
  return text(name) || undefined;
}

function oneOf<T extends string>(name: InputName, allowed: readonly T[]): T {
  const value = text(name);
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw inputError(name, `must be one of ${allowed.join(', ')}, got "${value}"`);
}

// YAML 1.2 core-schema booleans, as core.getBooleanInput accepts, with an error that names the input.
function flag(name: InputName): boolean {
  const value = text(name);
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw inputError(name, `must be true or false, got "${value}"`);
}

function wholeNumber(name: InputName, min: number): number {
  const value = text(name);
  if (/^\d+$/.test(value) && Number(value) >= min && Number.isSafeInteger(Number(value))) return Number(value);
  throw inputError(name, `must be a whole number ≥ ${min}, got "${value}"`);
}

function uri(name: InputName, pattern: RegExp, example: string): string | undefined {
  const value = optional(name);
  if (value === undefined || pattern.test(value)) return value;
  throw inputError(name, `must be a URI like ${example}, got "${value}"`);
}

function gitRef(name: InputName): string | undefined {
  const value = optional(name);
  // Refs go to git as arguments: refuse what git would read as an option.
  if (value !== undefined && (value.startsWith('-') || /\s/.test(value))) {
    throw inputError(name, `must be a git ref or commit SHA, got "${value}"`);
  }
  return value;
}

/** Reads and validates every input. `env` supplies GITHUB_WORKSPACE (the inputs come from core). */
export function readSettings(env: NodeJS.ProcessEnv = process.env): ActionSettings {
  const githubToken = optional('github-token');
  if (githubToken) core.setSecret(githubToken);

  const workspace = resolve(env.GITHUB_WORKSPACE || process.cwd());
  const projectInput = text('project-path');
  const projectDir = resolve(workspace, projectInput);
  const projectPath = relative(workspace, projectDir).split('\\').join('/');
  if (projectPath.startsWith('..') || isAbsolute(projectPath)) {
    throw inputError('project-path', `must be inside the repository (${workspace}), got "${projectInput}"`);
  }
  let isDir = false;
  try {
    isDir = statSync(projectDir).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw inputError('project-path', `must name a directory in the repository, got "${projectInput}" (${projectDir} does not exist)`);

  return {
    command: oneOf('command', COMMANDS),
    workspace,
    projectDir,
    projectPath,
    target: uri('target', /^[a-z][a-z0-9+.-]*:\/\/./i, 's3://bucket/prefix'),
    endpoint: uri('endpoint', /^https?:\/\/./i, 'https://s3.example.com'),
    cloudfrontDistribution: optional('cloudfront-distribution'),
    cacheControlLatest: text('cache-control-latest'),
    cacheControlImmutable: text('cache-control-immutable'),
    compress: oneOf('compress', COMPRESSIONS),
    retention: wholeNumber('retention', 1),
    dryRun: flag('dry-run'),
    stateFrom: optional('state-from'),
    schemaVersion: oneOf('schema-version', SCHEMA_VERSIONS),
    githubToken,
    comment: oneOf('comment', COMMENT_MODES),
    failOn: oneOf('fail-on', FAIL_ON),
    rollbackTo: gitRef('rollback-to'),
    baseRef: gitRef('base-ref'),
    headRef: gitRef('head-ref'),
  };
}
