// Parses a deploy target URI into a location; rejects anything unsafe before a provider is touched.
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FlagwrightError } from '../model/diagnostic.ts';
import type { TargetLocation } from '../../providers/types.ts';

const SCHEMES = 'file://DIR, s3://bucket/prefix, gs://bucket/prefix, azblob://account/container/prefix, https://<account>.blob.core.windows.net/container/prefix, pages://branch/dir';

function bad(uri: string, why: string): FlagwrightError {
  return new FlagwrightError(`--target "${uri}": ${why} (expected one of ${SCHEMES})`, [], 2);
}

function cleanPrefix(uri: string, parts: string[]): string {
  const segments = parts.filter((part) => part !== '');
  for (const segment of segments) {
    if (segment === '..' || segment === '.') throw bad(uri, `the prefix must not contain "${segment}" segments`);
  }
  return segments.join('/');
}

export function parseTarget(uri: string, cwd: string = process.cwd()): TargetLocation {
  if (!uri) throw bad(uri, 'no target given');
  const match = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/i.exec(uri);
  if (!match) throw bad(uri, 'not a URI');
  const scheme = match[1]!.toLowerCase();
  const rest = match[2]!;
  if (rest.split(/[/\\]/).includes('..')) throw bad(uri, 'the path must not contain ".." segments');
  switch (scheme) {
    case 'file': {
      const path = rest.startsWith('/') ? fileURLToPath(`file://${rest}`) : rest;
      if (!path) throw bad(uri, 'no directory given');
      return { scheme: 'file', dir: isAbsolute(path) ? path : resolve(cwd, path), prefix: '', uri };
    }
    case 's3':
    case 'gs': {
      const [bucket, ...parts] = rest.split('/');
      if (!bucket) throw bad(uri, 'no bucket given');
      return { scheme: scheme === 's3' ? 's3' : 'gs', bucket, prefix: cleanPrefix(uri, parts), uri };
    }
    case 'azblob': {
      const [account, container, ...parts] = rest.split('/');
      if (!account || !container) throw bad(uri, 'expected azblob://account/container/prefix');
      return { scheme: 'azblob', account, bucket: container, prefix: cleanPrefix(uri, parts), uri };
    }
    case 'https': {
      const host = /^([a-z0-9]+)\.blob\.core\.windows\.net$/i.exec(rest.split('/')[0]!);
      if (!host) throw bad(uri, 'only Azure Blob URLs (https://<account>.blob.core.windows.net/...) are https targets');
      const [, container, ...parts] = rest.split('/');
      if (!container) throw bad(uri, 'no container given');
      return { scheme: 'azblob', account: host[1]!, bucket: container, prefix: cleanPrefix(uri, parts), uri };
    }
    case 'pages': {
      const [branch, ...parts] = rest.split('/');
      if (!branch) throw bad(uri, 'no branch given');
      return { scheme: 'pages', bucket: branch, prefix: cleanPrefix(uri, parts), uri };
    }
    default:
      throw bad(uri, `unknown scheme "${scheme}://"`);
  }
}
