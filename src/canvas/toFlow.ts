// Diagram -> React Flow nodes and edges. Each record maps to one object that is reused while
// the record, its selection and its measured size are unchanged, so a drag at 1,000 nodes
// rebuilds one node, and React Flow's own equality check skips the rest.
import type { Edge, Node } from '@xyflow/react';
import type { Diagram, DiagramEdge, DiagramNode, Size } from '../model';
import { CATALOG, COMPONENT_SIZE, nodeSize } from '../model';

/**
 * Arrowheads are React Flow's markers, defined inside the drawing, so pictures keep them. Sized
 * in user space, so a replay's thick, busy edges do not grow giant arrowheads.
 */
const MARKER = { type: 'arrowclosed', width: 28, height: 28, color: '#64748b', markerUnits: 'userSpaceOnUse' } as const;

export type FlowNodeData = { node: DiagramNode };
export type FlowNode = Node<FlowNodeData>;
export type FlowEdgeData = { edge: DiagramEdge };
export type FlowEdge = Edge<FlowEdgeData>;

export function flowNodeType(node: DiagramNode): string {
  return CATALOG[node.kind].canvas;
}

interface NodeCacheEntry {
  selected: boolean;
  measured: Size | undefined;
  flow: FlowNode;
}

interface EdgeCacheEntry {
  selected: boolean;
  name: string;
  flow: FlowEdge;
}

/**
 * Parents must precede their children for React Flow, and groups sit under the components at
 * their level: order by depth, then groups first, then as stored.
 */
function drawingOrder(nodes: readonly DiagramNode[]): DiagramNode[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const depth = new Map<string, number>();
  const depthOf = (n: DiagramNode): number => {
    const known = depth.get(n.id);
    if (known !== undefined) return known;
    depth.set(n.id, 0); // guards against a parent cycle in damaged input
    const parent = n.parentId ? byId.get(n.parentId) : undefined;
    const value = parent ? depthOf(parent) + 1 : 0;
    depth.set(n.id, value);
    return value;
  };
  return nodes
    .map((n, i) => ({ n, i, d: depthOf(n), g: CATALOG[n.kind].container ? 0 : 1 }))
    .sort((a, b) => a.d - b.d || a.g - b.g || a.i - b.i)
    .map((x) => x.n);
}

export class FlowMapper {
  private nodeCache = new WeakMap<DiagramNode, NodeCacheEntry>();
  private edgeCache = new WeakMap<DiagramEdge, EdgeCacheEntry>();
  private ordered: { source: readonly DiagramNode[]; result: DiagramNode[] } | null = null;
  private lastLabels: { nodes: readonly DiagramNode[]; map: ReadonlyMap<string, string> } | null = null;
  private lastEdges: { edges: readonly DiagramEdge[]; selected: ReadonlySet<string>; labels: ReadonlyMap<string, string>; result: FlowEdge[] } | null = null;

  nodes(d: Diagram, selected: ReadonlySet<string>, measured: ReadonlyMap<string, Size>): FlowNode[] {
    if (this.ordered?.source !== d.nodes) this.ordered = { source: d.nodes, result: drawingOrder(d.nodes) };
    return this.ordered.result.map((n) => this.node(n, selected.has(n.id), measured.get(n.id)));
  }

  edges(d: Diagram, selected: ReadonlySet<string>): FlowEdge[] {
    const labels = this.labels(d.nodes);
    const last = this.lastEdges;
    if (last && last.edges === d.edges && last.selected === selected && last.labels === labels) return last.result;
    const result = d.edges.map((e) => {
      const isSelected = selected.has(e.id);
      const name = `${labels.get(e.source)} calls ${labels.get(e.target)}`;
      const cached = this.edgeCache.get(e);
      if (cached && cached.selected === isSelected && cached.name === name) return cached.flow;
      const flow: FlowEdge = {
        id: e.id,
        source: e.source,
        target: e.target,
        type: 'call',
        selected: isSelected,
        markerEnd: MARKER,
        data: { edge: e },
        ariaLabel: e.label ? `${name}: ${e.label}` : name,
      };
      this.edgeCache.set(e, { selected: isSelected, name, flow });
      return flow;
    });
    this.lastEdges = { edges: d.edges, selected, labels, result };
    return result;
  }

  /** Node labels by id; the same map while no label changed, even when positions did. */
  private labels(nodes: readonly DiagramNode[]): ReadonlyMap<string, string> {
    const cached = this.lastLabels;
    if (cached?.nodes === nodes) return cached.map;
    const map = new Map(nodes.map((n) => [n.id, n.label || n.kind]));
    if (cached && cached.map.size === map.size && [...map].every(([id, label]) => cached.map.get(id) === label)) {
      this.lastLabels = { nodes, map: cached.map };
      return cached.map;
    }
    this.lastLabels = { nodes, map };
    return map;
  }

  private node(n: DiagramNode, selected: boolean, measured: Size | undefined): FlowNode {
    const cached = this.nodeCache.get(n);
    if (cached && cached.selected === selected && cached.measured === measured) return cached.flow;
    const sized = CATALOG[n.kind].defaultSize !== undefined;
    const size = sized ? nodeSize(n) : COMPONENT_SIZE;
    const flow: FlowNode = {
      id: n.id,
      type: flowNodeType(n),
      position: n.position,
      data: { node: n },
      selected,
      width: size.width,
      height: size.height,
      ...(measured ? { measured } : {}),
      ...(n.parentId ? { parentId: n.parentId } : {}),
      ariaLabel: n.label || n.kind,
    };
    this.nodeCache.set(n, { selected, measured, flow });
    return flow;
  }
}
