// A sequence diagram's statements as the author wrote them, from mermaid's parse tree: participant
// declarations (with their alias), messages (with their arrow and text), notes, activations,
// boxes and the blocks around messages, each with its span.
import type { Span } from './textEdits';
import { type Branch, child, findAll, leaves, type TreeNode } from './tree';

export type SeqStatement =
  | { stmt: 'participant'; span: Span; actor: string; actorSpan: Span; description?: Span; draw: string; config: boolean; box?: number }
  | {
      stmt: 'message';
      span: Span;
      from: string;
      to: string;
      line: string;
      arrow: Span;
      marker: string;
      text?: Span;
      activates?: string;
      deactivates?: string;
      top: boolean;
    }
  | { stmt: 'note'; span: Span; actors: string[]; actorsSpan: Span; placement: Span; text?: Span; top: boolean }
  | { stmt: 'actorLine'; span: Span; actor: string; top: boolean }
  | { stmt: 'box'; span: Span; index: number; label?: Span; members: string[]; end: Span }
  | { stmt: 'block'; span: Span; top: boolean }
  | { stmt: 'other'; span: Span; top: boolean };

export interface SequenceSource {
  type: 'sequence';
  header: Span;
  statements: SeqStatement[];
}

const span = (n: TreeNode): Span => ({ start: n.start, end: n.end });

interface Value {
  type?: string;
  actor?: string | string[];
  from?: string;
  to?: string;
  signalType?: number;
  draw?: string;
  description?: unknown;
}

function entries(value: unknown): Value[] {
  if (Array.isArray(value)) return value.flatMap(entries);
  return value && typeof value === 'object' ? [value as Value] : [];
}

/** `lineNames` maps mermaid's LINETYPE numbers to their names. */
export function readSequenceTree(root: Branch, lineNames: Map<number, string>): SequenceSource {
  const header = root.kids.find((k) => k.leaf && k.token === 'SD') ?? root;
  const statements: SeqStatement[] = [];
  const document = child(root, 'document');
  const top = new Set(document ? findAll(document, 'statement', [], false) : []);
  let boxes = 0;
  for (const st of document ? findAll(document, 'statement') : []) {
    const isTop = top.has(st);
    const first = st.kids[0];
    const whole = span(st);
    if (first.leaf && first.token === 'box') {
      const section = child(st, 'box_section');
      const members: string[] = [];
      const index = boxes++;
      for (const p of section ? findAll(section, 'participant_statement') : []) {
        const declared = participant(p, span(p));
        if (declared) {
          declared.box = index;
          members.push(declared.actor);
          statements.push(declared);
        }
      }
      const label = st.kids.find((k) => k.leaf && k.token === 'restOfLine');
      statements.push({ stmt: 'box', span: whole, index, label: label ? span(label) : undefined, members, end: span(st.kids[st.kids.length - 1]) });
      continue;
    }
    const part =
      first.leaf && first.token === 'create' ? child(st, 'participant_statement') : !first.leaf && first.name === 'participant_statement' ? first : undefined;
    if (part) {
      const declared = participant(part, whole);
      statements.push(declared ?? { stmt: 'actorLine', span: whole, actor: String(entries(part.value)[0]?.actor ?? ''), top: isTop });
      continue;
    }
    if (!first.leaf && first.name === 'signal') {
      const all = entries(st.value);
      const message = all.find((v) => v.type === 'addMessage');
      const text = child(first, 'text2');
      const arrow = child(first, 'signaltype');
      const marker = first.kids.find((k) => k.leaf && (k.token === '+' || k.token === '-'));
      const m: SeqStatement = {
        stmt: 'message',
        span: whole,
        from: message?.from ?? '',
        to: message?.to ?? '',
        line: lineNames.get(message?.signalType ?? -1) ?? '',
        arrow: arrow ? span(arrow) : whole,
        marker: marker?.leaf ? marker.token : '',
        top: isTop,
      };
      // The text token starts with its ':'.
      if (text) m.text = { start: text.start + 1, end: text.end };
      const start = all.find((v) => v.type === 'activeStart');
      const end = all.find((v) => v.type === 'activeEnd');
      if (start) m.activates = String(start.actor);
      if (end) m.deactivates = String(end.actor);
      if (arrow) statements.push(m);
      continue;
    }
    if (!first.leaf && first.name === 'note_statement') {
      const note = entries(st.value).find((v) => v.type === 'addNote');
      const pair = child(first, 'actor_pair') ?? child(first, 'actor');
      const actors = Array.isArray(note?.actor) ? note.actor : [String(note?.actor ?? '')];
      const placement = child(first, 'placement') ?? first.kids.find((k) => k.leaf && k.token === 'over');
      const text = child(first, 'text2');
      statements.push({
        stmt: 'note',
        span: whole,
        actors: [...new Set(actors)],
        actorsSpan: pair ? span(pair) : whole,
        placement: placement ? span(placement) : whole,
        text: text ? { start: text.start + 1, end: text.end } : undefined,
        top: isTop,
      });
      continue;
    }
    if (st.kids.some((k) => !k.leaf && ['document', 'else_sections', 'par_sections', 'option_sections'].includes(k.name))) {
      statements.push({ stmt: 'block', span: whole, top: isTop });
      continue;
    }
    // activate, deactivate, destroy, link, links, properties, details: lines about one participant.
    const own = entries(st.value).find((v) => v.type && v.type !== 'addParticipant' && typeof v.actor === 'string');
    statements.push(own ? { stmt: 'actorLine', span: whole, actor: String(own.actor), top: isTop } : { stmt: 'other', span: whole, top: isTop });
  }
  return { type: 'sequence', header: span(header), statements };
}

function participant(p: Branch, whole: Span): Extract<SeqStatement, { stmt: 'participant' }> | null {
  const value = entries(p.value)[0];
  if (!value || (value.type !== 'addParticipant' && value.type !== 'createParticipant')) return null;
  const actor = child(p, 'actor') ?? child(p, 'actor_with_config');
  const actorLeaf = actor ? leaves(actor).find((l) => l.token === 'ACTOR') : undefined;
  const description = p.kids.find((k) => k.leaf && k.token === 'restOfLine');
  const out: Extract<SeqStatement, { stmt: 'participant' }> = {
    stmt: 'participant',
    span: whole,
    actor: String(value.actor ?? ''),
    actorSpan: actorLeaf ? span(actorLeaf) : whole,
    draw: value.draw ?? 'participant',
    config: child(p, 'actor_with_config') !== undefined,
  };
  if (description) out.description = span(description);
  return out;
}
