// flagwright CLI entry point: dispatches to one file per command under ./commands.
import { FlagwrightError } from '../model/diagnostic.ts';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isMainThread } from 'node:worker_threads';
import { threadsSetting } from '../threads/worker-entry.ts';
import type { ProjectConfig } from '../model/project.ts';
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

/**
 * Commands that read the project named by --project: large ones run on a command thread. Known here, so
 * that this thread does not load a command (~30 ms of modules) that the command thread then runs.
 */
const READS_PROJECT = new Map([
  ['lint', { tests: true, lintSpecs: true }],
  ['build', { tests: false }],
  ['test', { tests: true }],
]);

/** Loads a command's module ahead of running it (a command thread does so while it waits to be told to run). */
export async function loadCommand(name: string): Promise<void> {
  await commands[name]?.();
}

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
  if (rest.includes('--help') || rest.includes('-h')) {
    const command = (await load()).default;
    io.stdout(`${command.summary}\n\nusage: ${command.usage}\n`);
    return 0;
  }
  try {
    if (READS_PROJECT.has(name) && isMainThread) {
      const onThread = await runOnCommandThreadIfLarge(name, argv, rest, io);
      if (onThread !== undefined) return onThread;
    }
    return await (await load()).default.run(rest, io);
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
async function runOnCommandThreadIfLarge(name: string, argv: string[], rest: string[], io: CliIO): Promise<number | undefined> {
  // Only --project matters here; the command itself checks every option.
  const project = parseArgs({ args: rest, options: { project: { type: 'string' } }, strict: false }).values.project ?? '.';
  if (typeof project !== 'string') return undefined; // "--project" without a value: the command reports it
  const root = resolve(io.cwd, project);
  const { holdsManyFeatures, startCommandThread, wantsCommandThread } = await import('../threads/command-thread.ts');
  // A thread takes ~50 ms to be ready: when the default features folder is large, it starts before the config
  // (which may name another folder) is read, and is stopped unused if the project turns out small.
  const early = threadsSetting() !== 'off' && holdsManyFeatures(join(root, 'features')) ? startCommandThread(argv, io) : undefined;
  const { loadConfig } = await import('../project/config.ts');
  let config: ProjectConfig | undefined;
  try {
    config = await loadConfig(root);
  } catch {
    // the command reports a broken config
  }
  if (!config || !wantsCommandThread(config)) {
    early?.cancel();
    return undefined;
  }
  return (early ?? startCommandThread(argv, io))?.run({ config, ...READS_PROJECT.get(name)! });
}
