#!/usr/bin/env node
// `npm run bench`: builds dist/, then runs every bench/sections/*.mjs with Node 24 as a child process
// and prints a markdown report (machine header + each section's tables) to stdout.
//
//   node bench/run.mjs [--sizes 1000,5000,10000] [--only build-lint[,engine]] [--repeat N] [--no-build]

import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { cpus, totalmem, platform, release } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './lib/projects.mjs';
import { loadAverage, node24 } from './lib/tools.mjs';

function parseArgs(argv) {
  const args = { sizes: '1000,5000,10000', only: undefined, repeat: undefined, build: true };
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].split(/=(.*)/s, 2);
    const take = () => {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new Error(`${name} needs a value`);
      return value;
    };
    if (name === '--sizes') args.sizes = take();
    else if (name === '--only') args.only = take().split(',').map((s) => s.trim().replace(/\.mjs$/, ''));
    else if (name === '--repeat') args.repeat = take();
    else if (name === '--no-build') args.build = false;
    else throw new Error(`unknown option ${name} (use --sizes, --only, --repeat, --no-build)`);
  }
  if (!/^\d+(,\d+)*$/.test(args.sizes)) throw new Error(`--sizes must be a comma-separated list of feature counts (got "${args.sizes}")`);
  return args;
}

let args;
try {
  args = parseArgs(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`bench: ${error.message}\n`);
  process.exit(2);
}

const sectionsDir = join(repoRoot, 'bench', 'sections');
const available = readdirSync(sectionsDir).filter((f) => f.endsWith('.mjs')).map((f) => f.slice(0, -4)).sort();
const chosen = args.only ? available.filter((name) => args.only.includes(name)) : available;
const unknown = (args.only ?? []).filter((name) => !available.includes(name));
if (unknown.length) {
  process.stderr.write(`bench: no section named ${unknown.join(', ')} (have: ${available.join(', ')})\n`);
  process.exit(2);
}

const nodeVersion = spawnSync(node24, ['--version'], { encoding: 'utf8' }).stdout.trim();
const cpu = cpus();
process.stdout.write(`# Flagwright benchmarks\n\n`);
process.stdout.write(`- date: ${new Date().toISOString()}\n`);
process.stdout.write(`- machine: ${cpu.length} cores (${cpu[0]?.model?.trim() ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory, ${platform()} ${release()}\n`);
process.stdout.write(`- load average at start (1/5/15 min): ${loadAverage()} — other work on the machine inflates timings\n`);
process.stdout.write(`- node: ${nodeVersion} (sections run on ${node24.startsWith(repoRoot) ? 'node_modules/.bin/node' : 'the current node'})\n`);
process.stdout.write(`- sizes: ${args.sizes} features; sections: ${chosen.join(', ') || '(none)'}\n\n`);

// Sections prefer dist/cli.js (what users run); a failed bundle falls back to src/cli/bin.ts.
if (args.build) {
  process.stderr.write('bench: building dist/ (npm run build)…\n');
  const build = spawnSync(node24, [join(repoRoot, 'scripts', 'bundle.mjs')], { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
  if (build.status !== 0) process.stdout.write(`> Note: \`npm run build\` failed (exit ${build.status}); sections use src/cli/bin.ts where dist/cli.js is missing.\n\n`);
}

let failed = 0;
for (const name of chosen) {
  process.stderr.write(`bench: section ${name}…\n`);
  const sectionArgs = ['--sizes', args.sizes, ...(args.repeat ? ['--repeat', args.repeat] : [])];
  const started = Date.now();
  const run = spawnSync(node24, [join(sectionsDir, `${name}.mjs`), ...sectionArgs], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  process.stdout.write(run.stdout ?? '');
  if (run.status !== 0) {
    failed++;
    process.stdout.write(`\n> Section \`${name}\` failed (exit ${run.status ?? run.signal}).\n`);
  }
  process.stdout.write(`\n_${name}: ${((Date.now() - started) / 1000).toFixed(0)} s_\n\n`);
}
process.exitCode = failed ? 1 : 0;
