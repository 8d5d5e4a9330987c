// Deploy and rollback phases: the publish module (and with it every cloud SDK) is imported only here, lazily.
import * as core from '@actions/core';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDatafileSet } from '../build/index.ts';
import type { DatafileSet } from '../model/datafile-set.ts';
import type { RunContext, RunPlan } from './context.ts';
import { describeError } from './errors.ts';
import type { ActionSettings } from './inputs.ts';
import type { DeployOutcome, RunResult } from './result.ts';

/** The options deploy and rollback share: where, how and how loud. */
function targetOptions(settings: ActionSettings) {
  return {
    target: settings.target as string,
    endpoint: settings.endpoint,
    cloudfrontDistribution: settings.cloudfrontDistribution,
    cacheControl: { latest: settings.cacheControlLatest, immutable: settings.cacheControlImmutable },
    compress: settings.compress,
    dryRun: settings.dryRun,
    onProgress: (line: string) => core.info(line),
  };
}

export function deployPhase(result: RunResult, settings: ActionSettings, set: DatafileSet): Promise<void> {
  return publishPhase(result, 'Deploy', async () => {
    const { deploy } = await import('../publish/deploy.ts');
    return deploy({ ...targetOptions(settings), set, revision: set.revision, commit: set.commit, repoDir: settings.workspace, retention: settings.retention });
  });
}

export function rollbackPhase(result: RunResult, settings: ActionSettings): Promise<void> {
  return publishPhase(result, 'Rollback', async () => {
    const { rollback } = await import('../publish/deploy.ts');
    return rollback({ ...targetOptions(settings), to: settings.rollbackTo as string, repoDir: settings.workspace });
  });
}

/** Runs deploy or rollback; a failure is recorded (with its hints) so the summary is still written. */
async function publishPhase(result: RunResult, phase: 'Deploy' | 'Rollback', publish: () => Promise<DeployOutcome>): Promise<void> {
  await core.group(phase, async () => {
    try {
      const outcome = pickDeploy(await publish());
      result.deploy = outcome;
      const detail = phase === 'Deploy' ? deployDetail(outcome) : `revision \`${outcome.revision}\` is live${outcome.dryRun ? ' (dry run: nothing written)' : ''}`;
      result.phases.push({ phase, status: 'passed', detail });
    } catch (error) {
      const message = describeError(error);
      core.error(message);
      result.phases.push({ phase, status: 'failed', detail: message.split('\n')[0]! });
      result.failures.push(`${phase.toLowerCase()} failed: ${message}`);
    }
  });
}

function pickDeploy(result: DeployOutcome): DeployOutcome {
  const { revision, uploaded, unchanged, deleted, invalidated, manifestUrl, datafileUrls, dryRun } = result;
  return { revision, uploaded, unchanged, deleted, invalidated: invalidated ?? [], manifestUrl, datafileUrls: datafileUrls ?? {}, dryRun };
}

function deployDetail(d: DeployOutcome): string {
  return `${d.dryRun ? 'dry run: would upload' : 'uploaded'} ${d.uploaded}, unchanged ${d.unchanged}, deleted ${d.deleted}`;
}

/**
 * Where the previous allocation comes from: "state-from", or for deploys the target itself, so users keep
 * their buckets. Remote targets are read here (with the endpoint input) into a temp folder for the builder.
 */
export async function stateSource(settings: ActionSettings, context: RunContext, plan: RunPlan): Promise<string | undefined> {
  const fromTarget = !settings.stateFrom && plan.phases.includes('deploy');
  const from = settings.stateFrom ?? (fromTarget ? settings.target : undefined);
  if (!from) return undefined;
  // Folders and http(s) URLs the builder reads itself; a target (any scheme) is read through its provider,
  // which also copes with a first deploy where nothing is live yet.
  const isUri = /^[a-z][a-z0-9+.-]*:\/\//i.test(from);
  if (!fromTarget && (!isUri || /^(https?|file):\/\//i.test(from))) return from;
  const { readLiveDatafiles } = await import('../publish/remote-state.ts');
  const live = await readLiveDatafiles(from, {
    endpoint: settings.endpoint,
    repoDir: settings.workspace,
    cwd: settings.workspace,
    onProgress: (line: string) => core.info(line),
  });
  if (!live) return undefined;
  const dir = join(context.tempDir ?? tmpdir(), `flagwright-state-${process.pid}`);
  await writeDatafileSet(dir, live);
  core.info(`live revision ${live.revision} at ${from} is the previous allocation`);
  return dir;
}

