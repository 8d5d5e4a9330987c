// Step outputs from a run result. Pure mapping + one thin setter.
import * as core from '@actions/core';
import type { DiffReport } from '../diff/types.ts';
import type { RunResult } from './result.ts';

/** Features whose effective rules change in any environment, sorted. */
export function changedFeatures(report: DiffReport): string[] {
  const keys = new Set<string>();
  for (const environment of report.environments) for (const feature of environment.features) keys.add(feature.feature);
  return [...keys].sort();
}

/** Only what the run produced: an output the run knows nothing about stays unset (empty). */
export function collectOutputs(result: RunResult): Record<string, string> {
  const outputs: Record<string, string> = {};
  const revision = result.deploy?.revision ?? result.revision;
  if (revision) outputs.revision = revision;
  if (result.datafilesDir) outputs['datafiles-dir'] = result.datafilesDir;
  if (result.diff) {
    const features = changedFeatures(result.diff);
    outputs['has-changes'] = String(features.length > 0 || result.diff.totals.changes > 0);
    outputs['changed-features'] = JSON.stringify(features);
  }
  if (result.comment?.url) outputs['comment-url'] = result.comment.url;
  if (result.comment?.bodyFile) outputs['body-file'] = result.comment.bodyFile;
  if (result.deploy) {
    if (result.deploy.manifestUrl) outputs['manifest-url'] = result.deploy.manifestUrl;
    outputs['datafile-urls'] = JSON.stringify(result.deploy.datafileUrls ?? {});
    outputs.uploaded = String(result.deploy.uploaded);
  }
  return outputs;
}

export function setOutputs(outputs: Record<string, string>): void {
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
}
