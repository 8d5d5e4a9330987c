import { loadProject } from '/work/main/src/project/load.ts';
import { checkSchema } from '/work/main/src/lint/schema-check.ts';
import { FindingList } from '/work/main/src/lint/finding.ts';
import { collectFindings } from '/work/main/src/lint/index.ts';
const { project } = await loadProject(process.argv[2]);
for (let round = 0; round < 3; round++) {
let t = performance.now();
const f = new FindingList();
for (const a of project.segments.values()) checkSchema('segment', a.dialect, a.file, a.raw, f);
const seg = performance.now() - t; t = performance.now();
for (const a of project.features.values()) checkSchema('feature', a.dialect, a.file, a.raw, f);
const feat = performance.now() - t; t = performance.now();
for (const a of project.tests) checkSchema('test', a.dialect, a.file, a.raw, f);
const tests = performance.now() - t; t = performance.now();
collectFindings(project);
console.log({ seg, feat, tests, total: performance.now() - t, nTests: project.tests.length });
}
