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
  return { kind: 'state', direction: direction(data.direction, 'TB'), nodes, groups, edges, notices: [] };
}
