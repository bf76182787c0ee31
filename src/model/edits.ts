// Graph edits. Each one mutates the diagram it is given, so the store runs it inside immer's
// produce (which turns it into a pure, patch-recording update); tests do the same.
import { CATALOG } from './catalog';
import { createEdge, descendantIds } from './diagram';
import { callField, fieldError, fitText, nodeField, TEXT_FIELDS } from './schema';
import { absolutePosition, boundsOf, GROUP_HEADER, GROUP_PADDING, indexNodes, nodeSize } from './geometry';
import { newId } from './ids';
import { readable } from './drafts';
import { normalizeLabel } from './labels';
import type { CallProps, Diagram, DiagramEdge, DiagramNode, NodeKind, NodeProps, XY } from './types';

export type Refusal = { ok: false; reason: string };
/** A kept edit may say what it repaired on the way (a label cut to its limit), for a notice. */
export type Result<T> = { ok: true; value: T; notice?: string } | Refusal;

const refuse = (reason: string): Refusal => ({ ok: false, reason });

/** A deep copy of a plain record; works on immer drafts, which structuredClone refuses. */
export function cloneRecord<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function addNode(d: Diagram, node: DiagramNode): Result<DiagramNode> {
  if (d.nodes.some((n) => n.id === node.id)) return refuse(`A node with id ${node.id} already exists`);
  if (node.parentId) {
    const parent = d.nodes.find((n) => n.id === node.parentId);
    if (!parent || !CATALOG[parent.kind].container) return refuse('A node can only be placed inside a group');
  }
  d.nodes.push(node);
  return { ok: true, value: node };
}

/** Removes nodes, everything inside removed groups, their edges and the faults aimed at them. */
export function removeNodes(d: Diagram, ids: Iterable<string>): number {
  const doomed = new Set(ids);
  for (const id of descendantIds(d, doomed)) doomed.add(id);
  const before = d.nodes.length;
  d.nodes = d.nodes.filter((n) => !doomed.has(n.id));
  const doomedEdges = d.edges.filter((e) => doomed.has(e.source) || doomed.has(e.target)).map((e) => e.id);
  removeEdges(d, doomedEdges);
  dropFaultsOn(d, doomed);
  return before - d.nodes.length;
}

export function removeEdges(d: Diagram, ids: Iterable<string>): number {
  const doomed = new Set(ids);
  if (doomed.size === 0) return 0;
  const before = d.edges.length;
  d.edges = d.edges.filter((e) => !doomed.has(e.id));
  dropFaultsOn(d, doomed);
  return before - d.edges.length;
}

function dropFaultsOn(d: Diagram, ids: Set<string>): void {
  for (const s of d.scenarios) {
    if (s.faults.some((f) => ids.has(f.target.id))) s.faults = s.faults.filter((f) => !ids.has(f.target.id));
    for (const id of ids) delete s.traffic[id];
  }
}

/** Why two nodes cannot be connected, or null when they can. */
export function connectionRefusal(d: Diagram, source: string, target: string): string | null {
  if (source === target) return 'A node cannot call itself';
  const from = d.nodes.find((n) => n.id === source);
  const to = d.nodes.find((n) => n.id === target);
  if (!from || !to) return 'Both ends of a connection must exist';
  if (!CATALOG[from.kind].connectable || !CATALOG[to.kind].connectable)
    return `${CATALOG[CATALOG[from.kind].connectable ? to.kind : from.kind].label}s cannot be connected`;
  if (!CATALOG[to.kind].callable) return `A ${CATALOG[to.kind].label.toLowerCase()} only sends requests; it cannot be called`;
  if (d.edges.some((e) => e.source === source && e.target === target)) {
    return `${from.label} already calls ${to.label}`;
  }
  return null;
}

export function connect(d: Diagram, source: string, target: string, init: Partial<DiagramEdge> = {}): Result<DiagramEdge> {
  const reason = connectionRefusal(d, source, target);
  if (reason) return refuse(reason);
  const to = d.nodes.find((n) => n.id === target)!;
  const edge = createEdge(source, target, { mode: CATALOG[to.kind].asyncInbound ? 'async' : 'sync', ...init });
  d.edges.push(edge);
  return { ok: true, value: edge };
}

export function moveNodes(d: Diagram, positions: ReadonlyMap<string, XY>): void {
  // Look indices up on the plain array: touching every element of an immer draft would draft
  // all of them, which makes a drag at 1,000 nodes cost 1,000 proxies a frame.
  const plain = readable(d.nodes);
  for (let i = 0; i < plain.length; i++) {
    const p = positions.get(plain[i].id);
    if (p) d.nodes[i].position = { x: p.x, y: p.y };
  }
}

/**
 * Puts a node inside a group (or takes it out with `groupId` undefined), keeping its place on
 * the canvas: its stored position becomes relative to the new parent.
 */
export function setParent(d: Diagram, nodeId: string, groupId: string | undefined): Result<DiagramNode> {
  const byId = indexNodes(d);
  const node = d.nodes.find((n) => n.id === nodeId);
  if (!node) return refuse('That node no longer exists');
  if (node.parentId === groupId) return { ok: true, value: node };
  if (groupId !== undefined) {
    const group = byId.get(groupId);
    if (!group || !CATALOG[group.kind].container) return refuse('Nodes can only be placed inside a group');
    if (groupId === nodeId || descendantIds(d, [nodeId]).has(groupId)) {
      return refuse('A group cannot be placed inside itself');
    }
  }
  const absolute = absolutePosition(byId, nodeId);
  const origin = groupId ? absolutePosition(byId, groupId) : { x: 0, y: 0 };
  node.position = { x: absolute.x - origin.x, y: absolute.y - origin.y };
  if (groupId) node.parentId = groupId;
  else delete node.parentId;
  return { ok: true, value: node };
}

export type NodeDetails = Partial<Pick<DiagramNode, 'label' | 'color' | 'notes' | 'size' | 'direction'>>;

export function updateNode(d: Diagram, id: string, details: NodeDetails): Result<DiagramNode> {
  const node = d.nodes.find((n) => n.id === id);
  if (!node) return refuse('That node no longer exists');
  const notices: string[] = [];
  for (const [key, value] of Object.entries(details) as [keyof NodeDetails, unknown][]) {
    let v = value;
    if ((key === 'label' || key === 'notes') && typeof value === 'string') {
      // The same limits as every restore path, with the same report when text is cut.
      const fitted = fitText(key === 'label' ? TEXT_FIELDS.nodeLabel : TEXT_FIELDS.notes, key === 'label' ? normalizeLabel(value) : value);
      if (fitted.cut) notices.push(fitted.cut);
      v = fitted.text;
    }
    if (v === undefined || v === '') delete node[key];
    else (node as unknown as Record<string, unknown>)[key] = v;
  }
  if (node.label === undefined) node.label = '';
  return notices.length > 0 ? { ok: true, value: node, notice: notices.join('; ') } : { ok: true, value: node };
}

/** Renames the diagram; an empty name becomes "Untitled diagram". */
export function renameDiagram(d: Diagram, name: string): Result<string> {
  const fitted = fitText(TEXT_FIELDS.diagramName, name.trim());
  d.name = fitted.text || 'Untitled diagram';
  return fitted.cut ? { ok: true, value: d.name, notice: fitted.cut } : { ok: true, value: d.name };
}

/** Changes a node's kind; edges into it follow the new kind's sync/async rule. */
export function setKind(d: Diagram, id: string, kind: NodeKind): Result<DiagramNode> {
  const node = d.nodes.find((n) => n.id === id);
  if (!node) return refuse('That node no longer exists');
  if (CATALOG[kind].container !== CATALOG[node.kind].container) return refuse('Groups and components cannot turn into each other');
  if (!CATALOG[kind].callable && d.edges.some((e) => e.target === id)) {
    return refuse(`A ${CATALOG[kind].label.toLowerCase()} cannot be called; remove its incoming connections first`);
  }
  const wasAsync = CATALOG[node.kind].asyncInbound;
  node.kind = kind;
  delete node.inferred;
  const isAsync = CATALOG[kind].asyncInbound;
  if (wasAsync !== isAsync) {
    for (const e of d.edges) if (e.target === id) e.mode = isAsync ? 'async' : 'sync';
  }
  return { ok: true, value: node };
}

/** Sets one simulation property, refusing values outside the field's range; undefined resets it. */
export function setNodeProp<K extends keyof NodeProps>(d: Diagram, id: string, key: K, value: NodeProps[K] | undefined): Result<DiagramNode> {
  const node = d.nodes.find((n) => n.id === id);
  if (!node) return refuse('That node no longer exists');
  const field = nodeField(key);
  if (!field) return refuse(`Unknown property ${String(key)}`);
  if (value === undefined) {
    delete node.props[key];
    return { ok: true, value: node };
  }
  const error = fieldError(field, value);
  if (error) return refuse(error);
  node.props[key] = value;
  return { ok: true, value: node };
}

export type EdgeDetails = Partial<Pick<DiagramEdge, 'label' | 'mode' | 'style'>>;

export function updateEdge(d: Diagram, id: string, details: EdgeDetails): Result<DiagramEdge> {
  const edge = d.edges.find((e) => e.id === id);
  if (!edge) return refuse('That connection no longer exists');
  for (const [key, raw] of Object.entries(details) as [keyof EdgeDetails, unknown][]) {
    const value = key === 'label' && typeof raw === 'string' ? normalizeLabel(raw) : raw;
    if (value === undefined || value === '') {
      if (key !== 'mode') delete edge[key];
    } else (edge as unknown as Record<string, unknown>)[key] = value;
  }
  return { ok: true, value: edge };
}

export function setCallProp<K extends keyof CallProps>(d: Diagram, id: string, key: K, value: CallProps[K] | undefined): Result<DiagramEdge> {
  const edge = d.edges.find((e) => e.id === id);
  if (!edge) return refuse('That connection no longer exists');
  const field = callField(key);
  if (!field) return refuse(`Unknown call setting ${String(key)}`);
  if (value === undefined) {
    delete edge.call[key];
    return { ok: true, value: edge };
  }
  const error = fieldError(field, value);
  if (error) return refuse(error);
  edge.call[key] = value;
  return { ok: true, value: edge };
}

/** A self-contained piece of a diagram: what copy puts on the clipboard and duplicate repeats. */
export interface Fragment {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  /** Canvas positions of the fragment's top-level nodes, used when their group is absent. */
  absolute: Record<string, XY>;
}

export function extractFragment(d: Diagram, ids: Iterable<string>): Fragment {
  const chosen = new Set(ids);
  for (const id of descendantIds(d, chosen)) chosen.add(id);
  const byId = indexNodes(d);
  const nodes = d.nodes.filter((n) => chosen.has(n.id)).map((n) => cloneRecord(n));
  const edges = d.edges.filter((e) => chosen.has(e.source) && chosen.has(e.target)).map((e) => cloneRecord(e));
  const absolute: Record<string, XY> = {};
  for (const n of nodes) if (!n.parentId || !chosen.has(n.parentId)) absolute[n.id] = absolutePosition(byId, n.id);
  return { nodes, edges, absolute };
}

/**
 * Adds a fragment with fresh ids, shifted by `offset`. Top-level nodes stay in their group when
 * that group exists here, otherwise they land at their canvas position. Returns the new ids of
 * the fragment's top-level nodes (what the UI selects afterwards).
 */
export function insertFragment(d: Diagram, fragment: Fragment, offset: XY): string[] {
  const fresh = new Map<string, string>();
  for (const n of fragment.nodes) fresh.set(n.id, newId('n'));
  const groups = new Set(d.nodes.filter((n) => CATALOG[n.kind].container).map((n) => n.id));
  const roots: string[] = [];
  for (const original of fragment.nodes) {
    const node = cloneRecord(original);
    node.id = fresh.get(original.id)!;
    const inFragment = original.parentId !== undefined && fresh.has(original.parentId);
    if (inFragment) {
      node.parentId = fresh.get(original.parentId!);
    } else {
      roots.push(node.id);
      const keepsParent = original.parentId !== undefined && groups.has(original.parentId);
      const base = keepsParent ? original.position : (fragment.absolute[original.id] ?? original.position);
      if (!keepsParent) delete node.parentId;
      node.position = { x: base.x + offset.x, y: base.y + offset.y };
    }
    d.nodes.push(node);
  }
  for (const original of fragment.edges) {
    const source = fresh.get(original.source);
    const target = fresh.get(original.target);
    if (!source || !target) continue;
    d.edges.push({ ...cloneRecord(original), id: newId('e'), source, target });
  }
  return roots;
}

export function duplicateNodes(d: Diagram, ids: Iterable<string>, offset: XY = { x: 40, y: 40 }): string[] {
  return insertFragment(d, extractFragment(d, ids), offset);
}

/** Wraps nodes that share a parent in a new group sized around them. */
export function groupNodes(d: Diagram, ids: readonly string[], label = 'Group'): Result<DiagramNode> {
  const byId = indexNodes(d);
  const members = ids.map((id) => byId.get(id)).filter((n): n is DiagramNode => n !== undefined);
  if (members.length === 0) return refuse('Select the nodes to group first');
  const parentId = members[0].parentId;
  if (members.some((n) => n.parentId !== parentId)) return refuse('Only nodes inside the same group can be grouped together');
  const rects = members.map((n) => ({ ...n.position, ...nodeSize(n) }));
  const box = boundsOf(rects)!;
  const group: DiagramNode = {
    id: newId('n'),
    kind: 'group',
    label,
    position: { x: box.x - GROUP_PADDING, y: box.y - GROUP_HEADER - GROUP_PADDING },
    size: { width: box.width + 2 * GROUP_PADDING, height: box.height + GROUP_HEADER + 2 * GROUP_PADDING },
    props: {},
    ...(parentId ? { parentId } : {}),
  };
  d.nodes.push(group);
  for (const n of d.nodes) {
    if (!ids.includes(n.id)) continue;
    n.position = { x: n.position.x - group.position.x, y: n.position.y - group.position.y };
    n.parentId = group.id;
  }
  return { ok: true, value: group };
}

/** Removes a group but keeps what was inside, in place, in the group's own parent. */
export function ungroup(d: Diagram, groupId: string): Result<string[]> {
  const group = d.nodes.find((n) => n.id === groupId);
  if (!group || !CATALOG[group.kind].container) return refuse('Select a group to ungroup');
  const released: string[] = [];
  for (const n of d.nodes) {
    if (n.parentId !== groupId) continue;
    n.position = { x: n.position.x + group.position.x, y: n.position.y + group.position.y };
    if (group.parentId) n.parentId = group.parentId;
    else delete n.parentId;
    released.push(n.id);
  }
  d.nodes = d.nodes.filter((n) => n.id !== groupId);
  dropFaultsOn(d, new Set([groupId]));
  return { ok: true, value: released };
}

/**
 * Adds another diagram as one group in this one: fresh ids throughout (so nothing collides),
 * its top-level nodes inside the new group, the group placed at `at`. Returns the group's id.
 */
export function insertDiagramAsGroup(d: Diagram, other: Diagram, at: XY): string {
  const fresh = new Map<string, string>();
  for (const n of other.nodes) fresh.set(n.id, newId('n'));
  const rects = other.nodes.filter((n) => !n.parentId).map((n) => ({ ...n.position, ...nodeSize(n) }));
  const box = boundsOf(rects) ?? { x: 0, y: 0, width: 0, height: 0 };
  const group: DiagramNode = {
    id: newId('n'),
    kind: 'group',
    label: other.name,
    position: { x: Math.round(at.x), y: Math.round(at.y) },
    size: { width: box.width + 2 * GROUP_PADDING, height: box.height + GROUP_HEADER + 2 * GROUP_PADDING },
    props: {},
    direction: other.direction,
  };
  d.nodes.push(group);
  for (const original of other.nodes) {
    const node = cloneRecord(original);
    node.id = fresh.get(original.id)!;
    if (original.parentId && fresh.has(original.parentId)) node.parentId = fresh.get(original.parentId);
    else {
      node.parentId = group.id;
      node.position = { x: original.position.x - box.x + GROUP_PADDING, y: original.position.y - box.y + GROUP_HEADER + GROUP_PADDING };
    }
    d.nodes.push(node);
  }
  for (const e of other.edges) {
    const source = fresh.get(e.source);
    const target = fresh.get(e.target);
    if (source && target) d.edges.push({ ...cloneRecord(e), id: newId('e'), source, target });
  }
  for (const f of other.flows) {
    d.flows.push({
      ...cloneRecord(f),
      id: newId('w'),
      steps: f.steps.filter((s) => fresh.has(s.from) && fresh.has(s.to)).map((s) => ({ ...s, from: fresh.get(s.from)!, to: fresh.get(s.to)! })),
    });
  }
  return group.id;
}
