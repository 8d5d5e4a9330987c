// The `flagwright` executable: run the CLI with the process's arguments and streams.
import { main } from './main.ts';

main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stderr.isTTY),
  cwd: process.cwd(),
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`flagwright: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
