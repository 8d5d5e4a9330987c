// Golden files for the effective diff: every case under fixtures/diff/<case>/{base,head}.json renders to
// expected.md (PR comment), expected.json and expected.txt. Regenerate with UPDATE_GOLDEN=1 and review the diff.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffDatafileSets } from '../src/diff/index.ts';
import { reportToJson } from '../src/diff/json.ts';
import type { DiffOptions } from '../src/diff/types.ts';
import { renderComment, COMMENT_MARKER, isNoChangeComment } from '../src/render/comment.ts';
import { renderReportText } from '../src/render/report-text.ts';
import { renderSummary } from '../src/render/summary.ts';
import { expandSet, largeSpecs, loadCaseSpecs, type SetSpec } from './helpers/diff-sets.ts';

const root = join(import.meta.dirname, 'fixtures', 'diff');
const update = process.env.UPDATE_GOLDEN === '1';
const RUN_URL = 'https://github.com/acme/flags/actions/runs/42';
const SUMMARY_URL = 'https://github.com/acme/flags/actions/runs/42/attempts/1#summary';

function golden(file: string, actual: string): void {
  if (update || !existsSync(file)) {
    if (!update) assert.fail(`${file} is missing; run with UPDATE_GOLDEN=1 to create it`);
    writeFileSync(file, actual);
    return;
  }
  assert.equal(actual, readFileSync(file, 'utf8'), `${file} differs (UPDATE_GOLDEN=1 regenerates it)`);
}

function loadCase(dir: string): { base?: SetSpec; head: SetSpec; options: DiffOptions } {
  const options: DiffOptions = existsSync(join(dir, 'options.json')) ? JSON.parse(readFileSync(join(dir, 'options.json'), 'utf8')) : {};
  const raw = JSON.parse(readFileSync(join(dir, 'head.json'), 'utf8'));
  if (raw.$generate) {
    const { base, head } = largeSpecs(1000, 400);
    return { base, head, options };
  }
  return { ...loadCaseSpecs(dir), options };
}

const cases = readdirSync(root).filter((name) => statSync(join(root, name)).isDirectory() && existsSync(join(root, name, 'head.json'))).sort();

test('the catalogue covers every rollout strategy and change kind', () => {
  assert.ok(cases.length >= 25, `only ${cases.length} cases`);
});

for (const name of cases) {
  test(`golden: ${name}`, () => {
    const dir = join(root, name);
    const { base, head, options } = loadCase(dir);
    const report = diffDatafileSets(base && expandSet(base), expandSet(head), options);
    const comment = renderComment(report, { runUrl: RUN_URL, summaryUrl: SUMMARY_URL });
    assert.equal(comment.split('\n')[0], COMMENT_MARKER);
    assert.ok(comment.length <= 60000, `comment is ${comment.length} characters`);
    assert.equal(isNoChangeComment(comment), report.status === 'unchanged');
    assert.equal(report.status === 'unchanged', name === 'no-change', `status ${report.status}`);
    golden(join(dir, 'expected.md'), comment);
    if (name === 'oversized') {
      const summary = renderSummary(report, { runUrl: RUN_URL });
      assert.ok(Buffer.byteLength(summary) <= 1024 * 1024);
      return;
    }
    golden(join(dir, 'expected.json'), reportToJson(report));
    golden(join(dir, 'expected.txt'), renderReportText(report));
  });
}
