import { loadProject } from '/work/main/src/project/load.ts';
import { resolveFindings } from '/work/main/src/project/positions.ts';
import { collectFindings } from '/work/main/src/lint/index.ts';
const { project } = await loadProject(process.argv[2]);
for (let i = 0; i < 3; i++) {
const c = process.cpuUsage(); const t = performance.now();
const findings = collectFindings(project);
const u = process.cpuUsage(c);
console.log('collect wall', Math.round(performance.now() - t), 'cpu(user)', Math.round(u.user / 1000), findings.length);
if (i === 0) { const c2 = process.cpuUsage(); const t2 = performance.now(); await resolveFindings(project.config.rootDirectory, findings); console.log('resolve wall', Math.round(performance.now() - t2), 'cpu', Math.round(process.cpuUsage(c2).user / 1000)); }
}
