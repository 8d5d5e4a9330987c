// Timing and memory of child processes for the bench sections, plus a markdown table printer.
// Wall time is taken around the spawn; peak RSS comes from GNU time (`%M`, KiB) when it exists.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';
const hasGnuTime = existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-f', '%M', 'true'], { encoding: 'utf8' }).status === 0;

function median(values) {
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function runOnce(cmd, args, { cwd, env }) {
  const scratch = mkdtempSync(join(tmpdir(), 'flagwright-measure-'));
  const report = join(scratch, 'time.txt');
  try {
    const [file, argv] = hasGnuTime ? [GNU_TIME, ['-o', report, '-f', '%M', cmd, ...args]] : [cmd, args];
    const started = process.hrtime.bigint();
    const child = spawnSync(file, argv, { cwd, env: env ?? process.env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    let peakRssMiB = NaN;
    if (hasGnuTime && existsSync(report)) {
      // GNU time prefixes "Command exited with non-zero status N" lines; the last line holds %M.
      const lines = readFileSync(report, 'utf8').trim().split('\n');
      peakRssMiB = Number(lines[lines.length - 1]) / 1024;
    }
    const code = child.error ? -1 : (child.status ?? -1);
    return { wallMs, peakRssMiB, code, stdout: child.stdout ?? '', stderr: child.error ? String(child.error) : (child.stderr ?? '') };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Child processes measured in turns: round after round, each entry ({cmd, args, cwd, env}) runs once, so
 * that a machine whose speed drifts over minutes slows them alike and their ratios stay fair. `rounds`
 * rounds; an entry with a smaller `repeat` (a slow official CLI) runs in the middle rounds only, and one
 * that fails is not run again. `before`/`after` run around each run of their entry (to clean outputs
 * another entry must not see). Per entry, in order: the median wall time and peak RSS, the last run's exit
 * code and output, and every run.
 */
export function measureInTurns(entries, rounds) {
  const runs = entries.map(() => []);
  for (let round = 0; round < rounds; round++) {
    entries.forEach((entry, i) => {
      const repeat = Math.min(entry.repeat ?? rounds, rounds);
      const first = Math.floor((rounds - repeat) / 2);
      if (round < first || round >= first + repeat || runs[i].some((run) => run.code !== 0)) return;
      entry.before?.();
      runs[i].push(runOnce(entry.cmd, entry.args, entry));
      entry.after?.();
    });
  }
  return runs.map(summarize);
}

function summarize(runs) {
  const last = runs[runs.length - 1];
  return {
    wallMs: median(runs.map((r) => r.wallMs)),
    peakRssMiB: median(runs.map((r) => r.peakRssMiB)),
    code: last.code,
    stdout: last.stdout,
    stderr: last.stderr,
    runs,
  };
}

/** A markdown table from rows of objects (columns = keys of the first row, in order). */
export function table(rows) {
  if (!rows.length) return '_(no rows)_\n';
  const columns = Object.keys(rows[0]);
  const cell = (value) => String(value ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = [
    `| ${columns.map(cell).join(' | ')} |`,
    `| ${columns.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${columns.map((c) => cell(row[c])).join(' | ')} |`),
  ];
  return lines.join('\n') + '\n';
}

export const seconds = (ms) => (Number.isFinite(ms) ? (ms / 1000).toFixed(ms < 10000 ? 2 : 1) + ' s' : '—');
export const mib = (value) => (Number.isFinite(value) ? `${Math.round(value)} MiB` : '—');
export const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(1)}×` : '—');

/** "failed (exit 1: first stderr line)" for a run that did not succeed, else undefined. */
export function failure(result) {
  if (result.code === 0) return undefined;
  const lines = (result.stderr || result.stdout).split('\n').map((l) => l.trim()).filter(Boolean);
  const line = lines.find((l) => /error/i.test(l)) ?? lines[0] ?? '';
  return `failed (exit ${result.code}${line ? `: ${line.slice(0, 120)}` : ''})`;
}
