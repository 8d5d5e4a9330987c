#!/usr/bin/env node
// Runs every test on the Node 24 that npm installed (package "node"), whatever node started this script.
// Usage: npm test [-- <test files or globs>]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const node24 = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'node.cmd' : 'node');
const nodeBin = existsSync(node24) ? node24 : process.execPath;

const typecheck = spawnSync(nodeBin, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', root], {
  stdio: 'inherit',
});
if (typecheck.status !== 0) {
  console.error('typecheck failed');
  process.exit(typecheck.status ?? 1);
}

const files = process.argv.slice(2);
const args = [
  '--test',
  '--test-concurrency=2',
  '--test-timeout=600000',
  ...(files.length ? files : ['__tests__/**/*.test.ts']),
];
const run = spawnSync(nodeBin, args, { stdio: 'inherit', cwd: root, env: { ...process.env, FLAGWRIGHT_TEST: '1' } });
process.exit(run.status ?? 1);
