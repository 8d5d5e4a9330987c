// The one place Flagwright asks git: plain child processes for a few porcelain calls (no library needed), and
// HEAD read from .git's files where they are plain (headFromFiles), which spares a deploy starting git.
import { lstatSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { FlagwrightError } from '../model/diagnostic.ts';

export interface GitResult {
  stdout: string;
  stderr: string;
  code: number;
}

// require() of a built-in, on every Node the bundle supports (process.getBuiltinModule needs 20.16).
const loadBuiltin = createRequire(import.meta.url);

/** Runs git and returns its output; never throws for a non-zero exit (callers decide). */
export function gitRaw(args: string[], cwd: string, input?: string): Promise<GitResult> {
  // Loaded on first use: a deploy that finds HEAD in .git (headCommit) never starts a process.
  const { execFile } = loadBuiltin('node:child_process') as typeof import('node:child_process');
  return new Promise((resolve) => {
    const child = execFile(
      'git',
      args,
      { cwd, maxBuffer: 1 << 30, encoding: 'utf8', env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } },
      (error, stdout, stderr) => {
        const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : 1) : 0;
        resolve({ stdout, stderr, code });
      },
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** Runs git and returns trimmed stdout; a failure becomes a FlagwrightError naming the command. */
export async function git(args: string[], cwd: string): Promise<string> {
  const result = await gitRaw(args, cwd);
  if (result.code !== 0) {
    throw new FlagwrightError(`git ${args.join(' ')} failed in ${cwd}: ${result.stderr.trim() || `exit ${result.code}`}`);
  }
  return result.stdout.trim();
}

/** The full commit SHA a ref names, or undefined when it names nothing. */
export async function resolveCommit(ref: string, cwd: string): Promise<string | undefined> {
  const result = await gitRaw(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd);
  return result.code === 0 ? result.stdout.trim() : undefined;
}

/** True when `ancestor` is reachable from `descendant`. */
export async function isAncestor(ancestor: string, descendant: string, cwd: string): Promise<boolean> {
  const result = await gitRaw(['merge-base', '--is-ancestor', ancestor, descendant], cwd);
  return result.code === 0;
}

const HEX_OBJECT_NAME = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
// Variables that change which repository git finds, or where: only git itself gets those right.
const DISCOVERY_VARIABLES = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_COMMON_DIR', 'GIT_CEILING_DIRECTORIES', 'GIT_DISCOVERY_ACROSS_FILESYSTEM'];

/**
 * HEAD's commit as git would find it from `cwd`, read from the repository's own files in the plain case: a
 * .git folder whose HEAD holds an object name (detached, as CI checkouts often are) or names a branch with a
 * loose ref file. undefined for anything that needs git to interpret: a .git file (worktree, submodule), a
 * packed or missing ref, reftable, discovery variables, or a repository git would refuse as another user's.
 */
export function headFromFiles(cwd: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (DISCOVERY_VARIABLES.some((name) => env[name] !== undefined) || typeof process.getuid !== 'function') return undefined;
  const uid = process.getuid();
  try {
    for (let dir = resolve(cwd); ; dir = dirname(dir)) {
      const dotGit = lstatSync(join(dir, '.git'), { throwIfNoEntry: false });
      if (dotGit) {
        if (!dotGit.isDirectory() || dotGit.uid !== uid || statSync(dir).uid !== uid) return undefined;
        const head = readFileSync(join(dir, '.git', 'HEAD'), 'utf8').trim();
        if (HEX_OBJECT_NAME.test(head)) return head;
        const ref = /^ref: (refs\/heads\/\S+)$/.exec(head)?.[1];
        if (!ref || ref.split('/').includes('..')) return undefined;
        const name = readFileSync(join(dir, '.git', ref), 'utf8').trim();
        return HEX_OBJECT_NAME.test(name) ? name : undefined;
      }
      if (dir === dirname(dir)) return undefined;
    }
  } catch {
    return undefined; // unreadable, or a ref that is packed: ask git
  }
}

/** HEAD's full commit SHA, or undefined outside a repository or on an unborn branch. */
export async function headCommit(cwd: string): Promise<string | undefined> {
  return headFromFiles(cwd) ?? resolveCommit('HEAD', cwd);
}
