// architecture-beta: services (their icons decide kinds), junctions, nested groups and edges.
import type { MGraph, MGroup, MNode } from './graph';
import { cleanLabel } from './labels';

interface Service {
  id: string;
  icon?: string;
  title?: string;
  in?: string;
}
interface Group {
  id: string;
  icon?: string;
  title?: string;
  in?: string;
}
interface Edge {
  lhsId: string;
  rhsId: string;
  lhsInto?: boolean;
  rhsInto?: boolean;
  title?: string;
}
export interface ArchitectureDb {
  getServices(): Service[];
  getJunctions(): { id: string; in?: string }[];
  getGroups(): Group[];
  getEdges(): Edge[];
}

/** The icons architecture-beta draws without an icon pack. */
const BUILT_IN = new Set(['cloud', 'database', 'disk', 'internet', 'server']);

export function readArchitecture(db: ArchitectureDb): MGraph {
  const nodes: MNode[] = db.getServices().map((s) => {
    const node: MNode = {
      id: s.id,
      label: cleanLabel(s.title) || s.id,
      shape: s.icon === 'database' || s.icon === 'disk' ? 'cylinder' : 'square',
      classes: [],
    };
    if (s.icon) node.icon = s.icon;
    if (s.in) node.parent = s.in;
    return node;
  });
  for (const j of db.getJunctions()) {
    const node: MNode = { id: j.id, label: j.id, shape: 'circle', classes: [], hint: { kind: 'step', rule: 'a junction in an architecture diagram' } };
    if (j.in) node.parent = j.in;
    nodes.push(node);
  }
  const groups: MGroup[] = db.getGroups().map((g) => {
    const group: MGroup = { id: g.id, label: cleanLabel(g.title) || g.id };
    if (g.in) group.parent = g.in;
    return group;
  });
  const edges = db.getEdges().map((e) => {
    // An arrow into the left-hand side only means the edge points right to left.
    const reversed = e.lhsInto === true && e.rhsInto !== true;
    return { source: reversed ? e.rhsId : e.lhsId, target: reversed ? e.lhsId : e.rhsId, label: cleanLabel(e.title), style: 'solid' as const };
  });
  // Icons from icon packs (logos:aws-s3) have no picture here: they stay in the author's text.
  const packed = [...new Set([...db.getServices(), ...db.getGroups()].map((x) => x.icon).filter((i): i is string => !!i && !BUILT_IN.has(i)))];
  const notices = packed.length
    ? [
        `${packed.length} ${packed.length === 1 ? 'icon' : 'icons'} from icon packs (${packed.slice(0, 4).join(', ')}${packed.length > 4 ? ', …' : ''}) stay in the diagram's text: the canvas shows each node's kind, the export writes the icons back`,
      ]
    : [];
  return { kind: 'architecture', direction: 'LR', nodes, groups, edges, notices };
}
