// The deploy contract against a bare git repository standing in for the GitHub Pages branch.
import { deployContract, type Snapshot } from './helpers/deploy-contract.ts';
import { startGitRemote } from './helpers/git-remote.ts';

deployContract('github pages', async () => {
  const remote = await startGitRemote();
  Object.assign(process.env, remote.env);
  const branchFiles = (): Map<string, string> => {
    const heads = remote.git(['--git-dir', remote.dir, 'branch', '--list', 'gh-pages']);
    if (!heads) return new Map();
    const lines = remote.git(['--git-dir', remote.dir, 'ls-tree', '-r', 'gh-pages']).split('\n').filter(Boolean);
    return new Map(lines.map((line) => [line.split('\t')[1]!, line.split(/\s+/)[2]!]));
  };
  return {
    target: 'pages://gh-pages/site',
    options: { pagesRemote: remote.url },
    supportsHeaders: false,
    async snapshot(): Promise<Snapshot> {
      const content = branchFiles();
      content.delete('.nojekyll');
      return {
        content,
        cacheControl: new Map(),
        body: async (key) => (content.has(key) ? remote.show('gh-pages', key) : undefined),
      };
    },
    close: () => remote.close(),
  };
});
