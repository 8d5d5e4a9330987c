// A minimal GitHub REST client on fetch: JSON in/out, auth, Link-header pagination, errors with status.
import { FlagwrightError } from '../model/diagnostic.ts';

export class GitHubApiError extends FlagwrightError {
  readonly status: number;
  constructor(message: string, status: number) {
    super(message);
    this.name = 'GitHubApiError';
    this.status = status;
  }
}

export interface RestClient {
  request<T>(method: string, path: string, body?: unknown): Promise<{ status: number; data: T; link?: string }>;
  /** Every page of a list endpoint, following Link rel="next" (per_page=100). */
  paginate<T>(path: string): Promise<T[]>;
}

export function restClient(options: { token: string; apiUrl: string; fetch?: typeof fetch }): RestClient {
  const doFetch = options.fetch ?? fetch;
  const base = (options.apiUrl || 'https://api.github.com').replace(/\/+$/, '');

  async function request<T>(method: string, pathOrUrl: string, body?: unknown) {
    const url = /^https?:\/\//.test(pathOrUrl) ? pathOrUrl : base + pathOrUrl;
    let response: Response;
    try {
      response = await doFetch(url, {
        method,
        headers: {
          accept: 'application/vnd.github+json',
          authorization: `Bearer ${options.token}`,
          'x-github-api-version': '2022-11-28',
          'user-agent': 'flagwright',
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new FlagwrightError(`GitHub API ${method} ${url} failed: ${(error as Error).message} (check GITHUB_API_URL / --api-url)`);
    }
    const text = await response.text();
    let data: unknown = undefined;
    if (text) {
      try {
        data = JSON.parse(text);
      } catch {
        data = text;
      }
    }
    if (!response.ok) {
      const message = (data as { message?: string } | undefined)?.message ?? response.statusText;
      const path = url.startsWith(base) ? url.slice(base.length) : url;
      throw new GitHubApiError(`GitHub API ${method} ${path.split('?')[0]} failed: ${response.status} ${message}`, response.status);
    }
    return { status: response.status, data: data as T, link: response.headers.get('link') ?? undefined };
  }

  async function paginate<T>(path: string): Promise<T[]> {
    const out: T[] = [];
    let next: string | undefined = path + (path.includes('?') ? '&' : '?') + 'per_page=100';
    for (let pages = 0; next && pages < 1000; pages++) {
      const page: { data: T[]; link?: string } = await request<T[]>('GET', next);
      out.push(...page.data);
      next = nextLink(page.link);
    }
    return out;
  }

  return { request, paginate };
}

/** The rel="next" URL of a Link header. */
export function nextLink(header: string | undefined): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?([^";]+)"?/.exec(part.trim());
    if (m && m[2].split(/\s+/).includes('next')) return m[1];
  }
  return undefined;
}
