// Bad input: each case gets one clear error at its file:line (or config key), a non-zero exit,
// and nothing written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProject } from '../src/project/load.ts';
import { FlagwrightError } from '../src/model/diagnostic.ts';
import { main } from '../src/cli/main.ts';
import { writeProject, removeProject } from './helpers/temp-project.ts';

const fixtures = join(import.meta.dirname, 'fixtures', 'bad-input');

const cases: Array<{ name: string; file: string; line: number; rule: string; message: RegExp }> = [
  { name: 'malformed-yaml', file: 'features/broken.yml', line: 3, rule: 'yaml-syntax', message: /flow collection|unexpected/i },
  { name: 'duplicate-key', file: 'features/dup.yml', line: 4, rule: 'yaml-duplicate-key', message: /duplicated mapping key/ },
  { name: 'alias-bomb', file: 'features/bomb.yml', line: 5, rule: 'yaml-alias-bomb', message: /alias/ },
  { name: 'proto-key', file: 'features/proto.yml', line: 5, rule: 'forbidden-key', message: /__proto__/ },
  { name: 'constructor-key', file: 'segments/ctor.yml', line: 6, rule: 'forbidden-key', message: /constructor/ },
  { name: 'not-a-mapping', file: 'features/list.yml', line: 1, rule: 'schema', message: /mapping/ },
  { name: 'empty-file', file: 'features/empty.yml', line: 1, rule: 'empty-file', message: /empty/ },
  { name: 'empty-repo', file: 'featurevisor.config.js', line: 1, rule: 'empty-project', message: /no attributes, segments or features/ },
];

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false, cwd: process.cwd(), env: process.env });
  return { code, stdout, stderr };
}

for (const c of cases) {
  test(`${c.name}: one error at ${c.file}:${c.line}, build exits non-zero and writes nothing`, async () => {
    const { diagnostics } = await loadProject(join(fixtures, c.name));
    const errors = diagnostics.filter((d) => d.severity === 'error');
    assert.equal(errors.length, 1, JSON.stringify(errors));
    assert.equal(errors[0].file, c.file);
    assert.equal(errors[0].line, c.line);
    assert.equal(errors[0].rule, c.rule);
    assert.match(errors[0].message, c.message);

    const out = join(mkdtempSync(join(tmpdir(), 'fw-out-')), 'datafiles');
    const result = await cli(['build', '--project', join(fixtures, c.name), '--out', out, '--revision', 'r1']);
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, new RegExp(c.file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    assert.equal(existsSync(out), false, 'a failed build must not create the output folder');
  });
}

for (const [name, key] of [['bad-config-env', 'environments'], ['bad-config-tag', 'tags']] as const) {
  test(`${name}: names that would escape the output folder are rejected by config key`, async () => {
    await assert.rejects(loadProject(join(fixtures, name)), (error: unknown) => {
      assert.ok(error instanceof FlagwrightError);
      assert.match(error.message, new RegExp(`featurevisor\\.config\\.js: "${key}"`));
      return true;
    });
  });
}

test('invalid UTF-8 is reported at its line', async () => {
  const dir = writeProject({
    'featurevisor.config.json': '{"environments":["production"]}',
    'attributes/userId.yml': Buffer.concat([Buffer.from('type: string\ndescription: "caf'), Buffer.from([0xc3, 0x28]), Buffer.from('"\n')]),
  });
  try {
    const { diagnostics } = await loadProject(dir);
    const utf8 = diagnostics.find((d) => d.rule === 'invalid-utf8');
    assert.ok(utf8);
    assert.equal(utf8.file, 'attributes/userId.yml');
    assert.equal(utf8.line, 2);
  } finally {
    removeProject(dir);
  }
});

test('a huge file is refused before it is parsed', async () => {
  const dir = writeProject({
    'featurevisor.config.json': '{"environments":["production"]}',
    'segments/huge.yml': 'description: x\nconditions: "' + 'a'.repeat(5 * 1024 * 1024) + '"\n',
  });
  try {
    const { diagnostics } = await loadProject(dir);
    assert.ok(diagnostics.some((d) => d.rule === 'file-too-large' && d.file === 'segments/huge.yml'));
  } finally {
    removeProject(dir);
  }
});

test('an unreadable entity file (a dangling link) is an error at its name, read here or ahead on a thread', async () => {
  const dir = writeProject({
    'featurevisor.config.json': '{"environments":["production"]}',
    'attributes/userId.yml': 'description: User\ntype: string\n',
    'features/f.yml': 'description: F\ntags: [all]\nbucketBy: userId\nenvironments:\n  production:\n    rules:\n      - key: everyone\n        segments: "*"\n        percentage: 100\n',
  });
  symlinkSync(join(dir, 'no-such-file.yml'), join(dir, 'features', 'dangling.yml'));
  const before = process.env.FLAGWRIGHT_THREADS;
  try {
    for (const threads of ['1', '2']) {
      process.env.FLAGWRIGHT_THREADS = threads;
      const { project, diagnostics } = await loadProject(dir);
      assert.deepEqual(
        diagnostics.map((d) => [d.file, d.line, d.rule]),
        [['features/dangling.yml', 1, 'io']],
        `FLAGWRIGHT_THREADS=${threads}`,
      );
      assert.match(diagnostics[0].message, /cannot read: .*ENOENT/);
      assert.deepEqual([...project.features.keys()], ['f'], 'the readable files still load');
      assert.equal(project.features.get('f')!.description, 'F');
    }
  } finally {
    if (before === undefined) delete process.env.FLAGWRIGHT_THREADS;
    else process.env.FLAGWRIGHT_THREADS = before;
    removeProject(dir);
  }
});

test('a missing project or config is a clear error', async () => {
  await assert.rejects(loadProject('/nonexistent/flagwright'), /project directory not found/);
  const dir = mkdtempSync(join(tmpdir(), 'fw-noconfig-'));
  try {
    await assert.rejects(loadProject(dir), /no Featurevisor config/);
  } finally {
    rmSync(dir, { recursive: true });
  }
});
