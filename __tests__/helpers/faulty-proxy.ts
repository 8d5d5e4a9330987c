// An HTTP proxy in front of a real server that can fail chosen requests: a 500, a connection reset, or a hang.
import { createHash } from 'node:crypto';
import { createServer, request, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Fault = 'error500' | 'reset' | 'hang';

export interface FaultyProxy {
  url: string;
  /** Requests seen so far (numbered from 1), with method, path, headers and, with `hashBodies`, the body's SHA-256 once received. */
  log: Array<{ n: number; method: string; path: string; headers: IncomingHttpHeaders; bodySha256?: string; fault?: Fault }>;
  /** Fail requests number from..from+count-1 (counted from now on) with this fault. */
  failFrom(from: number, count: number, fault: Fault): void;
  reset(): void;
  close(): Promise<void>;
}

/** `hashBodies`: record each request body's SHA-256 (CPU spent in this process, so off for the bench). */
export async function startFaultyProxy(target: string, options: { hashBodies?: boolean } = {}): Promise<FaultyProxy> {
  const upstream = new URL(target);
  const log: FaultyProxy['log'] = [];
  let plan: { from: number; to: number; fault: Fault } | undefined;
  let seen = 0;
  const sockets = new Set<Socket>();

  // A request goes upstream only once its whole body has arrived. S3 stores an object only when its upload is
  // complete, but s3rver truncates the file as soon as a PUT starts: streaming through would let a client that
  // gives up mid-body (a timeout on a slow machine) leave an empty object there, which S3 never does.
  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const proxied = request(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
        (upstreamRes) => {
          res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
          upstreamRes.pipe(res);
        },
      );
      proxied.on('error', () => res.destroy());
      proxied.end(Buffer.concat(chunks));
    });
  };

  const server = createServer((req, res) => {
    const n = ++seen;
    const fault = plan && n >= plan.from && n <= plan.to ? plan.fault : undefined;
    const entry: FaultyProxy['log'][number] = { n, method: req.method!, path: req.url!, headers: req.headers, ...(fault ? { fault } : {}) };
    log.push(entry);
    if (options.hashBodies) {
      const body = createHash('sha256');
      req.on('data', (chunk: Buffer) => body.update(chunk));
      req.on('end', () => (entry.bodySha256 = body.digest('hex')));
    }
    if (!fault) return forward(req, res);
    req.resume();
    if (fault === 'error500') {
      res.writeHead(500, { 'content-type': 'application/xml' });
      return res.end('<?xml version="1.0"?><Error><Code>InternalError</Code><Message>injected</Message></Error>');
    }
    if (fault === 'reset') return req.socket.destroy();
    // hang: keep the socket open and never answer; the client's timeout must resolve it.
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    log,
    failFrom(from, count, fault) {
      seen = 0;
      log.length = 0;
      plan = { from, to: from + count - 1, fault };
    },
    reset() {
      seen = 0;
      log.length = 0;
      plan = undefined;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
