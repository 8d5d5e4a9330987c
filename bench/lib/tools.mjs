// Where the bench finds the programs it runs: Node 24, the flagwright CLI and the official CLI.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './projects.mjs';

export const node24 = existsSync(join(repoRoot, 'node_modules', '.bin', 'node')) ? join(repoRoot, 'node_modules', '.bin', 'node') : process.execPath;

/** [script, label]: the bundled dist/cli.js (what users run) when built, else the TypeScript entry. */
export function flagwrightEntry() {
  const bundled = join(repoRoot, 'dist', 'cli.js');
  return existsSync(bundled) ? [bundled, 'dist/cli.js'] : [join(repoRoot, 'src', 'cli', 'bin.ts'), 'src/cli/bin.ts'];
}

export const officialCli = join(repoRoot, 'node_modules', '@featurevisor', 'cli', 'bin.js');

export function officialVersion() {
  try {
    return JSON.parse(readFileSync(join(repoRoot, 'node_modules', '@featurevisor', 'cli', 'package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

/** `--sizes 1000,5000` and friends from a section's argv. */
export function sectionArgs(argv = process.argv.slice(2)) {
  const args = { sizes: [1000, 5000, 10000], repeat: undefined };
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].split(/=(.*)/s, 2);
    const value = inline ?? argv[i + 1];
    if (name === '--sizes') {
      args.sizes = String(value).split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0);
      if (inline === undefined) i++;
    } else if (name === '--repeat') {
      args.repeat = Number(value);
      if (inline === undefined) i++;
    }
  }
  return args;
}
