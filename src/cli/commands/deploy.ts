// flagwright deploy: sync datafiles to a target (changed files only, ordered, cache headers, invalidation).
import { resolve } from 'node:path';
import { oneOf, parseOptions, type Command } from '../command.ts';
import { FlagwrightError } from '../../model/diagnostic.ts';
import { deploy, type CommonOptions, type DeployResult } from '../../publish/deploy.ts';

const usage =
  'flagwright deploy --target URI [--project DIR | --datafiles DIR] [--revision R] [--endpoint URL] [--cloudfront-distribution ID] ' +
  '[--retention N] [--dry-run] [--json] [--force] [--wait] [--cache-latest VALUE] [--cache-immutable VALUE] [--compress none|gzip|br]';

export const targetFlags = {
  target: { type: 'string' },
  endpoint: { type: 'string' },
  region: { type: 'string' },
  'cloudfront-distribution': { type: 'string' },
  'cloudfront-endpoint': { type: 'string' },
  'gcs-endpoint': { type: 'string' },
  'pages-remote': { type: 'string' },
  retention: { type: 'string' },
  'dry-run': { type: 'boolean' },
  json: { type: 'boolean' },
  force: { type: 'boolean' },
  wait: { type: 'boolean' },
  'cache-latest': { type: 'string' },
  'cache-immutable': { type: 'string' },
  compress: { type: 'string' },
  concurrency: { type: 'string' },
  'request-timeout': { type: 'string' },
  retries: { type: 'string' },
} as const;

export function intOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new FlagwrightError(`--${name} must be a whole number (got "${value}")`, [], 2);
  return Number(value);
}

export function commonFromFlags(values: Record<string, string | boolean | undefined>, io: { cwd: string; env: NodeJS.ProcessEnv; isTTY: boolean; stderr: (t: string) => void }): CommonOptions {
  const target = values.target as string | undefined;
  if (!target) throw new FlagwrightError('--target is required (e.g. file://public/datafiles, s3://bucket/prefix)', [], 2);
  const str = (name: string) => values[name] as string | undefined;
  const defined = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  return defined({
    target,
    endpoint: str('endpoint'),
    region: str('region'),
    cloudfrontDistribution: str('cloudfront-distribution'),
    cloudfrontEndpoint: str('cloudfront-endpoint'),
    gcsApiEndpoint: str('gcs-endpoint'),
    pagesRemote: str('pages-remote'),
    retention: intOption('retention', str('retention')),
    dryRun: !!values['dry-run'],
    force: !!values.force,
    wait: !!values.wait,
    cacheControl: defined({ latest: str('cache-latest'), immutable: str('cache-immutable') }),
    compress: values.compress === undefined ? undefined : oneOf('compress', str('compress'), ['none', 'gzip', 'br'] as const, 'none'),
    concurrency: intOption('concurrency', str('concurrency')),
    requestTimeoutMs: intOption('request-timeout', str('request-timeout')),
    retries: intOption('retries', str('retries')),
    cwd: io.cwd,
    repoDir: io.cwd,
    env: io.env,
    // One line per phase (CI logs); on a terminal also a live count that the next phase line overwrites.
    onProgress: values.json ? undefined : (line: string) => io.stderr(`${io.isTTY ? '\r\x1b[K' : ''}${line}\n`),
    onCount:
      values.json || !io.isTTY
        ? undefined
        : (phase: string, done: number, total: number) => {
            if (done === total || done % 25 === 0) io.stderr(`\r\x1b[K${phase}: ${done}/${total}`);
          },
  }) as unknown as CommonOptions;
}

export function printResult(result: DeployResult, json: boolean, io: { stdout: (t: string) => void }) {
  if (json) {
    const { revision, uploaded, unchanged, deleted, invalidated, manifestUrl } = result;
    io.stdout(JSON.stringify({ revision, uploaded, unchanged, deleted, invalidated, manifestUrl: manifestUrl ?? null, ...(result.dryRun ? { dryRun: true, plan: result.plan } : {}) }, null, 2) + '\n');
    return;
  }
  if (result.dryRun) {
    const plan = result.plan!;
    io.stdout(`dry run: revision ${result.revision} (nothing was changed)\n`);
    for (const key of plan.upload) io.stdout(`  upload   ${key}\n`);
    for (const key of plan.headers) io.stdout(`  headers  ${key}\n`);
    for (const key of plan.delete) io.stdout(`  delete   ${key}\n`);
    io.stdout(`  manifest ${plan.manifest}; ${plan.unchanged} unchanged\n`);
    return;
  }
  io.stdout(
    `deployed revision ${result.revision}: ${result.uploaded} uploaded, ${result.headersUpdated} header updates, ${result.unchanged} unchanged, ` +
      `${result.deleted} deleted, ${result.invalidated.length} paths invalidated\n` + (result.manifestUrl ? `manifest: ${result.manifestUrl}\n` : ''),
  );
}

const command: Command = {
  name: 'deploy',
  summary: 'Sync built datafiles to a target (file://, s3://, gs://, azblob://, pages://): changed files only, immutable copies, latest files, manifest last, then invalidation and pruning.',
  usage,
  async run(argv, io) {
    const { values } = parseOptions(argv, { ...targetFlags, project: { type: 'string' }, datafiles: { type: 'string' }, revision: { type: 'string' } }, usage);
    if (values.project && values.datafiles) throw new FlagwrightError('pass either --project or --datafiles, not both', [], 2);
    const common = commonFromFlags(values, io);
    if (common.target.startsWith('pages://') && !values.json) {
      io.stderr('note: GitHub Pages serves every file with Cache-Control: max-age=600; cache settings do not apply there\n');
    }
    const result = await deploy({
      ...common,
      ...(values.datafiles ? { datafilesDir: resolve(io.cwd, values.datafiles) } : {}),
      ...(values.project || !values.datafiles ? { projectDir: resolve(io.cwd, values.project ?? '.') } : {}),
      ...(values.revision ? { revision: values.revision } : {}),
    });
    printResult(result, !!values.json, io);
    return 0;
  },
};

export default command;
