// A sequence diagram's changes written into the author's text: a renamed participant gets its
// alias changed (or one added), a removed participant takes its lines with it, a removed
// connection takes the messages it stood for, new participants and connections are added as
// declarations and messages. Notes, blocks, activations and numbering stay as written.
import type { DiagramNode } from '../../model';
import { isContainer, isSource } from '../../model';
import { isReply } from '../readSequence';
import { pairKey } from './diff';
import type { PatchContext } from './flowchartPatch';
import { extent, insertLines, replaceLines } from './lines';
import type { SeqStatement, SequenceSource } from './sequenceTree';

/** Text in a sequence diagram runs to the end of its line: line breaks as `<br/>`, `;` and `#` as codes. */
export function sequenceText(label: string): string {
  return label.replace(/[#;]/g, (ch) => `#${ch.codePointAt(0)};`).replace(/\n/g, '<br/>');
}

type Message = Extract<SeqStatement, { stmt: 'message' }>;

export function patchSequence(src: SequenceSource, ctx: PatchContext): void {
  const { edits, changes } = ctx;
  const removed = new Set([...changes.removed].map(ctx.raw));
  const declarations = src.statements.filter((s): s is Extract<SeqStatement, { stmt: 'participant' }> => s.stmt === 'participant');
  const boxes = src.statements.filter((s): s is Extract<SeqStatement, { stmt: 'box' }> => s.stmt === 'box');
  const messages = src.statements.filter((s): s is Message => s.stmt === 'message');
  const top = src.statements.filter((s) => s.stmt === 'box' || s.stmt === 'participant' || ('top' in s && s.top));
  const boxRaw = (i: number) => `box_${i + 1}`;

  // Each message stands for the connection it was drawn as on import (a reply rides its call's).
  const calls = new Set(messages.filter((m) => !isReply(m.line)).map((m) => pairKey(m.from, m.to)));
  const edgeOf = (m: Message) => (isReply(m.line) && calls.has(pairKey(m.to, m.from)) ? pairKey(m.to, m.from) : pairKey(m.from, m.to));
  const removedPairs = new Set([...changes.removedEdges].map((k) => k.split('\u0000').map(ctx.raw).join('\u0000')));

  for (const s of src.statements) {
    if (s.stmt === 'participant' && removed.has(s.actor)) replaceLines(edits, s.span, []);
    else if (s.stmt === 'actorLine' && removed.has(s.actor)) replaceLines(edits, s.span, []);
    else if (s.stmt === 'note') {
      const kept = s.actors.filter((a) => !removed.has(a));
      if (kept.length === 0) replaceLines(edits, s.span, []);
      else if (kept.length < s.actors.length) edits.replace(s.actorsSpan.start, s.actorsSpan.end, kept.join(','));
    } else if (s.stmt === 'message') {
      if (removed.has(s.from) || removed.has(s.to) || removedPairs.has(edgeOf(s))) {
        // What the message switched on or off for a participant that stays, stays switched.
        const keep: string[] = [];
        if (s.activates && !removed.has(s.activates)) keep.push(`activate ${s.activates}`);
        if (s.deactivates && !removed.has(s.deactivates)) keep.push(`deactivate ${s.deactivates}`);
        replaceLines(edits, s.span, keep);
      }
    } else if (s.stmt === 'box' && changes.removed.has(ctx.own(boxRaw(s.index)))) {
      replaceLines(edits, { start: s.span.start, end: s.span.start + 3 }, []);
      replaceLines(edits, s.end, []);
    }
  }

  if (ctx.touchAll) rewriteAll(src, ctx);

  // Renamed participants: the last alias written takes the name; without one, one is added.
  for (const [id, label] of changes.label) {
    const n = ctx.nodes.get(id);
    if (!n) continue;
    const raw = ctx.raw(id);
    if (isContainer(n.kind)) {
      const box = boxes.find((b) => boxRaw(b.index) === raw);
      if (box?.label) {
        // The colour the author wrote before the name stays: what mermaid read as the name is replaced.
        const written = edits.slice(box.label.start, box.label.end);
        const old = ctx.base.get(id)?.label ?? '';
        const colour = old && written.endsWith(old) ? written.slice(0, written.length - old.length) : '';
        edits.replace(box.label.start, box.label.end, `${colour}${sequenceText(label)}`);
      }
      continue;
    }
    const own = declarations.filter((d) => d.actor === raw);
    const aliased = [...own].reverse().find((d) => d.description);
    if (aliased?.description) edits.replace(aliased.description.start, aliased.description.end, sequenceText(label));
    else if (own[0]) edits.insert(own[0].actorSpan.end, ` as ${sequenceText(label)}`);
    else {
      const first = src.statements.find((s) => (s.stmt === 'message' && (s.from === raw || s.to === raw)) || (s.stmt === 'note' && s.actors.includes(raw)));
      if (first) insertLines(edits, extent(edits, first.span).start, edits.indentAt(first.span.start), [`participant ${raw} as ${sequenceText(label)}`]);
    }
  }

  // The first message of a connection carries its label.
  for (const [key, label] of changes.edgeLabel) {
    const m = messages.find((x) => !isReply(x.line) && edgeOf(x) === key.split('\u0000').map(ctx.raw).join('\u0000'));
    if (m?.text) edits.replace(m.text.start, m.text.end, ` ${sequenceText(label)}`);
  }

  // Participants that moved into or out of a box: declared again where they now belong.
  const moved = [...changes.parent.keys()].filter((id) => !changes.removed.has(id) && !isContainer(ctx.nodes.get(id)!.kind));
  for (const id of moved) for (const d of declarations) if (d.actor === ctx.raw(id) && d.box !== undefined) replaceLines(edits, d.span, []);

  const indent = (() => {
    const first = src.statements[0];
    return first ? edits.indentAt(first.span.start) : '    ';
  })();
  const declare = (n: DiagramNode) => {
    const raw = ctx.raw(n.id);
    const label = n.label && n.label !== raw ? ` as ${sequenceText(n.label)}` : '';
    return `${isSource(n.kind) ? 'actor' : 'participant'} ${raw}${label}`;
  };
  // New and moved participants: into their box (before its `end`), else after the last declaration.
  const lastTopDeclaration = [...top].reverse().find((s) => s.stmt === 'participant' || s.stmt === 'box');
  const declarationsAt = lastTopDeclaration ? extent(edits, lastTopDeclaration.span).end : edits.lineEnd(src.header.end);
  const lines = new Map<string | undefined, string[]>();
  for (const n of [...changes.added, ...moved.map((id) => ctx.nodes.get(id)!)]) {
    if (isContainer(n.kind)) continue;
    const parent = n.parentId ? ctx.raw(n.parentId) : undefined;
    lines.set(parent, [...(lines.get(parent) ?? []), declare(n)]);
  }
  for (const [parent, list] of lines) {
    const box = parent ? boxes.find((b) => boxRaw(b.index) === parent) : undefined;
    if (box) insertLines(edits, edits.lineStart(box.end.start), `${edits.indentAt(box.span.start)}    `, list);
    else if (parent && changes.added.some((g) => ctx.raw(g.id) === parent)) {
      const group = changes.added.find((g) => ctx.raw(g.id) === parent)!;
      insertLines(edits, declarationsAt, indent, [`box ${sequenceText(group.label)}`, ...list.map((l) => `    ${l}`), 'end']);
    } else insertLines(edits, declarationsAt, indent, list);
  }

  // New connections: a message at the end.
  const lastTop = top[top.length - 1];
  const end = lastTop ? extent(edits, lastTop.span).end : edits.text.length;
  insertLines(
    edits,
    end,
    indent,
    changes.addedEdges.map((e) => `${ctx.raw(e.source)}${e.mode === 'async' ? '-)' : '->>'}${ctx.raw(e.target)}: ${sequenceText(e.label ?? '')}`),
  );
}

/** Every declaration, message and note written again from its parts (tests the writers). */
function rewriteAll(src: SequenceSource, ctx: PatchContext): void {
  const { edits } = ctx;
  const part = (x: { start: number; end: number }) => edits.slice(x.start, x.end).trim();
  for (const s of src.statements) {
    if (s.stmt === 'participant' && !s.config && !edits.text.slice(s.span.start).startsWith('create')) {
      replaceLines(edits, s.span, [`${s.draw} ${s.actor}${s.description ? ` as ${part(s.description)}` : ''}`]);
    } else if (s.stmt === 'message') {
      replaceLines(edits, s.span, [`${s.from}${part(s.arrow)}${s.marker}${s.to}:${s.text ? edits.slice(s.text.start, s.text.end) : ''}`]);
    } else if (s.stmt === 'note') {
      replaceLines(edits, s.span, [`Note ${part(s.placement)} ${s.actors.join(',')}:${s.text ? edits.slice(s.text.start, s.text.end) : ''}`]);
    }
  }
}
