import { createEvaluator } from '/work/main/src/engine/index.ts';
import { randomContext, randomDatafile, seededRandom } from '/work/main/__tests__/helpers/random-datafile.ts';
const random = seededRandom(7);
const df = randomDatafile(random, { features: 10 });
const eng = createEvaluator(structuredClone(df));
const ctxs = Array.from({ length: 20000 }, () => randomContext(random));
const keys = Object.keys(df.features);
for (let r = 0; r < 3; r++) { const t = performance.now(); let n=0; for (const c of ctxs) for (const k of keys) { eng.isEnabled(k, c); eng.getVariation(k, c); n+=2; for (const v of Object.keys(df.features[k].variablesSchema ?? {})) {eng.getVariable(k, v, c);n++} } console.log((performance.now() - t).toFixed(0), 'ms', n); }
