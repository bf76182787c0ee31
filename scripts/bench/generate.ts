// Generated diagrams for benchmarks: a grid of components with edges to nearby nodes, seeded so
// every run measures the same graph.
import type { Diagram, DiagramNode, NodeKind } from '../../src/model';
import { createDiagram } from '../../src/model';

const KINDS: NodeKind[] = ['service', 'database', 'cache', 'queue', 'loadBalancer', 'worker', 'apiGateway', 'search'];

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function gridDiagram(nodeCount: number, edgeCount: number, seed = 7): Diagram {
  const random = mulberry32(seed);
  const d = createDiagram(`Generated ${nodeCount} nodes`, 0);
  const columns = Math.ceil(Math.sqrt(nodeCount * 2));
  const nodes: DiagramNode[] = [];
  for (let i = 0; i < nodeCount; i++) {
    const kind = i === 0 ? 'client' : KINDS[Math.floor(random() * KINDS.length)];
    nodes.push({ id: `n${i}`, kind, label: `${kind} ${i}`, position: { x: (i % columns) * 240, y: Math.floor(i / columns) * 120 }, props: {} });
  }
  d.nodes = nodes;
  const seen = new Set<string>();
  while (d.edges.length < edgeCount) {
    const a = Math.floor(random() * nodeCount);
    const b = Math.min(nodeCount - 1, Math.max(1, a + 1 + Math.floor(random() * columns * 1.5)));
    const key = `${a}-${b}`;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    d.edges.push({ id: `e${d.edges.length}`, source: `n${a}`, target: `n${b}`, mode: 'sync', call: {} });
  }
  return d;
}
