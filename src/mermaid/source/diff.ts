// What changed between the diagram as its Mermaid text made it and the diagram now, in the terms
// the text can carry: nodes and groups added, removed, renamed, moved, recoloured or reshaped;
// connections added, removed, relabelled or restyled; directions. Simulation settings, kinds and
// scenarios are not here: they travel as `%% faultline:` lines.
import type { Diagram, DiagramEdge, DiagramNode, Direction } from '../../model';

export const pairKey = (source: string, target: string) => `${source}\u0000${target}`;

export interface SourceChanges {
  removed: Set<string>;
  /** New nodes and groups, groups before what they hold. */
  added: DiagramNode[];
  label: Map<string, string>;
  parent: Map<string, string | undefined>;
  color: Map<string, string | undefined>;
  shape: Set<string>;
  groupDirection: Map<string, Direction | undefined>;
  removedEdges: Set<string>;
  addedEdges: DiagramEdge[];
  edgeLabel: Map<string, string>;
  /** Connections whose mode or style changed. */
  edgeLook: Map<string, DiagramEdge>;
  direction?: Direction;
}

export function isEmpty(c: SourceChanges): boolean {
  return (
    c.removed.size === 0 &&
    c.added.length === 0 &&
    c.label.size === 0 &&
    c.parent.size === 0 &&
    c.color.size === 0 &&
    c.shape.size === 0 &&
    c.groupDirection.size === 0 &&
    c.removedEdges.size === 0 &&
    c.addedEdges.length === 0 &&
    c.edgeLabel.size === 0 &&
    c.edgeLook.size === 0 &&
    c.direction === undefined
  );
}

function depth(n: DiagramNode, byId: Map<string, DiagramNode>): number {
  let d = 0;
  for (let p = n.parentId; p && d < 100; p = byId.get(p)?.parentId) d++;
  return d;
}

export function diffDiagrams(base: Diagram, now: Diagram): SourceChanges {
  const before = new Map(base.nodes.map((n) => [n.id, n]));
  const after = new Map(now.nodes.map((n) => [n.id, n]));
  const changes: SourceChanges = {
    removed: new Set(base.nodes.filter((n) => !after.has(n.id)).map((n) => n.id)),
    added: now.nodes.filter((n) => !before.has(n.id)).sort((a, b) => depth(a, after) - depth(b, after)),
    label: new Map(),
    parent: new Map(),
    color: new Map(),
    shape: new Set(),
    groupDirection: new Map(),
    removedEdges: new Set(),
    addedEdges: [],
    edgeLabel: new Map(),
    edgeLook: new Map(),
  };
  for (const n of now.nodes) {
    const was = before.get(n.id);
    if (!was) continue;
    if (was.label !== n.label) changes.label.set(n.id, n.label);
    if ((was.parentId ?? undefined) !== (n.parentId ?? undefined)) changes.parent.set(n.id, n.parentId);
    if ((was.color ?? undefined) !== (n.color ?? undefined)) changes.color.set(n.id, n.color);
    if ((was.shape ?? undefined) !== (n.shape ?? undefined)) changes.shape.add(n.id);
    if ((was.direction ?? undefined) !== (n.direction ?? undefined)) changes.groupDirection.set(n.id, n.direction);
  }
  const edgesBefore = new Map(base.edges.map((e) => [pairKey(e.source, e.target), e]));
  const edgesAfter = new Map(now.edges.map((e) => [pairKey(e.source, e.target), e]));
  for (const [key, e] of edgesBefore) {
    if (!edgesAfter.has(key) && !changes.removed.has(e.source) && !changes.removed.has(e.target)) changes.removedEdges.add(key);
  }
  for (const [key, e] of edgesAfter) {
    const was = edgesBefore.get(key);
    if (!was) {
      changes.addedEdges.push(e);
      continue;
    }
    if ((was.label ?? '') !== (e.label ?? '')) changes.edgeLabel.set(key, e.label ?? '');
    if (was.mode !== e.mode || (was.style ?? 'solid') !== (e.style ?? 'solid')) changes.edgeLook.set(key, e);
  }
  if (base.direction !== now.direction) changes.direction = now.direction;
  return changes;
}
