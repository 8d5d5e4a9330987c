// The `flagwright` executable: run the CLI with the process's arguments and streams.
import module from 'node:module';
import { resolveChunksDirectly } from '../util/chunk-resolution.ts';

// A CLI starts a fresh process per command, and compiling the bundle's chunks (the AWS SDK alone is ~0.5 MB)
// is a good part of a quick re-sync. Node's compile cache (22.1+) keeps V8's code for them in
// os.tmpdir()/node-compile-cache (NODE_COMPILE_CACHE=dir moves it, NODE_DISABLE_COMPILE_CACHE=1 turns it off);
// entries are keyed by file contents and Node version, so a stale one is never used. Enabled before main.ts
// is imported so that it is cached too. Not in the Action: a hosted runner starts with an empty tmpdir.
module.enableCompileCache?.();
resolveChunksDirectly(import.meta.url);
const { main } = await import('./main.ts');

// `flagwright lint | head` closes the pipe early: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stderr.isTTY),
  cwd: process.cwd(),
  env: process.env,
}).then(
  (code) => exitWhenWritten(code),
  (error: unknown) => {
    process.stderr.write(`flagwright: ${(error as Error)?.stack ?? String(error)}\n`);
    exitWhenWritten(1);
  },
);

/**
 * The command is done: exit once its output has reached stdout and stderr (a write's callback runs after the
 * writes before it). Waiting for Node to wind down by itself would spend ~10 ms tearing down the heap and
 * every handle, a twentieth of a quick re-sync; the compile cache is written first, as a natural exit would.
 */
function exitWhenWritten(code: number): void {
  process.exitCode = code;
  module.flushCompileCache?.();
  process.stdout.write('', () => process.stderr.write('', () => process.exit()));
}
