// The fast block-YAML parser must give exactly js-yaml's value, or step aside (UNSUPPORTED): on every
// YAML file of the repository and of generated projects, on random documents written in many styles,
// and on random mutations of them — where js-yaml throws, the fast parser must never answer.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import jsYaml from 'js-yaml';
import { stringify as yamlStringify } from 'yaml';
import { parseFastYaml, UNSUPPORTED } from '../src/project/fast-yaml.ts';
import { seededRandom } from './helpers/temp-project.ts';

const root = join(import.meta.dirname, '..');

type Outcome = { kind: 'unsupported' } | { kind: 'agrees' } | { kind: 'differs'; fast: unknown; expected: unknown; threw: boolean };

function compare(text: string): Outcome {
  let expected: unknown;
  let threw = false;
  try {
    expected = jsYaml.load(text);
  } catch {
    threw = true;
  }
  const fast = parseFastYaml(text);
  if (fast === UNSUPPORTED) return { kind: 'unsupported' };
  return !threw && isDeepStrictEqual(fast, expected) ? { kind: 'agrees' } : { kind: 'differs', fast, expected, threw };
}

function assertAgrees(text: string, label: string): Outcome {
  const outcome = compare(text);
  if (outcome.kind === 'differs') {
    assert.fail(`${label}: fast parser answered ${JSON.stringify(outcome.fast)} but js-yaml ${outcome.threw ? 'throws' : `gives ${JSON.stringify(outcome.expected)}`}\n--- document:\n${text}`);
  }
  return outcome;
}

function yamlFilesUnder(directory: string, into: string[] = []): string[] {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) yamlFilesUnder(path, into);
    else if (/\.ya?ml$/.test(entry.name)) into.push(path);
  }
  return into;
}

test('fast parser equals js-yaml on every YAML file of the repository and of generated projects', async () => {
  const files = [...yamlFilesUnder(join(root, 'examples')), ...yamlFilesUnder(join(root, '__tests__', 'fixtures'))];
  const work = mkdtempSync(join(tmpdir(), 'flagwright-fast-yaml-'));
  try {
    const { generateProject } = (await import(new URL('../bench/gen-project.mjs', import.meta.url).href)) as { generateProject: (options: Record<string, unknown>) => void };
    for (const format of ['v1', 'v2']) {
      generateProject({ out: join(work, format), features: 200, format, seed: 7, force: true });
      files.push(...yamlFilesUnder(join(work, format)));
    }
    let handled = 0;
    for (const file of files) if (assertAgrees(readFileSync(file, 'utf8'), file).kind === 'agrees') handled++;
    // Flag files are what it is for: it must answer for nearly all of them, or it is not the fast path.
    assert.ok(handled / files.length > 0.95, `fast parser handled only ${handled} of ${files.length} files`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

const EDGE_CASES = [
  'a: 1\nb: -2\nc: 3.5\nd: 0\nz: -0\ny: -0.0\ne: 012\nf: 1_000\ng: 0x1F\nh: .5\ni: +1\nj: 1e3\nk: -.inf\nl: .NaN\nm: 9007199254740993\n',
  'a: true\nb: True\nc: TRUE\nd: false\ne: yes\nf: no\ng: on\nh: null\ni: Null\nj: ~\nk:\nl: nULL\n',
  'a: 2020-01-01\nb: 2020-01-01T10:00:00Z\nc: 2001-12-14t21:59:43.10-05:00\nd: 2020-1-1\ne: "2020-01-01"\n',
  'a: "x: y"\nb: \'it\'\'s\'\nc: "tab\\tnew\\nline \\u00e9 \\" \\\\ \\/"\nd: "\\x41"\ne: "unterminated\n',
  'a: b: c\n',
  'a: b:\n',
  'key:value\n',
  'a: 1 # comment\nb: x#y\nc: "q" # c\ne: [1, 2] # c\n# full line\n  # indented comment\nf: 2\n',
  "d: 'q'#c\n",
  'rules:\n- key: a\n  segments: "*"\n- key: b\n  percentage: 50\nafter: 1\n',
  'list:\n  - a\n  -  b\n  -\n    c: 1\n  - - nested\n',
  'a:\n  b:\n    c: 1\n  d: 2\n e: 3\n',
  'a:\n  - 1\n  - 2\n   - 3\n',
  'a: 1\na: 2\n',
  'a: [x, y, z]\nb: {k: v, n: 1}\nc: []\nd: {}\ne: [[1, 2], {a: b}]\nf: [a: b]\ng: [a, ]\nh: {a, b}\ni: [ "q, r", \'s\' ]\nj: [x\n',
  'a: |\n  line 1\n  line 2\n\n  line 4\nb: |-\n  stripped\n\nc: >\n  folded\n  text\n\n  para\nd: >-\n  x\n  y\ne: |+\n  keep\n\nf: |2\n   indicator\ng: |\n    deeper\n  shallower\n',
  'a: |\n  text\n# comment\nb: 1\n',
  'a: &anchor 1\nb: *anchor\n',
  'a: !!str 1\n',
  '? complex\n: value\n',
  '--- \na: 1\n',
  '---\na: 1\n',
  '---\na: 1\n---\nb: 2\n',
  'a: 1\n...\n',
  '"quoted key": 1\n\'single\': 2\n"a:b": 3\n1: one\ntrue: t\nnull: n\n1.50: f\n',
  'null: n\n~: duplicate of null\n',
  '2020-01-01: date key\n',
  '__proto__: x\n',
  'a:\n  __proto__: x\n',
  'a: multi\n  line plain\n',
  'a: "multi\n  line quoted"\n',
  '- top\n- level\n',
  'scalar\n',
  '',
  '# only a comment\n',
  '  a: 1\n  b: 2\n',
  'a: 1\n b: 2\n',
  'a:\n- x\n- y\nb:\n  - z\n',
  'a: -\nb: - x\nc: -1\nd: -x\ne: "-"\n',
  'a: @x\nb: `x`\nc: %x\nd: ?x\ne: :x\nf: x:y\ng: http://example.com/a?b=c#d\n',
  'a: { k: v }\nb: {k: [1, {c: d}]}\nc: {"q": 1, \'r\': 2}\nd: {k: v} trailing\n',
  'a: 1\r\nb: 2\r\n',
  'a:\tb\n',
  'a: 1 #c\n#c\n\n\nb:\n\n  - x\n\n  - y\n',
  'a: "x" y\n',
  'a: \'x\' y\n',
  'empty:\nnext: 1\n',
  'a:\n  -\n  - b\n',
  '- a: 1\n  b: 2\n- c: 3\n',
  'a: [1, 2,\n  3]\n',
  'a: "\\u12"\n',
  'a: <<\n<<: {b: 1}\n',
  // Repeated short scalars come from caches: plain and quoted texts must not mix, nor keys with values.
  'a: 50\nb: "50"\nc: 50\nd: \'50\'\ne: yes\nf: "yes"\ng: yes\nyes: a\nh: [50, "50", yes]\ni: {50: "yes", k: 50}\n',
];

test('fast parser equals js-yaml on hand-written edge cases, or leaves them to js-yaml', () => {
  for (const text of EDGE_CASES) assertAgrees(text, JSON.stringify(text));
  // Cases it must answer itself (they are everyday flag YAML).
  for (const text of EDGE_CASES.filter((text) => /^(a: 1\nb: -2|a: true|a: 2020|rules:|a: 1 # comment|"quoted key")/.test(text))) {
    assert.equal(compare(text).kind, 'agrees', JSON.stringify(text));
  }
});

test('a repeated timestamp parses to a Date of its own each time', () => {
  const doc = parseFastYaml('a: 2020-01-01\nb: 2020-01-01\nc: [2020-01-01, 2020-01-01]\n') as Record<string, unknown>;
  const dates = [doc.a, doc.b, ...(doc.c as unknown[])];
  assert.ok(dates.every((date) => date instanceof Date));
  assert.equal(new Set(dates).size, 4, 'a Date is mutable: sharing one would let one value change another');
});

// Random documents: values of every scalar kind, nested maps and lists, written by several emitters.
const SCALARS = [
  'plain', 'two words', 'with: colon', 'hash # inside', 'x#y', "it's", 'quote"d', 'back\\slash', '*', '-', '- dash', '-x', '?', 'a,b', '[x]', '{y}',
  '', ' lead', 'trail ', 'true', 'False', 'NULL', '~', 'yes', '1', '-1', '1.5', '0x10', '1e3', '012', '.inf', '2020-01-01', '2020-01-01T10:00:00Z',
  'café', '日本', 'multi\nline', 'tab\there', '@at', '`tick`', '%pct', '&amp', '!bang', '|pipe', '>gt', 'a: b', 'k:v', '#start', 'end:',
];

function randomValue(random: () => number, depth: number): unknown {
  const r = random();
  if (depth > 3 || r < 0.45) {
    const s = random();
    if (s < 0.15) return Math.floor(random() * 2000) - 1000;
    if (s < 0.22) return Math.round(random() * 10000) / 100;
    if (s < 0.27) return random() < 0.5;
    if (s < 0.3) return null;
    if (s < 0.33) return new Date(Date.UTC(2020, Math.floor(random() * 12), 1 + Math.floor(random() * 28)));
    return SCALARS[Math.floor(random() * SCALARS.length)];
  }
  if (r < 0.7) {
    const out: Record<string, unknown> = {};
    const size = Math.floor(random() * 4);
    for (let i = 0; i < size; i++) out[random() < 0.8 ? `k${Math.floor(random() * 50)}` : SCALARS[Math.floor(random() * SCALARS.length)]] = randomValue(random, depth + 1);
    return out;
  }
  return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth + 1));
}

function emitters(random: () => number): Array<(value: unknown) => string> {
  return [
    (value) => jsYaml.dump(value),
    (value) => jsYaml.dump(value, { flowLevel: 1 + Math.floor(random() * 3) }),
    (value) => jsYaml.dump(value, { quotingType: '"', forceQuotes: random() < 0.5, noCompatMode: true }),
    (value) => jsYaml.dump(value, { indent: 4, noArrayIndent: true, lineWidth: 20 }),
    (value) => yamlStringify(value),
    (value) => yamlStringify(value, { indentSeq: false, defaultStringType: random() < 0.5 ? 'QUOTE_SINGLE' : 'PLAIN' }),
  ];
}

const MUTATIONS = [':', ' ', '  ', '-', '- ', '#', ' #', '"', "'", '\n', '[', ']', '{', '}', ',', '|', '>', '&', '*', '!', 'x', '1', '\n  ', '\n- '];

test('fast parser equals js-yaml on 3,000 random documents and 12,000 random mutations of them', () => {
  const random = seededRandom(20261201);
  const write = emitters(random);
  let answered = 0;
  let mutantsAnswered = 0;
  for (let i = 0; i < 3000; i++) {
    const value = { root: randomValue(random, 0), ...(randomValue(random, 1) as object) };
    let text: string;
    try {
      text = write[i % write.length](value);
    } catch {
      continue; // an emitter that cannot write this value
    }
    if (assertAgrees(text, `random document ${i}`).kind === 'agrees') answered++;
    for (let m = 0; m < 4; m++) {
      const at = Math.floor(random() * (text.length + 1));
      const cut = random() < 0.5 ? Math.floor(random() * 3) : 0;
      const mutant = text.slice(0, at) + MUTATIONS[Math.floor(random() * MUTATIONS.length)] + text.slice(at + cut);
      if (assertAgrees(mutant, `mutation ${m} of random document ${i}`).kind === 'agrees') mutantsAnswered++;
    }
  }
  // Both must really exercise the fast path, not only its escape hatch.
  assert.ok(answered > 1000, `fast parser answered only ${answered} random documents`);
  assert.ok(mutantsAnswered > 2000, `fast parser answered only ${mutantsAnswered} mutants`);
});
