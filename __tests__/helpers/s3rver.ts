// Starts a real s3rver (npm) in a child Node with --openssl-legacy-provider (its paged listings use DES).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface S3rverHandle {
  endpoint: string;
  port: number;
  /** Env for SDKs and the AWS CLI (key id must be S3RVER). */
  env: Record<string, string>;
  close(): Promise<void>;
}

const SCRIPT = `
const S3rver = require(process.argv[1]);
const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: process.argv[2],
  configureBuckets: JSON.parse(process.argv[3]).map((name) => ({ name })) });
server.run().then(({ port }) => { process.stdout.write('PORT ' + port + '\\n'); });
process.on('SIGTERM', () => server.close().then(() => process.exit(0)));
`;

/** `storeParent`: where s3rver keeps its objects (default: the temp folder). */
export async function startS3rver(buckets: string[] = ['datafiles'], options: { storeParent?: string } = {}): Promise<S3rverHandle> {
  const directory = await mkdtemp(join(options.storeParent ?? tmpdir(), 'fw-s3rver-'));
  const child: ChildProcess = spawn(process.execPath, ['--openssl-legacy-provider', '-e', SCRIPT, require.resolve('s3rver'), directory, JSON.stringify(buckets)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const match = /PORT (\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`s3rver exited (${code})`)));
  });
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    port,
    env: {
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
      AWS_REGION: 'us-east-1',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_EC2_METADATA_DISABLED: 'true',
    },
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(directory, { recursive: true, force: true });
    },
  };
}
