// sequenceDiagram: participants become nodes in a row, each caller -> callee pair an edge, and the
// messages, in order and with their alt/opt/par/loop blocks, a request flow for playback.
import type { FlowBlock, FlowStep, NodeKind } from '../model';
import { safeColor } from '../model';
import type { MEdge, MGraph, MGroup, MNode } from './graph';
import { cleanLabel } from './labels';

interface Actor {
  name: string;
  description?: string;
  type?: string;
}
interface Box {
  name?: string;
  fill?: string;
  actorKeys: string[];
}
interface Message {
  from?: string | null;
  to?: string | null;
  message?: string;
  type?: number;
}
export interface SequenceDb {
  getActors(): Map<string, Actor>;
  getMessages(): Message[];
  getBoxes?(): Box[];
  LINETYPE: Record<string, number>;
}

/** Participant types that say what a participant is (`participant DB@{ "type": "database" }`). */
const TYPE_HINTS: Record<string, { kind: NodeKind; rule: string }> = {
  actor: { kind: 'client', rule: 'an actor in a sequence diagram' },
  database: { kind: 'database', rule: 'a database participant in a sequence diagram' },
  queue: { kind: 'queue', rule: 'a queue participant in a sequence diagram' },
};

const BLOCK_START: Record<string, FlowBlock['type']> = {
  LOOP_START: 'loop',
  ALT_START: 'alt',
  OPT_START: 'opt',
  PAR_START: 'par',
  PAR_OVER_START: 'par',
  RECT_START: 'rect',
  CRITICAL_START: 'critical',
  BREAK_START: 'break',
};
const BLOCK_BRANCH = new Set(['ALT_ELSE', 'PAR_AND', 'CRITICAL_OPTION']);
const BLOCK_END = new Set(['LOOP_END', 'ALT_END', 'OPT_END', 'PAR_END', 'RECT_END', 'CRITICAL_END', 'BREAK_END']);
const IGNORED = new Set(['NOTE', 'ACTIVE_START', 'ACTIVE_END', 'AUTONUMBER']);

/** True for messages drawn dotted: answers to an earlier call. */
export function isReply(name: string): boolean {
  return name.startsWith('DOTTED') || name.endsWith('_DOTTED') || name === 'BIDIRECTIONAL_DOTTED';
}

export function readSequence(db: SequenceDb): MGraph {
  const names = new Map<number, string>(Object.entries(db.LINETYPE).map(([k, v]) => [v, k]));
  const nodes: MNode[] = [];
  // Boxes group participants: they become groups, named box_1, box_2, ... in the order written.
  const groups: MGroup[] = [];
  const boxOf = new Map<string, string>();
  (db.getBoxes?.() ?? []).forEach((b, i) => {
    const group: MGroup = { id: `box_${i + 1}`, label: cleanLabel(b.name) };
    const fill = b.fill && b.fill !== 'transparent' ? safeColor(b.fill) : undefined;
    if (fill) group.fill = fill;
    groups.push(group);
    for (const key of b.actorKeys) boxOf.set(key, group.id);
  });
  for (const [id, a] of db.getActors()) {
    const shape = a.type === 'actor' ? 'stadium' : a.type === 'database' ? 'cylinder' : 'square';
    const node: MNode = { id, label: cleanLabel(a.description || a.name || id) || id, shape, classes: [] };
    const hint = a.type ? TYPE_HINTS[a.type] : undefined;
    if (hint) node.hint = hint;
    const box = boxOf.get(id);
    if (box) node.parent = box;
    nodes.push(node);
  }
  const steps: FlowStep[] = [];
  const blocks: FlowBlock[] = [];
  const open: number[] = [];
  for (const m of db.getMessages()) {
    const name = names.get(m.type ?? -1) ?? '';
    if (IGNORED.has(name)) continue;
    if (BLOCK_START[name]) {
      const block: FlowBlock = { type: BLOCK_START[name], label: cleanLabel(m.message) };
      if (open.length > 0) block.parent = open[open.length - 1];
      open.push(blocks.push(block) - 1);
      continue;
    }
    if (BLOCK_BRANCH.has(name)) {
      const current = blocks[open[open.length - 1]];
      if (!current) continue;
      const branch: FlowBlock = { type: current.type, label: cleanLabel(m.message) };
      if (current.parent !== undefined) branch.parent = current.parent;
      open[open.length - 1] = blocks.push(branch) - 1;
      continue;
    }
    if (BLOCK_END.has(name)) {
      open.pop();
      continue;
    }
    if (!m.from || !m.to) continue;
    const reply = isReply(name);
    const step: FlowStep = { from: m.from, to: m.to, label: cleanLabel(m.message), reply };
    if (name.endsWith('_POINT')) step.async = true;
    if (open.length > 0) step.block = open[open.length - 1];
    steps.push(step);
  }
  const notes = db.getMessages().filter((m) => names.get(m.type ?? -1) === 'NOTE').length;
  const notices =
    notes > 0
      ? [
          `${notes} ${notes === 1 ? 'note stays' : 'notes stay'} in the diagram's text (the canvas does not show sequence notes); the Mermaid export writes ${notes === 1 ? 'it' : 'them'} back`,
        ]
      : [];
  return { kind: 'sequence', direction: 'LR', nodes, groups, edges: edgesOf(steps), flow: { steps, blocks }, notices };
}

/**
 * One edge per caller -> callee pair, labelled by its first message. Replies travel back on
 * their call's edge; a reply with no call in either direction still gets an edge of its own.
 */
function edgesOf(steps: FlowStep[]): MEdge[] {
  const edges = new Map<string, MEdge>();
  const key = (from: string, to: string) => `${from}\u0000${to}`;
  const add = (s: FlowStep) => edges.set(key(s.from, s.to), { source: s.from, target: s.to, label: s.label, style: s.async ? 'dotted' : 'solid' });
  for (const s of steps) if (!s.reply && s.from !== s.to && !edges.has(key(s.from, s.to))) add(s);
  for (const s of steps) if (s.reply && s.from !== s.to && !edges.has(key(s.from, s.to)) && !edges.has(key(s.to, s.from))) add(s);
  return [...edges.values()];
}
