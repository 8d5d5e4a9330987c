// A loopback fake of the CloudFront invalidation API (2020-05-31 XML), so the real SDK is exercised.
// It rejects batches whose Quantity does not match the number of paths, as CloudFront does.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const NS = 'http://cloudfront.amazonaws.com/doc/2020-05-31/';

export interface FakeCloudFront {
  url: string;
  invalidations: Array<{ distribution: string; id: string; paths: string[]; polls: number }>;
  close(): Promise<void>;
}

export async function startFakeCloudFront(distributions: string[] = ['E2EXAMPLE']): Promise<FakeCloudFront> {
  const invalidations: FakeCloudFront['invalidations'] = [];
  const xml = (inv: FakeCloudFront['invalidations'][number], status: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><Invalidation xmlns="${NS}"><Id>${inv.id}</Id><Status>${status}</Status><CreateTime>${new Date().toISOString()}</CreateTime>` +
    `<InvalidationBatch><Paths><Quantity>${inv.paths.length}</Quantity><Items>${inv.paths.map((p) => `<Path>${p}</Path>`).join('')}</Items></Paths><CallerReference>ref</CallerReference></InvalidationBatch></Invalidation>`;
  const fail = (res: import('node:http').ServerResponse, status: number, code: string, message: string) => {
    res.writeHead(status, { 'content-type': 'text/xml' });
    res.end(`<?xml version="1.0"?><ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>r1</RequestId></ErrorResponse>`);
  };
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString();
    const match = /^\/2020-05-31\/distribution\/([^/]+)\/invalidation(?:\/([^/?]+))?/.exec(req.url!);
    if (!match) return fail(res, 404, 'NotFound', req.url!);
    const [, distribution, id] = match;
    if (!distributions.includes(distribution!)) return fail(res, 404, 'NoSuchDistribution', 'The specified distribution does not exist.');
    if (req.method === 'POST' && !id) {
      const quantity = Number(/<Quantity>(\d+)<\/Quantity>/.exec(body)?.[1]);
      const paths = [...body.matchAll(/<Path>([^<]*)<\/Path>/g)].map((m) => m[1]!);
      if (!Number.isInteger(quantity) || quantity !== paths.length || paths.length === 0) {
        return fail(res, 400, 'InvalidArgument', `Quantity ${quantity} does not match ${paths.length} paths`);
      }
      if (!/<CallerReference>[^<]+<\/CallerReference>/.test(body)) return fail(res, 400, 'MissingBody', 'CallerReference is required');
      const inv = { distribution: distribution!, id: `I${invalidations.length + 1}FAKE`, paths, polls: 0 };
      invalidations.push(inv);
      res.writeHead(201, { 'content-type': 'text/xml', location: `https://cloudfront.amazonaws.com/2020-05-31/distribution/${distribution}/invalidation/${inv.id}` });
      return res.end(xml(inv, 'InProgress'));
    }
    if (req.method === 'GET' && id) {
      const inv = invalidations.find((i) => i.id === id && i.distribution === distribution);
      if (!inv) return fail(res, 404, 'NoSuchInvalidation', 'no such invalidation');
      inv.polls++;
      res.writeHead(200, { 'content-type': 'text/xml' });
      // Completes on the second poll so the waiter really waits.
      return res.end(xml(inv, inv.polls >= 2 ? 'Completed' : 'InProgress'));
    }
    fail(res, 405, 'MethodNotAllowed', String(req.method));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    invalidations,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
