// Opens the provider for a target URI. SDKs load lazily so commands that never deploy never load them.
import type { Provider, ProviderFactory, ProviderOptions, TargetLocation } from '../../providers/types.ts';
import { parseTarget } from './target.ts';

export interface TargetOptions extends Partial<ProviderOptions> {
  cwd?: string;
}

const loaders: Record<TargetLocation['scheme'], () => Promise<{ default: ProviderFactory }>> = {
  file: () => import('../../providers/local.ts'),
  s3: () => import('../../providers/s3.ts'),
  gs: () => import('../../providers/gcs.ts'),
  azblob: () => import('../../providers/azure.ts'),
  pages: () => import('../../providers/pages.ts'),
};

export async function openTarget(target: string, options: TargetOptions = {}): Promise<{ location: TargetLocation; provider: Provider }> {
  const location = parseTarget(target, options.cwd);
  const factory = (await loaders[location.scheme]()).default;
  const provider = await factory(location, {
    ...options,
    env: options.env ?? process.env,
    repoDir: options.repoDir ?? options.cwd ?? process.cwd(),
  });
  return { location, provider };
}
