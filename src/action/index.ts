import { resolveChunksDirectly } from '../util/chunk-resolution.ts';

resolveChunksDirectly(import.meta.url);
const { run } = await import('./main.ts');
await run();
