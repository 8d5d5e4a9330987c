// Comment budget and markdown safety: re-closing cut structures, the 60,000-character budget that keeps the
// summary and callouts, a stable body (no timestamps), and the 1 MiB job-summary guard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffDatafileSets } from '../src/diff/index.ts';
import { renderComment, COMMENT_MARKER } from '../src/render/comment.ts';
import { closeUnclosedStructures, code, cell, truncateMarkdown } from '../src/render/markdown.ts';
import { renderSummary } from '../src/render/summary.ts';
import { expandSet, largeSpecs } from './helpers/diff-sets.ts';

function balanced(markdown: string): void {
  let fence = false;
  let details = 0;
  for (const line of markdown.split('\n')) {
    if (/^\s*`{3,}/.test(line)) fence = !fence;
    if (fence) continue;
    details += (line.match(/<details>/g) ?? []).length - (line.match(/<\/details>/g) ?? []).length;
    assert.ok(details >= 0, 'a </details> without its <details>');
  }
  assert.equal(fence, false, 'an open code fence');
  assert.equal(details, 0, 'an open <details>');
}

test('closeUnclosedStructures closes a cut fence and details, and leaves closed markdown alone', () => {
  const cut = '<details><summary>x</summary>\n\n```diff\n+a\n-b';
  const closed = closeUnclosedStructures(cut);
  balanced(closed);
  assert.ok(closed.startsWith(cut));
  const whole = '<details><summary>x</summary>\n\n```\n<details>\n```\n\n</details>\n';
  assert.equal(closeUnclosedStructures(whole), whole, 'tags inside fences are not counted');
});

test('truncateMarkdown cuts at a line, re-closes, appends the note, stays in budget', () => {
  const md = '<details><summary>s</summary>\n\n```diff\n' + '+line\n'.repeat(5000);
  const out = truncateMarkdown(md, 2000, 'NOTE');
  assert.ok(out.length <= 2000, String(out.length));
  assert.ok(out.trimEnd().endsWith('NOTE'));
  balanced(out);
  assert.equal(truncateMarkdown('short', 100, 'NOTE'), 'short');
});

test('inline code and table cells survive backticks and pipes', () => {
  assert.equal(code('a`b'), '``a`b``');
  assert.equal(cell('a|b\nc'), 'a\\|b c');
});

test('a report far over the limit keeps marker, summary, callouts and footer, and links the job summary', () => {
  const { base, head } = largeSpecs(1500, 900);
  const report = diffDatafileSets(expandSet(base), expandSet(head));
  const summaryUrl = 'https://github.com/o/r/actions/runs/9#summary';
  const body = renderComment(report, { runUrl: 'https://github.com/o/r/actions/runs/9', summaryUrl });
  assert.ok(body.length <= 60000, String(body.length));
  assert.equal(body.split('\n')[0], COMMENT_MARKER);
  assert.ok(body.includes(`**${report.summary}**`));
  assert.ok(body.includes('> [!WARNING]'));
  assert.ok(body.includes(`[job summary](${summaryUrl})`));
  assert.match(body, /base `aaaaaaa`…head `bbbbbbb`/);
  for (const env of ['development', 'staging', 'production']) assert.ok(body.includes(`### \`${env}\``), `${env} table kept`);
  balanced(body);
  // A smaller budget still yields a valid, closed body.
  const tiny = renderComment(report, { budget: 8000 });
  assert.ok(tiny.length <= 8000, String(tiny.length));
  balanced(tiny);

  const summary = renderSummary(report);
  assert.ok(Buffer.byteLength(summary) <= 1024 * 1024);
  assert.ok(summary.length > body.length, 'the summary carries more than the comment');
  balanced(summary);
  const capped = renderSummary(report, { budget: 100000 });
  assert.ok(Buffer.byteLength(capped) <= 100000);
  balanced(capped);
});

test('the same report renders to the same body (no timestamps), so the sticky comment is not edited', () => {
  const { base, head } = largeSpecs(30, 5);
  const a = renderComment(diffDatafileSets(expandSet(base), expandSet(head)), {});
  const b = renderComment(diffDatafileSets(expandSet(base), expandSet(head)), {});
  assert.equal(a, b);
  assert.doesNotMatch(a, /\d{4}-\d{2}-\d{2}T\d{2}:/);
});
