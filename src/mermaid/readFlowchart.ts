// graph / flowchart: vertices, links and subgraphs from mermaid's FlowDB.
import type { Direction, EdgeStyle } from '../model';
import { isNodeKind, safeColor } from '../model';
import type { MEdge, MGraph, MGroup, MNode } from './graph';
import { shapeOf } from './graph';
import { faultlineKindClass } from './kindClass';
import { cleanLabel } from './labels';

interface Vertex {
  id: string;
  text?: string;
  type?: string;
  labelType?: string;
  styles?: string[];
  classes?: string[];
  img?: string;
}
interface Link {
  start: string;
  end: string;
  text?: string;
  labelType?: string;
  stroke?: string;
  type?: string;
}
interface SubGraph {
  id: string;
  nodes: string[];
  title?: string;
  dir?: string;
  labelType?: string;
  classes?: string[];
}
export interface FlowDb {
  getVertices(): Map<string, Vertex>;
  getEdges(): Link[];
  getSubGraphs(): SubGraph[];
  getDirection(): string | undefined;
  getClasses(): Map<string, { styles?: string[] }>;
}

export function direction(value: string | undefined, fallback: Direction = 'TB'): Direction {
  switch (value) {
    case 'LR':
    case 'RL':
    case 'BT':
    case 'TB':
      return value;
    case 'TD':
      return 'TB';
    default:
      return fallback;
  }
}

/** A fill from `style` lines first, then from the node's classDefs; only colour values pass. */
function fillOf(styles: string[] | undefined, classes: string[] | undefined, defs: FlowDb['getClasses'] extends () => infer M ? M : never): string | undefined {
  const fromStyles = (list: string[] | undefined) => {
    for (const s of list ?? []) {
      const [key, ...rest] = s.split(':');
      if (key.trim() === 'fill') {
        const color = safeColor(rest.join(':').trim());
        if (color) return color;
      }
    }
    return undefined;
  };
  const own = fromStyles(styles);
  if (own) return own;
  for (const c of [...(classes ?? []), 'default']) {
    // A class named after a kind is how Faultline writes kinds; its colour is the kind's.
    if (isNodeKind(c)) continue;
    const fill = fromStyles(defs.get(c)?.styles);
    if (fill) return fill;
  }
  return undefined;
}

/** Mermaid's Font Awesome syntax in a label: `fa:fa-globe`, `fab:fa-github`, `fak:fa-custom`. */
const FONT_AWESOME = /\bfa[bklrsd]?:fa-[\w-]+/g;

const STROKES: Record<string, EdgeStyle> = { normal: 'solid', thick: 'thick', dotted: 'dotted', invisible: 'invisible' };

export function readFlowchart(db: FlowDb): MGraph {
  const notices: string[] = [];
  const subgraphs = db.getSubGraphs();
  const groupIds = new Set(subgraphs.map((s) => s.id));
  const parent = new Map<string, string>();
  // Mermaid lists inner subgraphs first; reading from the end lets the innermost one win.
  for (let i = subgraphs.length - 1; i >= 0; i--) for (const id of subgraphs[i].nodes) parent.set(id, subgraphs[i].id);
  const defs = db.getClasses();
  let clickable = 0;
  let images = 0;
  let icons = 0;
  const nodes: MNode[] = [];
  for (const v of db.getVertices().values()) {
    if (groupIds.has(v.id)) continue;
    const classes = (v.classes ?? []).filter((c) => c !== 'clickable' && c !== 'default');
    if ((v.classes ?? []).includes('clickable')) clickable++;
    if (v.img) images++;
    // A node written without a label has its id as text; an explicit label stays, even if blank.
    // Font Awesome icons (`fa:fa-globe`) stay in the author's text; the canvas shows the kind's icon.
    const written = v.text === undefined ? v.id : cleanLabel(v.text, v.labelType);
    const found = written.match(FONT_AWESOME)?.length ?? 0;
    icons += found;
    const label = found ? written.replace(FONT_AWESOME, '').replace(/ {2,}/g, ' ').trim() || v.id : written;
    const node: MNode = { id: v.id, label, shape: shapeOf(v.type), classes };
    const own = classes.map((c) => faultlineKindClass(c, defs.get(c)?.styles)).find((k) => k !== undefined);
    if (own) node.hint = { kind: own, rule: 'its Faultline kind class' };
    const p = parent.get(v.id);
    if (p) node.parent = p;
    const fill = fillOf(v.styles, v.classes, defs);
    if (fill) node.fill = fill;
    nodes.push(node);
  }
  const vertices = db.getVertices();
  const groups: MGroup[] = subgraphs.map((s) => {
    const g: MGroup = { id: s.id, label: s.title === undefined ? s.id : cleanLabel(s.title, s.labelType) };
    const p = parent.get(s.id);
    if (p && p !== s.id) g.parent = p;
    if (s.dir) g.direction = direction(s.dir);
    // `style <subgraph> fill:...` lands on a vertex with the subgraph's id.
    const fill = fillOf(vertices.get(s.id)?.styles, s.classes, defs);
    if (fill) g.fill = fill;
    return g;
  });
  const edges: MEdge[] = db.getEdges().map((e) => ({
    source: e.start,
    target: e.end,
    label: cleanLabel(e.text, e.labelType),
    style: STROKES[e.stroke ?? 'normal'] ?? 'solid',
  }));
  const kept = (n: number, one: string, many: string, why: string) => `${n} ${n === 1 ? one : many} in the diagram's text: ${why}`;
  if (clickable > 0) notices.push(kept(clickable, 'click line stays', 'click lines stay', 'kept for the export, never run here'));
  if (images > 0) notices.push(kept(images, 'image stays', 'images stay', 'the canvas shows the node, the export writes the image back'));
  if (icons > 0)
    notices.push(kept(icons, 'Font Awesome icon stays', 'Font Awesome icons stay', "the canvas shows each node's kind, the export writes the icons back"));
  return { kind: 'flowchart', direction: direction(db.getDirection()), nodes, groups, edges, notices };
}
