// ListObjectsV2 pages read straight from the XML. The SDK's schema-driven deserializer (and the logger
// middleware that walks its output even with logging off) spends ~150 ms of CPU on a 1,000-object listing,
// more than the request itself; a listing only needs Key, Size and ETag from each <Contents>.
import type { S3Client } from '@aws-sdk/client-s3';

export interface ListPage {
  contents: Array<{ key: string; size: number; etag?: string }>;
  isTruncated: boolean;
  nextToken?: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? whole;
  });
}

/** The text of the first <tag> in `xml` (S3 escapes "<" in values, so a value never contains a tag). */
function tag(xml: string, name: string): string | undefined {
  const open = xml.indexOf(`<${name}>`);
  if (open < 0) return undefined;
  const start = open + name.length + 2;
  const end = xml.indexOf(`</${name}>`, start);
  return end < 0 ? undefined : unescapeXml(xml.slice(start, end));
}

export function parseListPage(xml: string): ListPage {
  if (!/<ListBucketResult[\s>]/.test(xml)) throw new Error(`unexpected ListObjectsV2 response: ${xml.slice(0, 200)}`);
  const contents: ListPage['contents'] = [];
  for (let at = xml.indexOf('<Contents>'); at >= 0; at = xml.indexOf('<Contents>', at)) {
    const end = xml.indexOf('</Contents>', at);
    if (end < 0) throw new Error('truncated ListObjectsV2 response');
    const entry = xml.slice(at + 10, end);
    const key = tag(entry, 'Key');
    if (key === undefined) throw new Error('a ListObjectsV2 entry has no Key');
    const etag = tag(entry, 'ETag');
    contents.push({ key, size: Number(tag(entry, 'Size') ?? 0), ...(etag !== undefined ? { etag } : {}) });
    at = end;
  }
  // Only the top-level flags: entries come before them in no guaranteed order, so look outside <Contents>.
  const outside = xml.replace(/<Contents>[\s\S]*?<\/Contents>|<CommonPrefixes>[\s\S]*?<\/CommonPrefixes>/g, '');
  const nextToken = tag(outside, 'NextContinuationToken');
  return { contents, isTruncated: tag(outside, 'IsTruncated') === 'true', ...(nextToken ? { nextToken } : {}) };
}

async function bodyText(body: unknown): Promise<string> {
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Makes every ListObjectsV2 call on `client` hand its successful page to the returned lookup (keyed by the
 * command's input) and give the SDK's deserializer an empty body instead. A client-level middleware, so the
 * client can cache its resolved middleware per command class. Errors (non-2xx) still go through the SDK
 * untouched, so their names and status codes stay as usual.
 */
export function parseListPagesDirectly(client: S3Client): (input: object) => ListPage | undefined {
  const pages = new WeakMap<object, ListPage>();
  client.middlewareStack.addRelativeTo(
    (next: any, context: any) => async (args: any) => {
      const result = await next(args);
      if (context.commandName !== 'ListObjectsV2Command') return result;
      const response = result.response as { statusCode?: number; body?: unknown };
      if (response?.statusCode !== undefined && response.statusCode >= 200 && response.statusCode < 300 && response.body !== undefined) {
        pages.set(args.input, parseListPage(await bodyText(response.body)));
        response.body = new Uint8Array(0);
      }
      return result;
    },
    { relation: 'after', toMiddleware: 'deserializerMiddleware', name: 'flagwrightListPage', override: true },
  );
  return (input) => pages.get(input);
}
