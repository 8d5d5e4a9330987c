// The one place Flagwright runs git. Plain child processes: no library needed for a few porcelain calls.
import { execFile } from 'node:child_process';
import { FlagwrightError } from '../model/diagnostic.ts';

export interface GitResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** Runs git and returns its output; never throws for a non-zero exit (callers decide). */
export function gitRaw(args: string[], cwd: string, input?: string): Promise<GitResult> {
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
