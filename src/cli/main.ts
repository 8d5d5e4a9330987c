// flagwright CLI entry point: dispatches to one file per command under ./commands.
import { FlagwrightError } from '../model/diagnostic.ts';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isMainThread } from 'node:worker_threads';
import type { Command, CliIO } from './command.ts';

const commands: Record<string, () => Promise<{ default: Command }>> = {
  lint: () => import('./commands/lint.ts'),
  build: () => import('./commands/build.ts'),
  test: () => import('./commands/test.ts'),
  evaluate: () => import('./commands/evaluate.ts'),
  diff: () => import('./commands/diff.ts'),
  comment: () => import('./commands/comment.ts'),
  deploy: () => import('./commands/deploy.ts'),
  rollback: () => import('./commands/rollback.ts'),
};

const HELP = `flagwright — lint, build, test, diff and deploy Featurevisor flag repos

usage: flagwright <command> [options]

commands:
  lint       validate the project (schema + semantic checks)
  build      build datafiles per environment x tag
  test       run the project's spec files
  evaluate   explain one flag decision
  diff       effective flag changes between two git refs
  comment    create or update the sticky PR comment
  deploy     sync datafiles to a CDN target
  rollback   republish an earlier revision as latest

Run "flagwright <command> --help" for a command's options.`;

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(HELP + '\n');
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    io.stdout('flagwright 0.1.0\n');
    return 0;
  }
  const load = commands[name];
  if (!load) {
    io.stderr(`flagwright: unknown command "${name}"\n\n${HELP}\n`);
    return 2;
  }
  const command = (await load()).default;
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.summary}\n\nusage: ${command.usage}\n`);
    return 0;
  }
  try {
    if (command.readsProject && isMainThread) {
      const onThread = await runOnCommandThreadIfLarge(argv, rest, io);
      if (onThread !== undefined) return onThread;
    }
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof FlagwrightError) {
      io.stderr(`flagwright ${name}: ${error.message}\n`);
      return error.exitCode;
    }
    io.stderr(`flagwright ${name}: unexpected error: ${(error as Error)?.stack ?? String(error)}\n`);
    return 1;
  }
}

/** Commands on large projects run on a command thread (src/threads/command-thread.ts); small ones stay here. */
async function runOnCommandThreadIfLarge(argv: string[], rest: string[], io: CliIO): Promise<number | undefined> {
  // Only --project matters here; the command itself checks every option.
  const project = parseArgs({ args: rest, options: { project: { type: 'string' } }, strict: false }).values.project ?? '.';
  if (typeof project !== 'string') return undefined; // "--project" without a value: the command reports it
  const [{ loadConfig }, { wantsCommandThread, runCommandOnThread }] = await Promise.all([
    import('../project/config.ts'),
    import('../threads/command-thread.ts'),
  ]);
  let large: boolean;
  try {
    large = wantsCommandThread(await loadConfig(resolve(io.cwd, project)));
  } catch {
    return undefined; // the command reports a broken config
  }
  return large ? runCommandOnThread(argv, io) : undefined;
}
