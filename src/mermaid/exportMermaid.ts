// Diagram -> Mermaid `flowchart` text that mermaid parses back and Faultline reads back whole:
// groups as nested subgraphs, shapes by kind, sync edges `-->`, async `-.->`, kinds as
// classDef/class lines (which also colour them in any renderer), and everything else in
// `%% faultline:` comments. Deterministic: the same diagram gives the same text, byte for byte.
import { kindClassStyle } from './kindClass';
import type { Diagram, DiagramEdge, DiagramNode, MermaidShape, NodeKind } from '../model';
import { CATALOG, KINDS, isContainer } from '../model';
import { formatFields, PREFIX, type Value } from './annotations';
import { flowLines, scenarioLines } from './faultlineLines';
import { shapeOf } from './graph';

/** A shape's brackets as mermaid's flowchart grammar writes them. */
export const SHAPE_BRACKETS: Record<MermaidShape, [string, string]> = {
  square: ['[', ']'],
  round: ['(', ')'],
  stadium: ['([', '])'],
  subroutine: ['[[', ']]'],
  cylinder: ['[(', ')]'],
  circle: ['((', '))'],
  doublecircle: ['(((', ')))'],
  odd: ['>', ']'],
  diamond: ['{', '}'],
  hexagon: ['{{', '}}'],
  lean_right: ['[/', '/]'],
  lean_left: ['[\\', '\\]'],
  trapezoid: ['[/', '\\]'],
  inv_trapezoid: ['[\\', '/]'],
};

/** Words mermaid's flowchart grammar keeps for itself; a node cannot be called that. */
const RESERVED = new Set([
  'end',
  'graph',
  'flowchart',
  'subgraph',
  'style',
  'class',
  'classdef',
  'click',
  'linkstyle',
  'default',
  'direction',
  'call',
  'href',
  'interpolate',
]);
const VALID_ID = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Mermaid ids for every node: the node's own id when valid, otherwise a clean, unique one. */
export function mermaidIds(d: Diagram): Map<string, string> {
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  for (const n of d.nodes) if (VALID_ID.test(n.id) && !RESERVED.has(n.id.toLowerCase())) taken.add(n.id);
  for (const n of d.nodes) {
    if (taken.has(n.id) && !ids.has(n.id) && [...ids.values()].every((v) => v !== n.id)) {
      ids.set(n.id, n.id);
      continue;
    }
    const cleaned = n.id.replace(/[^A-Za-z0-9_]/g, '_').replace(/^_+/, '');
    const base = VALID_ID.test(cleaned) && !RESERVED.has(cleaned.toLowerCase()) ? cleaned : `n_${cleaned || 'node'}`;
    let id = base;
    for (let k = 2; taken.has(id); k++) id = `${base}_${k}`;
    taken.add(id);
    ids.set(n.id, id);
  }
  return ids;
}

/**
 * A label inside "...": characters Mermaid would read as syntax or HTML become numeric entity
 * codes, inner line breaks `<br/>`, and spaces Mermaid would collapse `#32;`. The colon too:
 * Mermaid's entity pre-pass deletes the last ';' of any line matching /style.*:\S*#.*;/ (meant
 * for style lines), which would cut an entity code short on a node whose id or label says "style".
 * And '%': its directive pre-pass removes `%%{...` wherever it stands, quotes or not.
 */
export function escapeLabel(text: string): string {
  if (text === '') return '#32;';
  const lines = text.split('\n');
  const escaped = lines.map((line) =>
    [...line]
      .map((ch) => {
        const code = ch.codePointAt(0)!;
        if ('"#<>&;:%`|\\'.includes(ch) || ch === '\t') return `#${code};`;
        return ch;
      })
      .join('')
      .replace(/ {2,}/g, (run) => ` ${'#32;'.repeat(run.length - 1)}`)
      .replace(/^ /, '#32;')
      .replace(/ $/, '#32;'),
  );
  // Empty first or last lines would be trimmed away: write them as entity line breaks.
  let lead = '';
  while (escaped.length > 1 && escaped[0] === '') {
    escaped.shift();
    lead += '#10;';
  }
  let trail = '';
  while (escaped.length > 1 && escaped[escaped.length - 1] === '') {
    escaped.pop();
    trail += '#10;';
  }
  return `${lead}${escaped.join('<br/>')}${trail}`;
}

const quoted = (text: string) => `"${escapeLabel(text)}"`;

/** A node as a vertex statement: its id, its shape's brackets (kept from import, else its kind's) and its label. */
export function nodeLine(n: DiagramNode, id: string): string {
  const shape = n.shape ? shapeOf(n.shape) : CATALOG[n.kind].mermaidShape;
  const [open, close] = SHAPE_BRACKETS[shape];
  return `${id}${open}${quoted(n.label)}${close}`;
}

/** How import reads an edge back before annotations: its arrow decides mode and style. */
function derivedEdge(e: DiagramEdge, targetKind: NodeKind): { mode: 'sync' | 'async'; style?: 'thick' | 'invisible'; arrow: string } {
  const inbound: 'sync' | 'async' = CATALOG[targetKind].asyncInbound ? 'async' : 'sync';
  if (e.style === 'invisible') return { mode: inbound, style: 'invisible', arrow: '~~~' };
  if (e.mode === 'async') return { mode: 'async', arrow: '-.->' };
  if (e.style === 'thick') return { mode: inbound, style: 'thick', arrow: '==>' };
  return { mode: inbound, arrow: '-->' };
}

/** A colour Mermaid's style grammar takes as is (no parentheses): hex or a colour name. */
function styleColour(color: string | undefined): string | undefined {
  return color && /^(#[0-9a-fA-F]{3,8}|[a-zA-Z]+)$/.test(color) ? color : undefined;
}

export function exportMermaid(d: Diagram): string {
  const ids = mermaidIds(d);
  // Canonical order (what an import of this text gives back): within each parent, groups first,
  // then the rest, each as stored.
  const byParent = new Map<string | undefined, DiagramNode[]>();
  const present = new Set(d.nodes.map((n) => n.id));
  for (const n of [...d.nodes.filter((x) => isContainer(x.kind)), ...d.nodes.filter((x) => !isContainer(x.kind))]) {
    const parent = n.parentId && present.has(n.parentId) ? n.parentId : undefined;
    byParent.set(parent, [...(byParent.get(parent) ?? []), n]);
  }
  const lines: string[] = [`flowchart ${d.direction}`];
  const order: DiagramNode[] = [];
  const emit = (parent: string | undefined, depth: number, seen: Set<string>) => {
    const pad = '  '.repeat(depth);
    for (const n of byParent.get(parent) ?? []) {
      if (seen.has(n.id)) continue;
      seen.add(n.id);
      order.push(n);
      const id = ids.get(n.id)!;
      if (isContainer(n.kind)) {
        lines.push(`${pad}subgraph ${id}[${quoted(n.label)}]`);
        if (n.direction) lines.push(`${pad}  direction ${n.direction}`);
        emit(n.id, depth + 1, seen);
        lines.push(`${pad}end`);
      } else lines.push(`${pad}${nodeLine(n, id)}`);
    }
  };
  emit(undefined, 1, new Set());
  // Nodes inside a group cycle (damaged input) still get written, at the top level.
  for (const n of d.nodes)
    if (!order.includes(n)) {
      order.push(n);
      lines.push(`  ${isContainer(n.kind) ? `subgraph ${ids.get(n.id)}[${quoted(n.label)}]\n  end` : nodeLine(n, ids.get(n.id)!)}`);
    }
  // Mermaid lists nodes by first mention: groups' members first, then the rest.
  const mentioned = [...order.filter((n) => !isContainer(n.kind)), ...order.filter((n) => isContainer(n.kind))];

  const kindOf = new Map(d.nodes.map((n) => [n.id, n.kind]));
  const annotations: string[] = [];
  for (const e of d.edges) {
    if (!ids.has(e.source) || !ids.has(e.target)) continue;
    const derived = derivedEdge(e, kindOf.get(e.target)!);
    const label = e.label ? `|${quoted(e.label)}|` : '';
    lines.push(`  ${ids.get(e.source)} ${derived.arrow}${label} ${ids.get(e.target)}`);
    const fields: Record<string, Value> = {};
    if (derived.mode !== e.mode) fields.mode = e.mode;
    if ((derived.style ?? 'solid') !== (e.style ?? 'solid')) fields.style = e.style ?? 'solid';
    for (const [k, v] of Object.entries(e.call)) if (v !== undefined) fields[k] = v;
    if (Object.keys(fields).length > 0) annotations.push(`${PREFIX} edge ${ids.get(e.source)}->${ids.get(e.target)} ${formatFields(fields)}`);
  }

  const used = KINDS.filter((k) => k !== 'group' && d.nodes.some((n) => n.kind === k));
  for (const kind of used) lines.push(`  classDef ${kind} ${kindClassStyle(kind)}`);
  for (const kind of used)
    lines.push(
      `  class ${mentioned
        .filter((n) => n.kind === kind)
        .map((n) => ids.get(n.id))
        .join(',')} ${kind}`,
    );
  for (const n of mentioned) {
    const colour = styleColour(n.color);
    if (colour) lines.push(`  style ${ids.get(n.id)} fill:${colour}`);
  }

  const head: string[] = [`${PREFIX} diagram ${formatFields({ name: d.name })}`];
  for (const n of mentioned) {
    const fields: Record<string, Value> = {};
    for (const [k, v] of Object.entries(n.props)) if (v !== undefined) fields[k] = v;
    if (n.notes) fields.notes = n.notes;
    if (n.color && !styleColour(n.color)) fields.color = n.color;
    if (Object.keys(fields).length > 0) head.push(`${PREFIX} node ${ids.get(n.id)} ${formatFields(fields)}`);
  }
  const tail = [...scenarioLines(d, (id) => ids.get(id) ?? id), ...flowLines(d.flows, (id) => ids.get(id) ?? id)];
  return `${[...lines, ...head, ...annotations, ...tail].join('\n')}\n`;
}
