import { build } from 'esbuild';
const stub = { name: 'stub', setup(b) { b.onResolve({ filter: /diff\/git\.ts$/ }, a => ({ path: a.path, namespace: 'stub' })); b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export async function diffRefs(){ throw new Error("diffRefs stub") }', loader: 'js' })); } };
await build({ absWorkingDir: process.cwd(), entryPoints: { index: 'src/action/index.ts' }, outdir: '.tmp-scratch/dist', bundle: true, splitting: true, format: 'esm', platform: 'node', target: 'node20', chunkNames: 'chunks/[name]-[hash]', logLevel: 'warning', plugins: [stub],
 banner: { js: "import { createRequire as __c } from 'node:module';const require = __c(import.meta.url);" } });
