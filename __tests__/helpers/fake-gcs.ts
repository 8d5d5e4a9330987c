// A loopback fake of the GCS JSON API (the routes @google-cloud/storage uses), so the real SDK is exercised.
// Returns correct md5Hash and crc32c (Castagnoli), as the SDK validates uploads against them.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32c(bytes: Buffer): string {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  const out = Buffer.alloc(4);
  out.writeUInt32BE((crc ^ 0xffffffff) >>> 0);
  return out.toString('base64');
}

interface StoredObject {
  body: Buffer;
  metadata: Record<string, unknown>;
  generation: number;
  metageneration: number;
}

export interface FakeGcs {
  url: string;
  requests: Array<{ method: string; path: string }>;
  objects(bucket: string): Map<string, StoredObject>;
  close(): Promise<void>;
}

const SETTABLE = ['cacheControl', 'contentType', 'contentEncoding', 'contentDisposition', 'contentLanguage', 'metadata'];

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseMultipart(body: Buffer, contentType: string): { metadata: Record<string, unknown>; data: Buffer; dataType?: string } {
  const boundary = /boundary=("?)([^";]+)\1/.exec(contentType)?.[2];
  if (!boundary) throw new Error('no boundary');
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Buffer[] = [];
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    parts.push(body.subarray(start + delimiter.length + 2, next - 2));
    start = next;
  }
  const split = (part: Buffer) => {
    const end = part.indexOf('\r\n\r\n');
    return { headers: part.subarray(0, end).toString(), content: part.subarray(end + 4) };
  };
  const meta = split(parts[0]!);
  const data = split(parts[1]!);
  return { metadata: JSON.parse(meta.content.toString() || '{}'), data: data.content, dataType: /content-type:\s*(.+)/i.exec(data.headers)?.[1]?.trim() };
}

export async function startFakeGcs(buckets: string[] = ['datafiles']): Promise<FakeGcs> {
  const store = new Map<string, Map<string, StoredObject>>(buckets.map((b) => [b, new Map()]));
  const sessions = new Map<string, { bucket: string; name: string; metadata: Record<string, unknown> }>();
  const requests: FakeGcs['requests'] = [];
  let generation = 1000;
  let base = '';

  const resource = (bucket: string, name: string, object: StoredObject) => ({
    kind: 'storage#object',
    id: `${bucket}/${name}/${object.generation}`,
    selfLink: `${base}/storage/v1/b/${bucket}/o/${encodeURIComponent(name)}`,
    mediaLink: `${base}/download/storage/v1/b/${bucket}/o/${encodeURIComponent(name)}?generation=${object.generation}&alt=media`,
    name,
    bucket,
    generation: String(object.generation),
    metageneration: String(object.metageneration),
    ...object.metadata,
    size: String(object.body.length),
    md5Hash: createHash('md5').update(object.body).digest('base64'),
    crc32c: crc32c(object.body),
    etag: `CO${object.generation}${object.metageneration}`,
    timeCreated: new Date().toISOString(),
    updated: new Date().toISOString(),
    storageClass: 'STANDARD',
  });
  const send = (res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(body === undefined ? '' : JSON.stringify(body));
  };
  const error = (res: ServerResponse, code: number, message: string, reason: string) =>
    send(res, code, { error: { code, message, errors: [{ message, domain: 'global', reason }] } });
  const save = (bucket: string, name: string, data: Buffer, metadata: Record<string, unknown>) => {
    const clean = Object.fromEntries(Object.entries(metadata).filter(([k, v]) => SETTABLE.includes(k) && v !== null));
    const object: StoredObject = { body: data, metadata: clean, generation: ++generation, metageneration: 1 };
    store.get(bucket)!.set(name, object);
    return object;
  };

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url!, 'http://x');
      // STORAGE_EMULATOR_HOST without /storage/v1 sends metadata calls to /b/...; accept both shapes.
      let path = url.pathname.replace(/^\/storage\/v1\/upload\/storage\/v1\//, '/upload/storage/v1/').replace(/^\/storage\/v1\/b/, '/b');
      requests.push({ method: req.method!, path: url.pathname + url.search });
      const body = await readBody(req);
      if (req.method === 'POST' && path === '/b') {
        const name = JSON.parse(body.toString()).name as string;
        store.set(name, store.get(name) ?? new Map());
        return send(res, 200, { kind: 'storage#bucket', name, id: name });
      }
      if (path.startsWith('/upload/session/')) {
        const session = sessions.get(path.slice('/upload/session/'.length));
        if (!session || req.method !== 'PUT') return error(res, 404, 'no such session', 'notFound');
        const object = save(session.bucket, session.name, body, session.metadata);
        return send(res, 200, resource(session.bucket, session.name, object));
      }
      const upload = /^\/upload\/storage\/v1\/b\/([^/]+)\/o$/.exec(path);
      if (upload && req.method === 'POST') {
        const bucket = decodeURIComponent(upload[1]!);
        if (!store.has(bucket)) return error(res, 404, 'The specified bucket does not exist.', 'notFound');
        const name = url.searchParams.get('name')!;
        if (url.searchParams.get('ifGenerationMatch') === '0' && store.get(bucket)!.has(name)) return error(res, 412, 'Precondition Failed', 'conditionNotMet');
        if (url.searchParams.get('uploadType') === 'resumable') {
          const id = String(++generation);
          const metadata = JSON.parse(body.toString() || '{}');
          if (req.headers['x-upload-content-type']) metadata.contentType ??= req.headers['x-upload-content-type'];
          sessions.set(id, { bucket, name, metadata });
          return send(res, 200, {}, { location: `${base}/upload/session/${id}` });
        }
        const { metadata, data, dataType } = parseMultipart(body, String(req.headers['content-type']));
        const object = save(bucket, name, data, { contentType: dataType, ...metadata });
        return send(res, 200, resource(bucket, name, object));
      }
      const list = /^\/b\/([^/]+)\/o$/.exec(path);
      if (list && req.method === 'GET') {
        const bucket = decodeURIComponent(list[1]!);
        const objects = store.get(bucket);
        if (!objects) return error(res, 404, 'The specified bucket does not exist.', 'notFound');
        const prefix = url.searchParams.get('prefix') ?? '';
        const max = Number(url.searchParams.get('maxResults') ?? 1000);
        const token = url.searchParams.get('pageToken') ?? '';
        const delimiter = url.searchParams.get('delimiter');
        const all = [...objects.keys()].filter((n) => n.startsWith(prefix));
        const prefixes = delimiter
          ? [...new Set(all.filter((n) => n.slice(prefix.length).includes(delimiter)).map((n) => n.slice(0, n.indexOf(delimiter, prefix.length) + 1)))].sort()
          : [];
        const names = all.filter((n) => !delimiter || !n.slice(prefix.length).includes(delimiter)).filter((n) => n > token).sort();
        const page = names.slice(0, max);
        return send(res, 200, {
          kind: 'storage#objects',
          ...(page.length ? { items: page.map((n) => resource(bucket, n, objects.get(n)!)) } : {}),
          ...(prefixes.length && !token ? { prefixes } : {}),
          ...(names.length > max ? { nextPageToken: page[page.length - 1] } : {}),
        });
      }
      const one = /^\/b\/([^/]+)\/o\/(.+)$/.exec(path);
      if (one) {
        const bucket = decodeURIComponent(one[1]!);
        const name = decodeURIComponent(one[2]!);
        const objects = store.get(bucket);
        if (!objects) return error(res, 404, 'The specified bucket does not exist.', 'notFound');
        const object = objects.get(name);
        if (!object) return error(res, 404, `No such object: ${bucket}/${name}`, 'notFound');
        if (req.method === 'GET' && url.searchParams.get('alt') === 'media') {
          res.writeHead(200, {
            'content-type': String(object.metadata.contentType ?? 'application/octet-stream'),
            ...(object.metadata.contentEncoding ? { 'content-encoding': String(object.metadata.contentEncoding) } : {}),
            'x-goog-hash': `crc32c=${crc32c(object.body)},md5=${createHash('md5').update(object.body).digest('base64')}`,
            'x-goog-generation': String(object.generation),
          });
          return res.end(object.body);
        }
        if (req.method === 'GET') return send(res, 200, resource(bucket, name, object));
        if (req.method === 'PATCH') {
          const patch = JSON.parse(body.toString() || '{}') as Record<string, unknown>;
          for (const [key, value] of Object.entries(patch)) {
            if (!SETTABLE.includes(key)) continue;
            if (value === null) delete object.metadata[key];
            else object.metadata[key] = value;
          }
          object.metageneration++;
          return send(res, 200, resource(bucket, name, object));
        }
        if (req.method === 'DELETE') {
          objects.delete(name);
          res.writeHead(204);
          return res.end();
        }
      }
      error(res, 501, `not implemented: ${req.method} ${url.pathname}`, 'notImplemented');
    } catch (e) {
      error(res, 500, String((e as Error).stack), 'backendError');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    requests,
    objects: (bucket) => store.get(bucket) ?? new Map(),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
