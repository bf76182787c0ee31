// The question bank as data: a template is one interview question with its brief, the Mermaid
// diagrams of the bank, how to make those diagrams run (setup) and its failure drills.
import type { CallProps, Fault, NodeKind, NodeProps, TrafficPattern } from '../model';
import type { Scale } from './scale';

export const DIFFICULTIES = ['Medium', 'Hard', 'Expert'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

export interface TemplateDiagram {
  /** The heading above the fence. */
  heading: string;
  /** The Mermaid text, exactly as in the bank. */
  text: string;
  /** 1-based line of the fence in the Markdown file. */
  line: number;
}

/** A node the setup adds: a traffic source the bank's drawing leaves implicit, say. */
export interface AddedNode {
  kind: NodeKind;
  label: string;
  parent?: string;
}

/** Changes that make an imported diagram run, or that a drill's fix makes. */
export interface DiagramPatch {
  /** Setup only: nodes and "Source->Target" connections the drawing leaves implicit. */
  add: { nodes: Record<string, AddedNode>; edges: string[] };
  /** Node id -> kind, where the words of the bank's labels say too little. */
  kinds: Record<string, NodeKind>;
  /** Node id -> simulation properties. */
  nodes: Record<string, Partial<NodeProps>>;
  /** "Source->Target" (node ids) -> call settings. */
  edges: Record<string, Partial<CallProps>>;
}

export interface DrillTraffic {
  rateRps?: number;
  pattern?: TrafficPattern;
  patternFactor?: number;
  patternStartMs?: number;
  patternDurationMs?: number;
}

/** A scenario fault as a drill writes it: on a node, group or "Source->Target" by name. */
export type DrillFault = Omit<Fault, 'id' | 'target'> & { on: string };

export const MEASURES = ['success', 'p99', 'failures', 'queue', 'lag', 'load', 'utilisation', 'attempts', 'breaker'] as const;
export type Measure = (typeof MEASURES)[number];

/** A stated outcome: a measure of one part over a window of the run, above or below a bound. */
export interface Expectation {
  what: Measure;
  /** A client or node id, or "Source->Target" for `attempts` and `breaker`. */
  of: string;
  fromMs: number;
  toMs: number;
  above?: number;
  below?: number;
}

export interface DrillFix {
  title: string;
  patch: DiagramPatch;
  expect: Expectation[];
}

export interface Drill {
  id: string;
  title: string;
  /** What the drill shows, in the template's words. */
  description: string;
  /** 1-based index of the diagram it runs on. */
  diagram: number;
  durationMs: number;
  warmupMs: number;
  seed: number;
  traffic: Record<string, DrillTraffic>;
  faults: DrillFault[];
  expect: Expectation[];
  fix: DrillFix | null;
}

/** A question to design, or a guide (the interview's structures, red flags and calibration). */
export type TemplateKind = 'question' | 'guide';

/** A section of a guide under its own level-2 heading. */
export interface GuidePart {
  heading: string;
  text: string;
}

export interface QuestionTemplate {
  id: string;
  kind: TemplateKind;
  title: string;
  category: string;
  /** A question's; a guide has none. */
  difficulty: Difficulty | null;
  minutes: number;
  source: string;
  summary: string;
  /** Another template this one is a variant of (the interviewer's guide's version of a question). */
  variantOf: string | null;
  statement: string;
  requirements: string;
  discussion: string;
  /** A guide's sections other than its diagrams, in order (a question has none). */
  parts: GuidePart[];
  diagrams: TemplateDiagram[];
  /** Diagram index (1-based) -> what makes it run. */
  setup: Record<number, DiagramPatch>;
  /** The scale requirements as numbers, when the file states them (templates/scale.ts). */
  scale: Scale | null;
  drills: Drill[];
}
