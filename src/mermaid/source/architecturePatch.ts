// An architecture diagram's changes written into the author's text: titles replaced in their
// brackets, `in` clauses changed, removed services and edges taking their lines, new ones added
// after their kind's last line with an icon for their kind and edge sides from where the nodes sit.
import type { DiagramNode } from '../../model';
import { CATALOG, isContainer } from '../../model';
import { pairKey } from './diff';
import type { PatchContext } from './flowchartPatch';
import { extent, insertLines, replaceLines } from './lines';
import type { ArchitectureSource, ArchStatement } from './architectureTree';

/** A title in brackets; quoted (with escapes) when it holds what bare titles cannot. */
export function archTitle(label: string): string {
  const flat = label.replace(/\n/g, ' ');
  return /[[\]"'\r]/.test(flat) ? `["${flat.replace(/["\\]/g, '\\$&')}"]` : `[${flat}]`;
}

/** Which sides an edge leaves and enters by, from where its two nodes sit. */
function sides(a: DiagramNode | undefined, b: DiagramNode | undefined): [string, string] {
  if (!a || !b) return ['R', 'L'];
  const dx = b.position.x - a.position.x;
  const dy = b.position.y - a.position.y;
  if (Math.abs(dx) >= Math.abs(dy)) return dx >= 0 ? ['R', 'L'] : ['L', 'R'];
  return dy >= 0 ? ['B', 'T'] : ['T', 'B'];
}

export function patchArchitecture(src: ArchitectureSource, ctx: PatchContext): void {
  const { edits, changes } = ctx;
  const removed = new Set([...changes.removed].map(ctx.raw));
  const removedPairs = new Set([...changes.removedEdges].map((k) => k.split('\u0000').map(ctx.raw).join('\u0000')));
  const slice = (s: { start: number; end: number }) => edits.slice(s.start, s.end);

  for (const s of src.statements) {
    if (s.stmt === 'edge') {
      const key = pairKey(s.from, s.to);
      if (removed.has(s.from) || removed.has(s.to) || removedPairs.has(key)) {
        replaceLines(edits, s.span, []);
        continue;
      }
      const label = changes.edgeLabel.get(pairKey(ctx.own(s.from), ctx.own(s.to)));
      if (label !== undefined) {
        if (s.parts.title) edits.replace(s.parts.title.start, s.parts.title.end, label ? archTitle(label) : '');
        else if (label && s.dashes.length >= 2) edits.insert(s.dashes[0].end, archTitle(label));
        else if (label && s.dashes[0]) edits.replace(s.dashes[0].start, s.dashes[0].end, `-${archTitle(label)}-`);
      }
      if (ctx.touchAll && label === undefined) {
        const t = (k: string) => (s.parts[k] ? slice(s.parts[k]) : '');
        replaceLines(edits, s.span, [
          `${t('lhsId')}${t('lhsGroup')}:${t('lhsDir')} ${t('lhsInto')}-${t('title')}-${t('rhsInto')} ${t('rhsDir')}:${t('rhsId')}${t('rhsGroup')}`,
        ]);
      }
      continue;
    }
    if (removed.has(s.id)) {
      replaceLines(edits, s.span, []);
      continue;
    }
    const id = ctx.own(s.id);
    const label = changes.label.get(id);
    if (label !== undefined) {
      if (s.parts.title) edits.replace(s.parts.title.start, s.parts.title.end, archTitle(label));
      else edits.insert((s.parts.icon ?? s.parts.id).end, archTitle(label));
    }
    if (changes.parent.has(id) || (s.parent && removed.has(s.parent))) {
      const parent = ctx.nodes.get(id)?.parentId;
      const to = parent && !changes.removed.has(parent) ? ctx.raw(parent) : undefined;
      const inPart = s.parts.in;
      if (inPart && to) edits.replace(inPart.start, inPart.end, to);
      else if (inPart) {
        // ` in <group>` goes: from the end of what comes before it.
        const before = s.parts.title ?? s.parts.icon ?? s.parts.id;
        edits.replace(before.end, inPart.end, '');
      } else if (to) edits.insert((s.parts.title ?? s.parts.icon ?? s.parts.id).end, ` in ${to}`);
    }
    if (ctx.touchAll && label === undefined && !changes.parent.has(id)) {
      const p = s.parts;
      const written = `${s.stmt} ${s.id}${p.icon ? slice(p.icon) : ''}${p.title ? slice(p.title) : ''}${s.parent ? ` in ${s.parent}` : ''}`;
      replaceLines(edits, s.span, [written]);
    }
  }

  const last = (kinds: ArchStatement['stmt'][]) => [...src.statements].reverse().find((s) => kinds.includes(s.stmt));
  const indent = src.statements[0] ? edits.indentAt(src.statements[0].span.start) : '    ';
  const at = (s: ArchStatement | undefined) => (s ? extent(edits, s.span).end : edits.text.length);
  const declare = (n: DiagramNode) => {
    const parent = n.parentId ? ` in ${ctx.raw(n.parentId)}` : '';
    if (isContainer(n.kind)) return `group ${ctx.raw(n.id)}(${CATALOG[n.kind].architectureIcon})${archTitle(n.label)}${parent}`;
    return `service ${ctx.raw(n.id)}(${CATALOG[n.kind].architectureIcon})${archTitle(n.label)}${parent}`;
  };
  insertLines(edits, at(last(['group'])), indent, changes.added.filter((n) => isContainer(n.kind)).map(declare));
  insertLines(edits, at(last(['service', 'junction', 'group'])), indent, changes.added.filter((n) => !isContainer(n.kind)).map(declare));
  insertLines(
    edits,
    at(last(['edge', 'service', 'junction', 'group'])),
    indent,
    changes.addedEdges.map((e) => {
      const [out, into] = sides(ctx.nodes.get(e.source), ctx.nodes.get(e.target));
      return `${ctx.raw(e.source)}:${out} -${e.label ? archTitle(e.label) : ''}-> ${into}:${ctx.raw(e.target)}`;
    }),
  );
}
