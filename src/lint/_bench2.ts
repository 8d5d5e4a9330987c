import { loadProject } from '/work/main/src/project/load.ts';
import { collectFindings } from '/work/main/src/lint/index.ts';
const { project } = await loadProject(process.argv[2]);
for (let i = 0; i < 3; i++) { const t = performance.now(); collectFindings(project); console.log(performance.now() - t); }
