// stateDiagram-v2: states (composite states as groups), the start and end markers, and
// transitions with their labels. Notes go into the state's notes.
import type { MGraph, MGroup, MNode } from './graph';
import { cleanLabel } from './labels';
import { direction } from './readFlowchart';

interface StateNode {
  id: string;
  label?: string;
  shape?: string;
  isGroup?: boolean;
  parentId?: string;
  dir?: string;
}
interface StateEdge {
  start: string;
  end: string;
  label?: string;
}
export interface StateDb {
  getData(): { nodes: StateNode[]; edges: StateEdge[]; direction?: string };
  getStates(): Map<string, { id: string; note?: { text?: string } }>;
}

export function readState(db: StateDb): MGraph {
  const data = db.getData();
  const notes = new Map<string, string>();
  const collect = (states: Map<string, { id: string; note?: { text?: string }; doc?: unknown }>) => {
    for (const s of states.values()) if (s.note?.text) notes.set(s.id, cleanLabel(s.note.text));
  };
  collect(db.getStates());
  const nodes: MNode[] = [];
  const groups: MGroup[] = [];
  const skipped = new Set<string>();
  for (const n of data.nodes) {
    if (n.shape === 'note' || n.shape === 'noteGroup') {
      skipped.add(n.id);
      continue;
    }
    if (n.isGroup) {
      const g: MGroup = { id: n.id, label: cleanLabel(n.label) || n.id };
      if (n.parentId) g.parent = n.parentId;
      if (n.dir) g.direction = direction(n.dir);
      groups.push(g);
      continue;
    }
    const start = n.shape === 'stateStart';
    const end = n.shape === 'stateEnd';
    const node: MNode = {
      id: n.id,
      label: start ? 'Start' : end ? 'End' : cleanLabel(n.label) || n.id,
      shape: start ? 'circle' : end ? 'doublecircle' : n.shape === 'choice' ? 'diamond' : 'round',
      classes: [],
      hint: { kind: 'step', rule: 'a state in a state diagram' },
    };
    if (n.parentId) node.parent = n.parentId;
    nodes.push(node);
  }
  for (const node of nodes) {
    const note = notes.get(node.id);
    if (note) node.notes = note;
  }
  const edges = data.edges
    .filter((e) => !skipped.has(e.start) && !skipped.has(e.end))
    .map((e) => ({ source: e.start, target: e.end, label: cleanLabel(e.label), style: 'solid' as const }));
  return renameRegions({ kind: 'state', direction: direction(data.direction, 'TB'), nodes, groups, edges, notices: [] });
}

/** Ids mermaid makes up for the regions of a concurrent state (`--`): counted, or random. */
const MADE_UP = /^(divider-id-\d+|id-[a-z0-9]+-\d+)/;

/**
 * The regions of a concurrent state get ids from a counter mermaid never resets, or at random:
 * they are named here by their state and place (`Active_region_2`), so a text always imports the
 * same and its states' ids (`..._start`) stay put.
 */
function renameRegions(graph: MGraph): MGraph {
  const names = new Map<string, string>();
  const count = new Map<string, number>();
  for (const g of graph.groups) {
    if (!MADE_UP.test(g.id) || MADE_UP.exec(g.id)![0] !== g.id) continue;
    const k = (count.get(g.parent ?? '') ?? 0) + 1;
    count.set(g.parent ?? '', k);
    names.set(g.id, `${g.parent ?? 'root'}_region_${k}`);
  }
  if (names.size === 0) return graph;
  const rename = (id: string | undefined) => {
    if (id === undefined) return id;
    const m = MADE_UP.exec(id);
    const to = m ? names.get(m[0]) : undefined;
    return to ? to + id.slice(m![0].length) : id;
  };
  for (const g of graph.groups) {
    const was = g.id;
    g.id = rename(g.id)!;
    if (names.has(was) && g.label === was) g.label = `Region ${g.id.slice(g.id.lastIndexOf('_') + 1)}`;
    g.parent = rename(g.parent);
    if (g.parent === undefined) delete g.parent;
  }
  for (const n of graph.nodes) {
    n.id = rename(n.id)!;
    n.parent = rename(n.parent);
    if (n.parent === undefined) delete n.parent;
  }
  for (const e of graph.edges) {
    e.source = rename(e.source)!;
    e.target = rename(e.target)!;
  }
  return graph;
}
