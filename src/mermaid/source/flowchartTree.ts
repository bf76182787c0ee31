// A flowchart's statements as the author wrote them, read from mermaid's own parse tree: each
// chain of nodes and links with the span of every node and link in it, subgraphs with their
// header and `end`, and the style, class, linkStyle and click lines with what they refer to.
import type { Span } from './textEdits';
import { type Branch, child, leaves, statementsOf, type TreeNode } from './tree';

export interface LinkData {
  type?: string;
  stroke?: string;
  length?: number;
  id?: string;
  text?: { text: string; type: string };
}

export interface FlowVertexRef {
  id: string;
  /** The node with its `:::class`, and a `@{ ... }` that follows it. */
  piece: Span;
  /** The node itself: id, shape and text. */
  vertex: Span;
  idSpan: Span;
  /** The label inside its brackets (inside the quotes or backticks when it has them). */
  text?: Span;
  textType?: string;
  /** Mermaid's shape name when brackets give one. */
  shape?: string;
  shapeData?: Span;
  /** The `:::class` suffix, when written. */
  className?: string;
}

export interface FlowLinkRef {
  span: Span;
  data: LinkData;
  label?: Span;
}

export type FlowStatement =
  | { stmt: 'chain'; span: Span; groups: FlowVertexRef[][]; links: FlowLinkRef[] }
  | { stmt: 'subgraph'; span: Span; id: string; header: Span; idText: Span; title?: Span; titleType?: string; body: FlowStatement[]; end: Span }
  | { stmt: 'style'; span: Span; id: string; styles: string[]; stylesSpan: Span }
  | { stmt: 'class'; span: Span; ids: string[]; className: string; idsSpan: Span }
  | { stmt: 'linkStyle'; span: Span; positions: string[]; numsSpan: Span }
  | { stmt: 'click'; span: Span; id: string }
  | { stmt: 'direction'; span: Span; value: string }
  | { stmt: 'other'; span: Span };

export interface FlowSource {
  type: 'flowchart';
  /** The direction after `flowchart`, when written. */
  direction?: Span;
  header: Span;
  body: FlowStatement[];
}

const span = (n: TreeNode): Span => ({ start: n.start, end: n.end });

function callOf(node: Branch, method: string): unknown[] | undefined {
  for (let i = node.calls.length - 1; i >= 0; i--) if (node.calls[i].method === method) return node.calls[i].args;
  return undefined;
}

/** Reads the parse tree of a flowchart; `subgraphIds` is mermaid's list, in its (innermost-first) order. */
export function readFlowchartTree(root: Branch, text: string, subgraphIds: string[], vertexIds: Set<string>): FlowSource {
  const config = child(root, 'graphConfig');
  const dir = config ? leaves(config).find((l) => l.token === 'DIR') : undefined;
  const document = child(root, 'document');
  const queue = [...subgraphIds];
  const source: FlowSource = {
    type: 'flowchart',
    header: config ? span(config) : { start: 0, end: 0 },
    body: document ? readDocument(document, text, queue, vertexIds) : [],
  };
  if (dir) source.direction = span(dir);
  return source;
}

function readDocument(document: Branch, text: string, queue: string[], vertexIds: Set<string>): FlowStatement[] {
  return statementsOf(document).map((s) => readStatement(s, text, queue, vertexIds));
}

function readStatement(st: Branch, text: string, queue: string[], vertexIds: Set<string>): FlowStatement {
  const first = st.kids[0];
  const whole = span(st);
  if (first.leaf && first.token === 'subgraph') {
    const inner = child(st, 'document');
    const body = inner ? readDocument(inner, text, queue, vertexIds) : [];
    const id = queue.shift() ?? '';
    const idText = child(st, 'textNoTags');
    const title = child(st, 'text');
    const separator = child(st, 'separator');
    const endLeaf = st.kids[st.kids.length - 1];
    const headerEnd = separator ? separator.end : (idText ?? first).end;
    const args = st.calls.find((c) => c.method === 'addSubGraph')?.args as [{ type?: string }, unknown, { type?: string }] | undefined;
    const statement: FlowStatement = {
      stmt: 'subgraph',
      span: whole,
      id,
      header: { start: first.start, end: headerEnd },
      idText: idText ? span(idText) : { start: first.end, end: first.end },
      body,
      end: span(endLeaf),
    };
    if (title) {
      statement.title = span(title);
      statement.titleType = args?.[2]?.type;
    } else if (idText) statement.titleType = args?.[0]?.type;
    return statement;
  }
  if (first.leaf) return { stmt: 'other', span: whole };
  switch (first.name) {
    case 'vertexStatement': {
      const chain = readChain(first, text);
      const ids = chain.groups.flat().map((v) => v.id);
      // `e1@{ animate: true }` names an edge, not a node.
      if (chain.links.length === 0 && ids.every((id) => !vertexIds.has(id))) return { stmt: 'other', span: whole };
      return { stmt: 'chain', span: whole, ...chain };
    }
    case 'styleStatement': {
      const args = callOf(first, 'addVertex') as [string, unknown, unknown, string[]] | undefined;
      const styles = child(first, 'stylesOpt');
      return {
        stmt: 'style',
        span: whole,
        id: args?.[0] ?? '',
        styles: args?.[3] ?? [],
        stylesSpan: styles ? span(styles) : { start: first.end, end: first.end },
      };
    }
    case 'classStatement': {
      const args = callOf(first, 'setClass') as [string, string] | undefined;
      const ids = child(first, 'idString');
      return {
        stmt: 'class',
        span: whole,
        ids: (args?.[0] ?? '').split(',').map((s) => s.trim()),
        className: args?.[1] ?? '',
        idsSpan: ids ? span(ids) : { start: first.start, end: first.start },
      };
    }
    case 'linkStyleStatement': {
      const nums = child(first, 'numList');
      const positions = nums
        ? leaves(nums)
            .filter((l) => l.token !== 'COMMA')
            .map((l) => text.slice(l.start, l.end).trim())
        : ['default'];
      const numsSpan = nums ? span(nums) : (leaves(first).find((l) => l.token === 'DEFAULT') ?? first);
      return { stmt: 'linkStyle', span: whole, positions, numsSpan: { start: numsSpan.start, end: numsSpan.end } };
    }
    case 'clickStatement': {
      const args = (callOf(first, 'setLink') ?? callOf(first, 'setClickEvent') ?? callOf(first, 'setTooltip')) as [string] | undefined;
      return { stmt: 'click', span: whole, id: args?.[0] ?? '' };
    }
    case 'direction': {
      const token = leaves(first)[0]?.token ?? '';
      return { stmt: 'direction', span: whole, value: token.replace('direction_', '').toUpperCase() };
    }
    default:
      return { stmt: 'other', span: whole };
  }
}

/** `vertexStatement` is left-recursive: `vertexStatement link node [shapeData]` or `node [shapeData]`. */
function readChain(vs: Branch, text: string): { groups: FlowVertexRef[][]; links: FlowLinkRef[] } {
  const [first, ...rest] = vs.kids;
  const shapeData = rest.find((k): k is Branch => !k.leaf && k.name === 'shapeData');
  if (!first.leaf && first.name === 'vertexStatement') {
    const chain = readChain(first, text);
    const link = rest.find((k): k is Branch => !k.leaf && k.name === 'link');
    const node = rest.find((k): k is Branch => !k.leaf && k.name === 'node');
    const args = callOf(vs, 'addLink') as [string[], string[], LinkData] | undefined;
    if (link) chain.links.push(readLink(link, args?.[2] ?? {}));
    if (node) chain.groups.push(readGroup(node, shapeData, vs, text));
    return chain;
  }
  return { groups: !first.leaf && first.name === 'node' ? [readGroup(first, shapeData, vs, text)] : [], links: [] };
}

function readLink(link: Branch, data: LinkData): FlowLinkRef {
  const label = child(link, 'edgeText') ?? (child(link, 'arrowText') ? child(child(link, 'arrowText')!, 'text') : undefined);
  const ref: FlowLinkRef = { span: trimmed(link), data };
  if (label) ref.label = span(label);
  return ref;
}

/** A link's span without the spaces around it (its tokens carry them). */
function trimmed(link: Branch): Span {
  const ls = leaves(link);
  return { start: ls[0]?.start ?? link.start, end: ls[ls.length - 1]?.end ?? link.end };
}

/** `node` is `styledVertex` or `node [shapeData] & styledVertex`. */
function readGroup(node: Branch, trailing: Branch | undefined, owner: Branch, text: string): FlowVertexRef[] {
  const out: FlowVertexRef[] = [];
  const walk = (n: Branch) => {
    const inner = n.kids.find((k): k is Branch => !k.leaf && k.name === 'node');
    if (inner) {
      walk(inner);
      const data = n.kids.find((k): k is Branch => !k.leaf && k.name === 'shapeData');
      if (data && out.length > 0) attachShapeData(out[out.length - 1], data, text);
    }
    const styled = n.kids.find((k): k is Branch => !k.leaf && k.name === 'styledVertex');
    if (styled) out.push(readVertex(styled, n, owner));
  };
  walk(node);
  if (trailing && out.length > 0) attachShapeData(out[out.length - 1], trailing, text);
  return out;
}

/** The lexer takes a `@{ ... }` block's closing brace without a token: the span ends after it. */
function attachShapeData(v: FlowVertexRef, data: Branch, text: string): void {
  const close = text.indexOf('}', data.end);
  const end = close < 0 ? data.end : close + 1;
  v.shapeData = { start: data.start, end };
  v.piece = { start: v.piece.start, end };
}

function readVertex(styled: Branch, node: Branch, owner: Branch): FlowVertexRef {
  const vertex = child(styled, 'vertex')!;
  const idString = child(vertex, 'idString') ?? vertex;
  const args = (callOf(vertex, 'addVertex') ?? callOf(node, 'addVertex') ?? callOf(owner, 'addVertex')) as
    | [string, { type?: string } | undefined, string | undefined]
    | undefined;
  const ref: FlowVertexRef = { id: args?.[0] ?? '', piece: span(styled), vertex: span(vertex), idSpan: span(idString) };
  const text = child(vertex, 'text');
  if (text) {
    ref.text = span(text);
    ref.textType = args?.[1]?.type;
  }
  if (args?.[2]) ref.shape = args[2];
  const cls = styled.kids.length > 1 ? styled.kids[styled.kids.length - 1] : undefined;
  if (cls && !cls.leaf) ref.className = '';
  return ref;
}
