// Intermediate graph -> Faultline diagram: kinds weighed from each node's evidence, groups
// nested, dotted links asynchronous, sequence messages kept as a request flow. Positions are
// left for layout.
import type { Diagram, DiagramEdge, DiagramNode, EdgeStyle, KindInference, NodeKind } from '../model';
import { CATALOG, createDiagram, nextFreeId, safeId } from '../model';
// Not through the model's index: inference is only needed on import, which loads when used.
import { inferKind } from '../model/inference';
import type { MGraph } from './graph';

export interface ImportCounts {
  nodes: number;
  edges: number;
  groups: number;
  steps: number;
}

export interface Converted {
  diagram: Diagram;
  notices: string[];
  counts: ImportCounts;
}

function styleOf(style: EdgeStyle): EdgeStyle | undefined {
  // Dotted is how Mermaid says asynchronous; the mode carries it, not the style.
  return style === 'thick' || style === 'invisible' ? style : undefined;
}

export function toDiagram(graph: MGraph, name: string): Converted {
  const notices = [...graph.notices];
  const d = createDiagram(name);
  d.direction = graph.direction;
  const processFlow = graph.kind === 'flowchart' && graph.nodes.some((n) => n.shape === 'diamond');
  // Ids in the id rule's safe form (model/schema/id.ts): the same for every mention, so links hold.
  let unsafe = 0;
  const idOf = (id: string) => {
    const safe = safeId(id);
    if (safe !== id) unsafe++;
    return safe;
  };
  const groupIds = new Set(graph.groups.map((g) => safeId(g.id)));
  for (const g of graph.groups) {
    const group: DiagramNode = { id: idOf(g.id), kind: 'group', label: g.label, position: { x: 0, y: 0 }, props: {} };
    if (g.parent && groupIds.has(safeId(g.parent))) group.parentId = safeId(g.parent);
    if (g.direction) group.direction = g.direction;
    if (g.fill) group.color = g.fill;
    d.nodes.push(group);
  }
  const groupOf = new Map(graph.groups.map((g) => [g.id, g]));
  const titlesAround = (parent: string | undefined) => {
    const titles: string[] = [];
    for (
      let g = parent === undefined ? undefined : groupOf.get(parent);
      g && titles.length < graph.groups.length;
      g = g.parent === undefined ? undefined : groupOf.get(g.parent)
    )
      titles.push(g.label);
    return titles;
  };
  for (const n of graph.nodes) {
    const inferred: KindInference & { kind: NodeKind } =
      n.hint ??
      inferKind({
        id: n.id,
        label: n.label,
        shape: n.shape,
        classes: n.classes,
        icon: n.icon,
        processFlow,
        groups: titlesAround(n.parent),
        participant: graph.kind === 'sequence',
      });
    const node: DiagramNode = {
      id: idOf(n.id),
      kind: inferred.kind,
      label: n.label,
      position: { x: 0, y: 0 },
      props: {},
      shape: n.shape,
      inferred: inferred.matched ? { rule: inferred.rule, matched: inferred.matched } : { rule: inferred.rule },
    };
    if (n.parent && groupIds.has(safeId(n.parent))) node.parentId = safeId(n.parent);
    if (n.fill) node.color = n.fill;
    if (n.notes) node.notes = n.notes;
    d.nodes.push(node);
  }
  const kinds = new Map(d.nodes.map((n) => [n.id, n.kind]));
  const pairs = new Map<string, DiagramEdge>();
  // Ids made from the text's order, so one diagram text always gives the same document.
  const edgeIds = new Set<string>();
  let selfLoops = 0;
  for (const raw of graph.edges) {
    const e = { ...raw, source: safeId(raw.source), target: safeId(raw.target) };
    if (!kinds.has(e.source) || !kinds.has(e.target)) continue;
    if (e.source === e.target) {
      selfLoops++;
      continue;
    }
    const key = `${e.source}\u0000${e.target}`;
    const existing = pairs.get(key);
    if (existing) {
      // Mermaid allows the same link twice; Faultline keeps one, with both labels.
      if (e.label && existing.label !== e.label) existing.label = existing.label ? `${existing.label} / ${e.label}` : e.label;
      notices.push(`The link ${e.source} → ${e.target} appears more than once; it became one connection`);
      continue;
    }
    const targetKind = kinds.get(e.target)!;
    const edge: DiagramEdge = {
      id: nextFreeId('e', edgeIds),
      source: e.source,
      target: e.target,
      mode: e.style === 'dotted' || CATALOG[targetKind].asyncInbound ? 'async' : 'sync',
      call: {},
    };
    if (e.label) edge.label = e.label;
    const style = styleOf(e.style);
    if (style) edge.style = style;
    pairs.set(key, edge);
  }
  d.edges = [...pairs.values()];
  if (selfLoops > 0) notices.push(`${selfLoops} ${selfLoops === 1 ? 'link from a node to itself was' : 'links from a node to itself were'} left out`);
  if (graph.flow) {
    const steps = graph.flow.steps.map((s) => ({ ...s, from: safeId(s.from), to: safeId(s.to) }));
    d.flows = [{ id: 'w_1', name: `${name} flow`, steps, blocks: graph.flow.blocks }];
  }
  if (unsafe > 0)
    notices.push(
      `${unsafe} ${unsafe === 1 ? 'id held' : 'ids held'} characters an id may not (quotes, backslashes, control characters): "_" stands in for them`,
    );
  return {
    diagram: d,
    notices,
    counts: { nodes: graph.nodes.length, edges: d.edges.length, groups: graph.groups.length, steps: graph.flow?.steps.length ?? 0 },
  };
}
