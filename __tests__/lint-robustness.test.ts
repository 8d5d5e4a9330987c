// The linter must report, never crash, whatever shape a document has: mutate real fixture documents
// (deterministically) into wrong types and lint the normalised result.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { collectFindings } from '../src/lint/index.ts';
import type { Project } from '../src/model/project.ts';
import { loadProject } from '../src/project/load.ts';
import { normalizeFeature, normalizeGroup, normalizeSegment, normalizeTestSpec } from '../src/project/normalize.ts';
import { seededRandom } from './helpers/temp-project.ts';

const fixtures = fileURLToPath(new URL('./fixtures/lint/', import.meta.url));
const replacements: unknown[] = [null, 0, 1.5, -1, 'x', '*', true, [], [null], {}, { and: 'x' }, [{ or: [1] }], new Date(0), { key: 1 }];

function mutate(doc: unknown, random: () => number): unknown {
  const copy = structuredClone(doc);
  const slots: Array<[Record<string | number, unknown>, string | number]> = [];
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object' || node instanceof Date) return;
    for (const key of Object.keys(node)) {
      slots.push([node as Record<string, unknown>, Array.isArray(node) ? Number(key) : key]);
      walk((node as Record<string, unknown>)[key]);
    }
  };
  walk(copy);
  for (let i = 0; i < 3 && slots.length; i++) {
    const [parent, key] = slots[Math.floor(random() * slots.length)];
    parent[key] = replacements[Math.floor(random() * replacements.length)];
  }
  return copy;
}

test('mutated documents produce findings, not exceptions', async () => {
  const random = seededRandom(7);
  for (const name of ['features', 'conditions', 'required', 'groups', 'v1', 'no-environments']) {
    const { project } = await loadProject(join(fixtures, name));
    for (let round = 0; round < 40; round++) {
      const copy: Project = { ...project, features: new Map(), segments: new Map(), groups: new Map(), tests: [] };
      for (const [key, f] of project.features) copy.features.set(key, normalizeFeature(key, f.file, mutate(f.raw, random) as Record<string, unknown>, project.config));
      for (const [key, s] of project.segments) copy.segments.set(key, normalizeSegment(key, s.file, mutate(s.raw, random) as Record<string, unknown>, s.dialect));
      for (const [key, g] of project.groups) copy.groups.set(key, normalizeGroup(key, g.file, mutate(g.raw, random) as Record<string, unknown>, g.dialect));
      for (const t of project.tests) copy.tests.push(normalizeTestSpec(t.key, t.file, mutate(t.raw, random) as Record<string, unknown>, t.dialect));
      const findings = collectFindings(copy);
      assert.ok(Array.isArray(findings));
    }
  }
});
