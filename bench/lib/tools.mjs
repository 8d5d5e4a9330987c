// Where the bench finds the programs it runs: Node 24, the flagwright CLI and the official CLI.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { ensureWorkDir, repoRoot } from './projects.mjs';

export const node24 = existsSync(join(repoRoot, 'node_modules', '.bin', 'node')) ? join(repoRoot, 'node_modules', '.bin', 'node') : process.execPath;

/**
 * [script, label]: a private copy of the bundled dist/ (what users run) when it is built and works,
 * else the TypeScript entry. The copy keeps a long section measuring one build even when someone
 * runs `npm run build` meanwhile (which deletes and rewrites dist/).
 */
export function flagwrightEntry() {
  const dist = join(repoRoot, 'dist');
  for (let attempt = 0; attempt < 5; attempt++) {
    if (!existsSync(join(dist, 'cli.js'))) break;
    const copy = join(ensureWorkDir(), `dist-${process.pid}`);
    try {
      rmSync(copy, { recursive: true, force: true });
      cpSync(dist, copy, { recursive: true });
      process.once('exit', () => rmSync(copy, { recursive: true, force: true }));
      const check = spawnSync(node24, [join(copy, 'cli.js'), '--version'], { encoding: 'utf8' });
      if (check.status === 0) return [join(copy, 'cli.js'), 'dist/cli.js'];
    } catch {
      // dist/ changed under us; try again
    }
    spawnSync('sleep', ['2']);
  }
  return [join(repoRoot, 'src', 'cli', 'bin.ts'), 'src/cli/bin.ts'];
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

/** "1.2 / 0.9 / 0.7": other work on the machine skews timings, so reports show the load. */
export const loadAverage = () => loadavg().map((x) => x.toFixed(1)).join(' / ');
