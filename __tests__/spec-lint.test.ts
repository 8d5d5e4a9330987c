// lint on a command thread leaves the specs to the thread that started it (threads/spec-lint.ts): the report
// must be the same as one thread's, when that thread checks them, when it fails (the command thread then
// checks them itself) and when the offer is for another folder (refused, and the other thread told to stop).
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import lintCommand from '../src/cli/commands/lint.ts';
import type { CliIO } from '../src/cli/command.ts';
import { loadConfig } from '../src/project/config.ts';
import { listProjectFiles } from '../src/project/files.ts';
import { lintSpecsForCommandThread, offerSpecLint } from '../src/threads/spec-lint.ts';

const example = fileURLToPath(new URL('../examples/seed-project', import.meta.url));

/** The seed project with problems in its specs: an unknown feature, an unknown variation, a broken file. */
function projectWithSpecProblems(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'flagwright-spec-lint-')), 'project');
  cpSync(example, dir, { recursive: true });
  const specs = readdirSync(join(dir, 'tests')).filter((name) => name.endsWith('.yml'));
  assert.ok(specs.length >= 2);
  const [first, second] = specs.map((name) => join(dir, 'tests', name));
  writeFileSync(first!, readFileSync(first!, 'utf8').replace(/^feature: .*$/m, 'feature: no-such-feature'));
  appendFileSync(second!, '  - environment: production\n    at: 50\n    expectedVariation: no-such-variation\n    expectedToBeEnabled: true\n');
  writeFileSync(join(dir, 'tests', 'broken.spec.yml'), 'feature: x\nassertions:\n  - at: [\n');
  return dir;
}

async function lintJson(project: string): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const io: CliIO = { stdout: (text) => (stdout += text), stderr: () => {}, isTTY: false, cwd: project, env: {} };
  const code = await lintCommand.run(['--project', project, '--format', 'json'], io);
  return { code, stdout };
}

/** Runs `check` on a fresh project with spec problems, given the one-thread report to compare with. */
async function withSpecProblems(check: (project: string, alone: { code: number; stdout: string }) => Promise<void>): Promise<void> {
  const project = projectWithSpecProblems();
  try {
    await check(project, await lintJson(project));
  } finally {
    rmSync(join(project, '..'), { recursive: true, force: true });
  }
}

/** Offers the command thread's end of a channel; returns the other end, as the starting thread would hold it. */
async function offer(project: string, testsDirectory?: string): Promise<MessagePort> {
  const { port1, port2 } = new MessageChannel();
  offerSpecLint({ port: port2, testsDirectory: testsDirectory ?? (await loadConfig(project)).testsDirectoryPath });
  return port1;
}

test('specs checked by the starting thread give the same report as one thread', () =>
  withSpecProblems(async (project, alone) => {
    assert.equal(alone.code, 1);
    for (const rule of ['unknown-feature', 'unknown-variation', 'yaml-syntax']) assert.match(alone.stdout, new RegExp(rule));

    const starting = await offer(project);
    const config = await loadConfig(project);
    const checking = lintSpecsForCommandThread(config, listProjectFiles(config, true).test, starting);
    assert.deepEqual(await lintJson(project), alone);
    await checking;
  }));

test('when the starting thread fails, the command thread checks the specs itself', () =>
  withSpecProblems(async (project, alone) => {
    const starting = await offer(project);
    const told: unknown[] = [];
    starting.once('message', (message) => {
      told.push(message);
      starting.postMessage({ failed: 'Error: the starting thread broke' });
    });
    assert.deepEqual(await lintJson(project), alone);
    assert.ok(told.length === 1 && typeof (told[0] as { references?: unknown }).references === 'string', 'the references were sent first');
    starting.close();
  }));

test('an offer for another specs folder is refused and the starting thread told to stop', () =>
  withSpecProblems(async (project, alone) => {
    const starting = await offer(project, join(project, 'elsewhere'));
    const told = new Promise((resolve) => starting.once('message', resolve));
    assert.deepEqual(await lintJson(project), alone);
    assert.deepEqual(await told, { stop: true });
    starting.close();
  }));
