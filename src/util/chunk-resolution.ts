// Resolves the bundle's imports of its own chunks as plain URLs. Node resolves every import like any
// specifier, with a file-system check and a realpath each: a deploy makes ~140 such imports of dist/chunks/
// (~12 ms of a ~230 ms no-op re-sync). The chunks are files that esbuild wrote next to each other, so the URL
// is the answer; a missing chunk still fails, when it is loaded. Other specifiers go to Node as before.
import module from 'node:module';

/** Call from a bundle entry (`import.meta.url`) before it imports the rest; per thread. */
export function resolveChunksDirectly(entryUrl: string): void {
  const chunks = new URL('./chunks/', entryUrl).href;
  module.registerHooks?.({
    resolve(specifier, context, nextResolve) {
      const parent = context.parentURL;
      if (specifier.startsWith('./') && parent !== undefined && (parent.startsWith(chunks) || (parent === entryUrl && specifier.startsWith('./chunks/')))) {
        return { url: new URL(specifier, parent).href, format: 'module', shortCircuit: true };
      }
      return nextResolve(specifier, context);
    },
  });
}
