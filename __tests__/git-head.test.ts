// headCommit: HEAD read from .git's files where that is plain, git's own answer otherwise. Every case is
// checked against `git rev-parse` on a real repository, and the file reading is checked to be taken (or not).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { headCommit, headFromFiles } from '../src/util/git.ts';
import { testGitEnv } from './helpers/git-env.ts';

let work = '';
let repo = '';
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env: testGitEnv, encoding: 'utf8' }).trim();
const commit = (message: string) => {
  writeFileSync(join(repo, 'file.txt'), message);
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', message);
  return git(repo, 'rev-parse', 'HEAD');
};

before(() => {
  work = mkdtempSync(join(tmpdir(), 'fw-git-head-'));
  repo = join(work, 'repo');
  mkdirSync(join(repo, 'flags', 'features'), { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
});
after(() => rmSync(work, { recursive: true, force: true }));

test('an unborn branch has no HEAD commit, from the files or from git', async () => {
  assert.equal(headFromFiles(repo, {}), undefined);
  assert.equal(await headCommit(repo), undefined);
});

test('a branch with a loose ref is read from the files, also from a subdirectory, and follows new commits', async () => {
  const first = commit('one');
  assert.equal(headFromFiles(repo, {}), first);
  assert.equal(headFromFiles(join(repo, 'flags', 'features'), {}), first);
  const second = commit('two');
  assert.notEqual(second, first);
  assert.equal(headFromFiles(repo, {}), second);
  assert.equal(await headCommit(join(repo, 'flags')), second);
});

test('a detached HEAD (as CI checkouts are) is read from the files', async () => {
  const previous = git(repo, 'rev-parse', 'HEAD~1');
  git(repo, 'checkout', '-q', '--detach', previous);
  try {
    assert.equal(headFromFiles(repo, {}), previous);
    assert.equal(await headCommit(repo), previous);
  } finally {
    git(repo, 'checkout', '-q', 'main');
  }
});

test('git discovery variables leave the answer to git', () => {
  assert.equal(headFromFiles(repo, { GIT_DIR: join(repo, '.git') }), undefined);
  assert.equal(headFromFiles(repo, { GIT_CEILING_DIRECTORIES: work }), undefined);
});

test('packed refs and worktrees are left to git, which gives the same answer', async () => {
  const head = git(repo, 'rev-parse', 'HEAD');
  const worktree = join(work, 'worktree');
  git(repo, 'worktree', 'add', '-q', '-b', 'side', worktree, 'HEAD~1');
  assert.equal(headFromFiles(worktree, {}), undefined); // .git is a file there
  assert.equal(await headCommit(worktree), git(worktree, 'rev-parse', 'HEAD'));
  git(repo, 'pack-refs', '--all');
  assert.equal(headFromFiles(repo, {}), undefined); // no loose ref any more
  assert.equal(await headCommit(repo), head);
});

test('outside any repository there is no HEAD', async () => {
  const outside = mkdtempSync(join(tmpdir(), 'fw-git-none-'));
  try {
    assert.equal(headFromFiles(outside, {}), undefined);
    assert.equal(await headCommit(outside), undefined);
  } finally {
    rmSync(outside, { recursive: true, force: true });
  }
});
