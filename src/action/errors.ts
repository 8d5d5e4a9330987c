// Turns any thrown value into the one line (plus hints) the step fails with.
import { FlagwrightError, formatLocation } from '../model/diagnostic.ts';

const PERMISSION_HINT =
  'The token cannot write pull request comments. Give the job `permissions: pull-requests: write`. ' +
  'Pull requests from forks always get a read-only token: use `comment: render` and post the comment from a ' +
  '`workflow_run` job (see workflows-examples/fork-safe-*.yml in the Flagwright repository).';

/** A 401/403 from the GitHub API: the token lacks the right, which forks make normal. */
export function isPermissionError(error: unknown): boolean {
  const status = (error as { status?: unknown } | undefined)?.status;
  if (status === 403 || status === 401) return true;
  const message = error instanceof Error ? error.message : String(error);
  return /Resource not accessible by integration|Bad credentials|\b40[13]\b/i.test(message);
}

function hintsFor(message: string): string[] {
  const hints: string[] = [];
  if (/Resource not accessible by integration/i.test(message)) hints.push(PERMISSION_HINT);
  if (/Could not load credentials|CredentialsProviderError|Unable to locate credentials|ExpiredToken/i.test(message)) {
    hints.push('No cloud credentials: add an auth step before Flagwright (aws-actions/configure-aws-credentials, google-github-actions/auth or azure/login) and `permissions: id-token: write`.');
  }
  if (/AccessDenied|403 Forbidden|AuthorizationPermissionMismatch|does not have storage\.objects/i.test(message)) {
    hints.push('The cloud role lacks a permission; the README lists the exact permissions each target needs.');
  }
  if (/not a git repository|unknown revision|bad object|not in the clone/i.test(message)) {
    hints.push('Check out the full history so both diff ends exist: actions/checkout with `fetch-depth: 0`.');
  }
  return hints;
}

export function describeError(error: unknown): string {
  let message: string;
  if (error instanceof FlagwrightError) {
    message = error.message;
    const located = error.diagnostics.filter((d) => d.line > 0);
    const shown = located.slice(0, 20).map((d) => `  ${formatLocation(d.file, d.line, d.column)} ${d.severity} ${d.message} (${d.rule})`);
    if (shown.length && !shown.some((line) => message.includes(line.trim()))) message += '\n' + shown.join('\n');
    if (located.length > shown.length) message += `\n  … and ${located.length - shown.length} more`;
  } else if (error instanceof Error) {
    message = error.message || error.name;
  } else {
    message = String(error);
  }
  const hints = hintsFor(message);
  return hints.length ? `${message}\nHint: ${hints.join('\nHint: ')}` : message;
}
