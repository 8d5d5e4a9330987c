// diffRefs and `flagwright diff` on a real git repository built from the seed project: every rollout
// strategy as a commit on top of the seed, rendered comments compared with golden files
// (fixtures/diff/projects/<case>.md, UPDATE_GOLDEN=1 regenerates), plus work-tree mode and bad refs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diffRefs } from '../src/diff/git.ts';
import { reportFromJson } from '../src/diff/json.ts';
import { renderComment } from '../src/render/comment.ts';
import diffCommand from '../src/cli/commands/diff.ts';
import type { CliIO } from '../src/cli/command.ts';
import { testGitEnv } from './helpers/git-env.ts';

const seed = join(import.meta.dirname, '..', 'examples', 'seed-project');
const goldenDir = join(import.meta.dirname, 'fixtures', 'diff', 'projects');
const update = process.env.UPDATE_GOLDEN === '1';
let repo = '';
let baseSha = '';

// Fixed identity and dates: commit SHAs (shown in the footer) are then the same on every run.
const gitEnv = { ...testGitEnv, GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z' };
const run = (...args: string[]) => execFileSync('git', args, { cwd: repo, env: gitEnv, encoding: 'utf8' }).trim();

before(() => {
  repo = mkdtempSync(join(tmpdir(), 'fw-diff-git-'));
  cpSync(seed, join(repo, 'flags'), { recursive: true });
  writeFileSync(join(repo, 'README.md'), 'flag repo\n');
  run('init', '-q', '-b', 'main');
  run('add', '-A');
  run('commit', '-q', '-m', 'seed');
  baseSha = run('rev-parse', 'HEAD');
});
after(() => rmSync(repo, { recursive: true, force: true }));

/** Commits `edits` (file → [from, to] replacements) on top of the seed and returns the new SHA. */
function commitOnSeed(message: string, edits: Record<string, Array<[string, string]>>): string {
  run('checkout', '-q', '--detach', baseSha);
  for (const [file, replacements] of Object.entries(edits)) {
    const path = join(repo, 'flags', file);
    let text = readFileSync(path, 'utf8');
    for (const [from, to] of replacements) {
      assert.ok(text.includes(from), `${file} has no "${from}"`);
      text = text.replace(from, to);
    }
    writeFileSync(path, text);
  }
  run('commit', '-q', '-am', message);
  return run('rev-parse', 'HEAD');
}

const strategies: Record<string, Record<string, Array<[string, string]>>> = {
  'gradual-percentage': { 'features/search_v2.yml': [['percentage: 10 #', 'percentage: 25 #']] },
  'kill-switch': { 'features/recommendations.yml': [['percentage: 100 # set to 0', 'percentage: 0 # set to 0']] },
  'segment-first': {
    'features/beta_access.yml': [['      - key: "rest"\n        segments: "*"\n        percentage: 0', '      - key: "rest"\n        segments: "*"\n        percentage: 100']],
  },
  'geo-rollout': {
    'features/local_payments.yml': [['      - key: "eu_next"\n        segments: eu_users\n        percentage: 0', '      - key: "eu_next"\n        segments: eu_users\n        percentage: 50']],
  },
  'internal-only': { 'segments/internal.yml': [['value: "@company.com"', 'value: "@corp.company.com"']] },
  'compound': { 'features/priority_support.yml': [['        segments: pro_users\n        percentage: 50', '        segments: pro_users\n        percentage: 75']] },
  'variations-increase': { 'features/new_checkout.yml': [['percentage: 20 #', 'percentage: 50 #']] },
  'variations-decrease': { 'features/new_checkout.yml': [['percentage: 20 #', 'percentage: 10 #']] },
  'experiment-weights': {
    'features/homepage_hero.yml': [
      ['  - value: "control"\n    weight: 33.33', '  - value: "control"\n    weight: 50'],
      ['  - value: "v1"\n    weight: 33.33', '  - value: "v1"\n    weight: 25'],
      ['  - value: "v2"\n    weight: 33.34', '  - value: "v2"\n    weight: 25'],
    ],
  },
  'dark-mode-ramp': { 'features/dark_mode.yml': [['segments: "*"\n        percentage: 10\n', 'segments: "*"\n        percentage: 30\n']] },
  'invalid-head': { 'features/search_v2.yml': [['percentage: 10 #', 'percentage: 150 #']] },
  'spec-failure': { 'features/new_checkout.yml': [['percentage: 20 #', 'percentage: 10 #']] },
};

for (const [name, edits] of Object.entries(strategies)) {
  test(`project diff: ${name}`, async () => {
    const head = commitOnSeed(name, edits);
    // The seed's specs pin today's rollouts, so they fail on purpose in 'spec-failure' only.
    const report = await diffRefs({ repoDir: repo, projectPath: 'flags', base: baseSha, head, specs: name === 'spec-failure' });
    const body = renderComment(report, { runUrl: 'https://github.com/acme/flags/actions/runs/1' });
    const file = join(goldenDir, `${name}.md`);
    if (update || !existsSync(file)) {
      if (!update) assert.fail(`${file} is missing; run with UPDATE_GOLDEN=1`);
      mkdirSync(goldenDir, { recursive: true });
      writeFileSync(file, body);
    } else {
      assert.equal(body, readFileSync(file, 'utf8'));
    }
    if (name === 'invalid-head') {
      assert.equal(report.status, 'invalid');
      assert.ok(report.lint!.errors > 0);
    } else if (name === 'spec-failure') {
      assert.equal(report.status, 'invalid');
      assert.ok(report.tests!.failed > 0);
    } else {
      assert.notEqual(report.status, 'invalid', report.summary);
      assert.ok(report.environments.length > 0, `${name}: no change found`);
    }
  });
}

test('stable allocation: raising a percentage keeps every user in their variation', async () => {
  const head = commitOnSeed('ramp', { 'features/new_checkout.yml': [['percentage: 20 #', 'percentage: 50 #']] });
  const report = await diffRefs({ repoDir: repo, projectPath: 'flags', base: baseSha, head });
  const prod = report.environments.find((e) => e.environment === 'production')!;
  const impact = prod.features.find((f) => f.feature === 'new_checkout')!.impact.find((i) => i.rule === 'gradual_rollout')!;
  assert.equal(impact.switchedVariation, 0);
  assert.equal(impact.newlyDisabled, 0);
  assert.ok(impact.newlyEnabled >= 29999 && impact.newlyEnabled <= 30001, String(impact.newlyEnabled));
  assert.ok(!report.warnings.some((w) => w.code === 'rebucketing'));
});

test('work-tree head, JSON output, and the work tree is left alone', async () => {
  run('checkout', '-q', '--detach', baseSha);
  const file = join(repo, 'flags', 'features', 'search_v2.yml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('percentage: 10 #', 'percentage: 40 #'));
  const status = run('status', '--porcelain');
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { stdout: (s) => out.push(s), stderr: (s) => err.push(s), isTTY: false, cwd: join(repo, 'flags'), env: {} };
  assert.equal(await diffCommand.run(['--base', 'main', '--format', 'json'], io), 0);
  const report = reportFromJson(out.join(''));
  assert.equal(report.head.ref, 'work tree');
  const change = report.environments.find((e) => e.environment === 'production')!.features[0];
  assert.equal(change.feature, 'search_v2');
  assert.ok(change.changes.some((c) => c.kind === 'rule-percentage' && c.before === '10%' && c.after === '40%'));
  assert.equal(run('status', '--porcelain'), status, 'git status unchanged by the diff');
  run('checkout', '-q', '--', '.');
});

test('an unknown ref is a clear error naming the option', async () => {
  await assert.rejects(diffRefs({ repoDir: repo, projectPath: 'flags', base: 'no-such-branch' }), /--base: unknown git ref "no-such-branch"/);
  await assert.rejects(diffRefs({ repoDir: repo, projectPath: 'flags', base: baseSha, head: 'nope' }), /--head: unknown git ref "nope"/);
  const io: CliIO = { stdout: () => {}, stderr: () => {}, isTTY: false, cwd: repo, env: {} };
  await assert.rejects(diffCommand.run(['--format', 'yaml', '--base', 'main'], io), /--format must be one of markdown, json, text/);
  await assert.rejects(diffCommand.run([], io), /--base is required/);
});

test('a project that does not exist at the base is diffed as all-new', async () => {
  run('checkout', '-q', '--detach', baseSha);
  cpSync(seed, join(repo, 'flags2'), { recursive: true });
  run('add', 'flags2');
  run('commit', '-q', '-m', 'second project');
  const head = run('rev-parse', 'HEAD');
  const report = await diffRefs({ repoDir: repo, projectPath: 'flags2', base: baseSha, head, specs: false });
  assert.equal(report.base, undefined);
  assert.ok(report.environments.every((e) => e.features.every((f) => f.status === 'added')));
});

test('a head whose YAML does not parse gives an invalid report with file:line, not a crash', async () => {
  const head = commitOnSeed('broken yaml', { 'features/search_v2.yml': [['percentage: 10 #', 'percentage: [10 #']] });
  const report = await diffRefs({ repoDir: repo, projectPath: 'flags', base: baseSha, head });
  assert.equal(report.status, 'invalid');
  const errors = report.lint?.diagnostics.filter((d) => d.severity === 'error') ?? [];
  assert.ok(errors.some((d) => d.file === 'features/search_v2.yml' && d.line > 0), JSON.stringify(errors));
  const body = renderComment(report, {});
  assert.match(body, /^<!-- flagwright:comment -->\n## ❌/);
  assert.match(body, /`features\/search_v2\.yml:\d+:\d+`/);
  assert.ok(!report.warnings.some((w) => w.code === 'removal'), 'an unreadable feature is not reported as removed');
});
