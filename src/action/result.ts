// What one action run did, phase by phase: the data the summary, the outputs and the exit status come from.
import type { Diagnostic } from '../model/diagnostic.ts';
import type { DeployResult } from '../publish/deploy.ts';
import type { DiffReport } from '../diff/types.ts';
import type { RunPlan } from './context.ts';

export type PhaseStatus = 'passed' | 'failed' | 'skipped' | 'warning';

export interface PhaseOutcome {
  phase: string;
  status: PhaseStatus;
  /** Short markdown-safe description for the summary table. */
  detail: string;
}

/** What the action reports of a deploy (src/publish/deploy.ts). */
export type DeployOutcome = Pick<DeployResult, 'revision' | 'uploaded' | 'unchanged' | 'deleted' | 'invalidated' | 'manifestUrl' | 'datafileUrls' | 'dryRun'>;

export interface CommentOutcome {
  action: 'created' | 'updated' | 'unchanged' | 'deleted' | 'none' | 'rendered';
  url?: string;
  bodyFile?: string;
  /** Why the comment was not posted, when it was not (fork, read-only token, comment: render). */
  notPosted?: string;
  pullRequest?: number;
  /** owner/name, for the posting instructions. */
  repository?: string;
}

export interface RunResult {
  plan: RunPlan;
  phases: PhaseOutcome[];
  problems: Diagnostic[];
  revision?: string;
  datafilesDir?: string;
  diff?: DiffReport;
  comment?: CommentOutcome;
  deploy?: DeployOutcome;
  /** Reasons the step fails; empty = success. */
  failures: string[];
}
