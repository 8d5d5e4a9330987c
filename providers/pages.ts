// pages://branch/dir: GitHub Pages through a branch push. Never force-pushes; keeps other content;
// on a non-fast-forward it fetches the new tip, replays this deploy's writes and pushes again.
// Pages serves every file with Cache-Control: max-age=600, so headers cannot be set here.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { FlagwrightError } from '../src/model/diagnostic.ts';
import { git, gitRaw } from '../src/util/git.ts';
import { listFolder } from './folder.ts';
import { ProviderError, type Provider, type ProviderFactory } from './types.ts';

type Op = { kind: 'put'; key: string; body: Buffer } | { kind: 'delete'; key: string };

const IDENTITY = ['-c', 'user.name=flagwright', '-c', 'user.email=flagwright@users.noreply.github.com'];
const PUSH_ATTEMPTS = 5;

async function remoteUrl(options: Parameters<ProviderFactory>[1]): Promise<string> {
  if (options.pagesRemote) return options.pagesRemote;
  if (options.env.FLAGWRIGHT_PAGES_REMOTE) return options.env.FLAGWRIGHT_PAGES_REMOTE;
  const result = await gitRaw(['remote', 'get-url', 'origin'], options.repoDir ?? process.cwd());
  if (result.code !== 0 || !result.stdout.trim()) {
    throw new FlagwrightError('pages:// target: no git remote "origin" to push to (run inside a checkout, or pass --pages-remote URL)', [], 2);
  }
  return result.stdout.trim();
}

const createPages: ProviderFactory = async (location, options) => {
  const branch = location.bucket!;
  const url = await remoteUrl(options);
  const work = await mkdtemp(join(tmpdir(), 'flagwright-pages-'));
  const heads = await gitRaw(['ls-remote', '--heads', url, branch], work);
  if (heads.code !== 0) {
    await rm(work, { recursive: true, force: true });
    throw new ProviderError(`cannot read ${branch} from the Pages remote: ${heads.stderr.trim()} (the token needs contents: write)`);
  }
  const exists = heads.stdout.trim() !== '';
  const dir = join(work, 'site');
  if (exists) await git(['clone', '--quiet', '--branch', branch, '--single-branch', '--depth', '1', url, dir], work);
  else {
    await git(['init', '--quiet', `--initial-branch=${branch}`, dir], work);
    await git(['remote', 'add', 'origin', url], dir);
  }
  const root = location.prefix ? join(dir, ...location.prefix.split('/')) : dir;
  let ops: Op[] = [];

  const applyPut = async (key: string, body: Buffer) => {
    const path = join(root, key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, body);
  };
  const applyDelete = (key: string) => rm(join(root, key), { force: true });

  const provider: Provider = {
    kind: 'github pages',
    supportsHeaders: false,
    list: (listOptions = {}) => listFolder(root, listOptions, (name) => name === '.git'),
    async get(key) {
      const body = await readFile(join(root, key)).catch(() => undefined);
      return body ? { body } : undefined;
    },
    async put(key, body) {
      ops.push({ kind: 'put', key, body });
      await applyPut(key, body);
    },
    async delete(keys) {
      for (const key of keys) {
        ops.push({ kind: 'delete', key });
        await applyDelete(key);
      }
    },
    async flush(message) {
      // Jekyll would hide files starting with "_" or "."; .nojekyll turns it off for the whole site.
      await writeFile(join(dir, '.nojekyll'), '');
      await git(['add', '-A'], dir);
      if ((await git(['status', '--porcelain'], dir)) === '') return;
      await git([...IDENTITY, 'commit', '--quiet', '-m', message], dir);
      for (let attempt = 1; ; attempt++) {
        const push = await gitRaw(['push', '--quiet', 'origin', `HEAD:refs/heads/${branch}`], dir);
        if (push.code === 0) break;
        const rejected = /rejected|non-fast-forward|fetch first|failed to update ref|stale info/i.test(push.stderr);
        if (!rejected || attempt >= PUSH_ATTEMPTS) {
          throw new ProviderError(`git push to ${branch} failed: ${push.stderr.trim()}${rejected ? '' : ' (the token needs contents: write)'}`, !rejected);
        }
        // Someone pushed meanwhile: rebuild this commit on top of their tip (never force).
        await git(['fetch', '--quiet', '--depth', '1', 'origin', branch], dir);
        await git(['reset', '--quiet', '--hard', 'FETCH_HEAD'], dir);
        for (const op of ops) await (op.kind === 'put' ? applyPut(op.key, op.body) : applyDelete(op.key));
        await writeFile(join(dir, '.nojekyll'), '');
        await git(['add', '-A'], dir);
        if ((await git(['status', '--porcelain'], dir)) === '') break;
        await git([...IDENTITY, 'commit', '--quiet', '-m', message], dir);
      }
      ops = [];
    },
    publicUrl(key) {
      // Project sites serve the branch root at https://<owner>.github.io/<repo>/ (when Pages uses this branch).
      const repository = options.env.GITHUB_REPOSITORY;
      if (!repository?.includes('/')) return undefined;
      const [owner, repo] = repository.split('/');
      const base = repo!.toLowerCase() === `${owner!.toLowerCase()}.github.io` ? `https://${repo}` : `https://${owner!.toLowerCase()}.github.io/${repo}`;
      return `${base}/${location.prefix ? `${location.prefix}/` : ''}${key}`;
    },
    async close() {
      await rm(work, { recursive: true, force: true });
    },
  };
  return provider;
};

export default createPages;
