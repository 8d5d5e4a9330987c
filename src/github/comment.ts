// The sticky PR comment: found by author AND hidden marker through every page of comments, edited in place,
// left alone when the body is unchanged (no request), deleted on demand. 403s (read-only fork tokens)
// throw GitHubApiError with status 403 so callers can degrade gracefully.
import { COMMENT_MARKER } from '../render/comment.ts';
import { truncateMarkdown } from '../render/markdown.ts';
import { GitHubApiError, restClient } from './rest.ts';

export type StickyMode = 'update' | 'new' | 'delete';

export interface StickyOptions {
  token: string;
  apiUrl: string;
  owner: string;
  repo: string;
  issueNumber: number;
  body: string;
  mode: StickyMode;
  /** Login that owns the sticky comment. Default: GET /user, else github-actions[bot] (GITHUB_TOKEN cannot call /user). */
  author?: string;
  /** Hidden marker on the first line (default `<!-- flagwright:comment -->`). */
  marker?: string;
  fetch?: typeof fetch;
}

export interface StickyResult {
  action: 'created' | 'updated' | 'unchanged' | 'deleted' | 'none';
  id?: number;
  url?: string;
}

interface IssueComment {
  id: number;
  body?: string;
  html_url: string;
  user?: { login: string } | null;
}

export const DEFAULT_BOT_LOGIN = 'github-actions[bot]';
const MAX_BODY = 65536;

export async function upsertStickyComment(options: StickyOptions): Promise<StickyResult> {
  const marker = options.marker ?? COMMENT_MARKER;
  const client = restClient({ token: options.token, apiUrl: options.apiUrl, fetch: options.fetch });
  const issuePath = `/repos/${encodeURIComponent(options.owner)}/${encodeURIComponent(options.repo)}/issues`;
  const body = prepareBody(options.body, marker);

  const author = options.author ?? (await viewerLogin(client));
  const all = await client.paginate<IssueComment>(`${issuePath}/${options.issueNumber}/comments`);
  const ours = all.filter((c) => sameLogin(c.user?.login, author) && firstLine(c.body) === marker);
  const latest = ours[ours.length - 1];

  if (options.mode === 'delete') {
    for (const comment of ours) await client.request('DELETE', `${issuePath}/comments/${comment.id}`);
    return latest ? { action: 'deleted', id: latest.id } : { action: 'none' };
  }
  if (options.mode === 'update' && latest) {
    if (normalise(latest.body ?? '') === normalise(body)) return { action: 'unchanged', id: latest.id, url: latest.html_url };
    const { data } = await client.request<IssueComment>('PATCH', `${issuePath}/comments/${latest.id}`, { body });
    return { action: 'updated', id: data.id, url: data.html_url };
  }
  const { data } = await client.request<IssueComment>('POST', `${issuePath}/${options.issueNumber}/comments`, { body });
  return { action: 'created', id: data.id, url: data.html_url };
}

/** The token's login, or the Actions bot when the token cannot read /user (GitHub App installation tokens). */
async function viewerLogin(client: ReturnType<typeof restClient>): Promise<string> {
  try {
    const { data } = await client.request<{ login: string }>('GET', '/user');
    return data.login;
  } catch (error) {
    if (error instanceof GitHubApiError && (error.status === 403 || error.status === 404)) return DEFAULT_BOT_LOGIN;
    throw error;
  }
}

/** GraphQL reports bots without "[bot]", REST with it: compare both ways, case-insensitively. */
function sameLogin(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const norm = (s: string) => s.toLowerCase().replace(/\[bot\]$/, '');
  return norm(a) === norm(b);
}

function firstLine(body: string | undefined): string {
  return (body ?? '').split('\n', 1)[0].replace(/\r$/, '').trim();
}

function normalise(body: string): string {
  return body.replace(/\r\n/g, '\n').replace(/\s+$/, '');
}

function prepareBody(body: string, marker: string): string {
  let out = firstLine(body) === marker ? body : `${marker}\n${body}`;
  if (out.length > MAX_BODY) out = truncateMarkdown(out, MAX_BODY - 1000, '_… cut to fit GitHub\'s 65,536-character comment limit; see the job summary._');
  return out;
}

/** True when an error means the token may not write (fork PRs, missing `permissions:`). */
export function isReadOnlyError(error: unknown): boolean {
  return error instanceof GitHubApiError && (error.status === 403 || error.status === 401);
}
