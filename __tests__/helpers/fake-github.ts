// A loopback fake of the GitHub REST API endpoints the sticky comment uses: issue comments (list with
// per_page/page and Link-header pagination, create, update, delete) and GET /user. Shared by the comment
// tests and the action's end-to-end tests (API in /work/briefs/apis.md; keep it stable).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Comment {
  id: number;
  node_id: string;
  body: string;
  user: { login: string; id: number; type: 'User' | 'Bot' };
  html_url: string;
  issue_url: string;
  created_at: string;
  updated_at: string;
}

export interface FakeGitHubOptions {
  /** The accepted token (default "test-token"); any other gets 401. */
  token?: string;
  /** Every write answers 403 "Resource not accessible by integration", as a fork PR's token does. */
  readOnly?: boolean;
  /** The login comments are created as (default "github-actions[bot]"). */
  login?: string;
  /** GET /user answers 403, as it does for GitHub App installation tokens such as GITHUB_TOKEN (default true). */
  userEndpointForbidden?: boolean;
}

export interface FakeGitHub {
  url: string;
  close(): Promise<void>;
  comments(owner: string, repo: string, issue: number): Comment[];
  seedComments(owner: string, repo: string, issue: number, count: number, login: string, body?: (index: number) => string): void;
  requests: Array<{ method: string; path: string; body?: unknown }>;
}

// Fixed clock: the fake must not make tests time-dependent.
const TIMESTAMP = '2026-01-01T00:00:00Z';

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const token = options.token ?? 'test-token';
  const login = options.login ?? 'github-actions[bot]';
  const userForbidden = options.userEndpointForbidden ?? true;
  const store = new Map<string, Comment[]>();
  const requests: FakeGitHub['requests'] = [];
  let nextId = 1000;
  let url = '';

  const key = (owner: string, repo: string, issue: number) => `${owner}/${repo}#${issue}`;
  const list = (owner: string, repo: string, issue: number) => {
    const k = key(owner, repo, issue);
    if (!store.has(k)) store.set(k, []);
    return store.get(k)!;
  };
  const make = (owner: string, repo: string, issue: number, body: string, author: string): Comment => {
    const id = nextId++;
    return {
      id,
      node_id: `IC_${id}`,
      body,
      user: { login: author, id: author.length * 1000 + 7, type: author.endsWith('[bot]') ? 'Bot' : 'User' },
      html_url: `https://github.com/${owner}/${repo}/pull/${issue}#issuecomment-${id}`,
      issue_url: `${url}/repos/${owner}/${repo}/issues/${issue}`,
      created_at: TIMESTAMP,
      updated_at: TIMESTAMP,
    };
  };
  const findById = (id: number): { comments: Comment[]; index: number } | undefined => {
    for (const comments of store.values()) {
      const index = comments.findIndex((c) => c.id === id);
      if (index >= 0) return { comments, index };
    }
    return undefined;
  };

  const send = (res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) => {
    const text = body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(text);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: unknown;
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        return send(res, 400, { message: 'Problems parsing JSON' });
      }
    }
    const u = new URL(req.url ?? '/', url);
    const method = req.method ?? 'GET';
    requests.push({ method, path: u.pathname + u.search, ...(body !== undefined ? { body } : {}) });

    const auth = req.headers.authorization ?? '';
    const presented = /^(?:token|Bearer)\s+(.+)$/i.exec(auth)?.[1];
    if (presented !== token) return send(res, 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });

    if (method === 'GET' && u.pathname === '/user') {
      if (userForbidden) return send(res, 403, { message: 'Resource not accessible by integration' });
      return send(res, 200, { login, id: 1, type: login.endsWith('[bot]') ? 'Bot' : 'User' });
    }

    let m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(u.pathname);
    if (m) {
      const [owner, repo, issue] = [m[1], m[2], Number(m[3])];
      const comments = list(owner, repo, issue);
      if (method === 'GET') {
        const perPage = Math.min(100, Math.max(1, Number(u.searchParams.get('per_page') ?? 30)));
        const page = Math.max(1, Number(u.searchParams.get('page') ?? 1));
        const pages = Math.max(1, Math.ceil(comments.length / perPage));
        const slice = comments.slice((page - 1) * perPage, page * perPage);
        const link = (p: number, rel: string) => {
          const next = new URL(u.toString());
          next.searchParams.set('per_page', String(perPage));
          next.searchParams.set('page', String(p));
          return `<${next.toString()}>; rel="${rel}"`;
        };
        const links: string[] = [];
        if (page < pages) links.push(link(page + 1, 'next'), link(pages, 'last'));
        if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'));
        return send(res, 200, slice, links.length ? { link: links.join(', ') } : {});
      }
      if (method === 'POST') {
        if (options.readOnly) return send(res, 403, { message: 'Resource not accessible by integration' });
        const text = (body as { body?: unknown } | undefined)?.body;
        if (typeof text !== 'string' || !text) return send(res, 422, { message: 'Validation Failed', errors: [{ field: 'body', code: 'missing_field' }] });
        if (text.length > 65536) return send(res, 422, { message: 'Validation Failed', errors: [{ message: 'Body is too long (maximum is 65536 characters)' }] });
        const comment = make(owner, repo, issue, text, login);
        comments.push(comment);
        return send(res, 201, comment);
      }
      return send(res, 404, { message: 'Not Found' });
    }

    m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(u.pathname);
    if (m) {
      const found = findById(Number(m[3]));
      if (!found) return send(res, 404, { message: 'Not Found' });
      if (method === 'GET') return send(res, 200, found.comments[found.index]);
      if (options.readOnly) return send(res, 403, { message: 'Resource not accessible by integration' });
      if (method === 'PATCH') {
        const text = (body as { body?: unknown } | undefined)?.body;
        if (typeof text !== 'string' || !text) return send(res, 422, { message: 'Validation Failed' });
        if (text.length > 65536) return send(res, 422, { message: 'Validation Failed', errors: [{ message: 'Body is too long (maximum is 65536 characters)' }] });
        const comment = found.comments[found.index];
        comment.body = text;
        return send(res, 200, comment);
      }
      if (method === 'DELETE') {
        found.comments.splice(found.index, 1);
        res.writeHead(204);
        return res.end();
      }
      return send(res, 404, { message: 'Not Found' });
    }
    return send(res, 404, { message: 'Not Found' });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => send(res, 500, { message: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
    comments: (owner, repo, issue) => structuredClone(list(owner, repo, issue)),
    seedComments(owner, repo, issue, count, author, body) {
      const comments = list(owner, repo, issue);
      for (let i = 0; i < count; i++) comments.push(make(owner, repo, issue, body ? body(i) : `comment ${i + 1} by ${author}`, author));
    },
  };
}
