// A flowchart's changes written into the author's text. Only what changed is touched: a renamed
// node changes the label where the author last wrote it; a removed connection rewrites the one
// chain that drew it; new nodes and connections are added as lines of their own; `style`, `class`
// and `click` lines follow the nodes they name. Chains, nodes and links that stay are copied from
// the author's text, character for character.
import type { DiagramEdge, DiagramNode } from '../../model';
import { isContainer } from '../../model';
import { nodeLine, SHAPE_BRACKETS } from '../exportMermaid';
import { type SourceChanges, pairKey } from './diff';
import type { FlowLinkRef, FlowSource, FlowStatement, FlowVertexRef, LinkData } from './flowchartTree';
import { labelIn, quotedLabel } from './labelText';
import { extent, insertLines, replaceLines } from './lines';
import type { Span, TextEdits } from './textEdits';

export interface PatchContext {
  edits: TextEdits;
  changes: SourceChanges;
  nodes: Map<string, DiagramNode>;
  /** The nodes as the text made them. */
  base: Map<string, DiagramNode>;
  /** The author's id for a diagram id. */
  raw(id: string): string;
  /** The diagram id for an author's id. */
  own(raw: string): string;
  /** Rewrite every node, link and subgraph header from what mermaid read (tests the writers). */
  touchAll: boolean;
}

/** Brackets for each vertex type mermaid reads: Faultline's shapes and the ellipse it reads as a circle. */
const BRACKETS: Record<string, [string, string]> = { ...SHAPE_BRACKETS, ellipse: ['(-', '-)'] };

const HEADS: Record<string, string> = { arrow_point: '>', arrow_cross: 'x', arrow_circle: 'o', arrow_open: '' };

/** A link as mermaid's grammar writes it: stroke, length, heads at one or both ends. */
export function linkArrow(data: LinkData): string {
  const type = data.type ?? 'arrow_point';
  const length = Math.max(1, data.length ?? 1);
  const double = type.startsWith('double_');
  const head = HEADS[double ? type.replace('double_', '') : type] ?? '>';
  const tail = double ? (head === '>' ? '<' : head) : '';
  let body: string;
  switch (data.stroke) {
    case 'thick':
      body = '='.repeat(length + (head ? 1 : 2));
      break;
    case 'dotted':
      body = `-${'.'.repeat(length)}-`;
      break;
    case 'invisible':
      return '~'.repeat(length + 2);
    default:
      body = '-'.repeat(length + (head ? 1 : 2));
  }
  return `${data.id ?? ''}${tail}${body}${head}`;
}

/** The arrow a new connection gets: how Faultline reads arrows back (`-.->` asynchronous, ...). */
function arrowFor(e: DiagramEdge): string {
  if (e.style === 'invisible') return '~~~';
  if (e.mode === 'async') return '-.->';
  if (e.style === 'thick') return '==>';
  return '-->';
}

export function newLink(e: DiagramEdge): string {
  return `${arrowFor(e)}${e.label ? `|${quotedLabel(e.label)}|` : ''}`;
}

interface Located {
  statement: FlowStatement;
  /** Subgraph statements around it, outermost first. */
  within: Extract<FlowStatement, { stmt: 'subgraph' }>[];
}

function flatten(body: FlowStatement[], within: Located['within'] = [], out: Located[] = []): Located[] {
  for (const s of body) {
    out.push({ statement: s, within });
    if (s.stmt === 'subgraph') flatten(s.body, [...within, s], out);
  }
  return out;
}

type PairFate = 'keep' | 'drop' | 'elsewhere';

export function patchFlowchart(src: FlowSource, ctx: PatchContext): void {
  const { edits, changes } = ctx;
  const all = flatten(src.body);
  const subgraphs = new Map(all.flatMap((l) => (l.statement.stmt === 'subgraph' ? [[l.statement.id, l.statement] as const] : [])));
  const removed = new Set([...changes.removed].map(ctx.raw));
  // Nodes that leave a subgraph: every mention inside a subgraph goes, so the node's new place decides.
  const movers = new Set([...changes.parent.keys()].filter((id) => !changes.removed.has(id) && !isContainer(ctx.nodes.get(id)!.kind)).map(ctx.raw));
  const movedGroups = [...changes.parent.keys()].filter((id) => !changes.removed.has(id) && isContainer(ctx.nodes.get(id)!.kind));
  const removedPairs = new Set([...changes.removedEdges].map((k) => rawPair(k, ctx)));
  const relabelled = new Map([...changes.edgeLabel].map(([k, v]) => [rawPair(k, ctx), v]));
  const restyled = new Map([...changes.edgeLook].map(([k, v]) => [rawPair(k, ctx), v]));
  const elsewhere: string[] = [];

  relabelNodes(all, ctx);
  const seen = new Map<unknown, Set<string>>();
  for (const { statement: s, within } of all) {
    if (s.stmt === 'chain') {
      const block = within[within.length - 1] ?? src;
      const before = new Set(seen.get(block));
      seen.set(block, new Set([...before, ...s.groups.flat().map((v) => v.id)]));
      rewriteChain(s, within.length > 0, ctx, { removed, movers, removedPairs, relabelled, restyled, elsewhere, mentionedBefore: (id) => before.has(id) });
    } else if (s.stmt === 'subgraph') rewriteSubgraph(s, ctx);
    else if (s.stmt === 'style') {
      if (removed.has(s.id)) replaceLines(edits, s.span, []);
    } else if (s.stmt === 'click') {
      if (removed.has(s.id)) replaceLines(edits, s.span, []);
    } else if (s.stmt === 'class') {
      const kept = s.ids.filter((id) => !removed.has(id));
      if (kept.length === 0) replaceLines(edits, s.span, []);
      else if (kept.length < s.ids.length) edits.replace(s.idsSpan.start, s.idsSpan.end, kept.join(','));
    }
  }
  recolour(all, ctx);

  // Where new lines go: after the last chain or subgraph of their block, or at the block's end.
  const topAnchor = anchorAfter(src.body, edits, src.header.end);
  const blockAnchor = (groupRaw: string | undefined): { at: number; indent: string } => {
    const g = groupRaw ? subgraphs.get(groupRaw) : undefined;
    if (!g) return { at: topAnchor, indent: indentOfBody(src.body, edits) ?? '    ' };
    const at = edits.lineStart(g.end.start);
    return { at, indent: indentOfBody(g.body, edits) ?? `${edits.indentAt(g.header.start)}    ` };
  };

  // Groups moved into another group: their whole block moves.
  for (const id of movedGroups) {
    const g = subgraphs.get(ctx.raw(id));
    if (!g) continue;
    const e = extent(edits, g.span);
    const block = edits.slice(e.start, e.end).replace(/\n$/, '').split('\n');
    edits.replace(e.start, e.end, '');
    const parent = ctx.nodes.get(id)!.parentId;
    const { at, indent } = blockAnchor(parent ? ctx.raw(parent) : undefined);
    const strip = edits.indentAt(g.span.start).length;
    insertLines(
      edits,
      at,
      indent,
      block.map((l) => l.slice(Math.min(strip, l.length - l.trimStart().length))),
    );
  }

  // New groups and nodes, and nodes that moved, each written where it now belongs.
  const written = new Set<string>();
  const writeInto = (parentRaw: string | undefined, lines: string[]) => {
    const { at, indent } = blockAnchor(parentRaw);
    insertLines(edits, at, indent, lines);
  };
  // A moved node is written as the author last defined it (its text edited in place if renamed).
  const definitions = new Map<string, FlowVertexRef>();
  for (const { statement: s } of all) if (s.stmt === 'chain') for (const v of s.groups.flat()) if (v.text || v.shapeData) definitions.set(v.id, v);
  const definitionOf = (raw: string, n: DiagramNode): string => {
    const v = definitions.get(raw);
    return v && !changes.shape.has(n.id) ? edits.slice(v.piece.start, v.piece.end) : nodeLine(n, raw);
  };
  const newGroupLines = (n: DiagramNode, pad: string): string[] => {
    written.add(n.id);
    const lines = [`${pad}subgraph ${ctx.raw(n.id)}[${quotedLabel(n.label)}]`];
    if (n.direction) lines.push(`${pad}    direction ${n.direction}`);
    for (const c of ctx.nodes.values()) {
      if (c.parentId !== n.id || written.has(c.id)) continue;
      if (!changes.added.includes(c) && !movers.has(ctx.raw(c.id))) continue;
      if (isContainer(c.kind)) lines.push(...newGroupLines(c, `${pad}    `));
      else {
        written.add(c.id);
        lines.push(`${pad}    ${definitionOf(ctx.raw(c.id), c)}`);
      }
    }
    lines.push(`${pad}end`);
    return lines;
  };
  for (const n of changes.added) {
    if (written.has(n.id)) continue;
    const parent = n.parentId ? ctx.raw(n.parentId) : undefined;
    if (isContainer(n.kind)) writeInto(parent, newGroupLines(n, ''));
    else {
      written.add(n.id);
      writeInto(parent, [nodeLine(n, ctx.raw(n.id))]);
    }
  }
  for (const raw of movers) {
    const id = ctx.own(raw);
    if (written.has(id)) continue;
    const n = ctx.nodes.get(id)!;
    written.add(id);
    writeInto(n.parentId ? ctx.raw(n.parentId) : undefined, [definitionOf(raw, n)]);
  }
  const links = [...elsewhere, ...changes.addedEdges.map((e) => `${ctx.raw(e.source)} ${newLink(e)} ${ctx.raw(e.target)}`)];
  insertLines(edits, topAnchor, indentOfBody(src.body, edits) ?? '    ', links);

  if (changes.direction && src.direction) edits.replace(src.direction.start, src.direction.end, ` ${changes.direction}`);
  else if (changes.direction) edits.insert(src.header.end - (edits.text[src.header.end - 1] === '\n' ? 1 : 0), ` ${changes.direction}`);
}

function rawPair(key: string, ctx: PatchContext): string {
  const [s, t] = key.split('\u0000');
  return pairKey(ctx.raw(s), ctx.raw(t));
}

/** The indentation the block's statements use, from its first one. */
function indentOfBody(body: FlowStatement[], edits: TextEdits): string | undefined {
  const first = body.find((s) => s.stmt !== 'other' || edits.text.slice(s.span.start, s.span.end).trim() !== '');
  return first ? edits.indentAt(first.span.start) : undefined;
}

function anchorAfter(body: FlowStatement[], edits: TextEdits, fallback: number): number {
  const last = [...body].reverse().find((s) => s.stmt === 'chain' || s.stmt === 'subgraph') ?? body[body.length - 1];
  return last ? extent(edits, last.span).end : edits.lineEnd(Math.max(0, fallback - 1));
}

/** Renamed nodes: the label where mermaid takes it from (the last text written for the node). */
function relabelNodes(all: Located[], ctx: PatchContext): void {
  const refs = new Map<string, FlowVertexRef[]>();
  for (const { statement: s } of all) if (s.stmt === 'chain') for (const v of s.groups.flat()) refs.set(v.id, [...(refs.get(v.id) ?? []), v]);
  const ids = new Set([...ctx.changes.label.keys(), ...ctx.changes.shape]);
  for (const id of ids) {
    const n = ctx.nodes.get(id);
    if (!n || isContainer(n.kind)) continue;
    const own = refs.get(ctx.raw(id)) ?? [];
    const withText = [...own].reverse().find((v) => v.text || v.shapeData);
    if (ctx.changes.shape.has(id) || !withText) {
      const at = withText ?? own[0];
      if (at) ctx.edits.replace(at.vertex.start, at.vertex.end, nodeLine(n, ctx.raw(id)));
      continue;
    }
    if (withText.text) ctx.edits.replace(withText.text.start, withText.text.end, labelIn(withText.textType, n.label));
    else if (withText.shapeData) ctx.edits.replace(withText.vertex.start, withText.piece.end, nodeLine(n, ctx.raw(id)));
  }
}

interface ChainChanges {
  removed: Set<string>;
  movers: Set<string>;
  removedPairs: Set<string>;
  relabelled: Map<string, string>;
  restyled: Map<string, DiagramEdge>;
  /** Links rewritten as lines of their own at the top level. */
  elsewhere: string[];
  /** Whether a node is already mentioned before this chain in the same block (a bare mention adds nothing). */
  mentionedBefore(id: string): boolean;
}

function emitVertex(v: FlowVertexRef, edits: TextEdits): string {
  const brackets = v.shape ? BRACKETS[v.shape] : undefined;
  if (!brackets || !v.text || v.shapeData) return edits.slice(v.piece.start, v.piece.end);
  const content = edits.slice(v.text.start, v.text.end);
  const quoted = v.textType === 'markdown' ? `"\`${content}\`"` : v.textType === 'string' ? `"${content}"` : content;
  return `${v.id}${brackets[0]}${quoted}${brackets[1]}${edits.slice(v.vertex.end, v.piece.end)}`;
}

function emitLink(l: FlowLinkRef, edits: TextEdits): string {
  if (!l.label) return linkArrow(l.data);
  const content = edits.slice(l.label.start, l.label.end);
  const quoted = l.data.text?.type === 'markdown' ? `"\`${content}\`"` : l.data.text?.type === 'string' ? `"${content}"` : content;
  return `${linkArrow(l.data)}|${quoted}|`;
}

function rewriteChain(s: Extract<FlowStatement, { stmt: 'chain' }>, inSubgraph: boolean, ctx: PatchContext, c: ChainChanges): void {
  const { edits } = ctx;
  const gone = (id: string) => c.removed.has(id) || (inSubgraph && c.movers.has(id));
  const piece = (v: FlowVertexRef) => (ctx.touchAll ? emitVertex(v, edits) : edits.slice(v.piece.start, v.piece.end));
  const linkText = (l: FlowLinkRef) => (ctx.touchAll ? emitLink(l, edits) : edits.slice(l.span.start, l.span.end).trim());
  // A node written as its bare id, already mentioned in this block before: writing it again adds nothing.
  const redundant = (v: FlowVertexRef) => edits.slice(v.piece.start, v.piece.end).trim() === v.id && c.mentionedBefore(v.id);
  const isBareRedundant = (line: string) => s.groups.some((g) => g.some((v) => v.id === line && redundant(v)));
  let changed = ctx.touchAll;
  const fates: PairFate[][][] = s.links.map((_, i) =>
    s.groups[i].map((a) =>
      s.groups[i + 1].map((b): PairFate => {
        const key = pairKey(a.id, b.id);
        if (c.removed.has(a.id) || c.removed.has(b.id) || c.removedPairs.has(key)) return 'drop';
        if (gone(a.id) || gone(b.id)) return 'elsewhere';
        const single = s.groups[i].length === 1 && s.groups[i + 1].length === 1;
        if ((c.relabelled.has(key) || c.restyled.has(key)) && !single) return 'elsewhere';
        return 'keep';
      }),
    ),
  );
  // A link drawing one connection is changed where it stands.
  s.links.forEach((l, i) => {
    if (s.groups[i].length !== 1 || s.groups[i + 1].length !== 1) return;
    const key = pairKey(s.groups[i][0].id, s.groups[i + 1][0].id);
    const look = c.restyled.get(key);
    const label = c.relabelled.get(key);
    if (look) edits.replace(l.span.start, l.span.end, newLink({ ...look, label: label ?? look.label }));
    else if (label !== undefined) {
      if (l.label && label) edits.replace(l.label.start, l.label.end, labelIn(l.data.text?.type, label));
      else edits.replace(l.span.start, l.span.end, `${linkArrow({ ...l.data, text: undefined })}${label ? `|${quotedLabel(label)}|` : ''}`);
    }
  });
  for (const g of s.groups) if (g.some((v) => gone(v.id))) changed = true;
  for (const f of fates) if (f.some((row) => row.some((x) => x !== 'keep'))) changed = true;
  if (!changed) return;

  const kept = s.groups.map((g) => g.filter((v) => !gone(v.id)));
  const keeps = (i: number, a: FlowVertexRef, b: FlowVertexRef) => fates[i][s.groups[i].indexOf(a)][s.groups[i + 1].indexOf(b)] === 'keep';
  const groupText = (g: FlowVertexRef[]) => g.map(piece).join(' & ');
  const out: string[] = [];
  // Nodes a rewritten chain no longer links still stand on their own line: they keep their text.
  const alone: FlowVertexRef[] = [];
  let current: string | null = kept[0].length ? groupText(kept[0]) : null;
  s.links.forEach((l, i) => {
    const left = kept[i];
    const right = kept[i + 1];
    const pairs = left.flatMap((a) => right.filter((b) => keeps(i, a, b)).map((b) => [a, b] as const));
    const link = linkText(l);
    for (const [ai, a] of s.groups[i].entries())
      for (const [bi, b] of s.groups[i + 1].entries()) {
        if (fates[i][ai][bi] !== 'elsewhere') continue;
        const key = pairKey(a.id, b.id);
        c.elsewhere.push(`${a.id} ${linkElsewhere(l, c.restyled.get(key), c.relabelled.get(key), linkText)} ${b.id}`);
      }
    if (current !== null && right.length > 0 && pairs.length === left.length * right.length) {
      current = `${current} ${link} ${groupText(right)}`;
      return;
    }
    // One node on one side: the chain goes on with the nodes that side still links.
    if (current !== null && pairs.length > 0 && left.length === 1 && i === s.links.length - 1) {
      const linked = right.filter((b) => keeps(i, left[0], b));
      alone.push(...right.filter((b) => !linked.includes(b)));
      current = `${current} ${link} ${groupText(linked)}`;
      return;
    }
    if (current !== null && pairs.length > 0 && right.length === 1 && i === 0) {
      const linked = left.filter((a) => keeps(i, a, right[0]));
      alone.push(...left.filter((a) => !linked.includes(a)));
      current = `${groupText(linked)} ${link} ${groupText(right)}`;
      return;
    }
    if (current !== null) out.push(current);
    for (const [a, b] of pairs) out.push(`${a.id} ${link} ${b.id}`);
    current = right.length ? groupText(right) : null;
  });
  if (current !== null) out.push(current);
  const needed = alone.filter((v) => !redundant(v));
  if (needed.length) out.push(groupText(needed));
  replaceLines(
    edits,
    s.span,
    out.filter((line) => !isBareRedundant(line)),
  );
}

/** A link written again on its own: as the author drew it, or with its new look or label. */
function linkElsewhere(l: FlowLinkRef, look: DiagramEdge | undefined, label: string | undefined, original: (l: FlowLinkRef) => string): string {
  if (!look && label === undefined) return original(l);
  const arrow = look ? newLink({ ...look, label: undefined }) : linkArrow({ ...l.data, text: undefined });
  const text = label ?? l.data.text?.text ?? '';
  return `${arrow}${text ? `|${quotedLabel(text)}|` : ''}`;
}

function rewriteSubgraph(s: Extract<FlowStatement, { stmt: 'subgraph' }>, ctx: PatchContext): void {
  const { edits, changes } = ctx;
  const id = ctx.own(s.id);
  if (changes.removed.has(id)) {
    replaceLines(edits, s.header, []);
    replaceLines(edits, { start: s.end.start, end: s.end.start + 3 }, []);
    return;
  }
  const label = changes.label.get(id);
  if (label !== undefined && s.title) edits.replace(s.title.start, s.title.end, labelIn(s.titleType, label));
  else if (label !== undefined) {
    // `subgraph One` names and titles it at once: the title now needs brackets of its own.
    const outer = quotedSpan(edits.text, s.idText);
    edits.replace(outer.start, outer.end, `${s.id}[${quotedLabel(label)}]`);
  } else if (ctx.touchAll && s.title) {
    const original = edits.slice(s.title.start, s.title.end);
    const title = s.titleType === 'markdown' ? `"\`${original}\`"` : s.titleType === 'string' ? `"${original}"` : original;
    const close = edits.text.indexOf(']', quotedSpan(edits.text, s.title).end);
    edits.replace(s.idText.start, close + 1, `${edits.slice(s.idText.start, s.idText.end).trim()}[${title}]`);
  }
  if (changes.groupDirection.has(id)) {
    const dir = changes.groupDirection.get(id);
    const written = s.body.find((b) => b.stmt === 'direction');
    if (written) replaceLines(edits, written.span, dir ? [`direction ${dir}`] : []);
    else if (dir) insertLines(edits, extent(edits, s.header).end, `${edits.indentAt(s.header.start)}    `, [`direction ${dir}`]);
  }
}

/** A string's span with its quotes (and a Markdown string's backticks), which its token leaves out. */
function quotedSpan(text: string, span: Span): Span {
  let { start, end } = span;
  if (text[start - 1] === '`' && text[end] === '`') {
    start--;
    end++;
  }
  if (text[start - 1] === '"' && text[end] === '"') {
    start--;
    end++;
  }
  return { start, end };
}

/** Fill colours: the node's last `style` line takes the new fill; without one, a line is added. */
function recolour(all: Located[], ctx: PatchContext): void {
  const { edits } = ctx;
  const last = new Map<string, Extract<FlowStatement, { stmt: 'style' }>>();
  for (const { statement: s } of all) if (s.stmt === 'style') last.set(s.id, s);
  const added: string[] = [];
  for (const [id, color] of ctx.changes.color) {
    if (ctx.changes.removed.has(id)) continue;
    const raw = ctx.raw(id);
    const style = last.get(raw);
    const fill = color && /^(#[0-9a-fA-F]{3,8}|[a-zA-Z]+)$/.test(color) ? color : undefined;
    if (style) {
      const rest = style.styles.filter((x) => x.split(':')[0].trim() !== 'fill');
      const styles = fill ? [`fill:${fill}`, ...rest] : rest;
      if (styles.length) edits.replace(style.stylesSpan.start, style.stylesSpan.end, styles.join(','));
      else replaceLines(edits, style.span, []);
    } else if (fill) added.push(`style ${raw} fill:${fill}`);
  }
  if (added.length === 0) return;
  const top = all.filter((l) => l.within.length === 0);
  const lastTop = top[top.length - 1]?.statement;
  const at = lastTop ? extent(edits, lastTop.span).end : edits.text.length;
  insertLines(edits, at, lastTop ? edits.indentAt(lastTop.span.start) : '    ', added);
}

export type { Span };
