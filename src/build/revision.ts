// Revision = the git commit of the built tree: no counter file, nothing to commit back.
import { createHash } from 'node:crypto';
import { gitRaw } from '../util/git.ts';

export interface Revision {
  revision: string;
  /** Full SHA when the project is in a git work tree. */
  commit?: string;
  dirty: boolean;
}

/** Short SHA of HEAD, marked "-dirty" when the project folder has uncommitted changes. */
export async function revisionFromGit(projectDirectory: string): Promise<Revision | undefined> {
  // Both at once: each spawn costs more the larger this process has grown by the time it runs.
  // One rev-parse prints the full SHA, then the short one.
  const [head, status] = await Promise.all([
    gitRaw(['rev-parse', 'HEAD', '--short', 'HEAD'], projectDirectory),
    gitRaw(['status', '--porcelain', '--untracked-files=normal', '--', '.'], projectDirectory),
  ]);
  if (head.code !== 0) return undefined;
  const [commit = '', shortHead = ''] = head.stdout.trim().split('\n');
  const short = shortHead.trim() || commit.slice(0, 7);
  const dirty = status.code === 0 && status.stdout.trim().length > 0;
  return { revision: dirty ? `${short}-dirty` : short, commit, dirty };
}

/** Outside git: a hash of the inputs, so the same tree still gets the same revision. */
export function revisionFromContent(parts: Iterable<string>): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return `content-${hash.digest('hex').slice(0, 10)}`;
}
