// The intermediate graph between mermaid's parser and a Faultline diagram: what the Mermaid text
// said, in Faultline's words, before kinds, ids and positions are decided.
import type { Direction, EdgeStyle, FlowBlock, FlowStep, MermaidShape, NodeKind } from '../model';

export type MermaidKind = 'flowchart' | 'sequence' | 'state' | 'architecture';

export interface MNode {
  id: string;
  label: string;
  shape: MermaidShape;
  parent?: string;
  /** Fill colour from style or classDef lines, kept only when it is a colour value. */
  fill?: string;
  classes: string[];
  /** architecture-beta icon name. */
  icon?: string;
  /** What the diagram type itself says the node is (an actor, a state, a junction). */
  hint?: { kind: NodeKind; rule: string };
  notes?: string;
}

export interface MGroup {
  id: string;
  label: string;
  parent?: string;
  direction?: Direction;
  fill?: string;
}

export interface MEdge {
  source: string;
  target: string;
  label: string;
  style: EdgeStyle;
}

export interface MGraph {
  kind: MermaidKind;
  direction: Direction;
  nodes: MNode[];
  groups: MGroup[];
  edges: MEdge[];
  /** Sequence diagrams: the ordered messages, with alt/opt/par/loop blocks. */
  flow?: { steps: FlowStep[]; blocks: FlowBlock[] };
  /** Things left out, said for people ("2 click handlers were ignored"). */
  notices: string[];
}

/** Mermaid's shape names, classic and new (`@{ shape: ... }`), to the shapes Faultline draws. */
const SHAPES: Record<string, MermaidShape> = {
  square: 'square',
  rect: 'square',
  rectangle: 'square',
  proc: 'square',
  process: 'square',
  doc: 'square',
  docs: 'square',
  document: 'square',
  documents: 'square',
  text: 'square',
  round: 'round',
  rounded: 'round',
  event: 'round',
  stadium: 'stadium',
  pill: 'stadium',
  terminal: 'stadium',
  subroutine: 'subroutine',
  subproc: 'subroutine',
  'fr-rect': 'subroutine',
  'framed-rectangle': 'subroutine',
  subprocess: 'subroutine',
  cylinder: 'cylinder',
  cyl: 'cylinder',
  database: 'cylinder',
  db: 'cylinder',
  'h-cyl': 'cylinder',
  das: 'cylinder',
  'horizontal-cylinder': 'cylinder',
  'lin-cyl': 'cylinder',
  disk: 'cylinder',
  'lined-cylinder': 'cylinder',
  circle: 'circle',
  circ: 'circle',
  'sm-circ': 'circle',
  'small-circle': 'circle',
  start: 'circle',
  doublecircle: 'doublecircle',
  'dbl-circ': 'doublecircle',
  'double-circle': 'doublecircle',
  stop: 'doublecircle',
  odd: 'odd',
  asymmetric: 'odd',
  flag: 'odd',
  diamond: 'diamond',
  diam: 'diamond',
  decision: 'diamond',
  question: 'diamond',
  hexagon: 'hexagon',
  hex: 'hexagon',
  prepare: 'hexagon',
  lean_right: 'lean_right',
  'lean-r': 'lean_right',
  'lean-right': 'lean_right',
  'in-out': 'lean_right',
  lean_left: 'lean_left',
  'lean-l': 'lean_left',
  'lean-left': 'lean_left',
  'out-in': 'lean_left',
  trapezoid: 'trapezoid',
  'trap-b': 'trapezoid',
  'trapezoid-bottom': 'trapezoid',
  priority: 'trapezoid',
  inv_trapezoid: 'inv_trapezoid',
  'trap-t': 'inv_trapezoid',
  'trapezoid-top': 'inv_trapezoid',
  'inv-trapezoid': 'inv_trapezoid',
  manual: 'inv_trapezoid',
};

export function shapeOf(name: string | undefined): MermaidShape {
  return (name && Object.hasOwn(SHAPES, name) ? SHAPES[name] : undefined) ?? 'square';
}
