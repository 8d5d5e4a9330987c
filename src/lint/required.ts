// `required` dependencies: known, not archived, variation exists, no cycles, and buildable in every
// environment the dependent feature is in. The builder pulls a dependency into each tag datafile of its
// dependents, but a dependency hidden in an environment (`expose: false`) cannot be pulled in there.
import type { Feature } from '../model/project.ts';
import { isRecord, type LintContext } from './context.ts';

interface Edge {
  target: string;
  index: number;
}

function requiredEdges(feature: Feature): Edge[] {
  const required = feature.raw.required;
  if (!Array.isArray(required)) return [];
  const edges: Edge[] = [];
  required.forEach((entry, index) => {
    const target = typeof entry === 'string' ? entry : isRecord(entry) && typeof entry.key === 'string' ? entry.key : undefined;
    if (target !== undefined) edges.push({ target, index });
  });
  return edges;
}

export function checkRequired(ctx: LintContext): void {
  const { features, config } = ctx.project;
  const graph = new Map<string, Edge[]>();
  for (const feature of features.values()) {
    const edges = requiredEdges(feature);
    graph.set(feature.key, edges);
    for (const { target, index } of edges) {
      const path = ['required', index];
      const required = features.get(target);
      if (!required) {
        ctx.findings.error(feature.file, path, 'unknown-feature', `required feature "${target}" not found`);
        continue;
      }
      if (required.archived && !feature.archived) {
        ctx.findings.warning(feature.file, path, 'archived-feature', `required feature "${target}" is archived, so this feature is always disabled`);
        continue;
      }
      const entry = (feature.raw.required as unknown[])[index];
      if (isRecord(entry) && typeof entry.variation === 'string' && !required.variations.some((v) => v.value === entry.variation)) {
        ctx.findings.error(feature.file, [...path, 'variation'], 'unknown-variation', `required feature "${target}" has no variation "${entry.variation}"`);
      }
      if (feature.archived) continue;
      for (const environment of config.environments) {
        if (feature.expose[environment] !== false && required.expose[environment] === false) {
          const where = environment ? ` in "${environment}"` : '';
          ctx.findings.error(
            feature.file,
            path,
            'required-not-exposed',
            `required feature "${target}" is not exposed${where} (expose: false), so this feature is always disabled there`,
          );
        }
      }
    }
  }
  checkCycles(ctx, graph);
}

/** Reports each feature that sits on a dependency cycle, with one cycle through it. */
function checkCycles(ctx: LintContext, graph: Map<string, Edge[]>): void {
  for (const component of stronglyConnected(graph)) {
    const cyclic = component.length > 1 || (graph.get(component[0]) ?? []).some((edge) => edge.target === component[0]);
    if (!cyclic) continue;
    const members = new Set(component);
    for (const key of component) {
      const cycle = cycleThrough(key, graph, members);
      const feature = ctx.project.features.get(key)!;
      const first = (graph.get(key) ?? []).find((edge) => edge.target === cycle[1]);
      ctx.findings.error(feature.file, first ? ['required', first.index] : ['required'], 'circular-dependency', `circular dependency found: ${cycle.join(' -> ')}`);
    }
  }
}

/** Shortest path key → … → key inside one strongly connected component (BFS). */
function cycleThrough(start: string, graph: Map<string, Edge[]>, members: Set<string>): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    for (const { target } of graph.get(node) ?? []) {
      if (!members.has(target)) continue;
      if (target === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(previous.get(path[0])!);
        return [...path, start];
      }
      if (!previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return [start, start];
}

/**
 * Tarjan's algorithm, iterative so deep dependency chains cannot overflow the stack. Components of features
 * that require nothing and are required by no searched feature are left out (they are on no cycle).
 */
function stronglyConnected(graph: Map<string, Edge[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const [root, edges] of graph) {
    // A feature that requires nothing is on no cycle: most are, and they need no search of their own.
    if (edges.length === 0 || index.has(root)) continue;
    const targets = (node: string) => (graph.get(node) ?? []).map((edge) => edge.target).filter((target) => graph.has(target));
    const work: Array<{ node: string; next: number; edges: string[] }> = [{ node: root, next: 0, edges: targets(root) }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const frame = work[work.length - 1];
      if (frame.next < frame.edges.length) {
        const target = frame.edges[frame.next++];
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0, edges: targets(target) });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        components.push(component);
      }
    }
  }
  return components;
}
