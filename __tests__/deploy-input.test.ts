// readDatafilesDir: the two folder layouts, given with or without a trailing separator; each file's hash and
// bytes come from the right path; hidden folders and other files are skipped; a mixed layout is refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { readDatafilesDir } from '../src/publish/input.ts';

let work = '';
const datafile = (tag: string) => JSON.stringify({ schemaVersion: '2', revision: 'r1', segments: {}, features: { [tag]: { bucketBy: 'userId' } } });
const write = (path: string, text: string) => {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
};
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

before(() => {
  work = mkdtempSync(join(tmpdir(), 'fw-deploy-input-'));
  for (const env of ['production', 'staging']) for (const tag of ['web', 'ios']) write(join(work, 'envs', env, `featurevisor-tag-${tag}.json`), datafile(`${env}-${tag}`));
  write(join(work, 'envs', '.cache', 'featurevisor-tag-web.json'), datafile('hidden'));
  write(join(work, 'envs', 'production', 'notes.txt'), 'not a datafile');
  for (const tag of ['all', 'beta']) write(join(work, 'flat', `featurevisor-tag-${tag}.json`), datafile(tag));
  write(join(work, 'mixed', 'featurevisor-tag-all.json'), datafile('all'));
  write(join(work, 'mixed', 'production', 'featurevisor-tag-all.json'), datafile('production-all'));
});
after(() => rmSync(work, { recursive: true, force: true }));

test('per-environment folders: every datafile with its environment, hash and bytes; hidden folders and other files skipped', async () => {
  for (const dir of [join(work, 'envs'), join(work, 'envs') + sep]) {
    const { files, revision } = await readDatafilesDir(dir);
    assert.equal(revision, 'r1');
    const seen = files.map((f) => `${f.environment}/${f.name}`).sort();
    assert.deepEqual(seen, ['production/featurevisor-tag-ios.json', 'production/featurevisor-tag-web.json', 'staging/featurevisor-tag-ios.json', 'staging/featurevisor-tag-web.json']);
    for (const file of files) {
      const expected = datafile(`${file.environment}-${/featurevisor-tag-(.+)\.json/.exec(file.name)![1]}`);
      assert.equal(file.sha256, sha256(expected));
      assert.equal(file.bytes.toString('utf8'), expected);
    }
  }
});

test('datafiles at the top level (no environments)', async () => {
  const { files } = await readDatafilesDir(join(work, 'flat') + sep, { revision: 'given' });
  assert.deepEqual(files.map((f) => [f.environment, f.name, f.bytes.toString('utf8')]).sort(), [
    ['', 'featurevisor-tag-all.json', datafile('all')],
    ['', 'featurevisor-tag-beta.json', datafile('beta')],
  ]);
});

test('a folder that mixes both layouts is refused', async () => {
  await assert.rejects(readDatafilesDir(join(work, 'mixed')), /mixes top-level datafiles with per-environment folders/);
});
