// flagwright comment: upsert the sticky PR comment from a rendered body file. Made for the fork-safe flow:
// render on pull_request (read-only token), post from a trusted workflow_run job that runs no PR code.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { FlagwrightError } from '../../model/diagnostic.ts';
import { isReadOnlyError, upsertStickyComment, type StickyMode } from '../../github/comment.ts';
import { isNoChangeComment } from '../../render/comment.ts';
import { oneOf, parseOptions, type Command } from '../command.ts';

const usage =
  'flagwright comment --repo OWNER/NAME --pr N --body-file FILE [--mode update|new|delete] [--delete-when-unchanged] [--author LOGIN] [--api-url URL]';

const command: Command = {
  name: 'comment',
  summary: 'Create, update or delete the sticky Flagwright PR comment (token from GITHUB_TOKEN).',
  usage,
  async run(argv, io) {
    const { values } = parseOptions(
      argv,
      {
        repo: { type: 'string' },
        pr: { type: 'string' },
        'body-file': { type: 'string' },
        mode: { type: 'string' },
        author: { type: 'string' },
        'api-url': { type: 'string' },
        'delete-when-unchanged': { type: 'boolean' },
      },
      usage,
    );
    let mode = oneOf<StickyMode>('mode', values.mode, ['update', 'new', 'delete'], 'update');
    const repoMatch = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(values.repo ?? '');
    if (!repoMatch) throw new FlagwrightError(`--repo must be OWNER/NAME (got "${values.repo ?? ''}")\nusage: ${usage}`, [], 2);
    const pr = Number(values.pr);
    if (!Number.isInteger(pr) || pr <= 0) throw new FlagwrightError(`--pr must be a pull request number (got "${values.pr ?? ''}")\nusage: ${usage}`, [], 2);
    const token = io.env.GITHUB_TOKEN;
    if (!token) throw new FlagwrightError('GITHUB_TOKEN is not set: the comment command needs a token that may write pull request comments', [], 2);
    let body = '';
    const bodyFile = values['body-file'] ? resolve(io.cwd, values['body-file']) : undefined;
    if (mode !== 'delete') {
      if (!bodyFile) throw new FlagwrightError(`--body-file is required for --mode ${mode}\nusage: ${usage}`, [], 2);
      try {
        body = await readFile(bodyFile, 'utf8');
      } catch (error) {
        throw new FlagwrightError(`--body-file ${bodyFile}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`, [], 2);
      }
      if (!body.trim()) throw new FlagwrightError(`--body-file ${bodyFile} is empty`, [], 2);
      // Nothing left to report: remove the sticky comment instead of keeping a "no changes" one.
      if (values['delete-when-unchanged'] && mode === 'update' && isNoChangeComment(body)) mode = 'delete';
    }
    try {
      const result = await upsertStickyComment({
        token,
        apiUrl: values['api-url'] ?? io.env.GITHUB_API_URL ?? 'https://api.github.com',
        owner: repoMatch[1],
        repo: repoMatch[2],
        issueNumber: pr,
        body,
        mode,
        author: values.author,
      });
      io.stdout(`comment ${result.action}${result.url ? `: ${result.url}` : ''}\n`);
      return 0;
    } catch (error) {
      // A fork PR's token is read-only: say so and keep the job green; the body stays in its file.
      if (isReadOnlyError(error)) {
        io.stderr(
          `flagwright comment: could not post: read-only token (${(error as Error).message}), body written to ${bodyFile ?? '(no body file)'}. ` +
            'Post it from a workflow_run job with `permissions: pull-requests: write`.\n',
        );
        return 0;
      }
      throw error;
    }
  },
};

export default command;
