// Auto-layout: diagram -> positions and group sizes, with elkjs's layered algorithm over the
// nested groups. Pure and async; the ELK instance is injected (bundled in Node and tests, in a
// worker in the browser), so the same code runs everywhere and gives the same answer.
import type { ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api';
import type { Diagram, DiagramNode, Direction, Size, XY } from '../model';
import { ancestorIds, GROUP_HEADER, GROUP_PADDING, indexNodes, nodeSize, isContainer } from '../model';

export interface ElkLike {
  layout(graph: ElkNode): Promise<ElkNode>;
}

export interface Layout {
  positions: Map<string, XY>;
  sizes: Map<string, Size>;
}

const ELK_DIRECTION: Record<Direction, string> = { TB: 'DOWN', BT: 'UP', LR: 'RIGHT', RL: 'LEFT' };

function baseOptions(direction: Direction): LayoutOptions {
  return {
    'elk.algorithm': 'layered',
    'elk.direction': ELK_DIRECTION[direction],
    'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
    'elk.layered.spacing.nodeNodeBetweenLayers': '56',
    'elk.spacing.nodeNode': '32',
    'elk.spacing.componentComponent': '60',
    'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
    'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    'elk.randomSeed': '1',
  };
}

const GROUP_OPTIONS: LayoutOptions = {
  'elk.padding': `[top=${GROUP_HEADER + GROUP_PADDING},left=${GROUP_PADDING},bottom=${GROUP_PADDING},right=${GROUP_PADDING}]`,
};

/** Builds the ELK graph: groups become compound nodes, each edge lives in its lowest common group. */
export function toElkGraph(d: Diagram, nodes: readonly DiagramNode[] = d.nodes): ElkNode {
  const byId = indexNodes(d);
  const included = new Set(nodes.map((n) => n.id));
  const root: ElkNode = { id: '__root', layoutOptions: baseOptions(d.direction), children: [], edges: [] };
  const elkNodes = new Map<string, ElkNode>([['__root', root]]);
  for (const n of nodes) {
    const isGroup = isContainer(n.kind);
    const size = isGroup ? undefined : nodeSize(n);
    elkNodes.set(n.id, {
      id: n.id,
      ...(size ?? {}),
      ...(isGroup
        ? { children: [], edges: [], layoutOptions: { ...GROUP_OPTIONS, ...(n.direction ? { 'elk.direction': ELK_DIRECTION[n.direction] } : {}) } }
        : {}),
    });
  }
  const containerOf = (n: DiagramNode) => (n.parentId && included.has(n.parentId) ? n.parentId : '__root');
  for (const n of nodes) elkNodes.get(containerOf(n))!.children!.push(elkNodes.get(n.id)!);
  for (const group of elkNodes.values()) {
    // An empty group still needs a size.
    if (group.children && group.children.length === 0 && group.id !== '__root') {
      const size = nodeSize(byId.get(group.id)!);
      group.width = size.width;
      group.height = size.height;
      delete group.children;
      delete group.edges;
    }
  }
  for (const e of d.edges) {
    if (!included.has(e.source) || !included.has(e.target)) continue;
    const sourceChain = [e.source, ...ancestorIds(byId, e.source)];
    const targetChain = [e.target, ...ancestorIds(byId, e.target)];
    // An edge between a node and a group around it has no layered meaning: leave it out.
    if (sourceChain.includes(e.target) || targetChain.includes(e.source)) continue;
    const common = sourceChain.find((id) => id !== e.source && targetChain.includes(id) && elkNodes.get(id)?.edges);
    const container = elkNodes.get(common ?? '__root')!;
    const edge: ElkExtendedEdge = { id: e.id, sources: [e.source], targets: [e.target] };
    container.edges!.push(edge);
  }
  return root;
}

/**
 * The parts of a diagram that edges join, as sets of top-level nodes (a group with everything in
 * it counts as one), in the order their first node is stored.
 */
export function connectedParts(d: Diagram): DiagramNode[][] {
  const byId = indexNodes(d);
  const top = (id: string) => {
    const chain = ancestorIds(byId, id);
    return chain.length > 0 ? chain[chain.length - 1] : id;
  };
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(id, root);
    return root;
  };
  for (const n of d.nodes) if (!n.parentId || !byId.has(n.parentId)) parent.set(n.id, n.id);
  for (const e of d.edges) {
    if (!byId.has(e.source) || !byId.has(e.target)) continue;
    const a = find(top(e.source));
    const b = find(top(e.target));
    if (a !== b) parent.set(b, a);
  }
  const parts = new Map<string, DiagramNode[]>();
  for (const n of d.nodes) {
    const root = find(top(n.id));
    parts.set(root, [...(parts.get(root) ?? []), n]);
  }
  return [...parts.values()];
}

/** Space between the packed parts of a diagram. */
const PART_GAP = 60;

/**
 * Places boxes in rows, in order, about as wide as `aspect` times as tall in all: ELK lays out each
 * part on its own but would put them all in one row (it cannot pack parts of a nested graph).
 */
export function packRows(sizes: readonly Size[], aspect: number): XY[] {
  const area = sizes.reduce((a, s) => a + (s.width + PART_GAP) * (s.height + PART_GAP), 0);
  const widest = Math.max(0, ...sizes.map((s) => s.width));
  const rowWidth = Math.max(widest, Math.sqrt(area * aspect));
  const out: XY[] = [];
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const s of sizes) {
    if (x > 0 && x + s.width > rowWidth) {
      x = 0;
      y += rowHeight + PART_GAP;
      rowHeight = 0;
    }
    out.push({ x, y });
    x += s.width + PART_GAP;
    rowHeight = Math.max(rowHeight, s.height);
  }
  return out;
}

async function layoutPartWith(d: Diagram, nodes: readonly DiagramNode[], elk: ElkLike, extra: LayoutOptions): Promise<{ layout: Layout; size: Size }> {
  const graph = toElkGraph(d, nodes);
  graph.layoutOptions = { ...graph.layoutOptions, ...extra };
  const result = await elk.layout(graph);
  const positions = new Map<string, XY>();
  const sizes = new Map<string, Size>();
  const visit = (node: ElkNode) => {
    for (const child of node.children ?? []) {
      positions.set(child.id, { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) });
      if (child.children || child.width !== undefined) sizes.set(child.id, { width: Math.round(child.width ?? 0), height: Math.round(child.height ?? 0) });
      visit(child);
    }
  };
  visit(result);
  // The part's own box, from its top-level members, moved to start at the origin.
  const tops = (result.children ?? []).map((c) => ({ x: c.x ?? 0, y: c.y ?? 0, w: c.width ?? 0, h: c.height ?? 0 }));
  const x0 = Math.min(...tops.map((t) => t.x));
  const y0 = Math.min(...tops.map((t) => t.y));
  for (const c of result.children ?? []) {
    const p = positions.get(c.id)!;
    positions.set(c.id, { x: Math.round(p.x - x0), y: Math.round(p.y - y0) });
  }
  const size = { width: Math.max(...tops.map((t) => t.x + t.w)) - x0, height: Math.max(...tops.map((t) => t.y + t.h)) - y0 };
  return { layout: { positions, sizes }, size };
}

/** The view a layout should read in at fit view: the canvas beside a side panel at 1440 × 900. */
export const READING_VIEW: Size = { width: 780, height: 700 };
/** Zoom at which node labels (13 px) still read comfortably. */
const READABLE_ZOOM = 0.6;

function fitZoom(size: Size, view: Size): number {
  return Math.min(view.width / Math.max(1, size.width), view.height / Math.max(1, size.height));
}

/** Parts small enough to lay out twice and keep the better. */
const TRY_WRAPPING_UP_TO = 120;

/**
 * A part as ELK lays it out in the diagram's direction; when that would be too small to read at
 * fit view (a long chain of steps runs off the side), folded into rows or columns if that reads
 * clearly better.
 */
async function layoutPart(d: Diagram, nodes: readonly DiagramNode[], elk: ElkLike, view: Size): Promise<{ layout: Layout; size: Size }> {
  const plain = await layoutPartWith(d, nodes, elk, {});
  if (nodes.length > TRY_WRAPPING_UP_TO || fitZoom(plain.size, view) >= READABLE_ZOOM) return plain;
  const wrapped = await layoutPartWith(d, nodes, elk, { 'elk.layered.wrapping.strategy': 'MULTI_EDGE', 'elk.aspectRatio': String(view.width / view.height) });
  return fitZoom(wrapped.size, view) > fitZoom(plain.size, view) * 1.2 ? wrapped : plain;
}

export async function layoutDiagram(d: Diagram, elk: ElkLike, view: Size = READING_VIEW): Promise<Layout> {
  const parts = connectedParts(d);
  const laid = [];
  for (const part of parts) laid.push(await layoutPart(d, part, elk, view));
  const places = packRows(
    laid.map((l) => l.size),
    view.width / view.height,
  );
  const positions = new Map<string, XY>();
  const sizes = new Map<string, Size>();
  laid.forEach(({ layout }, i) => {
    const topLevel = new Set(parts[i].filter((n) => !n.parentId || !parts[i].some((m) => m.id === n.parentId)).map((n) => n.id));
    for (const [id, p] of layout.positions) positions.set(id, topLevel.has(id) ? { x: p.x + places[i].x, y: p.y + places[i].y } : p);
    for (const [id, s] of layout.sizes) sizes.set(id, s);
  });
  return { positions, sizes };
}
