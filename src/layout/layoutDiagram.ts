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
    'elk.layered.spacing.nodeNodeBetweenLayers': '70',
    'elk.spacing.nodeNode': '40',
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

export async function layoutDiagram(d: Diagram, elk: ElkLike): Promise<Layout> {
  const result = await elk.layout(toElkGraph(d));
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
  return { positions, sizes };
}
