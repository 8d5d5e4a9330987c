// Large projects run lint/build/test on a command thread (a worker with a small young generation), and
// read their files on a read-ahead thread. The output must not depend on it: the same bytes, diagnostics
// and exit codes on the main thread alone (FLAGWRIGHT_THREADS=1) and with both threads (=2 forces them on
// a small project), from src/ and from dist/.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const node = join(root, 'node_modules', '.bin', 'node');
const entries = [join(root, 'src', 'cli', 'bin.ts'), ...(existsSync(join(root, 'dist', 'cli.js')) ? [join(root, 'dist', 'cli.js')] : [])];

/** Durations differ from run to run; everything else must not. */
const untimed = (text: string) => text.replace(/\d+(\.\d+)? ?m?s\b/g, 'T');

function run(entry: string, threads: '1' | '2' | 'auto', args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, FLAGWRIGHT_THREADS: threads };
  if (threads === 'auto') delete env.FLAGWRIGHT_THREADS;
  const result = spawnSync(node, [entry, ...args], { cwd: root, encoding: 'utf8', env, timeout: 60_000 });
  return { code: result.status, stdout: untimed(result.stdout), stderr: untimed(result.stderr) };
}

function filesUnder(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out[join(entry.parentPath, entry.name).slice(dir.length)] = readFileSync(join(entry.parentPath, entry.name), 'utf8');
  }
  return out;
}

async function generate(dir: string, features = 150): Promise<void> {
  const { generateProject } = (await import(new URL('../bench/gen-project.mjs', import.meta.url).href)) as { generateProject: (options: Record<string, unknown>) => void };
  generateProject({ out: dir, features, seed: 5, force: true });
}

test('lint, build and test give the same output on one thread and with the command and read-ahead threads', async () => {
  const work = mkdtempSync(join(tmpdir(), 'flagwright-threads-'));
  try {
    const project = join(work, 'project');
    await generate(project);
    for (const entry of entries) {
      const outputs: Record<string, unknown> = {};
      for (const threads of ['1', '2'] as const) {
        const out = join(work, 'out');
        rmSync(out, { recursive: true, force: true });
        outputs[threads] = {
          lint: run(entry, threads, ['lint', '--project', project, '--format', 'json']),
          build: run(entry, threads, ['build', '--project', project, '--out', out, '--revision', 'r1']),
          files: filesUnder(out),
          test: run(entry, threads, ['test', '--project', project]),
        };
      }
      const one = outputs['1'] as { lint: { code: number }; files: object };
      assert.equal(one.lint.code, 0);
      assert.ok(Object.keys(one.files).length > 10);
      assert.deepEqual(outputs['2'], outputs['1'], entry);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test('problems are reported the same way with threads, and a failed build writes nothing', async () => {
  const work = mkdtempSync(join(tmpdir(), 'flagwright-threads-'));
  try {
    const project = join(work, 'project');
    await generate(project);
    const [feature] = readdirSync(join(project, 'features'));
    const [spec] = readdirSync(join(project, 'tests')).filter((name) => name.includes('.feature.'));
    // An entity error, a spec error, a broken feature file and a broken spec file.
    appendFileSync(join(project, 'features', feature), 'bucketBy: noSuchAttribute\n'.replace('bucketBy', 'deprecated: "yes"\nbucketByX'));
    writeFileSync(join(project, 'tests', spec), readFileSync(join(project, 'tests', spec), 'utf8').replace(/^feature: .*$/m, 'feature: no-such-feature'));
    writeFileSync(join(project, 'features', 'broken.yml'), 'description: [unclosed\n');
    writeFileSync(join(project, 'tests', 'broken.spec.yml'), 'feature: x\nassertions:\n  - at: [\n');
    for (const entry of entries) {
      const results: Record<string, unknown> = {};
      for (const threads of ['1', '2'] as const) {
        const out = join(work, 'out');
        const lint = run(entry, threads, ['lint', '--project', project]);
        const build = run(entry, threads, ['build', '--project', project, '--out', out]);
        results[threads] = { lint, build, written: existsSync(out) };
      }
      const one = results['1'] as { lint: { code: number; stdout: string }; build: { code: number; stderr: string }; written: boolean };
      assert.equal(one.lint.code, 1);
      for (const expected of ['unknown-feature', 'yaml-syntax', 'unknown-key', `features/${feature}`, 'tests/broken.spec.yml']) {
        assert.ok(one.lint.stdout.includes(expected), `lint reports ${expected}:\n${one.lint.stdout}`);
      }
      assert.equal(one.build.code, 1);
      assert.match(one.build.stderr, /nothing was built/);
      assert.equal(one.written, false);
      assert.deepEqual(results['2'], results['1'], entry);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

// A large default features/ folder starts the command thread before the config is read: it must run the
// command when the project is large, and be stopped unused when the config names a small folder instead.
test('a command thread started before the config is read runs large projects and is stopped for small ones', async () => {
  const work = mkdtempSync(join(tmpdir(), 'flagwright-threads-'));
  try {
    const large = join(work, 'large');
    await generate(large, 1000);
    const small = join(work, 'small');
    await generate(small);
    renameSync(join(small, 'features'), join(small, 'flags'));
    appendFileSync(join(small, 'featurevisor.config.js'), 'module.exports.featuresDirectoryPath = require("path").join(__dirname, "flags");\n');
    mkdirSync(join(small, 'features'));
    for (let i = 0; i < 1000; i++) writeFileSync(join(small, 'features', `unused-${i}.txt`), '');
    for (const entry of entries) {
      for (const project of [large, small]) {
        const auto = { lint: run(entry, 'auto', ['lint', '--project', project, '--format', 'json']), test: run(entry, 'auto', ['test', '--project', project]) };
        const one = { lint: run(entry, '1', ['lint', '--project', project, '--format', 'json']), test: run(entry, '1', ['test', '--project', project]) };
        assert.equal(one.lint.code, 0, one.lint.stdout);
        assert.equal(one.test.code, 0);
        assert.match(one.test.stdout, /passed/);
        assert.deepEqual(auto, one, `${entry} ${project}`);
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
