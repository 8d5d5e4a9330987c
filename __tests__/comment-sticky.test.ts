// The sticky comment against the loopback fake of the GitHub REST API: create → update → unchanged
// (no write request) → delete, found through pages of other people's comments; plus read-only tokens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeGitHub } from './helpers/fake-github.ts';
import { upsertStickyComment } from '../src/github/comment.ts';
import { GitHubApiError, nextLink } from '../src/github/rest.ts';
import { COMMENT_MARKER } from '../src/render/comment.ts';
import commentCommand from '../src/cli/commands/comment.ts';
import type { CliIO } from '../src/cli/command.ts';

const OWNER = 'acme';
const REPO = 'flags';
const PR = 7;

test('create → update → unchanged → delete, through >100 comments from others and the bot', async (t) => {
  const gh = await startFakeGitHub({ token: 'tok' });
  t.after(() => gh.close());
  gh.seedComments(OWNER, REPO, PR, 120, 'octocat');
  // The bot's other comments (no marker) and someone quoting our marker must not be taken for the sticky one.
  gh.seedComments(OWNER, REPO, PR, 3, 'github-actions[bot]', (i) => `deploy preview ${i}`);
  gh.seedComments(OWNER, REPO, PR, 1, 'mallory', () => `${COMMENT_MARKER}\nfake sticky`);
  gh.seedComments(OWNER, REPO, PR, 30, 'hubot');
  const base = { token: 'tok', apiUrl: gh.url, owner: OWNER, repo: REPO, issueNumber: PR, mode: 'update' as const };

  const created = await upsertStickyComment({ ...base, body: `${COMMENT_MARKER}\nfirst` });
  assert.equal(created.action, 'created');
  assert.match(created.url!, /issuecomment-\d+$/);
  const mine = () => gh.comments(OWNER, REPO, PR).filter((c) => c.user.login === 'github-actions[bot]' && c.body.startsWith(COMMENT_MARKER));
  assert.equal(mine().length, 1);
  assert.equal(gh.comments(OWNER, REPO, PR).length, 155);

  const updated = await upsertStickyComment({ ...base, body: `${COMMENT_MARKER}\nsecond` });
  assert.equal(updated.action, 'updated');
  assert.equal(updated.id, created.id);
  assert.equal(mine()[0].body, `${COMMENT_MARKER}\nsecond`);
  assert.equal(gh.comments(OWNER, REPO, PR).find((c) => c.user.login === 'mallory')!.body, `${COMMENT_MARKER}\nfake sticky`);
  // Pagination: the listing walked every page by Link rel="next".
  const pages = gh.requests.filter((r) => r.method === 'GET' && r.path.includes('/issues/7/comments'));
  assert.ok(pages.some((r) => r.path.includes('page=2')), 'second page requested');

  const before = gh.requests.length;
  const unchanged = await upsertStickyComment({ ...base, body: `${COMMENT_MARKER}\nsecond\n` });
  assert.equal(unchanged.action, 'unchanged');
  const writes = gh.requests.slice(before).filter((r) => r.method !== 'GET');
  assert.deepEqual(writes, [], 'no write request for an unchanged body');

  const deleted = await upsertStickyComment({ ...base, mode: 'delete', body: '' });
  assert.equal(deleted.action, 'deleted');
  assert.equal(mine().length, 0);
  assert.equal((await upsertStickyComment({ ...base, mode: 'delete', body: '' })).action, 'none');
  assert.equal(gh.comments(OWNER, REPO, PR).length, 154);
});

test('mode new posts another comment; an explicit author and a body without marker are handled', async (t) => {
  const gh = await startFakeGitHub({ login: 'flagwright-app[bot]' });
  t.after(() => gh.close());
  const base = { token: 'test-token', apiUrl: gh.url, owner: OWNER, repo: REPO, issueNumber: 1, author: 'flagwright-app[bot]' };
  const a = await upsertStickyComment({ ...base, mode: 'update', body: 'no marker here' });
  assert.equal(a.action, 'created');
  assert.equal(gh.comments(OWNER, REPO, 1)[0].body, `${COMMENT_MARKER}\nno marker here`);
  const b = await upsertStickyComment({ ...base, mode: 'new', body: 'again' });
  assert.equal(b.action, 'created');
  assert.notEqual(a.id, b.id);
  // With the default author (GET /user is forbidden for app tokens → github-actions[bot]) nothing matches.
  const { author: _author, ...noAuthor } = base;
  assert.equal((await upsertStickyComment({ ...noAuthor, mode: 'delete', body: '' })).action, 'none');
});

test('GET /user decides the author when the token may read it', async (t) => {
  const gh = await startFakeGitHub({ login: 'release-bot', userEndpointForbidden: false });
  t.after(() => gh.close());
  gh.seedComments(OWNER, REPO, 2, 1, 'github-actions[bot]', () => `${COMMENT_MARKER}\nby the actions bot`);
  const result = await upsertStickyComment({ token: 'test-token', apiUrl: gh.url, owner: OWNER, repo: REPO, issueNumber: 2, mode: 'update', body: 'mine' });
  assert.equal(result.action, 'created', 'a sticky comment of another author is not edited');
});

test('a read-only token gets a 403 GitHubApiError; bad credentials a 401', async (t) => {
  const gh = await startFakeGitHub({ readOnly: true });
  t.after(() => gh.close());
  const base = { apiUrl: gh.url, owner: OWNER, repo: REPO, issueNumber: 3, mode: 'update' as const, body: 'x' };
  await assert.rejects(upsertStickyComment({ ...base, token: 'test-token' }), (error: unknown) => {
    assert.ok(error instanceof GitHubApiError);
    assert.equal(error.status, 403);
    assert.match(error.message, /Resource not accessible by integration/);
    return true;
  });
  await assert.rejects(upsertStickyComment({ ...base, token: 'wrong' }), (error: unknown) => error instanceof GitHubApiError && error.status === 401);
});

function io(env: Record<string, string>, cwd: string): CliIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { stdout: (s) => out.push(s), stderr: (s) => err.push(s), isTTY: false, cwd, env, out, err };
}

test('flagwright comment: posts, reports unchanged, and a read-only token does not fail', async (t) => {
  const gh = await startFakeGitHub();
  const ro = await startFakeGitHub({ readOnly: true });
  t.after(async () => {
    await gh.close();
    await ro.close();
  });
  const dir = mkdtempSync(join(tmpdir(), 'fw-comment-'));
  const file = join(dir, 'comment.md');
  writeFileSync(file, `${COMMENT_MARKER}\n## report\n`);
  const args = ['--repo', `${OWNER}/${REPO}`, '--pr', '9', '--body-file', file];

  const first = io({ GITHUB_TOKEN: 'test-token', GITHUB_API_URL: gh.url }, dir);
  assert.equal(await commentCommand.run(args, first), 0);
  assert.match(first.out.join(''), /created/);
  const second = io({ GITHUB_TOKEN: 'test-token', GITHUB_API_URL: gh.url }, dir);
  assert.equal(await commentCommand.run(args, second), 0);
  assert.match(second.out.join(''), /unchanged/);

  const readOnly = io({ GITHUB_TOKEN: 'test-token', GITHUB_API_URL: ro.url }, dir);
  assert.equal(await commentCommand.run(args, readOnly), 0);
  assert.match(readOnly.err.join(''), /could not post: read-only token/);
  assert.ok(readOnly.err.join('').includes(file));
  assert.equal(readFileSync(file, 'utf8'), `${COMMENT_MARKER}\n## report\n`, 'the body file is kept for a later post');

  // Nothing left to report: --delete-when-unchanged removes the sticky comment.
  writeFileSync(file, `${COMMENT_MARKER}\n## ✅ Flagwright: no effective flag changes\n\n**No effective changes.**\n`);
  const gone = io({ GITHUB_TOKEN: 'test-token', GITHUB_API_URL: gh.url }, dir);
  assert.equal(await commentCommand.run([...args, '--delete-when-unchanged'], gone), 0);
  assert.match(gone.out.join(''), /deleted/);
  assert.equal(gh.comments(OWNER, REPO, 9).length, 0);

  await assert.rejects(commentCommand.run(['--repo', 'nope', '--pr', '1', '--body-file', file], io({ GITHUB_TOKEN: 'x' }, dir)), /--repo/);
  await assert.rejects(commentCommand.run(args, io({}, dir)), /GITHUB_TOKEN/);
});

test('Link header parsing follows rel="next" only', () => {
  assert.equal(nextLink('<https://x/a?page=2>; rel="next", <https://x/a?page=5>; rel="last"'), 'https://x/a?page=2');
  assert.equal(nextLink('<https://x/a?page=1>; rel="first"'), undefined);
  assert.equal(nextLink(undefined), undefined);
});
