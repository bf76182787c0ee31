// A state diagram's changes written into the author's text: a renamed state gets its description
// changed where it was written (or a `state "..." as X` line), removed states and transitions take
// their lines with them, new ones are added at the end of their composite state or the diagram.
import type { DiagramEdge, DiagramNode } from '../../model';
import { isContainer } from '../../model';
import { pairKey } from './diff';
import type { PatchContext } from './flowchartPatch';
import { extent, insertLines, replaceLines } from './lines';
import type { StateSource, StateStatement } from './stateTree';
import type { TextEdits } from './textEdits';

/** A description or transition label runs to the end of its line. */
function stateText(label: string): string {
  return label.replace(/[#;]/g, (ch) => `#${ch.codePointAt(0)};`).replace(/\n/g, '<br/>');
}

/** `[*]` for a start or end state (mermaid names them `<composite>_start` and `_end`). */
function endpoint(raw: string, node: DiagramNode | undefined): string {
  return node?.shape === 'circle' && raw.endsWith('_start') ? '[*]' : node?.shape === 'doublecircle' && raw.endsWith('_end') ? '[*]' : raw;
}

export function patchState(src: StateSource, ctx: PatchContext): void {
  const { edits, changes } = ctx;
  const removed = new Set([...changes.removed].map(ctx.raw));
  const removedPairs = new Set([...changes.removedEdges].map((k) => k.split('\u0000').map(ctx.raw).join('\u0000')));
  const moved = new Set([...changes.parent.keys()].filter((id) => !changes.removed.has(id)).map(ctx.raw));
  const carried = new Map<string | undefined, string[]>();
  const carry = (parent: string | undefined, line: string) => carried.set(parent, [...(carried.get(parent) ?? []), line]);
  const newParent = (raw: string) => {
    const p = ctx.nodes.get(ctx.own(raw))?.parentId;
    return p ? ctx.raw(p) : undefined;
  };

  for (const s of src.statements) {
    if (s.stmt === 'relation') {
      if (removed.has(s.from) || removed.has(s.to) || removedPairs.has(pairKey(s.from, s.to))) replaceLines(edits, s.span, []);
      else if (moved.has(s.from) || moved.has(s.to)) {
        // A transition goes with a state into its new composite (mermaid draws none across two).
        replaceLines(edits, s.span, []);
        carry(newParent(moved.has(s.to) ? s.to : s.from), edits.slice(extent(edits, s.span).start, extent(edits, s.span).end).trim());
      } else if (ctx.touchAll) {
        const label = s.label ? edits.slice(s.label.start, s.label.end) : '';
        const [from, to] = s.ends.map((e) => edits.slice(e.start, e.end).trim());
        replaceLines(edits, s.span, [`${from} --> ${to}${s.label ? ` :${label}` : ''}`]);
      }
    } else if (s.stmt === 'composite' && removed.has(s.id)) {
      replaceLines(edits, s.header, []);
      replaceLines(edits, s.close, []);
    } else if ((s.stmt === 'describe' || s.stmt === 'state' || s.stmt === 'note') && (removed.has(s.id) || moved.has(s.id))) {
      replaceLines(edits, s.span, []);
      if (moved.has(s.id) && !removed.has(s.id)) carry(newParent(s.id), edits.slice(extent(edits, s.span).start, extent(edits, s.span).end).trim());
    } else if (s.stmt === 'other' && s.ids.some((id) => removed.has(id))) replaceLines(edits, s.span, []);
    else if (s.stmt === 'describe' && ctx.touchAll) {
      const text = edits.slice(s.text.start, s.text.end);
      replaceLines(edits, s.span, [s.form === 'as' ? `state "${text}" as ${s.id}` : `${s.id} :${text}`]);
    }
  }

  // Renamed states: the last description written for the state; without one, a `state ... as` line.
  const descriptions = src.statements.filter((s): s is Extract<StateStatement, { stmt: 'describe' }> => s.stmt === 'describe');
  const added = new Map<string | undefined, string[]>();
  for (const [id, label] of changes.label) {
    const raw = ctx.raw(id);
    if (moved.has(raw)) continue;
    const last = [...descriptions].reverse().find((d) => d.id === raw);
    if (last) edits.replace(last.text.start, last.text.end, last.form === 'as' ? stateText(label).replace(/"/g, '#quot;') : ` ${stateText(label)}`);
    else {
      const parent = ctx.nodes.get(id)?.parentId;
      const key = parent ? ctx.raw(parent) : undefined;
      added.set(key, [...(added.get(key) ?? []), `state "${stateText(label).replace(/"/g, '#quot;')}" as ${raw}`]);
    }
  }
  for (const [key, label] of changes.edgeLabel) {
    const [from, to] = key.split('\u0000').map(ctx.raw);
    const relation = src.statements.find((s): s is Extract<StateStatement, { stmt: 'relation' }> => s.stmt === 'relation' && s.from === from && s.to === to);
    if (!relation) continue;
    if (relation.label) edits.replace(relation.label.start, relation.label.end, label ? ` ${stateText(label)}` : '');
    else if (label)
      edits.insert(extent(edits, relation.span).end - (edits.text[extent(edits, relation.span).end - 1] === '\n' ? 1 : 0), ` : ${stateText(label)}`);
  }

  const line = (n: DiagramNode) =>
    n.label && n.label !== ctx.raw(n.id) ? `state "${stateText(n.label).replace(/"/g, '#quot;')}" as ${ctx.raw(n.id)}` : ctx.raw(n.id);
  for (const n of changes.added) {
    const parent = n.parentId ? ctx.raw(n.parentId) : undefined;
    added.set(parent, [...(added.get(parent) ?? []), isContainer(n.kind) ? `state ${ctx.raw(n.id)} {` : line(n)]);
    if (isContainer(n.kind)) added.set(parent, [...(added.get(parent) ?? []), '}']);
  }
  for (const raw of moved) {
    const n = ctx.nodes.get(ctx.own(raw));
    if (n && !src.statements.some((s) => (s.stmt === 'describe' || s.stmt === 'state') && s.id === raw)) carry(newParent(raw), line(n));
  }
  const transition = (e: DiagramEdge) =>
    `${endpoint(ctx.raw(e.source), ctx.nodes.get(e.source))} --> ${endpoint(ctx.raw(e.target), ctx.nodes.get(e.target))}${e.label ? ` : ${stateText(e.label)}` : ''}`;
  for (const e of changes.addedEdges) {
    const p = ctx.nodes.get(e.source)?.parentId;
    const key = p ? ctx.raw(p) : undefined;
    added.set(key, [...(added.get(key) ?? []), transition(e)]);
  }
  for (const [parent, lines] of carried) added.set(parent, [...(lines ?? []), ...(added.get(parent) ?? [])]);
  for (const [parent, lines] of added) {
    const { at, indent } = anchor(src, edits, parent);
    insertLines(edits, at, indent, lines);
  }

  if (changes.direction) {
    const written = src.statements.find((s) => s.stmt === 'direction' && s.top);
    if (written) replaceLines(edits, written.span, [`direction ${changes.direction}`]);
    else insertLines(edits, edits.lineEnd(src.header.start), indentOf(src, edits), [`direction ${changes.direction}`]);
  }
}

function indentOf(src: StateSource, edits: TextEdits): string {
  const first = src.statements[0];
  return first ? edits.indentAt(first.span.start) : '    ';
}

/** New lines go before a composite state's `}`, or after the diagram's last statement. */
function anchor(src: StateSource, edits: TextEdits, parent: string | undefined): { at: number; indent: string } {
  const composite = parent
    ? src.statements.find((s): s is Extract<StateStatement, { stmt: 'composite' }> => s.stmt === 'composite' && s.id === parent)
    : undefined;
  if (composite) return { at: edits.lineStart(composite.close.start), indent: `${edits.indentAt(composite.header.start)}    ` };
  const top = src.statements.filter((s) => s.top);
  const last = top[top.length - 1];
  return { at: last ? extent(edits, last.span).end : edits.text.length, indent: indentOf(src, edits) };
}
