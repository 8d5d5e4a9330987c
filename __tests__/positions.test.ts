// The fast indentation-based locator must agree with the full YAML parser wherever it answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { fastLocate, splitLines } from '../src/project/fast-locate.ts';
import { locateWithParser } from '../src/project/positions.ts';
import type { DocPath } from '../src/model/project.ts';

const root = join(import.meta.dirname, '..');

function yamlFiles(dir: string, into: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yamlFiles(path, into);
    else if (/\.ya?ml$/.test(name)) into.push(path);
  }
  return into;
}

function paths(value: unknown, prefix: DocPath = [], into: DocPath[] = []): DocPath[] {
  into.push(prefix);
  if (Array.isArray(value)) value.forEach((item, i) => paths(item, [...prefix, i], into));
  else if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) paths(item, [...prefix, key], into);
    into.push([...prefix, 'no-such-key'], [...prefix, 99]);
  }
  return into;
}

test('fast positions equal the YAML parser positions on every path of the example and fixture projects', () => {
  const generated = mkdtempSync(join(tmpdir(), 'fw-positions-'));
  for (const format of ['v1', 'v2']) {
    execFileSync(process.execPath, [join(root, 'bench/gen-project.mjs'), '--out', join(generated, format), '--features', '60', '--format', format, '--seed', '3']);
  }
  const files = [...yamlFiles(join(root, 'examples')), ...yamlFiles(join(root, '__tests__', 'fixtures')), ...yamlFiles(generated)];
  let answered = 0;
  let total = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    if (/(^|\s)[&*][A-Za-z]/.test(text)) continue; // aliases (an alias bomb among them) would explode the path walk
    let doc: unknown;
    try {
      doc = load(text);
    } catch {
      continue; // broken-on-purpose fixtures
    }
    const lines = splitLines(text);
    for (const path of paths(doc)) {
      total++;
      const fast = fastLocate(lines, path);
      if (!fast) continue;
      answered++;
      assert.deepEqual(fast, locateWithParser(text, path), `${file} ${JSON.stringify(path)}`);
    }
  }
  rmSync(generated, { recursive: true, force: true });
  assert.ok(answered > total * 0.8, `the fast path answers most look-ups (${answered}/${total})`);
});
