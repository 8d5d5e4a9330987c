// A bare git repository on disk (file:// URL) standing in for the GitHub Pages remote, with an isolated git env.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface GitRemote {
  url: string;
  dir: string;
  env: Record<string, string>;
  git(args: string[], cwd?: string): string;
  files(branch: string): string[];
  show(branch: string, path: string): string;
  close(): Promise<void>;
}

export async function startGitRemote(): Promise<GitRemote> {
  const root = await mkdtemp(join(tmpdir(), 'fw-git-remote-'));
  const env = {
    HOME: root,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: join(root, 'gitconfig'),
    GIT_TERMINAL_PROMPT: '0',
    GIT_AUTHOR_NAME: 'Flagwright Test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'Flagwright Test',
    GIT_COMMITTER_EMAIL: 'test@example.com',
  };
  const dir = join(root, 'remote.git');
  const git = (args: string[], cwd = root) => execFileSync('git', args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8' }).trim();
  git(['init', '--quiet', '--bare', '--initial-branch=main', dir]);
  return {
    url: `file://${dir}`,
    dir,
    env,
    git,
    files: (branch) => git(['--git-dir', dir, 'ls-tree', '-r', '--name-only', branch]).split('\n').filter(Boolean),
    show: (branch, path) => git(['--git-dir', dir, 'show', `${branch}:${path}`]),
    close: () => rm(root, { recursive: true, force: true }),
  };
}

/** A throwaway source repository with a linear history, for the ancestry check. Returns commit SHAs oldest first. */
export async function makeHistory(env: Record<string, string>, count: number): Promise<{ dir: string; commits: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'fw-git-src-'));
  const git = (args: string[]) => execFileSync('git', args, { cwd: dir, env: { ...process.env, ...env }, encoding: 'utf8' }).trim();
  git(['init', '--quiet', '--initial-branch=main']);
  const commits: string[] = [];
  for (let i = 0; i < count; i++) {
    git(['commit', '--quiet', '--allow-empty', '-m', `change ${i}`]);
    commits.push(git(['rev-parse', 'HEAD']));
  }
  return { dir, commits };
}
